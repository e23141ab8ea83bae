"""The counter's top bar: who is at the till, and the counter's other places.

The counter (`pos.ui.counter`) adds it over the screens and wires its signals; the sync and
return-request badges put themselves in its row (`pos.ui.screens.sync`,
`pos.ui.screens.requests`). Its translation context is "TopBar".
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QWidget

from pos.domain.roles import Operator, Permission
from pos.ui.retranslating import Retranslating


class TopBar(Retranslating, QWidget):
    """Who is at the till, and the counter's other places.

    Signals:
        logout_requested(), print_queue_requested(), stock_requested(), search_requested(),
        settings_requested(), closing_requested(), reports_requested()
    """

    settings_requested = Signal()
    logout_requested = Signal()
    print_queue_requested = Signal()
    stock_requested = Signal()
    search_requested = Signal()
    closing_requested = Signal()
    reports_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("topBar")
        # Wrapped ("Alex" over "Admin"): at 1024 px in French the bar's buttons and badges
        # take all the room a one-line name would.
        self._name = QLabel(objectName="operatorName", wordWrap=True)
        self.closing_available = False  # set when the counter has a Closing screen
        self.reports_available = False  # ...and a Reports screen
        keys = ("search", "printing", "stock", "closing", "reports", "settings", "logout")
        self._buttons = {key: QPushButton() for key in keys}
        self._build_ui()
        self._connect_signals()
        self._retranslate_ui()

    def _build_ui(self) -> None:
        layout = QHBoxLayout(self)
        layout.setContentsMargins(8, 6, 8, 6)
        layout.setSpacing(4)  # with the sync and requests badges, 1024 px in French is full
        layout.addWidget(self._name, 1)
        for key, button in self._buttons.items():
            button.setObjectName(f"topBar_{key}")
            button.setMinimumHeight(48)
            layout.addWidget(button)

    def _connect_signals(self) -> None:
        self._buttons["search"].clicked.connect(self.search_requested)
        self._buttons["printing"].clicked.connect(self.print_queue_requested)
        self._buttons["stock"].clicked.connect(self.stock_requested)
        self._buttons["closing"].clicked.connect(self.closing_requested)
        self._buttons["reports"].clicked.connect(self.reports_requested)
        self._buttons["settings"].clicked.connect(self.settings_requested)
        self._buttons["logout"].clicked.connect(self.logout_requested)

    def _retranslate_ui(self) -> None:
        texts = {
            "search": self.tr("Find a sale"),
            "printing": self.tr("Receipts"),
            "stock": self.tr("Stock"),
            "closing": self.tr("Closing"),
            "reports": self.tr("Reports"),
            "settings": self.tr("Settings"),
            "logout": self.tr("Log out"),
        }
        for key, text in texts.items():
            self._buttons[key].setText(text)

    def show_operator(self, operator: Operator | None) -> None:
        self.setVisible(operator is not None)
        if operator is not None:
            self._name.setText(operator.display_name)
            self._buttons["stock"].setVisible(operator.may(Permission.ADJUST_STOCK))
            self._buttons["closing"].setVisible(self.closing_available
                                                and operator.may(Permission.VIEW_REPORTS))
            # With a Closing screen, Reports is reached from it: the bar has no room for both.
            self._buttons["reports"].setVisible(self.reports_available
                                                and not self.closing_available
                                                and operator.may(Permission.VIEW_REPORTS))
            self._buttons["settings"].setVisible(operator.may(Permission.MANAGE_USERS))

    def button(self, key: str) -> QPushButton:
        return self._buttons[key]
