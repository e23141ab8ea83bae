"""The Closing screen (managers): the drawer's float and paid-outs, the count by denomination
on big touch buttons, the X at any time and the Z that closes the day."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFontDatabase
from PySide6.QtWidgets import (
    QButtonGroup,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QScroller,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from pos.domain.closing import Report, is_note
from pos.domain.money import Money
from pos.domain.receipt_labels import figure_label
from pos.services.return_requests import RequestCounts
from pos.ui.format import format_money
from pos.ui.keypad import AmountKeypad
from pos.ui.retranslating import Retranslating
from pos.ui.screens.closing.view_model import ClosingViewModel
from pos.ui.screens.managed import ManagedScreen

FACTS = ("drawerState", "drawerFloat", "drawerCashIn", "drawerCashOut", "drawerPaidIn",
         "drawerPaidOut", "drawerExpected")
COUNT_FACTS = ("countCounted", "countExpected", "countVariance")
PIECE_COLUMNS = 4
SCREEN_QSS = """
#closingScreen { background: #f4f3ef; }
#drawerExpected, #countVariance, #countCounted { font-size: 24px; font-weight: bold; }
#closingStatus { font-size: 20px; padding: 10px 16px; border-radius: 8px; background: #ffffff; }
#closingStatus[kind="error"] { background: #fde2e2; color: #9b1c1c; }
#closingStatus[kind="ok"] { background: #e1f2e4; color: #1e5c2c; }
#pieceButton { min-height: 64px; min-width: 96px; max-width: 150px; padding: 4px;
               font-size: 18px; }
#pieceButton[note="true"] { background: #e8f0ee; }
QPushButton:checked { background: #0b6e69; border-color: #0b6e69; color: #ffffff; }
#requestsLink { padding: 0 16px; font-size: 17px; }
#requestsLink[kind="waiting"] { background: #fff0d1; border-color: #c27803; color: #7a4b00;
                                font-weight: bold; }
#reportText { font-family: "DejaVu Sans Mono", monospace; font-size: 15px; background: #ffffff; }
"""


class ClosingScreen(ManagedScreen[ClosingViewModel], Retranslating, QWidget):
    """Three pages: the drawer, its count, and the X / Z reports.

    Signals:
        back_requested(): the manager is done here.
        reports_requested(): the manager taps *Returns report* (on the X / Z page, shown
            after `show_reports_button`).
        requests_requested(): the manager taps *Return requests to decide: n* (above the
            pages, shown after `show_requests_link`).
    """

    back_requested = Signal()
    reports_requested = Signal()
    requests_requested = Signal()

    def __init__(self, *, view_model: ClosingViewModel, locale: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("closingScreen")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.setStyleSheet(SCREEN_QSS)
        self._vm, self._locale = view_model, locale
        view_model.locale, view_model.language = locale, locale[:2]  # the slip's language too
        self._requests_to_decide: int | None = None  # None: not read yet (or no link)
        self._build_ui()
        self._connect_signals()
        self._retranslate_ui()

    def show_reports_button(self) -> None:
        """Offer *Returns report* on the X / Z page (the counter has a Reports screen)."""
        self._reports_button.setVisible(True)

    def show_requests_link(self, counts: RequestCounts | None) -> None:
        """Offer the return requests' list, saying how many wait for a decision (None: not
        read yet)."""
        self._requests_to_decide = None if counts is None else counts.to_decide
        self._requests_link.setVisible(True)
        self._render_requests_link()

    def set_locale(self, locale: str) -> None:
        """Money the `locale` way ("en_US"); the slip in that language."""
        self._locale = self._vm.locale = locale
        self._vm.language = locale[:2]
        self._pad.set_locale(locale)
        self._render_session()
        self._render_counts()
        self._render_report()

    # ------------------------------------------------------------ building

    def _build_ui(self) -> None:
        self._back_button = QPushButton(objectName="backButton")
        self._title = QLabel(objectName="screenTitle")
        self._tab_buttons = [QPushButton(objectName=name, checkable=True)
                             for name in ("drawerTab", "countTab", "reportTab")]
        self._tabs = QButtonGroup(self)
        top = QHBoxLayout()
        top.addWidget(self._back_button)
        top.addSpacing(16)
        top.addWidget(self._title, 1)
        for index, button in enumerate(self._tab_buttons):
            self._tabs.addButton(button, index)
            top.addWidget(button)
        self._status_label = QLabel(objectName="closingStatus", wordWrap=True)
        self._status_label.setVisible(False)
        # What waits for a manager: the top bar's badge says it in a pill, this in words.
        self._requests_link = QPushButton(objectName="requestsLink")
        self._requests_link.setVisible(False)
        notes = QHBoxLayout()
        notes.addWidget(self._status_label, 1)
        notes.addWidget(self._requests_link, 0, Qt.AlignmentFlag.AlignRight)
        self._pages = QStackedWidget(objectName="closingPages")
        for page in (self._build_drawer_page(), self._build_count_page(),
                     self._build_report_page()):
            self._pages.addWidget(page)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addLayout(notes)
        layout.addWidget(self._pages, 1)
        self._show_page(0)

    def _facts_grid(self, names: tuple[str, ...]) -> tuple[QGridLayout, dict[str, QLabel],
                                                         dict[str, QLabel]]:
        values = {name: QLabel(objectName=name) for name in names}
        titles = {name: QLabel(objectName="fieldLabel") for name in names}
        grid = QGridLayout()
        grid.setHorizontalSpacing(24)
        for row, name in enumerate(names):
            grid.addWidget(titles[name], row, 0)
            grid.addWidget(values[name], row, 1)
        grid.setRowStretch(len(names), 1)
        return grid, values, titles

    def _build_drawer_page(self) -> QWidget:
        grid, self._facts, self._fact_titles = self._facts_grid(FACTS)
        self._facts["drawerState"].setWordWrap(True)  # "Closed: type the float..." is long
        self._pad = AmountKeypad(currency=self._vm.currency, locale=self._locale)
        self._pad.setFixedWidth(360)
        self._reason_edit = QLineEdit(objectName="moveReason")
        self._open_button = QPushButton(objectName="openDrawerButton")
        self._open_button.setProperty("primary", True)
        self._paid_out_button = QPushButton(objectName="paidOutButton")
        self._paid_in_button = QPushButton(objectName="paidInButton")
        moves = QHBoxLayout()  # shown while the drawer is open; "open" while it is closed
        moves.addWidget(self._paid_out_button)
        moves.addWidget(self._paid_in_button)
        right = QVBoxLayout()
        right.addWidget(self._pad, 1)
        right.addWidget(self._reason_edit)
        right.addWidget(self._open_button)
        right.addLayout(moves)
        page = QWidget(objectName="drawerPage")
        row = QHBoxLayout(page)
        row.addLayout(grid, 1)
        row.addSpacing(24)
        row.addLayout(right)
        return page

    def _build_count_page(self) -> QWidget:
        pieces = QGridLayout()
        self._pieces: dict[int, QPushButton] = {}
        for index, denomination in enumerate(self._vm.denominations):
            button = QPushButton(objectName="pieceButton")
            button.setProperty("note", is_note(self._vm.currency, denomination))
            button.clicked.connect(lambda _=False, d=denomination: self._on_piece_clicked(d))
            pieces.addWidget(button, index // PIECE_COLUMNS, index % PIECE_COLUMNS)
            self._pieces[denomination] = button
        self._remove_toggle = QPushButton(objectName="removeToggle", checkable=True)
        self._clear_button = QPushButton(objectName="clearCountButton")
        self._close_button = QPushButton(objectName="closeDrawerButton")
        self._close_button.setProperty("primary", True)
        grid, self._count_facts, self._count_titles = self._facts_grid(COUNT_FACTS)
        right = QVBoxLayout()
        right.addLayout(grid)
        right.addWidget(self._remove_toggle)
        right.addWidget(self._clear_button)
        right.addStretch(1)
        right.addWidget(self._close_button)
        page = QWidget(objectName="countPage")
        row = QHBoxLayout(page)
        row.addLayout(pieces, 1)
        row.addSpacing(16)
        row.addLayout(right)
        return page

    def _build_report_page(self) -> QWidget:
        self._x_button = QPushButton(objectName="xButton")
        self._z_button = QPushButton(objectName="zButton")
        self._z_button.setProperty("primary", True)
        self._reprint_button = QPushButton(objectName="reprintZButton")
        self._report_text = QPlainTextEdit(objectName="reportText", readOnly=True)
        QScroller.grabGesture(self._report_text.viewport(),  # a long report: by finger
                              QScroller.ScrollerGestureType.LeftMouseButtonGesture)
        self._report_text.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        self._key_label = QLabel(objectName="signingKey", wordWrap=True)
        self._key_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        # The Reports screen is reached from here: the top bar has no room for one more place.
        self._reports_button = QPushButton(objectName="reportsButton")
        self._reports_button.setVisible(False)
        buttons = QHBoxLayout()
        buttons.addWidget(self._x_button)
        buttons.addWidget(self._z_button)
        buttons.addWidget(self._reprint_button)
        buttons.addStretch(1)
        buttons.addWidget(self._reports_button)
        page = QWidget(objectName="reportPage")
        layout = QVBoxLayout(page)
        layout.addLayout(buttons)
        layout.addWidget(self._report_text, 1)
        layout.addWidget(self._key_label)
        return page

    def _connect_signals(self) -> None:
        self._back_button.clicked.connect(self.back_requested)
        self._tabs.idClicked.connect(self._show_page)
        self._reports_button.clicked.connect(self.reports_requested)
        self._requests_link.clicked.connect(self.requests_requested)
        self._open_button.clicked.connect(self._on_open_button_clicked)
        self._paid_out_button.clicked.connect(lambda: self._move("paid_out"))
        self._paid_in_button.clicked.connect(lambda: self._move("paid_in"))
        self._clear_button.clicked.connect(self._vm.clear_count)
        self._close_button.clicked.connect(self._vm.close_drawer)
        self._x_button.clicked.connect(self._vm.read_x)
        self._z_button.clicked.connect(self._vm.close_z)
        self._reprint_button.clicked.connect(self._vm.reprint_z)
        self._vm.session_changed.connect(self._render_session)
        self._vm.counts_changed.connect(self._render_counts)
        self._vm.report_changed.connect(self._render_report)
        self._vm.status_changed.connect(self._render_status)

    def _retranslate_ui(self) -> None:
        self._back_button.setText(self.tr("‹  Back"))
        self._title.setText(self.tr("Closing"))
        self._reports_button.setText(self.tr("Returns report"))
        for button, text in zip(self._tab_buttons, (self.tr("Drawer"), self.tr("Count"),
                                                    self.tr("X / Z")), strict=True):
            button.setText(text)
        titles = (self.tr("Drawer"), self.tr("Opening float"), self.tr("Cash taken"),
                  self.tr("Cash refunded"), self.tr("Paid in"), self.tr("Paid out"),
                  self.tr("Expected in the drawer"))
        for name, title in zip(FACTS, titles, strict=True):
            self._fact_titles[name].setText(title)
        for name, title in zip(COUNT_FACTS, (self.tr("Counted"), self.tr("Expected"),
                                             self.tr("Variance")), strict=True):
            self._count_titles[name].setText(title)
        self._reason_edit.setPlaceholderText(self.tr("Why (paid in or out)"))
        self._open_button.setText(self.tr("Open with this float"))
        self._paid_out_button.setText(self.tr("Paid out"))
        self._paid_in_button.setText(self.tr("Paid in"))
        self._remove_toggle.setText(self.tr("Tap to remove"))
        self._clear_button.setText(self.tr("Start again"))
        self._close_button.setText(self.tr("Close the drawer"))
        self._x_button.setText(self.tr("Read X"))
        self._z_button.setText(self.tr("Close the day (Z)"))
        self._reprint_button.setText(self.tr("Print the Z again"))
        self._render_session()
        self._render_counts()
        self._render_report()
        self._render_requests_link()

    # ------------------------------------------------------------ intents

    def _show_page(self, page: int) -> None:
        self._pages.setCurrentIndex(page)
        self._tab_buttons[page].setChecked(True)

    def _on_open_button_clicked(self) -> None:
        self._vm.open_drawer(self._pad.amount())
        self._pad.clear()

    def _move(self, kind: str) -> None:
        self._vm.move(kind, self._pad.amount(), self._reason_edit.text())

    def _on_piece_clicked(self, denomination: int) -> None:
        self._vm.add_piece(denomination, -1 if self._remove_toggle.isChecked() else 1)

    # ------------------------------------------------------------ rendering

    def _money(self, amount: Money) -> str:
        return format_money(amount, self._locale)

    def _render_session(self) -> None:
        session = self._vm.session
        is_open = session is not None
        self._open_button.setVisible(not is_open)
        self._paid_out_button.setVisible(is_open)
        self._paid_in_button.setVisible(is_open)
        self._reason_edit.setVisible(is_open)
        self._close_button.setEnabled(is_open)
        if session is None:
            for label in self._facts.values():
                label.setText("")
            self._facts["drawerState"].setText(self.tr("Closed: type the float to open it"))
            return
        f, currency = session.figures, session.figures.currency
        self._facts["drawerState"].setText(self.tr("Open"))
        for name, minor in (("drawerFloat", f.opening_float), ("drawerCashIn", f.cash_in),
                            ("drawerCashOut", f.cash_out), ("drawerPaidIn", f.paid_in),
                            ("drawerPaidOut", f.paid_out), ("drawerExpected", f.expected)):
            self._facts[name].setText(self._money(Money(minor, currency)))

    def _render_requests_link(self) -> None:
        count = self._requests_to_decide
        self._requests_link.setText(self.tr("Return requests to decide: {count}  ›").format(
            count="…" if count is None else count))
        self._requests_link.setProperty("kind", "waiting" if count else "")
        self._requests_link.style().unpolish(self._requests_link)  # re-read the QSS property
        self._requests_link.style().polish(self._requests_link)

    def _render_counts(self) -> None:
        counts, currency = self._vm.counts, self._vm.currency
        for denomination, button in self._pieces.items():
            button.setText(f"{self._money(Money(denomination, currency))}\n"
                           f"× {counts.get(denomination, 0)}")
        session, variance = self._vm.session, self._vm.variance
        self._count_facts["countCounted"].setText(self._money(self._vm.counted))
        self._count_facts["countExpected"].setText(
            self._money(session.expected) if session else "")
        self._count_facts["countVariance"].setText(
            self._money(variance) if variance is not None else "")

    def _render_report(self) -> None:
        report, closure, key = self._vm.report, self._vm.closure, self._vm.public_key
        self._reprint_button.setVisible(closure is not None and self._vm.can_print)
        self._key_label.setText(self.tr("The shop's signing key (public): {key}").format(
            key=f"{key[:32]} {key[32:]}") if key else "")
        if report is None:
            self._report_text.setPlainText(self.tr("Tap “Read X” to see the day so far."))
            return
        if closure is None:
            head = [self.tr("X report — nothing is closed")]
        else:
            head = [self.tr("Z number {number} — {period}").format(
                number=closure.number, period=closure.period),
                self.tr("Signed: {hash}").format(hash=closure.hash[:32])]
        self._report_text.setPlainText("\n".join(head + self._report_lines(report)))

    def _report_lines(self, report: Report) -> list[str]:
        titles = {"kind": self.tr("By kind"), "tender": self.tr("By tender"),
                  "refund_to": self.tr("Refunds to"), "reason": self.tr("Return reasons"),
                  "cashier": self.tr("By cashier"), "approver": self.tr("Approvals"),
                  "vat": self.tr("VAT by rate (base / tax)")}
        lines = ["", self.tr("Documents: {count}").format(count=report.documents)]
        for section, title in titles.items():
            figures = report.section(section)
            if figures:
                lines += ["", title]
            for f in figures:
                amount = Money(f.amount, f.currency)
                value = (f"{self._money(Money(f.base, f.currency))} / "
                         f"{self._money(Money(f.tax, f.currency))}" if section == "vat"
                         else f"{f.count} × {self._money(amount)}")
                name = figure_label(self._vm.language, section, f.key)  # as the slip words it
                lines.append(f"  {name:<24} {value}")
        lines.append("")
        for currency, minor in report.net.items():
            lines.append(self.tr("Net total: {amount}").format(
                amount=self._money(Money(minor, currency))))
        for currency, minor in report.grand_total.items():
            lines.append(self.tr("Perpetual grand total: {amount}").format(
                amount=self._money(Money(minor, currency))))
        return lines



def create_closing_screen(*, view_model: ClosingViewModel, locale: str) -> ClosingScreen:
    """The Closing screen over its view model; call `activate()` each time it is shown."""
    screen = ClosingScreen(view_model=view_model, locale=locale)
    view_model.setParent(screen)
    return screen
