"""The outbox's Wix write-back steps as typed messages: one set read and written by both sides.

`pos.services.writeback` builds these values and stores `to_payload()` in the outbox;
`pos.sync.push` reads them back with `from_payload`, which checks the shape and raises one
`StepPayloadError` naming the field that is wrong (the message is then parked, never sent).
A payload carries its version (``"version"``); one without it (written before versions
existed) is version 1. Pure: no I/O (docs/sync-push.md "Message types").
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from enum import StrEnum
from typing import Any, ClassVar, get_args

from pos.domain.refund_plan import PaymentRefund, RefundRequest
from pos.domain.wix_fields import (
    DocumentRef,
    Fields,
    LineQuantity,
    StepPayloadError,
    loose_text,
    optional_text,
    payment_refunds_payload,
    read_lines,
    read_payment_refunds,
    read_request,
    request_payload,
)

PAYLOAD_VERSION = 1
VERSION_KEY = "version"


class StepKind(StrEnum):
    """The outbox ``kind`` of each Wix write-back step (the stored strings)."""

    REFUND = "wix.refund"
    REPLACEMENT_ORDER = "wix.create_replacement_order"
    ADD_PAYMENT = "wix.add_payment"
    COMMENT = "wix.comment"
    CANCEL = "wix.cancel"
    DELETE_DRAFT = "wix.delete_draft"
    STOCK_DELTA = "wix.stock_delta"


class CommentTarget(StrEnum):
    """Which order a comment goes on."""

    ORIGINAL = "original"
    REPLACEMENT = "replacement"


# Steps that need the exchange's replacement order (recorded by its own done step).
NEEDS_REPLACEMENT = (StepKind.ADD_PAYMENT, StepKind.COMMENT)


@dataclass(frozen=True, slots=True)
class RefundMessage:
    """Refund Payments on the original order, restocking what goes back on the shelf."""

    kind: ClassVar[StepKind] = StepKind.REFUND
    ref: DocumentRef
    line_items: tuple[LineQuantity, ...]
    restock_line_items: tuple[LineQuantity, ...]
    shipping_minor: int
    payment_refunds: tuple[PaymentRefund, ...]
    refund_request: RefundRequest | None = None
    note: str = ""
    reason: str = ""

    def to_payload(self) -> dict[str, Any]:
        return {
            VERSION_KEY: PAYLOAD_VERSION,
            **self.ref.payload(),
            "line_items": [line.payload() for line in self.line_items],
            "restock_line_items": [line.payload() for line in self.restock_line_items],
            "shipping_minor": self.shipping_minor,
            "payment_refunds": payment_refunds_payload(self.payment_refunds),
            "refund_request": request_payload(self.refund_request) if self.refund_request else None,
            "note": self.note,
            "reason": self.reason,
        }

    @classmethod
    def from_payload(cls, payload: Mapping[str, Any]) -> RefundMessage:
        f = Fields(payload, "refund")
        ref = DocumentRef.read(f, order_id=True, currency=True)
        lines, restock = read_lines(f, "line_items"), read_lines(f, "restock_line_items")
        shipping = payload.get("shipping_minor", 0)
        if isinstance(shipping, bool) or not isinstance(shipping, int) or shipping < 0:
            raise StepPayloadError(
                f"the refund step has an invalid 'shipping_minor' ({shipping!r})", "shipping_minor"
            )
        return cls(
            ref,
            lines,
            restock,
            shipping,
            read_payment_refunds(payload.get("payment_refunds")),
            read_request(payload.get("refund_request")),
            loose_text(payload.get("note")),
            loose_text(payload.get("reason")),
        )


# ---------------------------------------------------------------- exchange


@dataclass(frozen=True, slots=True)
class ReplacementItem:
    """An item of the replacement order (`product_id` None: not a Wix product, cannot be sent)."""

    product_id: str | None
    variant_id: str | None
    quantity: int
    total_minor: int
    sku: str = ""
    name: str = ""
    tax_minor: int = 0

    def payload(self) -> dict[str, Any]:
        return {
            "sku": self.sku,
            "name": self.name,
            "quantity": self.quantity,
            "product_id": self.product_id,
            "variant_id": self.variant_id,
            "total_minor": self.total_minor,
            "tax_minor": self.tax_minor,
        }


@dataclass(frozen=True, slots=True)
class ReplacementOrderMessage:
    """A new POS order for an exchange's new items (draft, then Create Order From Draft)."""

    kind: ClassVar[StepKind] = StepKind.REPLACEMENT_ORDER
    ref: DocumentRef
    external_order_id: str
    buyer_email: str | None
    line_items: tuple[ReplacementItem, ...]

    def to_payload(self) -> dict[str, Any]:
        return {
            VERSION_KEY: PAYLOAD_VERSION,
            **self.ref.payload(),
            "external_order_id": self.external_order_id,
            "buyer_email": self.buyer_email,
            "line_items": [item.payload() for item in self.line_items],
        }

    @classmethod
    def from_payload(cls, payload: Mapping[str, Any]) -> ReplacementOrderMessage:
        f = Fields(payload, "replacement order")
        external_id = f.text("external_order_id")
        ref = DocumentRef.read(f, order_id=False, currency=True)
        email = payload.get("buyer_email")
        entries = payload.get("line_items")
        if not isinstance(entries, list) or not entries:
            raise StepPayloadError("the replacement order step has no items", "line_items")
        items = []
        for entry in entries:
            product_id = entry.get("product_id") if isinstance(entry, dict) else None
            if not isinstance(product_id, str) or not product_id:
                raise StepPayloadError(
                    "an item of the replacement order is not a Wix product", "line_items.product_id"
                )
            variant = entry.get("variant_id")
            tax = entry.get("tax_minor")
            items.append(
                ReplacementItem(
                    product_id,
                    variant if isinstance(variant, str) and variant else None,
                    f.count("quantity", minimum=1, entry=entry),
                    f.count("total_minor", minimum=0, entry=entry),
                    loose_text(entry.get("sku")),
                    loose_text(entry.get("name")),
                    tax if isinstance(tax, int) and not isinstance(tax, bool) else 0,
                )
            )
        return cls(
            ref, external_id, email if isinstance(email, str) and email else None, tuple(items)
        )


@dataclass(frozen=True, slots=True)
class PaymentPart:
    """One part of the replacement order's payment (``exchange_credit``, ``cash``, ``card``...)."""

    method: str
    amount_minor: int
    reference: str | None = None


@dataclass(frozen=True, slots=True)
class AddPaymentMessage:
    """The replacement order's offline payment: the exchange credit plus what was collected."""

    kind: ClassVar[StepKind] = StepKind.ADD_PAYMENT
    ref: DocumentRef
    amount_minor: int
    parts: tuple[PaymentPart, ...]

    def to_payload(self) -> dict[str, Any]:
        return {
            VERSION_KEY: PAYLOAD_VERSION,
            **self.ref.payload(),
            "amount_minor": self.amount_minor,
            "parts": [
                {"method": p.method, "amount_minor": p.amount_minor, "reference": p.reference}
                for p in self.parts
            ],
        }

    @classmethod
    def from_payload(cls, payload: Mapping[str, Any]) -> AddPaymentMessage:
        f = Fields(payload, "payment")
        ref = DocumentRef.read(f, order_id=False, currency=True)
        total = f.count("amount_minor", minimum=1)
        entries = payload.get("parts")
        if not isinstance(entries, list) or not entries:
            raise StepPayloadError("the payment step has no parts", "parts")
        parts = []
        for entry in entries:
            method = Fields(entry if isinstance(entry, dict) else {}, "payment").text("method")
            reference = entry.get("reference")
            parts.append(
                PaymentPart(
                    method,
                    f.count("amount_minor", minimum=0, entry=entry),
                    reference if isinstance(reference, str) else None,
                )
            )
        return cls(ref, total, tuple(parts))


@dataclass(frozen=True, slots=True)
class CommentMessage:
    """A merchant comment on the original or the replacement order.

    ``{replacement}`` in `message` stands for the replacement order's number, known only once
    that order exists.
    """

    kind: ClassVar[StepKind] = StepKind.COMMENT
    ref: DocumentRef
    target: CommentTarget
    message: str
    note: str = ""

    def to_payload(self) -> dict[str, Any]:
        return {
            VERSION_KEY: PAYLOAD_VERSION,
            **self.ref.payload(),
            "target": self.target.value,
            "message": self.message,
            "note": self.note,
        }

    @classmethod
    def from_payload(cls, payload: Mapping[str, Any]) -> CommentMessage:
        f = Fields(payload, "comment")
        message = f.text("message")
        target = payload.get("target")
        if target not in tuple(CommentTarget):
            raise StepPayloadError(
                f"the comment step's target {target!r} is not 'original' or 'replacement'",
                "target",
            )
        original = target == CommentTarget.ORIGINAL
        ref = DocumentRef.read(f, order_id=original, currency=False)
        return cls(ref, CommentTarget(target), message, loose_text(payload.get("note")))


@dataclass(frozen=True, slots=True)
class CancelMessage:
    """Cancel the original order, with or without Wix restocking and mailing the customer."""

    kind: ClassVar[StepKind] = StepKind.CANCEL
    ref: DocumentRef
    restock_all_items: bool = False
    send_order_canceled_email: bool = False
    custom_message: str = ""

    def to_payload(self) -> dict[str, Any]:
        return {
            VERSION_KEY: PAYLOAD_VERSION,
            **self.ref.payload(),
            "restock_all_items": self.restock_all_items,
            "send_order_canceled_email": self.send_order_canceled_email,
            "custom_message": self.custom_message,
        }

    @classmethod
    def from_payload(cls, payload: Mapping[str, Any]) -> CancelMessage:
        f = Fields(payload, "cancellation")
        ref = DocumentRef.read(f, order_id=True, currency=False)
        restock = payload.get("restock_all_items", False)
        email = payload.get("send_order_canceled_email", False)
        if not isinstance(restock, bool) or not isinstance(email, bool):
            raise StepPayloadError(
                "the cancellation step's flags are not true/false",
                "restock_all_items"
                if not isinstance(restock, bool)
                else "send_order_canceled_email",
            )
        return cls(ref, restock, email, loose_text(payload.get("custom_message")))


@dataclass(frozen=True, slots=True)
class DeleteDraftMessage:
    """Delete a draft order Comptoir abandoned (drafts made from scratch never expire)."""

    kind: ClassVar[StepKind] = StepKind.DELETE_DRAFT
    draft_id: str

    def to_payload(self) -> dict[str, Any]:
        return {VERSION_KEY: PAYLOAD_VERSION, "draft_id": self.draft_id}

    @classmethod
    def from_payload(cls, payload: Mapping[str, Any]) -> DeleteDraftMessage:
        return cls(Fields(payload, "draft deletion").text("draft_id"))


@dataclass(frozen=True, slots=True)
class StockDeltaMessage:
    """A direct stock delta for a POS-owned movement of a variant (sent coalesced per variant).

    The variant and a non-zero delta are required; the Wix ids may be missing (the stock
    pusher then looks the variant up in the catalogue: it may have been linked since).
    """

    kind: ClassVar[StepKind] = StepKind.STOCK_DELTA
    variant_id: int
    sku: str
    product_id: str | None
    wix_variant_id: str | None
    delta: int
    reason: str
    document_id: str | None = None

    def to_payload(self) -> dict[str, Any]:
        return {
            VERSION_KEY: PAYLOAD_VERSION,
            "variant_id": self.variant_id,
            "sku": self.sku,
            "product_id": self.product_id,
            "wix_variant_id": self.wix_variant_id,
            "delta": self.delta,
            "reason": self.reason,
            "document_id": self.document_id,
        }

    @classmethod
    def from_payload(cls, payload: Mapping[str, Any]) -> StockDeltaMessage:
        f = Fields(payload, "stock change")
        delta = payload.get("delta")
        if isinstance(delta, bool) or not isinstance(delta, int) or delta == 0:
            raise StepPayloadError(f"the stock change step has an invalid 'delta' ({delta!r})",
                                   "delta")  # fmt: skip
        return cls(
            f.count("variant_id", minimum=1),
            loose_text(payload.get("sku")),
            optional_text(payload.get("product_id")) or None,
            optional_text(payload.get("wix_variant_id")) or None,
            delta,
            loose_text(payload.get("reason")),
            optional_text(payload.get("document_id")) or None,
        )


WixStep = (
    RefundMessage
    | ReplacementOrderMessage
    | AddPaymentMessage
    | CommentMessage
    | CancelMessage
    | DeleteDraftMessage
    | StockDeltaMessage
)
_TYPES: dict[StepKind, Any] = {t.kind: t for t in get_args(WixStep)}


def from_payload(kind: str, payload: Any) -> WixStep:
    """The typed message of an outbox row.

    Raises:
        StepPayloadError: The kind is unknown, the version newer than this code, or a field
            is missing or malformed (the error names it).
    """
    if not isinstance(payload, Mapping):
        raise StepPayloadError("the step's payload is not an object")
    try:
        step_kind = StepKind(kind)
    except ValueError:
        raise StepPayloadError(
            f"Comptoir does not know how to send a {kind!r} step to Wix", "kind"
        ) from None
    version = payload.get(VERSION_KEY, 1)  # no version: written before versions, i.e. 1
    if version != PAYLOAD_VERSION:
        raise StepPayloadError(
            f"the step's payload version {version!r} is not one this Comptoir reads "
            f"({PAYLOAD_VERSION})",
            VERSION_KEY,
        )
    message: WixStep = _TYPES[step_kind].from_payload(payload)
    return message
