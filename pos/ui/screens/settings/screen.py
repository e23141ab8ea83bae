"""The settings screen (administrators): printer, Wix, return policy, categories, users,
language."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from pos.domain.roles import Operator, Permission
from pos.services.policy import PolicyService
from pos.services.settings import SettingsService
from pos.services.shop import ShopService
from pos.services.users import UserService
from pos.ui.retranslating import Retranslating
from pos.ui.screens.settings.categories_tab import CategoriesTab
from pos.ui.screens.settings.key_tab import KeyTab
from pos.ui.screens.settings.mail_tab import MailTab
from pos.ui.screens.settings.policy_tab import PolicyTab
from pos.ui.screens.settings.receipt_settings import ReceiptSettingsViewModel
from pos.ui.screens.settings.shop_tab import PrinterModelPanel, ShopTab
from pos.ui.screens.settings.users_tab import UsersTab
from pos.ui.screens.settings.view_model import SettingsViewModel, TestPrint
from pos.ui.screens.settings.widgets import PageStack, touch_button
from pos.ui.screens.settings.wix_tab import WixTab
from pos.ui.workers import TaskRunner

TABS = ("printer", "shop", "wix", "mail", "policy", "categories", "users", "language", "key")
LANGUAGES = (("fr", "Français"), ("en", "English"))  # each in its own language
# TODO(lead): move into pos/ui/style.qss with the other screens' rules.
SCREEN_QSS = """
#settingsScreen { background: #f4f3ef; }
QLineEdit, QComboBox { min-height: 44px; font-size: 18px; padding: 0 8px; }
QPlainTextEdit { font-size: 18px; }
QComboBox { min-height: 48px; }
QCheckBox { min-height: 48px; font-size: 18px; }
QCheckBox::indicator { width: 32px; height: 32px; }
#settingsStatus { font-size: 20px; padding: 10px 14px; border-radius: 8px; }
#settingsStatus[kind="error"] { background: #fde2e2; color: #9b1c1c; }
#settingsStatus[kind="ok"] { background: #dff3e4; color: #1d5e2f; }
#wixState, #mailServerState { font-size: 18px; }
#wixHint { font-size: 16px; color: #3b4650; }
#keyFingerprint { font-family: "DejaVu Sans Mono", monospace; font-size: 24px; }
QPushButton:checked { background: #0b6e69; border-color: #0b6e69; color: #ffffff; }
QPushButton[settingsTab="true"] { min-width: 48px; padding: 0 4px; }
#categoriesHint { font-size: 16px; color: #3b4650; }
"""


class SettingsScreen(Retranslating, QWidget):
    """Nine tabs of settings; each Save goes to a service, which refuses non-administrators.

    Renders `SettingsViewModel`. The printer and language pages are built here; every other
    tab is a widget of its own (`ShopTab`, `PolicyTab`, `CategoriesTab`, `UsersTab`,
    `KeyTab`), and the Wix and E-mail tabs (`WixTab`, `MailTab`) are shown only to those who
    may manage the shop's credentials. The Signing key tab
    (`KeyTab`) shows the public key that signs closures, to everyone. Secrets typed and
    not saved are cleared when the screen is opened again or someone else logs in.

    Signals:
        back_requested(): Back was tapped.
        language_requested(str): "fr" or "en" was saved; the app switches translators.
    """

    back_requested = Signal()
    language_requested = Signal(str)

    def __init__(self, *, view_model: SettingsViewModel,
                 receipt_settings: ReceiptSettingsViewModel, key_tab: KeyTab | None = None,
                 parent: QWidget | None = None) -> None:  # fmt: skip
        super().__init__(parent)
        self.setObjectName("settingsScreen")
        self._key_tab = key_tab or KeyTab(runner=None, load_key=None)
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.setStyleSheet(SCREEN_QSS)
        self._vm, self._receipt_vm = view_model, receipt_settings
        self._build_ui()
        self._connect_signals()
        self._retranslate_ui()
        self._render()
        self._render_status()

    @property
    def view_model(self) -> SettingsViewModel:
        return self._vm

    def set_operator(self, operator: Operator | None) -> None:
        self._vm.set_operator(operator)
        self._receipt_vm.operator = operator
        self._clear_secrets()
        # The services refuse anyone else anyway; the tabs of the secrets are not even shown.
        may_wix = operator is not None and operator.may(Permission.MANAGE_WIX_CREDENTIALS)
        self._tabs["wix"].setVisible(may_wix)
        self._tabs["mail"].setVisible(may_wix)
        if not may_wix and self._pages.currentWidget() in (self._wix_tab, self._mail_tab):
            self.show_tab("printer")

    def _clear_secrets(self) -> None:
        self._wix_tab.clear_secrets()
        self._mail_tab.clear_secrets()

    def activate(self) -> None:
        """Shown: read the stored settings again, first tab, no message, no secret typed."""
        self._clear_secrets()
        self.show_tab("printer")
        self._vm.reopen()
        self._receipt_vm.load()
        self._key_tab.refresh()

    def show_tab(self, key: str) -> None:
        """Show tab `key` (one of `TABS`); a tab hidden from the operator shows the first."""
        if self._tabs[key].isHidden():
            key = TABS[0]
        self._tabs[key].setChecked(True)
        self._pages.setCurrentIndex(TABS.index(key))

    # ------------------------------------------------------------ building

    def _build_ui(self) -> None:
        self._title = QLabel(objectName="screenTitle")
        self._back = touch_button("backButton")
        top = QHBoxLayout()
        top.addWidget(self._title, 1)
        top.addWidget(self._back)
        self._tabs = {key: touch_button(f"{key}Tab") for key in TABS}
        self._tab_group = QButtonGroup(self)
        tabs = QHBoxLayout()
        tabs.setSpacing(4)  # nine tabs in French fit 1024 px (tests/ui/test_window_sizes.py)
        for key in TABS:
            self._tabs[key].setCheckable(True)
            # As wide as their words: six at the buttons' usual 120 px do not fit 1024 px.
            self._tabs[key].setProperty("settingsTab", True)
            self._tab_group.addButton(self._tabs[key])
            tabs.addWidget(self._tabs[key])
        self._pages = PageStack()
        self._wix_tab = WixTab(view_model=self._vm)
        self._mail_tab = MailTab(view_model=self._vm)
        self._categories = CategoriesTab()
        self.policy_tab = PolicyTab(view_model=self._vm)
        self.users_tab = UsersTab(view_model=self._vm)
        self.shop_tab = ShopTab(view_model=self._receipt_vm)
        self._tabs["shop"].setVisible(self._receipt_vm.has_shop)
        for page in (
            self._printer_page(),
            self.shop_tab,
            self._wix_tab,
            self._mail_tab,
            self.policy_tab,
            self._categories,
            self.users_tab,
            self._language_page(),
            self._key_tab,
        ):  # in TABS's order
            self._pages.addWidget(page)
        self._status = QLabel(objectName="settingsStatus")
        self._status.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addLayout(tabs)
        layout.addWidget(self._pages, 1)
        layout.addWidget(self._status)
        self._tabs["printer"].setChecked(True)

    def _printer_page(self) -> QWidget:
        page = QWidget()
        self._printer_uri = QLineEdit(objectName="printerUri")
        self._printer_hint = QLabel(objectName="printerHint")
        self._printer_hint.setWordWrap(True)
        self._printer_save = touch_button("printerSave")
        self._test_print = touch_button("testPrint")
        self._test_print.setEnabled(self._vm.can_test_print)
        buttons = QHBoxLayout()
        buttons.addWidget(self._printer_save)
        buttons.addWidget(self._test_print)
        buttons.addStretch(1)
        self._printer_label = QLabel(objectName="sectionTitle")
        self.printer_model = PrinterModelPanel(view_model=self._receipt_vm)
        layout = QVBoxLayout(page)
        for widget in (self._printer_label, self._printer_uri, self._printer_hint):
            layout.addWidget(widget)
        layout.addLayout(buttons)
        layout.addWidget(self.printer_model)
        layout.addStretch(1)
        return page

    def _language_page(self) -> QWidget:
        page = QWidget()
        self._language_label = QLabel(objectName="sectionTitle")
        self._language_buttons = {code: touch_button(f"language_{code}") for code, _ in LANGUAGES}
        row = QHBoxLayout()
        for code, name in LANGUAGES:
            self._language_buttons[code].setText(name)
            self._language_buttons[code].setCheckable(True)
            row.addWidget(self._language_buttons[code])
        row.addStretch(1)
        layout = QVBoxLayout(page)
        layout.addWidget(self._language_label)
        layout.addLayout(row)
        layout.addStretch(1)
        return page

    # ------------------------------------------------------------ signals

    def _connect_signals(self) -> None:
        self._back.clicked.connect(self.back_requested)
        for key, tab in self._tabs.items():
            tab.clicked.connect(lambda _=False, key=key: self.show_tab(key))
        self._printer_save.clicked.connect(lambda: self._vm.save_printer(self._printer_uri.text()))
        self._test_print.clicked.connect(lambda: self._vm.test_print(self._printer_uri.text()))
        self._categories.save.clicked.connect(
            lambda: self._vm.save_categories(self._categories.rules(),
                                             self._categories.vat_defaults()))  # fmt: skip
        for code, button in self._language_buttons.items():
            button.clicked.connect(lambda _=False, code=code: self._vm.choose_language(code))
        self._vm.loaded.connect(self._render)
        self._vm.status_changed.connect(self._render_status)
        self._vm.language_requested.connect(self.language_requested)
        self._receipt_vm.status.connect(self._vm.show_status)

    # ------------------------------------------------------------ rendering

    def _retranslate_ui(self) -> None:
        self._title.setText(self.tr("Settings"))
        self._back.setText(self.tr("Back"))
        tab_titles = (
            self.tr("Printer"),
            self.tr("Shop"),
            self.tr("Wix"),
            self.tr("E-mail"),
            self.tr("Return policy"),
            self.tr("Categories"),
            self.tr("Users"),
            self.tr("Language"),
            self.tr("Signing key"),
        )
        for key, title in zip(TABS, tab_titles, strict=True):
            self._tabs[key].setText(title)
        self._retranslate_printer()
        self._language_label.setText(self.tr("Language of this counter"))
        self._render()

    def _retranslate_printer(self) -> None:
        self._printer_label.setText(self.tr("Receipt printer of this counter"))
        self._printer_hint.setText(
            self.tr(
                "Examples: tcp://192.168.1.50:9100 (network), usb://04b8:0e28, "
                "serial:///dev/ttyUSB0?baudrate=19200, file:///dev/usb/lp0, or virtual (no paper)."
            )
        )
        self._printer_save.setText(self.tr("Save printer"))
        self._test_print.setText(self.tr("Test print"))

    def _render(self) -> None:
        snapshot = self._vm.snapshot
        if snapshot is None:
            return
        self._printer_uri.setText(snapshot.printer_uri)
        self.policy_tab.show_policy(snapshot.policy)
        self._categories.show_policy(snapshot.policy, snapshot.categories)
        self.users_tab.show_users(snapshot.users)
        for code, button in self._language_buttons.items():
            button.setChecked(code == snapshot.language)

    def _render_status(self) -> None:
        self._status.setText(self._vm.status_text)
        self._status.setProperty("kind", self._vm.status_kind)
        self._status.setVisible(bool(self._vm.status_text))
        self._status.style().unpolish(self._status)  # re-read the QSS property
        self._status.style().polish(self._status)


def create_settings_screen(
    *,
    settings: SettingsService,
    policy: PolicyService,
    users: UserService,
    runner: TaskRunner,
    test_print: TestPrint | None = None,
    shop: ShopService | None = None,
    signing_key: Callable[[], str] | None = None,
) -> SettingsScreen:
    """The settings screen and its view model; `set_operator`, then `activate()` to show it.

    Args:
        settings: terminal settings and Wix credentials (an API key or a Wix app).
        policy: the return policy.
        users: the users service.
        runner: the app's task runner (every service call runs there).
        test_print: prints a test page on a printer URI (raises when it cannot); the Test
            print button is disabled without it.
        shop: the shop's identity (the Shop tab is hidden without it).
        signing_key: reads the shop's public closure-signing key (hex), on the runner; the
            Signing key tab shows it with its fingerprint.
    """
    view_model = SettingsViewModel(
        settings=settings, policy=policy, users=users, runner=runner, test_print=test_print
    )
    receipt_settings = ReceiptSettingsViewModel(settings=settings, shop=shop, runner=runner)
    screen = SettingsScreen(view_model=view_model, receipt_settings=receipt_settings,
                            key_tab=KeyTab(runner=runner, load_key=signing_key))
    view_model.setParent(screen)
    receipt_settings.setParent(screen)
    return screen
