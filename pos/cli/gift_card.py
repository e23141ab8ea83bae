"""`comptoir gift-card`: register a card sold on paper before Comptoir, read a card's balance.

Like `comptoir users`, the command line acts as the shop's local administrator (actor "cli"
in the audit log); both actions go through `GiftCardService`. Exit codes: 0 done, 1 refused
(the reason on stderr: unknown card, code taken, ...), 2 the database cannot be used. A card
past its validity still shows its balance (exit 0), with the day it expired: it can no
longer pay at the counter.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable
from decimal import Decimal, InvalidOperation

from pos.cli.common import add_db_option, open_store
from pos.domain.money import Money
from pos.domain.roles import Operator
from pos.services.errors import ServiceError
from pos.services.gift_cards import KINDS, GiftCardError, GiftCardView
from pos.wiring import Store

CLI_ACTOR = Operator.local_admin("cli")
EXIT_REFUSED = 1  # 2, the database unusable, comes from `run_command`
_MESSAGES = {
    "gift_card_code_invalid": "{code!s} is not a card code (4 to 32 letters and digits)",
    "gift_card_code_taken": "a card with the code {code!s} is already registered",
    "gift_card_not_found": "no card has the code {code!s}",
    "gift_card_amount_invalid": "the amount must be more than zero ({amount!s})",
    "gift_card_kind_invalid": "unknown kind {kind!s}",
    "permission_denied": "not allowed ({permission!s})",
    "customer_not_found": "no customer matches {customer!s}",
    "customer_ambiguous": "{count!s} customers match {customer!s}: give the whole e-mail",
}


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    cards = sub.add_parser("gift-card", help="register a paper gift card, read a card's balance")
    actions = cards.add_subparsers(dest="gift_card_command", metavar="ACTION", required=True)

    add = actions.add_parser(
        "register", help="record a card sold before Comptoir with what it still holds"
    )
    add.add_argument("code", help="the code printed on the card (case, spaces, dashes ignored)")
    add.add_argument("amount", type=_amount, help="what it still holds, e.g. 25.00")
    add.add_argument("--currency", required=True, help="ISO currency, e.g. EUR")
    add.add_argument("--kind", choices=KINDS, default="gift_card")
    add.add_argument("--note", default="", help="kept in the audit log")
    add.add_argument("--customer", default=None,
                     help="whose card: the customer's e-mail, name or phone (one match)")
    add.add_argument("--json", action="store_true", help="print the card as JSON")
    add.set_defaults(handler=_register)

    balance = actions.add_parser("balance", help="what a card holds now")
    balance.add_argument("code")
    balance.add_argument("--json", action="store_true", help="print the card as JSON")
    balance.set_defaults(handler=_balance)
    for parser in (add, balance):
        add_db_option(parser)


def _amount(text: str) -> Decimal:
    try:
        value = Decimal(text.strip().replace(",", "."))
    except InvalidOperation:
        raise argparse.ArgumentTypeError(f"not an amount: {text!r}") from None
    if not value.is_finite():
        raise argparse.ArgumentTypeError(f"not an amount: {text!r}")
    return value


def _run(args: argparse.Namespace, action: Callable[[Store], GiftCardView]) -> int:
    """Run `action` on the shop; a database that fails is `run_command`'s sentence (exit 2)."""
    store = open_store(args)
    try:
        card = action(store)
    except ServiceError as error:
        template = _MESSAGES.get(error.code, error.code)
        print(f"error: {template.format(**error.params)}", file=sys.stderr)
        return EXIT_REFUSED
    finally:
        store.close()
    amount = card.balance.to_decimal()
    until = card.valid_until.isoformat() if card.valid_until else None
    if args.json:
        print(json.dumps({"code": card.code, "kind": card.kind, "balance": str(amount),
                          "currency": card.balance.currency, "valid_until": until,
                          "expired": card.expired}))  # fmt: skip
    elif card.expired:
        print(f"{card.code}  {card.kind}  {amount} {card.balance.currency}  "
              f"expired (valid until {until}): it can no longer pay")
    else:
        print(f"{card.code}  {card.kind}  {amount} {card.balance.currency}")
    return 0


def _register(args: argparse.Namespace) -> int:
    currency = args.currency.strip().upper()
    if len(currency) != 3 or not currency.isalpha():
        print(f"error: not a currency code: {args.currency!r}", file=sys.stderr)
        return EXIT_REFUSED
    amount = Money.from_decimal(args.amount, currency)
    if amount.to_decimal() != args.amount:
        print(f"error: {args.amount} has more decimals than {currency} has", file=sys.stderr)
        return EXIT_REFUSED
    return _run(args, lambda store: store.gift_cards.register(
        CLI_ACTOR, args.code, amount, kind=args.kind, note=args.note,
        customer_id=_customer(store, args.customer)))  # fmt: skip


def _customer(store: Store, text: str | None) -> int | None:
    """The one customer `text` names (an e-mail, a name, a phone); None without `text`."""
    if text is None:
        return None
    found = store.customers.find(text)
    exact = [c for c in found if (c.email or "").lower() == text.strip().lower()]
    if len(exact) == 1 or len(found) == 1:
        return (exact or found)[0].customer_id
    code = "customer_ambiguous" if found else "customer_not_found"
    raise GiftCardError(code, customer=text, count=len(found))


def _balance(args: argparse.Namespace) -> int:
    return _run(args, lambda store: store.gift_cards.balance(args.code))
