"""Receipts of committed counter documents, as `Receipt` values ready to render.

Read-only: a receipt (or a gift-card slip, or a reprint marked DUPLICATE) is rebuilt from the
database whenever it is needed, so a print job never stores anything a reprint could not
recompute. The QR payload (`CPT:D:<number>`) is resolved by the sales-history search back to
the document's order.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal, InvalidOperation
from zoneinfo import ZoneInfo

from pos.db import receipts as repo
from pos.db.engine import SessionFactory
from pos.domain.clock import Clock
from pos.domain.money import Money
from pos.domain.receipt import (
    LANGUAGES,
    Receipt,
    ReceiptGiftCard,
    ReceiptKind,
    ReceiptLine,
    ReceiptTender,
    ReceiptVat,
    ShopInfo,
    vat_breakdown,
)
from pos.domain.receipt_labels import label
from pos.domain.search_text import receipt_payload
from pos.domain.shop_identity import card_valid_until
from pos.services.errors import ServiceError
from pos.services.shop import load_shop_info

JOB_KINDS = {"receipt": None, "gift_card_slip": ReceiptKind.GIFT_CARD_SLIP}
DRAWER_JOB = "drawer"  # opens the drawer only: cash moved, the customer wanted no receipt


class ReceiptError(ServiceError):
    """No receipt can be made: `code` says why ("document_not_found", "no_gift_card", ...)."""

    def __init__(self, code: str, /, **params: object) -> None:
        self.code = code  # one class, many codes (like ReturnsError)
        super().__init__(**params)


class ReceiptService:
    """Builds receipts of committed documents; safe on any worker thread."""

    def __init__(
        self,
        *,
        sessions: SessionFactory,
        clock: Clock,
        shop: ShopInfo,
        time_zone: str = "Europe/Paris",
    ) -> None:
        self._sessions, self._clock, self._shop, self._zone = sessions, clock, shop, time_zone

    @property
    def shop(self) -> ShopInfo:
        """The shop header receipts (and Z slips) print."""
        return self._shop

    def receipt(
        self,
        document: str,
        *,
        duplicate: bool = False,
        kind: ReceiptKind | None = None,
        gift_card_code: str | None = None,
        language: str | None = None,
    ) -> Receipt:
        """The receipt of `document` (its number such as "T1-000001", or its UUID).

        Args:
            document: number or id of a committed counter document.
            duplicate: a reprint, marked DUPLICATA / DUPLICATE.
            kind: None for the document's own layout; GIFT_CARD_SLIP for a card it issued.
            gift_card_code: which issued card a slip is for (the first one when None).
            language: "fr" or "en"; the document's language when None.

        Raises:
            ReceiptError: "document_not_found", "no_gift_card" (no such card issued by the
                document), "kind_mismatch" (another document kind's layout was asked).
        """
        with self._sessions() as s:
            stored = repo.find_document(s, document)
            shop = load_shop_info(s, self._shop)  # as set in Settings now, on a reprint too
        if stored is None:
            raise ReceiptError("document_not_found", document=document)
        own = ReceiptKind(stored.kind)
        kind = own if kind is None else kind
        if kind not in (own, ReceiptKind.GIFT_CARD_SLIP):
            raise ReceiptError("kind_mismatch", document=stored.number, kind=kind.value)
        card = None
        if kind is ReceiptKind.GIFT_CARD_SLIP:
            issued = stored.created_at.astimezone(ZoneInfo(self._zone)).date()
            valid_until = card_valid_until(issued, shop.card_validity_months)
            card = _card(stored, gift_card_code, valid_until)
        lang = language or stored.language
        return self._build(stored, kind, lang if lang in LANGUAGES else "fr", card, duplicate,
                           shop)

    def receipts_for_job(self, job_id: int) -> Receipt:
        """The receipt a `print_jobs` row asks for (kind, duplicate flag, document).

        Raises:
            ReceiptError: "print_job_not_found", "print_job_without_document",
                "unknown_print_job_kind", or any error of `receipt`.
        """
        with self._sessions() as s:
            job = repo.find_print_job(s, job_id)
        if job is None:
            raise ReceiptError("print_job_not_found", job_id=job_id)
        if job.document_id is None:
            raise ReceiptError("print_job_without_document", job_id=job_id)
        if job.kind not in JOB_KINDS:
            raise ReceiptError("unknown_print_job_kind", job_id=job_id, kind=job.kind)
        kind = JOB_KINDS[job.kind]
        if kind is not ReceiptKind.GIFT_CARD_SLIP:
            return self.receipt(job.document_id, duplicate=job.duplicate)
        with self._sessions() as s:
            stored = repo.find_document(s, job.document_id)
        if stored is None or not stored.cards:
            raise ReceiptError("no_gift_card", document=job.document_id)
        code = stored.cards[job.ordinal % len(stored.cards)].code
        return self.receipt(
            job.document_id, duplicate=job.duplicate, kind=kind, gift_card_code=code
        )

    def _build(
        self,
        stored: repo.StoredDocument,
        kind: ReceiptKind,
        language: str,
        card: ReceiptGiftCard | None,
        duplicate: bool,
        shop: ShopInfo,
    ) -> Receipt:
        currency = stored.currency
        tenders = tuple(
            ReceiptTender(t.method, Money(t.amount_minor, currency), t.reference)
            for t in stored.tenders
        )
        change = sum(t.change_minor for t in stored.tenders)
        return Receipt(
            kind=kind,
            language=language,
            shop=shop,
            document_number=stored.number,
            created_at=stored.created_at,
            terminal_id=stored.terminal_id,
            cashier_name=stored.cashier_name,
            approver_names=stored.approver_names,
            order_number=stored.order_number,
            returned=_returned(stored, language, self._zone),
            new_items=tuple(_line(line, currency) for line in stored.new_items),
            fees=tuple(
                ReceiptLine(fee, "", 1, Money(amount, currency)) for fee, amount in stored.fees
            ),
            balance=Money(stored.balance_minor, currency),
            balance_kind=_balance_kind(stored),
            tenders=tenders,
            change_due=Money(change, currency),
            gift_card=card,
            qr_payload=receipt_payload("D", stored.number),
            duplicate=duplicate,
            # The drawer opens when cash moves, on the original only: a reprint moves no cash.
            open_drawer=(kind is not ReceiptKind.GIFT_CARD_SLIP and not duplicate
                         and _moves_cash(stored)),
            note=stored.note,
            time_zone=self._zone,
            vat=_vat(stored) if kind is not ReceiptKind.GIFT_CARD_SLIP else (),
            customer_name=stored.customer_name,
        )


def _returned(stored: repo.StoredDocument, language: str, zone: str
              ) -> tuple[ReceiptLine, ...]:
    """Returned items, then the shipping refunded (a charge, not an item: quantity 0)."""
    lines = tuple(_line(line, stored.currency, zone) for line in stored.returned)
    if not stored.shipping_refund_minor:
        return lines
    shipping = Money(stored.shipping_refund_minor, stored.currency)
    return (*lines, ReceiptLine(label(language, "shipping_refund"), "", 0, shipping))


def _vat(stored: repo.StoredDocument) -> tuple[ReceiptVat, ...]:
    """VAT per rate (base, tax, total): the new items minus the returned ones."""
    lines = []
    for sign, stored_lines in ((1, stored.new_items), (-1, stored.returned)):
        for line in stored_lines:
            try:
                rate = Decimal(line.tax_rate or "0")
            except InvalidOperation:
                rate = Decimal(0)
            lines.append((rate, sign * line.amount_minor, sign * line.tax_minor))
    return vat_breakdown(lines, stored.currency)


def _line(line: repo.StoredLine, currency: str, zone: str = "UTC") -> ReceiptLine:
    sold_on = line.sold_at.astimezone(ZoneInfo(zone)).date() if line.sold_at else None
    return ReceiptLine(line.name, line.options, line.quantity, Money(line.amount_minor, currency),
                       line.basis, sold_on)


def _card(
    stored: repo.StoredDocument, code: str | None, valid_until: date | None
) -> ReceiptGiftCard:
    wanted = code.strip().upper() if code else None
    for card in stored.cards:
        if wanted is None or card.code == wanted:
            return ReceiptGiftCard(
                card.code,
                Money(card.issued_minor, stored.currency),
                card.kind,
                Money(card.balance_minor, stored.currency),
                valid_until,
            )
    raise ReceiptError("no_gift_card", document=stored.number, code=wanted)


def _balance_kind(stored: repo.StoredDocument) -> str:
    """The quote's balance kind, recomputed the way `pos.domain.returns` decides it."""
    if stored.kind == "cancellation" and not stored.tenders and stored.balance_minor == 0:
        return "none"
    if stored.kind != "exchange" or stored.balance_minor < 0:
        return "lower"
    return "higher" if stored.balance_minor > 0 else "equal"


def _moves_cash(stored: repo.StoredDocument) -> bool:
    return any(t.method == "cash" and t.amount_minor > 0 for t in stored.tenders)


__all__ = ["ReceiptError", "ReceiptService"]
