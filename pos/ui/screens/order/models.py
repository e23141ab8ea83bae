"""The order screen's tables: lines, payments and earlier counter documents."""

from __future__ import annotations

from collections.abc import Sequence

from pos.services.history import DocumentView, OrderLineView, PaymentView
from pos.ui.format import format_datetime, format_money
from pos.ui.screens import (
    Column,
    LocalizedRowsModel,
    card_label,
    document_kind_label,
    payment_method_label,
)


class OrderLinesTableModel(LocalizedRowsModel[OrderLineView]):
    """What was bought: product, options, sold / returned / returnable units, price, paid."""

    PRODUCT_COLUMN = 0

    def _make_columns(self) -> Sequence[Column[OrderLineView]]:
        locale = self.locale
        return (
            [
                Column(self.tr("Product"), lambda line: line.product_name),
                Column(self.tr("Options"), lambda line: line.options_text),
                Column(self.tr("Sold"), lambda line: str(line.sold), numeric=True),
                Column(self.tr("Returned"), lambda line: str(line.returned), numeric=True),
                Column(self.tr("Returnable"), lambda line: str(line.returnable), numeric=True),
                Column(
                    self.tr("Unit price"),
                    lambda line: format_money(line.unit_price, locale),
                    numeric=True,
                ),
                Column(self.tr("Paid"), lambda line: format_money(line.paid, locale), numeric=True),
            ]
        )


class PaymentsTableModel(LocalizedRowsModel[PaymentView]):
    """How the order was paid, and how much of each payment can still be refunded."""

    REFERENCE_COLUMN = 1

    def _make_columns(self) -> Sequence[Column[PaymentView]]:
        locale = self.locale
        return (
            [
                Column(self.tr("Method"), lambda p: payment_method_label(p.method)),
                Column(self.tr("Reference"), _reference),
                Column(self.tr("Amount"), lambda p: format_money(p.amount, locale), numeric=True),
                Column(
                    self.tr("Refunded"), lambda p: format_money(p.refunded, locale), numeric=True
                ),
                Column(
                    self.tr("Refundable"),
                    lambda p: format_money(p.refundable, locale),
                    numeric=True,
                ),
            ]
        )


def _reference(payment: PaymentView) -> str:
    """The card that paid ("Visa •••• 4242") when known, else the payment's reference."""
    if payment.card_last4:
        return card_label(payment.card_last4, payment.card_brand)
    return payment.reference


class DocumentsTableModel(LocalizedRowsModel[DocumentView]):
    """Exchanges, refunds and cancellations already made at the counter for this order."""

    KIND_COLUMN = 1

    def _make_columns(self) -> Sequence[Column[DocumentView]]:
        locale, tz = self.locale, self.tz
        return (
            [
                Column(self.tr("Document"), lambda d: d.number),
                Column(self.tr("Kind"), lambda d: document_kind_label(d.kind)),
                Column(self.tr("Date"), lambda d: format_datetime(d.created_at, locale, tz=tz)),
                Column(self.tr("Balance"), lambda d: format_money(d.balance, locale), numeric=True),
            ]
        )
