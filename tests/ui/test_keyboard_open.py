"""With the on-screen keyboard open on any text field, the field and the screen's primary
action stay in view, at 1024×768 and 1280×800, in French and English (issue #13).
The customer picker (settle's "Find by customer") is checked like the approval dialog.

The whole counter (`tests.ui.test_window_sizes`'s window over real services) is walked by an
administrator through every screen that has a text field: the exchange's catalogue search, the
cancellation note, the settle screen, the print queue, stock, each settings tab, the sync
panel, the closing screen, the return requests' list and the recording of one. On each, every
enabled, editable field shown gets the keyboard (as a tap does); the keyboard takes the bottom
of the window, and the field — and the screen's primary action (Valider, Search…) when the
field is above it and both fit — must be whole above it. The login PIN is a keypad, not a
field: nothing to check there.
"""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, Qt, QTimer
from PySide6.QtWidgets import (
    QApplication,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QWidget,
)
from pytestqt.qtbot import QtBot

from pos.domain.scan import ScanKind
from pos.ui.chips import ChipGroup
from pos.ui.dialogs.approval import ApprovalDialog
from pos.ui.dialogs.customer_picker import CustomerPickerDialog
from pos.ui.keyboard import OnScreenKeyboard, install_on_screen_keyboard
from pos.ui.main_window import MainWindow
from tests.support.shop import Shop
from tests.ui import test_window_sizes as sizes
from tests.ui.layout_checks import name_of, settle
from tests.ui.screens.requests.support import open_requests, record_from_order, show_request
from tests.ui.screens.returns.support import click, line_rows, wait_quote
from tests.ui.test_window_sizes import draft_jeans, log_in, open_order

# The window-size checks' counter: its shop, its window maker, both languages.
shop, make_counter, language = sizes.shop, sizes.make_counter, sizes.language
CASHIER, ADMIN = ("Camille", "2580"), ("Alex Admin", "7391")


def editable_fields(screen: QWidget) -> list[QWidget]:
    """The text fields shown on `screen` that the keyboard types into, top to bottom."""
    fields = [
        field
        for field in screen.findChildren(QLineEdit) + screen.findChildren(QPlainTextEdit)
        if field.isVisible() and field.isEnabled() and not field.isReadOnly()
    ]
    return sorted(fields, key=lambda field: field.mapToGlobal(QPoint(0, 0)).y())


class KeyboardCheck:
    """Opens the keyboard on each field of a screen and notes what is not in view."""

    def __init__(self, window: MainWindow, keyboard: OnScreenKeyboard, label: str) -> None:
        self.window, self.keyboard, self.label = window, keyboard, label
        self.problems: list[str] = []
        self.checked: list[str] = []

    def room(self) -> QWidget:
        return self.window.findChild(QScrollArea, "keyboardContentArea").viewport()

    def top_in_room(self, widget: QWidget) -> int:
        return widget.mapTo(self.room(), QPoint(0, 0)).y()

    def in_view(self, widget: QWidget) -> bool:
        top = self.top_in_room(widget)
        return widget.isVisible() and 0 <= top and top + widget.height() <= self.room().height()

    def screen(self, name: str, screen: QWidget) -> None:
        fields = editable_fields(screen)
        assert fields, f"{name}: no text field shown"
        for field in fields:
            self.field(name, screen, field)
        self.keyboard.hide()
        settle()

    def field(self, name: str, screen: QWidget, field: QWidget) -> None:
        where = f"{name} {self.label}: {name_of(field)}"
        self.keyboard.hide()
        settle()
        assert self.keyboard.show_for(field), where
        settle()
        self.checked.append(f"{name}/{name_of(field)}")
        if not self.in_view(field):
            self.problems.append(f"{where} is not in view above the keyboard")
            return
        field_top = self.top_in_room(field)
        for button in screen.findChildren(QPushButton):
            if not (button.property("primary") and button.isVisible()):
                continue
            top = min(field_top, self.top_in_room(button))
            bottom = max(field_top + field.height(), self.top_in_room(button) + button.height())
            if bottom - top <= self.room().height() and not self.in_view(button):
                self.problems.append(f"{where}: {name_of(button)} is out of view")


SIZES = pytest.mark.parametrize("size", [(1024, 768), (1280, 800)], ids=lambda s: f"{s[0]}x{s[1]}")


def counter_with_keyboard(
    qtbot: QtBot, make_counter, size: tuple[int, int], language: str, user: tuple[str, str]
) -> tuple[MainWindow, OnScreenKeyboard]:  # type: ignore[no-untyped-def]
    """The whole counter at `size` with its on-screen keyboard, `user` (name, PIN) logged in."""
    window = make_counter("fr_FR" if language == "fr" else "en_US", size)
    keyboard = install_on_screen_keyboard(window, language=language)
    log_in(qtbot, window, *user, None)
    return window, keyboard


@pytest.mark.parametrize("backend", ["sqlite"])
@SIZES
def test_the_search_and_settle_actions_stay_in_view_and_are_shown_in_docs(
    qtbot: QtBot, shop: Shop, make_counter, size: tuple[int, int], language: str
) -> None:
    window, keyboard = counter_with_keyboard(qtbot, make_counter, size, language, CASHIER)
    check = KeyboardCheck(window, keyboard, f"{size[0]}×{size[1]} {language}")
    # The search box, tapped: the keyboard takes the bottom, Search stays above it.
    box = window.search_screen.findChild(QLineEdit, "searchBox")
    qtbot.mouseClick(box, Qt.MouseButton.LeftButton, pos=box.rect().center())
    qtbot.waitUntil(keyboard.is_visible)
    settle()
    assert check.in_view(window.search_screen.findChild(QPushButton, "searchButton"))
    keyboard.hide()
    # The settle screen's e-mail field, tapped: Valider stays in view with the field.
    qtbot.keyClicks(box, "lefevre")
    open_order(qtbot, window, "10234")
    flow = draft_jeans(qtbot, window)
    keyboard.hide()
    click(qtbot, flow.returns_screen, "continueButton")
    email = flow.settle_screen.findChild(QLineEdit, "emailField")
    qtbot.waitUntil(email.isVisible)
    qtbot.mouseClick(email, Qt.MouseButton.LeftButton, pos=email.rect().center())
    qtbot.waitUntil(keyboard.is_visible)
    settle()
    assert check.in_view(email)
    assert check.in_view(flow.settle_screen.findChild(QPushButton, "commitButton"))
    name = f"keyboard-settle-{size[0]}x{size[1]}-{language}.png"
    assert window.grab().save(str(sizes.DOCS / name))


@pytest.mark.parametrize("backend", ["sqlite"])
@SIZES
def test_every_text_field_and_its_primary_action_stay_above_the_keyboard(
    qtbot: QtBot, shop: Shop, make_counter, size: tuple[int, int], language: str
) -> None:
    window, keyboard = counter_with_keyboard(qtbot, make_counter, size, language, ADMIN)
    check = KeyboardCheck(window, keyboard, f"{size[0]}×{size[1]} {language}")
    counter = window.counter
    check.screen("search", window.search_screen)
    # An exchange: the catalogue search, then the settle screen.
    window.search_screen.findChild(QLineEdit, "searchBox").setText("10234")
    open_order(qtbot, window, "10234")
    flow = draft_jeans(qtbot, window)
    check.screen("returns", flow.returns_screen)
    click(qtbot, flow.returns_screen, "continueButton")
    qtbot.waitUntil(lambda: flow.currentWidget() is flow.settle_screen)
    check.screen("settle", flow.settle_screen)
    click(qtbot, flow.settle_screen, "backButton")
    click(qtbot, flow.returns_screen, "backButton")
    # A cancellation's note.
    window.search_screen.findChild(QLineEdit, "searchBox").setText("10240")
    open_order(qtbot, window, "10240")
    click(qtbot, window.order_screen, "cancelOrderButton")
    qtbot.waitUntil(lambda: window.current_screen() is flow and len(line_rows(flow)) == 2)
    wait_quote(qtbot, flow)
    check.screen("returns-cancel", flow.returns_screen)
    click(qtbot, flow.returns_screen, "backButton")
    # A return without a receipt: the catalogue search and the reason, then the customer.
    qtbot.mouseClick(counter.top_bar.button("search"), Qt.MouseButton.LeftButton)
    click(qtbot, window.search_screen, "noReceiptButton")
    no_receipt = counter.no_receipt.screen
    qtbot.waitUntil(lambda: window.current_screen() is no_receipt)
    check.screen("no-receipt", no_receipt)
    no_receipt.on_scan(ScanKind.ITEM, "JEA-M")
    qtbot.waitUntil(lambda: len(no_receipt.view_model.lines) == 1)
    no_receipt.findChild(ChipGroup, "reasonChips").button("gift").click()
    click(qtbot, no_receipt, "continueButton")
    check.screen("no-receipt-customer", no_receipt.customer_page)
    click(qtbot, no_receipt.customer_page, "itemsButton")
    click(qtbot, no_receipt, "backButton")
    # The back office.
    bar = counter.top_bar
    for place, screen in (("printing", counter.printing), ("stock", counter.stock)):
        qtbot.mouseClick(bar.button(place), Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda screen=screen: window.current_screen() is screen)
        check.screen(place, screen)
    click(qtbot, counter.stock, "inspectTab")
    if editable_fields(counter.stock):  # the inspected items' tab may have none
        check.screen("stock-inspect", counter.stock)
    qtbot.mouseClick(bar.button("settings"), Qt.MouseButton.LeftButton)
    settings = counter.settings
    qtbot.waitUntil(lambda: settings.view_model.snapshot is not None)
    for tab in ("printer", "shop", "wix", "mail", "policy", "categories", "users"):
        if settings.findChild(QPushButton, f"{tab}Tab").isVisible():
            click(qtbot, settings, f"{tab}Tab")
            check.screen(f"settings-{tab}", settings)
    check.screen("sync", sizes.open_sync_review(qtbot, window))
    qtbot.mouseClick(bar.button("closing"), Qt.MouseButton.LeftButton)
    closing = counter.closing
    qtbot.waitUntil(lambda: closing.view_model.session is not None)
    check.screen("closing-drawer", closing)
    # Return requests: the refusal's reason, then a request's note recorded from an order.
    requests = open_requests(qtbot, window)
    show_request(qtbot, requests, "to_decide")
    check.screen("requests", requests)
    click(qtbot, requests, "backButton")
    window.search_screen.findChild(QLineEdit, "searchBox").setText("10234")
    open_order(qtbot, window, "10234")
    check.screen("record-request", record_from_order(qtbot, window, line=1, units=1))
    assert not check.problems, "\n".join(check.problems)
    assert len(check.checked) >= 22, check.checked


def above_the_panel(keyboard: OnScreenKeyboard, field: QLineEdit, button: QWidget
                    ) -> dict[str, bool]:  # fmt: skip
    """The keyboard on a dialog's `field`: whether it and `button` show whole on the screen
    above the keyboard's panel (which floats over the bottom of the window); then it hides."""
    assert keyboard.show_for(field)
    settle()
    panel = keyboard.current
    assert panel is not None
    top = panel.mapToGlobal(QPoint(0, 0)).y()
    found = {}
    for widget in (field, button):
        bottom = widget.mapToGlobal(QPoint(0, widget.height())).y()
        screen_top = widget.window().screen().availableGeometry().top()
        found[name_of(widget)] = screen_top <= widget.mapToGlobal(QPoint(0, 0)).y() and (
            bottom <= top
        )
    keyboard.hide()
    return found


def reason_above_the_keyboard(keyboard: OnScreenKeyboard, found: dict[str, object]) -> None:
    """In the approval dialog's own event loop: the keyboard on its reason field; the field and
    Approve must show above the keyboard's panel, floating over the bottom of the window."""
    dialog = QApplication.activeModalWidget()
    try:
        assert isinstance(dialog, ApprovalDialog)
        manager = dialog.findChild(QPushButton, "manager_maxime")
        if manager is not None:
            manager.click()
        settle()
        reason = dialog.findChild(QLineEdit, "reasonField")
        found.update(above_the_panel(keyboard, reason,
                                     dialog.findChild(QPushButton, "approveButton")))
    finally:
        if dialog is not None and dialog.isVisible():
            dialog.reject()


@pytest.mark.qt_log_ignore(r"This plugin does not support raise\(\)")  # the offscreen platform
@pytest.mark.parametrize("backend", ["sqlite"])
@SIZES
def test_the_approval_reason_and_approve_stay_above_the_keyboard(
    qtbot: QtBot, shop: Shop, make_counter, size: tuple[int, int], language: str
) -> None:
    window, keyboard = counter_with_keyboard(qtbot, make_counter, size, language, CASHIER)
    # A refund over the cashier's limit: the approval dialog opens over the window.
    window.search_screen.findChild(QLineEdit, "searchBox").setText("10233")
    flow = sizes.draft_web_refund(qtbot, window)
    found: dict[str, object] = {}
    QTimer.singleShot(0, lambda: reason_above_the_keyboard(keyboard, found))
    click(qtbot, flow.returns_screen, "continueButton")
    assert found == {"reasonField": True, "approveButton": True}


def customer_search_above_the_keyboard(keyboard: OnScreenKeyboard, found: dict[str, object]
                                       ) -> None:  # fmt: skip
    """In the customer picker's own event loop: the keyboard on its search field; the field
    and Search must show above the keyboard's panel."""
    dialog = QApplication.activeModalWidget()
    try:
        assert isinstance(dialog, CustomerPickerDialog)
        query = dialog.findChild(QLineEdit, "customerQuery")
        found.update(above_the_panel(keyboard, query,
                                     dialog.findChild(QPushButton, "findCustomerButton")))
    finally:
        if dialog is not None and dialog.isVisible():
            dialog.reject()


@pytest.mark.qt_log_ignore(r"This plugin does not support raise\(\)")  # the offscreen platform
@pytest.mark.parametrize("backend", ["sqlite"])
@SIZES
def test_the_customer_search_stays_above_the_keyboard(
    qtbot: QtBot, shop: Shop, make_counter, size: tuple[int, int], language: str
) -> None:
    window, keyboard = counter_with_keyboard(qtbot, make_counter, size, language, CASHIER)
    # A T-shirt back for jeans; at settle, "Find by customer" opens the customer picker.
    window.search_screen.findChild(QLineEdit, "searchBox").setText("10234")
    open_order(qtbot, window, "10234")
    flow = draft_jeans(qtbot, window)
    keyboard.hide()
    click(qtbot, flow.returns_screen, "continueButton")
    found: dict[str, object] = {}
    QTimer.singleShot(0, lambda: customer_search_above_the_keyboard(keyboard, found))
    click(qtbot, flow.settle_screen, "findByCustomerButton")
    assert found == {"customerQuery": True, "findCustomerButton": True}
