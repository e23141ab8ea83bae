"""Exchanges, refunds and cancellations at the counter: quote, then commit in one transaction.

`quote()` is read-only (the draft lives in memory until commit). `commit()` is one user action
and one database transaction that writes the document with its gapless number, lines, fees
and tenders, stock movements, gift-card entries, the approvals it used, the audit entry, the
outbox messages (Wix write-back steps and the customer e-mail) and the print jobs — or, on
any refusal or failure, nothing at all. Figures are re-computed inside the transaction from
fresh data, so a stale screen can never refund twice or oversell.
"""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from pos.db import returns as repo
from pos.db.audit import DbSession, ensure_write_transaction
from pos.db.closing import open_session_id
from pos.db.closing_blocks import seal_if_last
from pos.db.customers import customer_exists
from pos.db.documents import DocumentHeader, DocumentWriter, next_document_number
from pos.db.engine import SessionFactory
from pos.db.tax_rates import new_item_tax_rate
from pos.db.users import attach_approvals
from pos.domain.clock import Clock
from pos.domain.errors import DomainError
from pos.domain.mail import DOCUMENT_MAIL_KIND, MAIL_DESTINATION, mail_object_key, mail_payload
from pos.domain.money import Money
from pos.domain.policy import Policy
from pos.domain.receipt import ShopInfo
from pos.domain.returns import Disposition, DocumentKind, Draft, NewItem, Quote, quote
from pos.domain.roles import Approval, Operator, Permission
from pos.domain.settlement import Settlement, Tender, TenderMethod, settle
from pos.domain.states import is_canceled
from pos.domain.wix_steps import ReplacementItem
from pos.services.access import confirm_operator, require
from pos.services.audit import audit_action
from pos.services.errors import ApprovalRequiredError, ServiceError
from pos.services.gift_cards import check_usable, chosen_card_codes
from pos.services.policy import load_policy
from pos.services.receipts import DRAWER_JOB
from pos.services.request_commit import (
    check_request_quantities,
    mark_request_used,
    prepare_request_draft,
)
from pos.services.returns_mail import document_mail
from pos.services.shop import load_shop_info
from pos.services.writeback import (
    StockOwnership,
    WritebackInput,
    ownership,
    refund_reaches_wix,
    steps_for,
    stock_delta_step,
)

APPROVAL_LIFETIME = timedelta(minutes=15)
KIND_PERMISSION = {DocumentKind.EXCHANGE: Permission.EXCHANGE,
                   DocumentKind.REFUND: Permission.REFUND,
                   DocumentKind.CANCELLATION: Permission.REFUND}


class ReturnsError(ServiceError):
    """A refusal the cashier must see: `code` names it, `params` carry the numbers."""

    def __init__(self, code: str, /, **params: object) -> None:
        self.code = code  # one class, many codes (like DomainError)
        super().__init__(**params)


@dataclass(frozen=True, slots=True)
class Notify:
    """Whether and where to e-mail the customer, in which language, with which note."""

    email: str
    language: str = "fr"


@dataclass(frozen=True, slots=True)
class CardCustomer:
    """Whom the cards a commit issues belong to instead of the order's customer: another
    customer (`customer_id`), or nobody (None)."""

    customer_id: int | None


@dataclass(frozen=True, slots=True)
class IssuedCard:
    code: str
    amount: Money
    kind: str  # gift_card or store_credit


@dataclass(frozen=True, slots=True)
class CommittedDocument:
    document_id: str
    number: str
    kind: DocumentKind
    quote: Quote
    settlement: Settlement
    issued_cards: tuple[IssuedCard, ...]
    change_due: Money


class ReturnsService:
    """The returns desk's write side. One public method = one counter action."""

    def __init__(self, *, sessions: SessionFactory, clock: Clock, terminal_id: str,
                 shop_name: str = "Comptoir", api_orders_move_stock: bool = True,
                 time_zone: str = "Europe/Paris") -> None:
        self._sessions, self._clock, self._terminal = sessions, clock, terminal_id
        self._shop_name, self._api_orders_move_stock = shop_name, api_orders_move_stock
        self._zone = ZoneInfo(time_zone)  # a redeemed card's validity is counted in shop days

    def new_item(self, *, order_id: int, code: str | None = None, variant_id: int | None = None,
                 quantity: int = 1) -> NewItem:
        """A replacement item from the catalogue (scanned barcode, SKU or picked variant)."""
        with self._sessions() as s:
            context = repo.load_context(s, order_id)
            variant = repo.find_variant(s, variant_id=variant_id, code=code)
            rate = new_item_tax_rate(s, variant.variant_id) if variant else None  # sync-pull.md
        if context is None:
            raise ReturnsError("order_not_found", order_id=order_id)
        if variant is None:
            raise ReturnsError("variant_not_found", code=code or variant_id)
        options = " / ".join(str(v) for v in variant.options.values())
        return NewItem(str(variant.product_id), str(variant.variant_id), quantity, variant.price,
                       variant.tax_rate if rate is None else rate, context.tax_included,
                       f"{variant.product_name} {options}".strip(), variant.sku)

    def quote(self, order_id: int, draft: Draft) -> Quote:
        """Every figure before commit. Raises ReturnRefusedError (a DomainError) on refusal."""
        now = self._clock.now()
        with self._sessions() as s:
            context = self._context(s, order_id, draft)
            draft = prepare_request_draft(s, order_id, draft, now, lock=False)
            return quote(context.snapshot, draft, load_policy(s), now)

    def commit(self, operator: Operator, order_id: int, draft: Draft, tenders: Sequence[Tender],
               *, approvals: Sequence[Approval] = (), notify: Notify | None = None,
               print_receipt: bool = True, card_customer: CardCustomer | None = None
               ) -> CommittedDocument:
        """Write the document and everything it implies, atomically.

        A new gift card or store credit belongs to the order's customer, or to
        `card_customer` when the cashier chose another customer (or nobody) at settle.

        `print_receipt` False: the customer wants no paper receipt (French law since 2023
        prints one only on request); the drawer still opens for cash (a "drawer" job) and a
        new gift card's slip still prints (its code is on it).

        Raises:
            PermissionDeniedError, OperatorDisabledError, OperatorUnknownError (the operator
            re-read in the transaction), ApprovalRequiredError (also when an approver was
            disabled or demoted since approving), ReturnsError, and the domain's
            ReturnRefusedError / SettlementError, ReturnRequestError (a draft made from a
            return request no longer approved, or returning more than it approved); nothing
            is written when any is raised.
            ReturnsError ``customer_not_found``: `card_customer` names no customer.
            GiftCardError ``gift_card_expired``: a card redeemed is past its validity.
        """
        require(operator, KIND_PERMISSION[draft.kind])
        now = self._clock.now()
        with self._sessions.begin() as s, s.no_autoflush:
            ensure_write_transaction(s)
            operator = confirm_operator(s, operator, KIND_PERMISSION[draft.kind])
            cash_session = open_session_id(s, self._terminal)
            if cash_session is None:  # every document is taken in a drawer session (§13)
                raise ReturnsError("no_cash_session", terminal=self._terminal)
            repo.lock_order(s, order_id)
            context = self._context(s, order_id, draft)
            draft = prepare_request_draft(s, order_id, draft, now, lock=True)
            policy = load_policy(s)
            current = quote(context.snapshot, draft, policy, now)
            if draft.return_request_id is not None:
                check_request_quantities(s, draft.return_request_id,
                                         current.returned_quantities())
            used = self._check_approvals(s, operator, current, approvals, now)
            balances = self._gift_card_balances(s, tenders, now)
            chosen = chosen_card_codes(s, tenders)
            settlement = settle(current.balance, current.balance_kind, tenders,
                                payments=context.snapshot.payments,
                                gift_card_balances={c: b for c, (_, b) in balances.items()},
                                store_credit_only=current.store_credit_only)
            writer = self._start_document(s, operator, context, draft, current, now, notify,
                                          cash_session)
            document = writer.header
            if draft.kind is DocumentKind.CANCELLATION:
                repo.mark_order_cancelled(s, context.order_id)
            owner_id = _card_owner(s, context, card_customer)
            cards = self._tenders(s, owner_id, writer, settlement, balances, chosen, now)
            writeback = self._writeback_input(s, context, document, current, settlement, draft)
            owner = ownership(order_on_wix=context.wix_id is not None,
                              api_orders_move_stock=self._api_orders_move_stock,
                              kind=current.kind, quote=current,
                              refund_on_wix=refund_reaches_wix(writeback))
            self._stock(s, operator, owner, writer, context, current)
            self._bind_approvals(s, used, document.id)
            if draft.return_request_id is not None:
                mark_request_used(s, draft.return_request_id, document.id)
            for step in steps_for(writeback, owner):
                writer.queue_message(destination="wix", kind=step.kind,
                                     object_key=step.object_key, payload=step.payload)
            if notify is not None:
                shop = load_shop_info(s, ShopInfo(self._shop_name))  # as saved in Settings
                mail = document_mail(shop_name=shop.name, document_number=document.number,
                                     context=context, quote=current, settlement=settlement,
                                     cards=cards, notify=notify, note=draft.note, now=now)
                writer.queue_message(destination=MAIL_DESTINATION, kind=DOCUMENT_MAIL_KIND,
                                     object_key=mail_object_key(mail.document_number),
                                     payload=mail_payload(mail))
            if print_receipt or any(t.method is TenderMethod.CASH for t in tenders):
                # No paper wanted but cash moved: the drawer opens alone.
                writer.queue_print_job("receipt" if print_receipt else DRAWER_JOB)
            for _ in cards:
                writer.queue_print_job("gift_card_slip")
            writer.finish()
            seal_if_last(s, self._terminal, writer.header.number, now)  # running totals (§13)
            audit_action(s, operator=operator, action=f"document_{draft.kind.value}",
                         subject=document.number, now=now,
                         data=_audit_data(context, current, used, draft.return_request_id))
            return CommittedDocument(document.id, document.number, draft.kind, current,
                                     settlement, tuple(cards), settlement.change_due)

    # ------------------------------------------------------------ inside the transaction

    def _context(self, s: DbSession, order_id: int, draft: Draft) -> repo.OrderContext:
        context = repo.load_context(s, order_id)
        if context is None:
            raise ReturnsError("order_not_found", order_id=order_id)
        if is_canceled(context.status):
            raise ReturnsError("order_cancelled", number=context.number)
        return context

    def _check_approvals(self, s: DbSession, operator: Operator, current: Quote,
                         approvals: Sequence[Approval], now: datetime) -> list[int]:
        return check_approvals(s, operator, [rule.value for rule in current.approvals_needed],
                               approvals, now)

    def _bind_approvals(self, s: DbSession, ids: list[int], document_id: str) -> None:
        bind_approvals(s, ids, document_id)

    def _gift_card_balances(self, s: DbSession, tenders: Sequence[Tender], now: datetime
                            ) -> dict[str, tuple[int, Money]]:
        """(card id, balance) per card redeemed, its row locked; keyed by the normalised code.

        A `Tender`'s code is normalised when it is made, so two spellings of one card are one
        key here and `settle` adds their amounts up against one balance. Rows are locked in
        code order, so two terminals redeeming the same cards cannot deadlock. A card past
        its validity is refused (``gift_card_expired``), whatever it still holds.
        """
        codes = {t.gift_card_code for t in tenders
                 if t.method is TenderMethod.GIFT_CARD and t.gift_card_code}
        balances: dict[str, tuple[int, Money]] = {}
        for code in sorted(codes):
            found = repo.stored_card(s, code, lock=True)
            if found is None:
                raise ReturnsError("gift_card_not_found", code=code)
            check_usable(s, found, now, self._zone)
            balances[code] = (found.id, found.balance)
        return balances

    def _start_document(self, s: DbSession, operator: Operator, context: repo.OrderContext,
                        draft: Draft, current: Quote, now: datetime, notify: Notify | None,
                        cash_session: int) -> DocumentWriter:
        """Number the document and insert it; its children follow through the writer."""
        header = DocumentHeader(
            id=str(uuid.uuid4()), number=next_document_number(s, self._terminal),
            terminal_id=self._terminal, kind=draft.kind, order_id=context.order_id,
            cashier_id=operator.user_id, note=draft.note,
            notify_email=notify.email if notify else None,
            language=context.customer_language, created_at=now,
            cash_session_id=cash_session)
        return DocumentWriter.start(s, header, current)

    def _tenders(self, s: DbSession, card_owner: int | None, writer: DocumentWriter,
                 settlement: Settlement, balances: dict[str, tuple[int, Money]],
                 chosen: list[str | None], now: datetime) -> list[IssuedCard]:
        document_id = writer.header.id
        cards: list[IssuedCard] = []
        for index, tender in enumerate(settlement.tenders):
            card_id = None
            if tender.method in (TenderMethod.NEW_GIFT_CARD, TenderMethod.STORE_CREDIT):
                kind = "store_credit" if tender.method is TenderMethod.STORE_CREDIT else "gift_card"
                card_id, code = repo.issue_gift_card(
                    s, amount=tender.amount, kind=kind, customer_id=card_owner,
                    document_id=document_id, now=now, code=chosen[index])
                cards.append(IssuedCard(code, tender.amount, kind))
            elif tender.method is TenderMethod.GIFT_CARD:
                assert tender.gift_card_code  # settle() refuses a gift-card tender without one
                card_id = balances[tender.gift_card_code][0]
                repo.redeem_gift_card(s, card_id=card_id, amount=tender.amount,
                                      document_id=document_id, now=now)
            is_cash = tender.method is TenderMethod.CASH
            writer.add_tender(tender, refund=settlement.direction.value == "refund",
                              change=settlement.change_due if is_cash
                              else Money(0, settlement.change_due.currency),
                              gift_card_id=card_id)
        return cards

    def _stock(self, s: DbSession, operator: Operator, owner: StockOwnership,
               writer: DocumentWriter, context: repo.OrderContext, current: Quote) -> None:
        for part in current.returns:
            variant_id = context.variant_of_line.get(part.line_id)
            if variant_id is None or part.disposition is not Disposition.RESTOCK:
                continue  # damaged / to inspect: not sellable until a manager settles it
            who = "wix" if owner.returns_restocked_by_wix else "pos"
            self._move(s, operator, writer, variant_id, part.quantity, "return", who)
        for item in current.new_items:
            who = "wix" if owner.new_items_moved_by_wix else "pos"
            moved = self._move(s, operator, writer, int(item.item.variant_id), -item.quantity,
                               "exchange_out", who)
            if not moved:
                raise ReturnsError("not_enough_stock", sku=item.item.sku,
                                   name=item.item.name, requested=item.quantity)

    def _move(self, s: DbSession, operator: Operator, writer: DocumentWriter, variant_id: int,
              delta: int, reason: str, owner: str) -> bool:
        moved = writer.move_stock(variant_id=variant_id, delta=delta, reason=reason,
                                  owner=owner, user_id=operator.user_id)
        if moved and owner == "pos":
            variant = repo.find_variant(s, variant_id=variant_id)
            step = variant and stock_delta_step(
                variant_id=variant_id, sku=variant.sku, wix_product_id=variant.wix_product_id,
                wix_variant_id=variant.wix_variant_id, delta=delta, reason=reason,
                document_id=writer.header.id)
            if step:
                writer.queue_message(destination="wix", kind=step.kind,
                                     object_key=step.object_key, payload=step.payload)
        return moved

    def _writeback_input(self, s: DbSession, context: repo.OrderContext,
                         document: DocumentHeader, current: Quote, settlement: Settlement,
                         draft: Draft) -> WritebackInput:
        return WritebackInput(
            document.id, document.number, context.wix_id, context.number, current, settlement,
            context.wix_line_ids, context.wix_payment_ids,
            {p.payment_id: p.method for p in context.snapshot.payments},
            {p.payment_id: p.refundable.minor for p in context.snapshot.payments},
            context.customer_email, _new_items(s, current),
            document.notify_email is not None, draft.note)


def check_approvals(s: DbSession, operator: Operator, needed: Sequence[str],
                    approvals: Sequence[Approval], now: datetime) -> list[int]:
    """The recorded approvals covering every rule of `needed`; a logged-in manager covers
    them himself (an empty list).

    An approval counts only if unused, at most `APPROVAL_LIFETIME` old, and its approver
    is, as read now (inside the caller's transaction), still active and allowed to approve.

    Raises:
        ApprovalRequiredError: the rules no valid approval covers.
    """
    if not needed or operator.may(Permission.APPROVE):
        return []
    stored = repo.load_approvals(s, [a.approval_id for a in approvals])
    valid = [a for a in stored if a.document_id is None and a.approver_active
             and a.approver_role in ("manager", "admin")
             and now - a.created_at <= APPROVAL_LIFETIME]
    covered = {a.rule for a in valid}
    missing = [rule for rule in needed if rule not in covered]
    if missing:
        raise ApprovalRequiredError(missing)
    return [a.approval_id for a in valid if a.rule in needed]


def bind_approvals(s: DbSession, ids: list[int], document_id: str) -> None:
    """Bind the approvals a commit used to its document (each once, never reused)."""
    if ids and attach_approvals(s, ids, document_id) != len(ids):
        raise ApprovalRequiredError(["approval_already_used"])
def _card_owner(s: DbSession, context: repo.OrderContext, chosen: CardCustomer | None
                ) -> int | None:
    """The customer new cards go to: the order's, unless the cashier chose (checked here)."""
    if chosen is None:
        return context.customer_id
    if chosen.customer_id is not None and not customer_exists(s, chosen.customer_id):
        raise ReturnsError("customer_not_found", customer_id=chosen.customer_id)
    return chosen.customer_id


def _new_items(s: DbSession, current: Quote) -> list[ReplacementItem]:
    wix_ids = repo.variant_wix_ids(s, [int(item.item.variant_id) for item in current.new_items])
    items: list[ReplacementItem] = []
    for item in current.new_items:
        product, variant = wix_ids.get(int(item.item.variant_id), (None, None))
        items.append(ReplacementItem(product, variant, item.quantity, item.total.minor,
                             item.item.sku, item.item.name, item.tax.minor))
    return items


def _audit_data(context: repo.OrderContext, current: Quote, approvals: list[int],
                request_id: int | None) -> dict[str, object]:
    extra: dict[str, object] = {"return_request": request_id} if request_id else {}
    return {**extra, "order": context.number, "currency": current.currency,
            "returned_credit": current.returned_credit.minor,
            "new_items": current.new_items_total.minor, "fees": current.fees.total.minor,
            "balance": current.balance.minor, "balance_kind": current.balance_kind.value,
            "returned": {k: v for k, v in current.returned_quantities().items()},
            # Rules a manager had to pass: by the approvals recorded, or by the logged-in
            # manager's own authority (an override, audited as such).
            "rules": [rule.value for rule in current.approvals_needed],
            "approvals": approvals,
            "overridden_by_operator": bool(current.approvals_needed) and not approvals}


__all__ = ["CardCustomer", "CommittedDocument", "DomainError", "IssuedCard", "Notify", "Policy",
           "ReturnsError", "ReturnsService", "bind_approvals", "check_approvals"]
