"""The customer screen's tables: orders, counter documents, open requests, cards; and the
customer list of the picker dialogs."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QCoreApplication

from pos.services.customers import (
    CustomerCard,
    CustomerDocument,
    CustomerOrder,
    CustomerSummary,
    OpenRequest,
)
from pos.ui.format import format_date, format_datetime, format_money
from pos.ui.screens import Column, LocalizedRowsModel, channel_label, document_kind_label


def card_kind_label(kind: str) -> str:
    """A card's kind in the cashier's words."""
    if kind == "store_credit":
        return QCoreApplication.translate("CustomerCards", "Store credit")
    return QCoreApplication.translate("CustomerCards", "Gift card")


class CustomerOrdersTableModel(LocalizedRowsModel[CustomerOrder]):
    """The customer's orders, newest first: number, date, channel, total."""

    NUMBER_COLUMN = 0

    def _make_columns(self) -> Sequence[Column[CustomerOrder]]:
        locale, tz = self.locale, self.tz
        return [
            Column(self.tr("Order"), lambda o: o.number),
            Column(self.tr("Date"), lambda o: format_datetime(o.placed_at, locale, tz=tz)),
            Column(self.tr("Channel"), lambda o: channel_label(o.channel)),
            Column(self.tr("Total"), lambda o: format_money(o.total, locale), numeric=True),
        ]


class CustomerDocumentsTableModel(LocalizedRowsModel[CustomerDocument]):
    """Every counter document about the customer: number, kind, order, date, balance."""

    NUMBER_COLUMN = 0

    def _make_columns(self) -> Sequence[Column[CustomerDocument]]:
        locale, tz = self.locale, self.tz
        return [
            Column(self.tr("Document"), lambda d: d.number),
            Column(self.tr("Kind"), lambda d: document_kind_label(d.kind)),
            Column(self.tr("Order"), lambda d: d.order_number or "—"),
            Column(self.tr("Date"), lambda d: format_date(d.created_at, locale, length="short",
                                                          tz=tz)),
            Column(self.tr("Balance"), lambda d: format_money(d.balance, locale), numeric=True),
        ]


class OpenRequestsTableModel(LocalizedRowsModel[OpenRequest]):
    """Return requests still open: number, state, order, units, amount, date, expiry."""

    SUMMARY_COLUMN = 2

    def _make_columns(self) -> Sequence[Column[OpenRequest]]:
        locale, tz = self.locale, self.tz
        return [
            Column(self.tr("Request"), lambda r: r.reference or "—"),
            Column(self.tr("State"), lambda r: self._state(r.state)),
            Column(self.tr("Order"), lambda r: r.order_number),
            Column(self.tr("Units"), lambda r: str(r.units), numeric=True),
            Column(self.tr("Amount"), lambda r: format_money(r.amount, locale), numeric=True),
            Column(self.tr("Until"), lambda r: format_date(r.expires_at, locale, length="short",
                                                           tz=tz) if r.expires_at else "—"),
        ]

    def _state(self, state: str) -> str:
        return self.tr("Approved") if state == "approved" else self.tr("To decide")


class CustomerCardsTableModel(LocalizedRowsModel[CustomerCard]):
    """The customer's gift cards and store credit: code, kind, balance, valid until."""

    CODE_COLUMN = 0

    def _make_columns(self) -> Sequence[Column[CustomerCard]]:
        locale = self.locale
        return [
            Column(self.tr("Code"), lambda c: c.code),
            Column(self.tr("Kind"), lambda c: card_kind_label(c.kind)),
            Column(self.tr("Balance"), lambda c: format_money(c.balance, locale), numeric=True),
            Column(self.tr("Valid until"), lambda c: self._validity(c)),
        ]

    def _validity(self, card: CustomerCard) -> str:
        if card.valid_until is None:
            return self.tr("No end date")
        day = format_date(card.valid_until, self.locale)
        return day if card.usable or card.balance.minor <= 0 else self.tr(
            "Expired {date}").format(date=day)


class CustomersTableModel(LocalizedRowsModel[CustomerSummary]):
    """Customers found: name, e-mail, phone."""

    NAME_COLUMN = 0

    def _make_columns(self) -> Sequence[Column[CustomerSummary]]:
        return [
            Column(self.tr("Name"), lambda c: c.name or "—"),
            Column(self.tr("E-mail"), lambda c: c.email or "—"),
            Column(self.tr("Phone"), lambda c: c.phone or "—"),
        ]
