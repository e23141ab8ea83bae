"""Returns without a receipt (issue #16, docs/no-receipt.md): value, limits, commit.

A no-receipt return is a counter document like the others (`DocumentKind.NO_RECEIPT`): the
terminal's gapless number, the drawer session, the Z and the Reports, the audit, the receipt
and its reprint. It refers to no order but to a customer, is always approved by a manager
(`ApprovalRule.NO_RECEIPT`), and refunds only as a new gift card or store credit. On Wix it
moves stock only: a restocked unit queues the usual stock delta, nothing else.
"""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, time, timedelta
from decimal import Decimal
from zoneinfo import ZoneInfo

from pos.db import no_receipt as repo
from pos.db import returns as returns_repo
from pos.db.audit import DbSession, ensure_write_transaction
from pos.db.closing import open_session_id
from pos.db.closing_blocks import seal_if_last
from pos.db.documents import (
    DocumentHeader,
    DocumentWriter,
    ValuedVariant,
    next_document_number,
)
from pos.db.engine import SessionFactory
from pos.db.no_receipt import CustomerMatch
from pos.domain.clock import Clock
from pos.domain.money import Money, total_of
from pos.domain.no_receipt import (
    NoReceiptLimits,
    NoReceiptReason,
    NoReceiptRefusedError,
    ValuationBasis,
    check_customer,
    check_limits,
    check_not_final_sale,
    check_quantity,
    check_reason,
    check_refund_method,
    limits_left,
    line_credit,
    unit_value,
)
from pos.domain.policy import ApprovalRule, Policy
from pos.domain.returns import Disposition, DocumentKind, Fees, Quote, QuotedReturn
from pos.domain.roles import Approval, Operator, Permission
from pos.domain.settlement import STORE_CREDIT_METHODS, BalanceKind, Tender, TenderMethod, settle
from pos.services.access import confirm_operator, require
from pos.services.audit import audit_action
from pos.services.gift_cards import chosen_card_codes
from pos.services.policy import load_policy
from pos.services.returns import (
    CommittedDocument,
    IssuedCard,
    ReturnsError,
    bind_approvals,
    check_approvals,
)
from pos.services.writeback import stock_delta_step

__all__ = ["CustomerMatch", "NoReceiptCustomer", "NoReceiptLimits", "NoReceiptLine",
           "NoReceiptLineQuote", "NoReceiptQuote", "NoReceiptReason", "NoReceiptRefusedError",
           "NoReceiptService", "ValuationBasis"]

DISPOSITIONS = (Disposition.RESTOCK, Disposition.DAMAGED)


@dataclass(frozen=True, slots=True)
class NoReceiptLineQuote:
    """What `quantity` units of one variant are worth without a receipt.

    Attributes:
        unit_value: One unit, tax included.
        total: `unit_value` × `quantity`; `tax` is its VAT at `tax_rate`, rounded once.
        basis: Lowest price sold (then `sold_at` is when) or the current price.
    """

    variant_id: int
    name: str
    sku: str
    quantity: int
    unit_value: Money
    total: Money
    tax: Money
    tax_rate: Decimal
    basis: ValuationBasis
    sold_at: datetime | None


@dataclass(frozen=True, slots=True)
class NoReceiptQuote:
    """Every line valued, their total, and the limits it was checked against (nothing written)."""

    lines: tuple[NoReceiptLineQuote, ...]
    total: Money
    limits: NoReceiptLimits


@dataclass(frozen=True, slots=True)
class NoReceiptLine:
    """A variant taken back: how many, and whether it goes back on the shelf or is damaged."""

    variant_id: int
    quantity: int = 1
    disposition: Disposition = Disposition.RESTOCK


@dataclass(frozen=True, slots=True)
class NoReceiptCustomer:
    """An existing customer (`customer_id`), or a new local one: a name, and a phone or
    e-mail (real shops ask for an ID)."""

    customer_id: int | None = None
    first_name: str = ""
    last_name: str = ""
    email: str = ""
    phone: str = ""


class NoReceiptService:
    """No-receipt returns at one terminal. One public method = one counter action."""

    def __init__(self, *, sessions: SessionFactory, clock: Clock, terminal_id: str,
                 time_zone: str = "Europe/Paris", currency: str = "EUR") -> None:
        self._sessions, self._clock, self._terminal = sessions, clock, terminal_id
        self._zone, self._currency = ZoneInfo(time_zone), currency

    def value(self, *, variant_id: int | None = None, code: str | None = None,
              quantity: int = 1) -> NoReceiptLineQuote:
        """Value a scanned (`code`: barcode or SKU) or picked variant by the policy.

        Raises:
            ReturnsError: ``variant_not_found``.
            NoReceiptRefusedError: ``no_receipt_not_sold``, ``no_receipt_final_sale``,
                ``no_receipt_quantity``.
        """
        check_quantity(quantity)
        with self._sessions() as s:
            return self._value(s, load_policy(s), variant_id=variant_id, code=code,
                               quantity=quantity, now=self._clock.now())

    def quote(self, lines: Sequence[NoReceiptLine], *,
              customer_id: int | None = None) -> NoReceiptQuote:
        """What `commit` would give for `lines`, refused now as it would be (read-only).

        Raises:
            NoReceiptRefusedError: as `value`, and ``no_receipt_customer_limit`` /
                ``no_receipt_day_limit`` (the approval is not asked for here).
            ReturnsError: ``variant_not_found``.
        """
        _check_lines(lines)
        now = self._clock.now()
        with self._sessions() as s:
            policy = load_policy(s)
            quotes = tuple(self._value(s, policy, variant_id=line.variant_id,
                                       quantity=line.quantity, now=now) for line in lines)
            limits = self._limits(s, policy, customer_id, now)
        return NoReceiptQuote(quotes, check_limits(limits, [q.total for q in quotes]), limits)

    def limits(self, customer_id: int | None) -> NoReceiptLimits:
        """What is left for the customer (a new one: the whole limit) and for the shop today."""
        with self._sessions() as s:
            return self._limits(s, load_policy(s), customer_id, self._clock.now())

    def find_customers(self, text: str, *, limit: int = 20) -> list[CustomerMatch]:
        """Customers by name, e-mail or phone (accents and case do not count)."""
        with self._sessions() as s:
            return repo.find_customers(s, text, limit=limit)

    def commit(self, operator: Operator, lines: Sequence[NoReceiptLine], *,
               customer: NoReceiptCustomer, reason: NoReceiptReason,
               refund_as: TenderMethod | str, approvals: Sequence[Approval] = (),
               card_code: str | None = None, print_receipt: bool = True) -> CommittedDocument:
        """Take the items back and issue the credit, in one transaction.

        Values, limits and the approval are checked again inside the transaction, which
        holds the shop-wide no-receipt lock: two terminals cannot both pass the day's limit.

        Args:
            refund_as: `TenderMethod.NEW_GIFT_CARD` or `TenderMethod.STORE_CREDIT`.
            card_code: A pre-printed card's code for the new card; None: one is generated.
            print_receipt: False prints no receipt (the card's slip still prints).

        Raises:
            NoReceiptRefusedError: a code of `pos.domain.no_receipt` (limits with the
                amounts left), ReturnsError (``variant_not_found``, ``no_cash_session``,
                ``customer_not_found``), ApprovalRequiredError (``no_receipt``),
                PermissionDeniedError / OperatorDisabledError / OperatorUnknownError; nothing
                is written when any is raised.
        """
        require(operator, Permission.REFUND)
        method = check_refund_method(refund_as)
        reason = check_reason(reason)
        check_customer(customer_id=customer.customer_id,
                       name=f"{customer.first_name} {customer.last_name}",
                       email=customer.email, phone=customer.phone)
        _check_lines(lines)
        now = self._clock.now()
        with self._sessions.begin() as s, s.no_autoflush:
            ensure_write_transaction(s)
            operator = confirm_operator(s, operator, Permission.REFUND)
            cash_session = open_session_id(s, self._terminal)
            if cash_session is None:
                raise ReturnsError("no_cash_session", terminal=self._terminal)
            repo.lock_no_receipt(s)
            policy = load_policy(s)
            quotes = [self._value(s, policy, variant_id=line.variant_id, quantity=line.quantity,
                                  now=now) for line in lines]
            used = check_approvals(s, operator, [ApprovalRule.NO_RECEIPT.value], approvals, now)
            if customer.customer_id is not None and repo.customer(
                    s, customer.customer_id) is None:
                raise ReturnsError("customer_not_found", customer_id=customer.customer_id)
            currency = self._currency
            check_limits(self._limits(s, policy, customer.customer_id, now),
                         [q.total for q in quotes])
            customer_id = customer.customer_id or repo.add_customer(
                s, first_name=customer.first_name, last_name=customer.last_name,
                email=customer.email, phone=customer.phone)
            current = _quote(currency, lines, quotes, reason)
            tender = Tender(method, current.to_refund, gift_card_code=card_code)
            chosen = chosen_card_codes(s, [tender])[0]
            settlement = settle(current.balance, current.balance_kind, [tender],
                                store_credit_only=True)
            writer = DocumentWriter.start(s, DocumentHeader(
                id=str(uuid.uuid4()), number=next_document_number(s, self._terminal),
                terminal_id=self._terminal, kind=DocumentKind.NO_RECEIPT, order_id=None,
                cashier_id=operator.user_id, note="", notify_email=None,
                language="fr", created_at=now, cash_session_id=cash_session,
                customer_id=customer_id), current)
            writer.name_variants({str(i): ValuedVariant(q.variant_id, str(q.tax_rate),
                                                        q.basis.value, q.sold_at)
                                  for i, q in enumerate(quotes)})
            kind = "store_credit" if method is TenderMethod.STORE_CREDIT else "gift_card"
            card_id, code = returns_repo.issue_gift_card(
                s, amount=tender.amount, kind=kind, customer_id=customer_id,
                document_id=writer.header.id, now=now, code=chosen)
            writer.add_tender(tender, refund=True, change=Money.zero(currency),
                              gift_card_id=card_id)
            for line in lines:
                if line.disposition is Disposition.RESTOCK:
                    self._restock(s, operator, writer, line)
            bind_approvals(s, used, writer.header.id)
            if print_receipt:
                writer.queue_print_job("receipt")
            writer.queue_print_job("gift_card_slip")
            writer.finish()
            seal_if_last(s, self._terminal, writer.header.number, now)
            audit_action(s, operator=operator, action="document_no_receipt",
                         subject=writer.header.number,
                         data=_audit_data(customer_id, quotes, lines, reason, kind, used,
                                          current), now=now)
            return CommittedDocument(writer.header.id, writer.header.number,
                                     DocumentKind.NO_RECEIPT, current, settlement,
                                     (IssuedCard(code, tender.amount, kind),),
                                     Money.zero(currency))

    # ------------------------------------------------------------ inside a session

    def _value(self, s: DbSession, policy: Policy, *, variant_id: int | None = None,
               code: str | None = None, quantity: int, now: datetime) -> NoReceiptLineQuote:
        variant = repo.find_variant(s, variant_id=variant_id, code=code)
        if variant is None:
            raise ReturnsError("variant_not_found", code=code or variant_id)
        check_not_final_sale(policy, variant.categories, sku=variant.sku)
        since = now - timedelta(days=policy.no_receipt_period_days)
        sales = repo.variant_sales(s, variant.variant_id, since=since)
        value = unit_value(policy, sales, variant.price, now, sku=variant.sku)
        total, tax = line_credit(value.unit, quantity, variant.tax_rate)
        return NoReceiptLineQuote(variant.variant_id, variant.name, variant.sku, quantity,
                                  value.unit, total, tax, variant.tax_rate, value.basis,
                                  value.sold_at)

    def _limits(self, s: DbSession, policy: Policy, customer_id: int | None,
                now: datetime) -> NoReceiptLimits:
        local = now.astimezone(self._zone)
        start = datetime.combine(local.date(), time(0), self._zone)
        end = datetime.combine(local.date() + timedelta(days=1), time(0), self._zone)
        day_used, day_count = repo.given_between(s, start, end)
        customer_used = 0 if customer_id is None else repo.given_to_customer(
            s, customer_id, since=now - timedelta(days=policy.no_receipt_customer_period_days))
        return limits_left(policy, self._currency, customer_used=customer_used,
                           day_used=day_used, day_count=day_count)

    def _restock(self, s: DbSession, operator: Operator, writer: DocumentWriter,
                 line: NoReceiptLine) -> None:
        """Back on the shelf; on Wix a stock delta (no order carries it): the POS owns it."""
        writer.move_stock(variant_id=line.variant_id, delta=line.quantity, reason="return",
                          owner="pos", user_id=operator.user_id)
        variant = repo.find_variant(s, variant_id=line.variant_id)
        step = variant and stock_delta_step(
            variant_id=line.variant_id, sku=variant.sku, wix_product_id=variant.wix_product_id,
            wix_variant_id=variant.wix_variant_id, delta=line.quantity, reason="return",
            document_id=writer.header.id)
        if step:
            writer.queue_message(destination="wix", kind=step.kind, object_key=step.object_key,
                                 payload=step.payload)


def _check_lines(lines: Sequence[NoReceiptLine]) -> None:
    if not lines:
        raise NoReceiptRefusedError("no_receipt_quantity", quantity=0)
    for line in lines:
        check_quantity(line.quantity)
        if line.disposition not in DISPOSITIONS:
            raise NoReceiptRefusedError("no_receipt_disposition", disposition=line.disposition)


def _quote(currency: str, lines: Sequence[NoReceiptLine], quotes: Sequence[NoReceiptLineQuote],
           reason: NoReceiptReason) -> Quote:
    """The document's figures as every counter document has them; each part's `line_id` is
    its index (the writer names the variant instead of an order line)."""
    zero = Money.zero(currency)
    parts = tuple(QuotedReturn(
        str(i), q.name, "", q.quantity, line.disposition, reason.as_text(), 0, q.total, q.tax,
        final_sale=False, exchange_only=False, store_credit_only=True,
        product_id=str(q.variant_id))
        for i, (line, q) in enumerate(zip(lines, quotes, strict=True)))
    credit = total_of((p.credit for p in parts), currency)
    return Quote(
        kind=DocumentKind.NO_RECEIPT, order_id="", currency=currency, returns=parts,
        new_items=(), returned_credit=credit,
        returned_tax=total_of((p.tax for p in parts), currency), new_items_total=zero,
        new_items_tax=zero, fees=Fees(zero, zero), shipping_refund=zero,
        shipping_refund_tax=zero, balance=-credit, balance_kind=BalanceKind.LOWER,
        days_since_purchase=0, approvals_needed=(ApprovalRule.NO_RECEIPT,),
        settlement_methods=STORE_CREDIT_METHODS)


def _audit_data(customer_id: int, quotes: Sequence[NoReceiptLineQuote],
                lines: Sequence[NoReceiptLine], reason: NoReceiptReason, kind: str,
                approvals: list[int], current: Quote) -> dict[str, object]:
    return {"customer_id": customer_id, "currency": current.currency,
            "credit": current.returned_credit.minor, "refund_as": kind,
            "reason": reason.code, "reason_text": reason.text,
            "lines": [{"variant_id": q.variant_id, "quantity": q.quantity,
                       "unit": q.unit_value.minor, "basis": q.basis.value,
                       "sold_at": q.sold_at.isoformat() if q.sold_at else None,
                       "disposition": line.disposition.value}
                      for q, line in zip(quotes, lines, strict=True)],
            "rules": [ApprovalRule.NO_RECEIPT.value], "approvals": approvals,
            "overridden_by_operator": not approvals}
