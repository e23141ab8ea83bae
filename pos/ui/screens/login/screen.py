"""The login screen: the people of the shop with their role, a PIN pad, and the language."""

from __future__ import annotations

from datetime import tzinfo

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from pos.services.users import UserService
from pos.ui.keypad import PinPad
from pos.ui.retranslating import Retranslating
from pos.ui.screens import setup_touch_table
from pos.ui.screens.login.models import UsersTableModel
from pos.ui.screens.login.view_model import LoginViewModel
from pos.ui.screens.managed import StatusScreen
from pos.ui.workers import TaskRunner

PAD_WIDTH = 420  # px: three 64 px keys with room to spare, the list takes the rest
LANGUAGES = (("fr", "FR"), ("en", "EN"))  # shown as codes: readable in either language
# TODO(lead): move into pos/ui/style.qss with the other screens' rules.
SCREEN_QSS = """
#loginScreen { background: #f4f3ef; }
#loginStatus { font-size: 22px; padding: 12px 16px; border-radius: 8px; }
#loginStatus[kind="error"] { background: #fde2e2; color: #9b1c1c; }
#loginStatus[kind="locked"] { background: #fdebd3; color: #7a4300; font-weight: bold; }
QPushButton:checked { background: #0b6e69; border-color: #0b6e69; color: #ffffff; }
"""


class LoginScreen(StatusScreen[LoginViewModel], Retranslating, QWidget):
    """Who is at the counter: tap your name, type your PIN, OK.

    Renders `LoginViewModel`. A lockout is said in full (who, until when, what to do), and
    the status line stays until the next tap.

    Signals:
        logged_in(object): the `Operator` who just logged in.
        language_requested(str): "fr" or "en" was tapped; the app installs its translators.
    """

    logged_in = Signal(object)
    language_requested = Signal(str)

    def __init__(
        self, *, view_model: LoginViewModel, tz: tzinfo | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("loginScreen")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.setStyleSheet(SCREEN_QSS)
        self._vm = view_model
        self._model = UsersTableModel(locale=view_model.locale, tz=tz, parent=self)
        self._build_ui()
        self._connect_signals()
        self._retranslate_ui()
        self._render_users()
        self._render_status()

    def activate(self) -> None:
        """Shown (again, after a logout): a blank login with a fresh list of people."""
        self._vm.reset()

    def set_locale(self, locale: str) -> None:
        """Show lockout times the `locale` way, its language button pressed; nothing is read."""
        self._model.set_locale(locale)
        self._vm.set_locale(locale)  # re-emits users_changed

    def _build_ui(self) -> None:
        self._title = QLabel(objectName="screenTitle")
        top = QHBoxLayout()
        top.addWidget(self._title, 1)
        self._language_buttons: dict[str, QPushButton] = {}
        for language, code in LANGUAGES:
            button = QPushButton(code, objectName=f"language_{language}")
            button.setCheckable(True)
            self._language_buttons[language] = button
            top.addWidget(button)
        self._users_view = QTableView(objectName="usersTable")
        self._users_view.setModel(self._model)
        setup_touch_table(self._users_view, stretch=UsersTableModel.NAME_COLUMN)
        self._chosen_label = QLabel(objectName="sectionTitle")
        self._chosen_label.setWordWrap(True)
        self._pin_pad = PinPad()
        pad = QVBoxLayout()
        pad.addWidget(self._chosen_label)
        pad.addWidget(self._pin_pad, 1)
        body = QHBoxLayout()
        body.addWidget(self._users_view, 1)
        body.addSpacing(24)
        body.addLayout(pad)
        self._pin_pad.setFixedWidth(PAD_WIDTH)
        self._status_label = QLabel(objectName="loginStatus")
        self._status_label.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addLayout(body, 1)
        layout.addWidget(self._status_label)

    def _connect_signals(self) -> None:
        self._users_view.clicked.connect(self._on_users_view_clicked)
        self._pin_pad.submitted.connect(self._vm.submit_pin)
        for language, button in self._language_buttons.items():
            button.clicked.connect(lambda _=False, lang=language: self._vm.choose_language(lang))
        self._vm.users_changed.connect(self._render_users)
        self._vm.status_changed.connect(self._render_status)
        self._vm.logged_in.connect(self.logged_in)
        self._vm.language_requested.connect(self._on_view_model_language_requested)

    def _retranslate_ui(self) -> None:
        self._title.setText(self.tr("Who is at the counter?"))
        self._pin_pad.set_accept_text(self.tr("Log in"))
        self._model.retranslate()
        self._render_users()

    def _on_users_view_clicked(self, index: QModelIndex) -> None:
        self._pin_pad.clear()
        self._vm.choose(index.row())

    def _on_view_model_language_requested(self, language: str) -> None:
        self.set_locale(self._vm.locale)  # this screen at once; the app then switches the rest
        self.language_requested.emit(language)

    def _render_users(self) -> None:
        users, chosen = self._vm.users, self._vm.selected
        if self._model.rows != users:
            self._model.set_rows(users)
        row = users.index(chosen) if chosen in users else -1
        if chosen is None or row < 0:
            self._users_view.clearSelection()
            self._chosen_label.setText(self.tr("Tap your name."))
        else:
            self._users_view.selectRow(row)
            self._chosen_label.setText(
                self.tr("{name}, type your PIN.").format(name=chosen.display_name)
            )
        self._pin_pad.setEnabled(chosen is not None)
        language = self._vm.locale[:2]
        for code, button in self._language_buttons.items():
            button.setChecked(code == language)

    def _render_status(self) -> None:
        super()._render_status()
        self._pin_pad.setEnabled(self._vm.selected is not None and not self._vm.busy)


def create_login_screen(
    *, users: UserService, runner: TaskRunner, locale: str, tz: tzinfo | None = None
) -> LoginScreen:
    """The login screen and its view model, wired to `users`; call `activate()` to show it.

    Args:
        users: the users service (any thread may call it).
        runner: the app's task runner.
        locale: Babel locale for lockout times ("fr_FR", "en_US").
        tz: the shop's time zone; the machine's when None.
    """
    view_model = LoginViewModel(users=users, runner=runner, locale=locale, tz=tz)
    screen = LoginScreen(view_model=view_model, tz=tz)
    view_model.setParent(screen)
    return screen
