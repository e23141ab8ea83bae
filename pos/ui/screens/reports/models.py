"""The Reports screen's tables: the figures beside each chart, and the return-prone list."""

from __future__ import annotations

from collections.abc import Sequence

from babel.numbers import format_percent
from PySide6.QtCore import QCoreApplication, QObject

from pos.domain.reports import HUNDRED, ReportRow
from pos.ui.format import format_money
from pos.ui.messages import QT_TRANSLATE_NOOP
from pos.ui.screens import Column, LocalizedRowsModel, payment_method_label

CHECK = "✓"
NO_REASON = QT_TRANSLATE_NOOP("ReportsLabels", "No reason given")
NO_SIZE = QT_TRANSLATE_NOOP("ReportsLabels", "No size")
UNKNOWN_CASHIER = QT_TRANSLATE_NOOP("ReportsLabels", "Unknown cashier")
REFUND_METHODS = {"original_payment": QT_TRANSLATE_NOOP("ReportsLabels", "Original payment"),
                  "new_gift_card": QT_TRANSLATE_NOOP("ReportsLabels", "New gift card")}


def _tr(text: str) -> str:
    return QCoreApplication.translate("ReportsLabels", text)


def row_label(row: ReportRow) -> str:
    """What a row is about, in the manager's words."""
    if row.section == "reason":
        return row.label if row.key != "-" else _tr(NO_REASON)
    if row.section == "size":
        return row.label if row.key != "-" else _tr(NO_SIZE)
    if row.section == "refund_to":
        method = REFUND_METHODS.get(row.key)
        return _tr(method) if method else payment_method_label(row.key)
    if row.section == "refund_by" and row.key == "-":
        return _tr(UNKNOWN_CASHIER)
    return row.label


def rate_text(row: ReportRow, locale: str) -> str:
    """The row's return rate the locale's way ("50,0%", "50.0%"); "" when nothing sold."""
    if row.rate is None:
        return ""
    return format_percent(row.rate / HUNDRED, format="#,##0.0%", locale=locale)


class FiguresTableModel(LocalizedRowsModel[ReportRow]):
    """The figures of one section: what, how many, how much (and for products, the rate)."""

    def __init__(self, *, kind: str, locale: str, parent: QObject | None = None) -> None:
        self.kind = kind  # "units", "product" or "refunds": which columns
        super().__init__(locale=locale, parent=parent)

    def _make_columns(self) -> Sequence[Column[ReportRow]]:
        def money(row: ReportRow) -> str:
            return format_money(row.amount, self.locale)

        name = Column(self.tr("What"), row_label)
        if self.kind == "refunds":
            return (name, Column(self.tr("Refunds"), lambda row: str(row.count), numeric=True),
                    Column(self.tr("Amount"), money, numeric=True))
        columns = [name, Column(self.tr("Units back"), lambda row: str(row.count), numeric=True)]
        if self.kind == "product":
            columns += [Column(self.tr("Sold"), lambda row: str(row.sold), numeric=True),
                        Column(self.tr("Rate"), lambda row: rate_text(row, self.locale),
                               numeric=True)]
        return (*columns, Column(self.tr("Credit"), money, numeric=True))


class ProneTableModel(LocalizedRowsModel[ReportRow]):
    """Return-prone products: chosen or not, rate, units, and the rules they have now."""

    def __init__(self, *, locale: str, parent: QObject | None = None) -> None:
        self.chosen: frozenset[str] = frozenset()
        self.exchange_only: frozenset[str] = frozenset()
        self.flat_fee: frozenset[str] = frozenset()
        super().__init__(locale=locale, parent=parent)

    def set_marks(self, *, chosen: frozenset[str], exchange_only: frozenset[str],
                  flat_fee: frozenset[str]) -> None:
        """Which rows are chosen and which rules apply (the cells are worded again)."""
        self.chosen, self.exchange_only, self.flat_fee = chosen, exchange_only, flat_fee
        self.set_rows(self.rows)

    def _rules(self, row: ReportRow) -> str:
        rules = []
        if row.key in self.exchange_only:
            rules.append(self.tr("exchange only"))
        if row.key in self.flat_fee:
            rules.append(self.tr("return fee"))
        return ", ".join(rules)

    def _make_columns(self) -> Sequence[Column[ReportRow]]:
        return (Column("", lambda row: CHECK if row.key in self.chosen else ""),
                Column(self.tr("Product"), row_label),
                Column(self.tr("Rate"), lambda row: rate_text(row, self.locale), numeric=True),
                Column(self.tr("Back / sold"), lambda row: f"{row.count} / {row.sold}",
                       numeric=True),
                Column(self.tr("Rules now"), self._rules))
