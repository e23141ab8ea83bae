"""The on-screen keyboard: a tap opens it, keys send real key events, Enter and hide close it."""

from __future__ import annotations

import argparse
import logging
import sys
import time
from dataclasses import dataclass
from pathlib import Path

import pytest
from PySide6.QtCore import QEvent, QLocale, QObject, QPoint, QRegularExpression, Qt, QTimer
from PySide6.QtGui import QKeyEvent, QRegularExpressionValidator
from PySide6.QtTest import QTest
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QLabel,
    QLineEdit,
    QMainWindow,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QTableView,
    QVBoxLayout,
    QWidget,
)
from pytestqt.qtbot import QtBot

from pos.app import KEYBOARD_DELAY_MS, install_translators, load_stylesheet, run_app
from pos.config import DATA_DIR_ENV
from pos.db.engine import SessionFactory
from pos.ui.keyboard import OnScreenKeyboard, install_on_screen_keyboard
from pos.ui.keyboard_layouts import COLUMNS, Layout, Page, page_rows
from pos.ui.keyboard_panel import KEY_MIN_WIDTH, KeyboardPanel
from pos.ui.main_window import MainWindow
from tests.support.builders import order
from tests.ui.conftest import record, rich_order
from tests.ui.layout_checks import settle, target_problems, text_problems

LEFT = Qt.MouseButton.LeftButton


@dataclass
class Host:
    """A window with the kinds of fields the counter has, the keyboard installed on it."""

    window: QMainWindow
    keyboard: OnScreenKeyboard
    name: QLineEdit
    password: QLineEdit
    read_only: QLineEdit
    note: QPlainTextEdit
    button: QPushButton
    low: QLineEdit  # at the bottom of the window, where the keyboard comes

    @property
    def panel(self) -> KeyboardPanel:
        return self.keyboard.panel


def make_host(qtbot: QtBot, language: str = "en") -> Host:
    window = QMainWindow()
    window.setStyleSheet(load_stylesheet())
    content = QWidget(objectName="content")
    name = QLineEdit(objectName="name")
    password = QLineEdit(objectName="password", echoMode=QLineEdit.EchoMode.Password)
    read_only = QLineEdit("10234", objectName="readOnly", readOnly=True)
    note = QPlainTextEdit(objectName="note")
    note.setMinimumHeight(60)
    button = QPushButton("OK", objectName="okButton")
    low = QLineEdit(objectName="low")
    layout = QVBoxLayout(content)
    for widget in (name, password, read_only, note, button):
        layout.addWidget(widget)
    layout.addStretch(1)
    layout.addWidget(low)
    window.setCentralWidget(content)
    keyboard = install_on_screen_keyboard(window, language=language)
    qtbot.addWidget(window)
    window.resize(1024, 768)
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    button.setFocus()  # no field has the focus yet
    return Host(window, keyboard, name, password, read_only, note, button, low)


@pytest.fixture
def host(qtbot: QtBot) -> Host:
    return make_host(qtbot)


def tap(qtbot: QtBot, widget: QWidget) -> None:
    qtbot.mouseClick(widget, LEFT, pos=widget.rect().center())


def press(qtbot: QtBot, panel: KeyboardPanel, *names: str) -> None:
    """Tap the keys `names` of the page shown ("l", "shift", "page_symbols")."""
    for name in names:
        tap(qtbot, panel.key(name))


def type_text(qtbot: QtBot, panel: KeyboardPanel, text: str) -> None:
    """Type `text` key by key: to the page a character is on, shift before a capital."""
    for character in text:
        if character == " ":
            press(qtbot, panel, "space")
            continue
        page = next(p for p in Page if on_page(p, panel.letters, character.lower()))
        if panel.page is not page:
            press(qtbot, panel, f"page_{page}")
        if character != character.lower():
            press(qtbot, panel, "shift")
        press(qtbot, panel, character.lower())


def on_page(page: Page, layout: Layout, character: str) -> bool:
    return any(key.name == character for row in page_rows(page, layout) for key in row)


def top_row(panel: KeyboardPanel) -> str:
    """The first four letters of the page shown, read off the keys left to right."""
    page = panel.key("enter").parentWidget()
    keys = [b for b in page.findChildren(QPushButton) if b.property("character")]
    top = min(b.y() for b in keys)
    return " ".join(b.text() for b in sorted((b for b in keys if b.y() == top), key=QWidget.x)[:4])


def shown_text(button: QPushButton) -> str:
    """What a button shows: "&&" is an "&", a lone "&" marks the next letter (a mnemonic)."""
    return button.text().replace("&&", "\0").replace("&", "").replace("\0", "&")


class KeyRecorder(QObject):
    """Records the key presses and releases a widget receives: (type, key, text)."""

    def __init__(self, widget: QWidget) -> None:
        super().__init__(widget)
        self.events: list[tuple[QEvent.Type, int, str]] = []
        widget.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            assert isinstance(event, QKeyEvent)
            self.events.append((event.type(), event.key(), event.text()))
        return False


def test_tapping_a_field_opens_the_keyboard_and_keys_never_take_the_focus(
    qtbot: QtBot, host: Host
) -> None:
    assert host.panel.isHidden() and not host.name.hasFocus()
    with qtbot.waitSignal(host.keyboard.visibility_changed) as shown:
        tap(qtbot, host.name)  # the field gets the focus by a tap
    assert shown.args == [True]
    assert host.panel.isVisible() and host.keyboard.current is host.panel
    assert host.panel.target is host.name and host.name.hasFocus()
    assert host.panel.geometry().bottom() == host.window.height() - 1  # docked at the bottom
    press(qtbot, host.panel, "o", "k", "page_symbols", "1", "page_accents", "é")
    assert host.name.text() == "ok1é"
    assert QApplication.focusWidget() is host.name  # the field kept the focus throughout
    for button in host.panel.findChildren(QPushButton):
        assert button.focusPolicy() == Qt.FocusPolicy.NoFocus, button.objectName()


def test_focus_given_by_a_tap_opens_it_other_focus_does_not(qtbot: QtBot, host: Host) -> None:
    host.name.setFocus(Qt.FocusReason.TabFocusReason)
    host.note.setFocus(Qt.FocusReason.OtherFocusReason)
    assert host.panel.isHidden()
    host.name.setFocus(Qt.FocusReason.MouseFocusReason)  # what a finger's press does
    assert host.panel.isVisible() and host.panel.target is host.name
    host.note.setFocus(Qt.FocusReason.TabFocusReason)  # on to the next field: it follows
    assert host.panel.isVisible() and host.panel.target is host.note


def test_a_field_low_on_the_screen_is_scrolled_above_the_keyboard(qtbot: QtBot, host: Host) -> None:
    host.window.findChild(QWidget, "content").setMinimumHeight(700)
    tap(qtbot, host.low)
    panel_top = host.panel.mapTo(host.window, QPoint(0, 0)).y()
    low_bottom = lambda: host.low.mapTo(host.window, QPoint(0, host.low.height())).y()  # noqa: E731
    qtbot.waitUntil(lambda: low_bottom() < panel_top)  # once the new minimum is laid out
    assert host.window.size().toTuple() == (1024, 768)  # the window did not grow
    area = host.window.findChild(QScrollArea, "keyboardContentArea")
    assert area.widget().width() == area.viewport().width()  # beside the bar, nothing cut
    press(qtbot, host.panel, "o", "k")
    assert host.low.text() == "ok"
    press(qtbot, host.panel, "hide")
    qtbot.waitUntil(lambda: area.widget().size() == host.window.size())  # all of it again


def test_typing_a_name_with_accents_and_capitals(qtbot: QtBot, host: Host) -> None:
    tap(qtbot, host.name)
    panel = host.panel
    press(qtbot, panel, "shift", "l")  # one-shot shift: L, then small letters again
    press(qtbot, panel, "page_accents", "é", "page_letters", "a", "space")
    press(qtbot, panel, "shift", "d", "u", "p", "r", "page_accents", "é")
    assert host.name.text() == "Léa Dupré"
    press(qtbot, panel, "backspace")
    assert host.name.text() == "Léa Dupr"


def test_an_email_address_with_the_symbols_page(qtbot: QtBot, host: Host) -> None:
    tap(qtbot, host.name)
    panel = host.panel
    press(qtbot, panel, "l", "e", "a", "page_symbols", ".", "page_letters")
    press(qtbot, panel, "d", "u", "p", "r", "e", "page_symbols", "+", "1", "@", "page_letters")
    type_text(qtbot, panel, "example.fr")
    assert host.name.text() == "lea.dupre+1@example.fr"


def test_shift_once_and_caps_lock(qtbot: QtBot, host: Host) -> None:
    tap(qtbot, host.name)
    panel = host.panel
    press(qtbot, panel, "shift")
    assert panel.key("q").text() == "Q" and panel.key("shift").isChecked()
    press(qtbot, panel, "q", "w")
    press(qtbot, panel, "shift", "shift")  # a second tap locks the capitals
    assert panel.key("shift").text() == "⇪" and panel.key("shift").isChecked()
    press(qtbot, panel, "e", "r", "page_accents", "é", "page_letters", "shift", "t")
    assert host.name.text() == "QwERÉt"
    assert not panel.key("shift").isChecked() and panel.key("t").text() == "t"


def test_keys_send_real_key_events_that_validators_check(qtbot: QtBot, host: Host) -> None:
    host.name.setValidator(QRegularExpressionValidator(QRegularExpression(r"[0-9 +]*")))
    host.name.setInputMethodHints(Qt.InputMethodHint.ImhDialableCharactersOnly)  # a phone
    recorder = KeyRecorder(host.name)
    tap(qtbot, host.name)
    panel = host.panel
    assert panel.page is Page.SYMBOLS  # it opens on the digits
    press(qtbot, panel, "+", "3", "3", "page_letters", "a", "space")
    press(qtbot, panel, "page_symbols", "6")
    assert host.name.text() == "+33 6"  # the validator refused the "a"
    assert recorder.events[:2] == [
        (QEvent.Type.KeyPress, Qt.Key.Key_Plus, "+"),
        (QEvent.Type.KeyRelease, Qt.Key.Key_Plus, "+"),
    ]
    assert (QEvent.Type.KeyPress, Qt.Key.Key_A, "a") in recorder.events


def test_enter_submits_the_field_and_closes_the_keyboard(qtbot: QtBot, host: Host) -> None:
    tap(qtbot, host.name)
    type_text(qtbot, host.panel, "10234")
    with qtbot.waitSignal(host.name.returnPressed):
        press(qtbot, host.panel, "enter")
    assert host.panel.isHidden() and not host.keyboard.is_visible()
    assert host.name.text() == "10234" and host.name.hasFocus()
    tap(qtbot, host.name)  # a tap on the field that still has the focus opens it again
    assert host.panel.isVisible()


def test_enter_in_a_note_starts_a_new_line(qtbot: QtBot, host: Host) -> None:
    tap(qtbot, host.note.viewport())
    assert host.panel.target is host.note
    type_text(qtbot, host.panel, "Colis")
    press(qtbot, host.panel, "enter", "o", "k")
    assert host.note.toPlainText() == "Colis\nok"
    assert host.panel.isVisible()


def test_the_hide_key_and_leaving_the_field_close_it(qtbot: QtBot, host: Host) -> None:
    tap(qtbot, host.name)
    press(qtbot, host.panel, "hide")
    assert host.panel.isHidden() and host.name.hasFocus()
    tap(qtbot, host.name)
    assert host.panel.isVisible()
    tap(qtbot, host.button)  # the focus goes to a button: nothing to type into
    assert host.panel.isHidden()
    host.name.setFocus()
    assert host.keyboard.show_for(host.name)
    host.name.clearFocus()  # the focus goes nowhere
    qtbot.waitUntil(host.panel.isHidden)


def test_read_only_fields_never_open_it_masked_ones_do(qtbot: QtBot, host: Host) -> None:
    """A touch-only terminal's admin types the Wix secret (a masked field) on it."""
    tap(qtbot, host.read_only)
    assert host.read_only.hasFocus() and host.panel.isHidden()
    assert not host.keyboard.show_for(host.read_only)
    tap(qtbot, host.password)
    assert host.password.hasFocus() and host.panel.isVisible()
    type_text(qtbot, host.panel, "s3cret")
    qtbot.waitUntil(lambda: host.password.text() == "s3cret")
    assert "s3cret" not in host.password.displayText()
    tap(qtbot, host.read_only)  # from a field to a read-only one: it closes
    assert host.panel.isHidden()


@pytest.mark.parametrize("language", ["fr", "en"])
def test_every_key_is_a_finger_wide_and_the_panel_fits_1024_px(
    qtbot: QtBot, qapp: QApplication, language: str
) -> None:
    translators = install_translators(qapp, language)  # the French words must fit too
    try:
        host = make_host(qtbot, language)
        tap(qtbot, host.name)
        panel = host.panel
        assert panel.minimumSizeHint().width() <= 1024 and panel.width() == 1024
        for page in Page:
            panel.show_page(page)
            settle()
            keys = [b for b in panel.findChildren(QPushButton) if b.isVisible()]
            widths = sum(k.width() for k in keys if k.y() == keys[0].y())
            assert len(keys) == sum(len(row) for row in page_rows(page, panel.letters))
            assert widths > 1024 - 2 * KEY_MIN_WIDTH  # the rows span the width
            for key in keys:
                assert key.width() >= 48 and key.height() >= 48, key.objectName()
                assert shown_text(key), key.objectName()  # "&" alone would show nothing
            label = f"{page} {language}"
            assert target_problems(label, host.window) == []  # inside the window, ≥ 48 px
            assert text_problems(label, host.window) == []  # no label cut ("Masquer le clavier")
    finally:
        for translator in translators:
            qapp.removeTranslator(translator)


def test_every_row_fills_the_grid() -> None:
    for layout in Layout:
        for page in Page:
            for row in page_rows(page, layout):
                assert sum(key.span for key in row) == COLUMNS, (layout, page, row)
    accents = {key.name for row in page_rows(Page.ACCENTS, Layout.AZERTY) for key in row}
    assert set("éèàçùêâîôëïûœ") <= accents
    symbols = {key.name for row in page_rows(Page.SYMBOLS, Layout.QWERTY) for key in row}
    assert set("0123456789@.-_+'") <= symbols


def test_the_letters_follow_the_interface_language(qtbot: QtBot, qapp: QApplication) -> None:
    host = make_host(qtbot, "en")
    panel = host.panel
    assert top_row(panel) == "q w e r" and panel.key("enter").text() == "Enter"
    translators = install_translators(qapp, "fr")
    try:
        qtbot.waitUntil(lambda: top_row(panel) == "a z e r")  # LanguageChange is posted
        assert panel.key("enter").text() == "Entrée"
        assert panel.key("hide").text() == "Masquer le clavier"
        tap(qtbot, host.name)
        type_text(qtbot, panel, "azerty")
        assert host.name.text() == "azerty"
    finally:
        for translator in translators:
            qapp.removeTranslator(translator)
    qtbot.waitUntil(lambda: top_row(panel) == "q w e r")
    assert panel.key("hide").text() == "Hide keyboard"
    panel.show_page(Page.SYMBOLS)
    host.keyboard.set_language("fr")
    assert panel.page is Page.SYMBOLS  # a page other than the letters stays
    panel.show_page(Page.LETTERS)
    assert top_row(panel) == "a z e r"
    host.keyboard.set_language("en")
    assert top_row(panel) == "q w e r"


# A tool window raises itself when shown; the offscreen platform says it cannot.
@pytest.mark.qt_log_ignore(r"This plugin does not support raise\(\)")
def test_a_dialog_field_gets_a_keyboard_its_modality_lets_through(qtbot: QtBot, host: Host) -> None:
    tap(qtbot, host.name)
    dialog = QDialog(host.window)
    reason = QLineEdit(objectName="reasonField")
    layout = QVBoxLayout(dialog)
    layout.addWidget(QPushButton("Cancel"))
    layout.addWidget(reason)
    dialog.resize(640, 600)  # tall: the field would be under the keyboard
    dialog.setModal(True)
    dialog.show()
    dialog.activateWindow()  # as the window system does when a dialog opens
    qtbot.waitUntil(dialog.isActiveWindow)
    assert host.panel.isHidden()  # the window's keyboard is blocked behind the dialog
    opened_at = dialog.pos()
    tap(qtbot, reason)
    panel = host.keyboard.current
    assert panel is not None and panel is not host.panel and panel.isWindow()
    assert panel.parentWidget() is dialog and panel.isVisible()
    window_rect = host.window.geometry()
    assert panel.geometry().bottom() == window_rect.bottom()
    assert panel.width() == window_rect.width()
    field_bottom = reason.mapToGlobal(QPoint(0, reason.height())).y()
    assert field_bottom < panel.geometry().top()  # the dialog moved up: the field shows
    assert dialog.pos().y() < opened_at.y()
    # Taps through the window system (as a finger's), which blocks windows behind a modal
    for name in ("o", "k"):
        key = panel.key(name)
        QTest.mouseClick(panel.windowHandle(), LEFT, Qt.KeyboardModifier.NoModifier,
                         key.mapTo(panel, key.rect().center()))  # fmt: skip
    assert reason.text() == "ok"
    press(qtbot, panel, "hide")
    assert panel.isHidden() and dialog.pos() == opened_at  # back where it opened
    dialog.reject()


def test_tapping_the_search_box_and_typing_a_name_finds_the_sale(
    qtbot: QtBot, qapp: QApplication, sessions: SessionFactory, make_window, tmp_path: Path
) -> None:
    marc = order("10100", days_ago=20, first="Marc", last="Leroy", email="marc@example.fr")
    record(sessions, rich_order("10234"), marc)
    window = make_window("fr_FR")
    window.resize(1024, 768)
    keyboard = install_on_screen_keyboard(window, language="fr")
    translators = install_translators(qapp, "fr")
    try:
        box = window.search_screen.findChild(QLineEdit, "searchBox")
        qtbot.waitUntil(box.hasFocus)  # the screen gave it the focus: a tap opens the keyboard
        area = window.findChild(QScrollArea, "keyboardContentArea")
        status = window.search_screen.findChild(QLabel, "searchStatus")
        assert status.isVisible() and status.wordWrap()
        # Closed, the keyboard takes nothing: the screen fills the window as before, unscrolled.
        assert area.widget().size() == area.viewport().size() == window.size()
        # Nothing is built or moved before the first tap: the app starts as fast as without.
        host, screen_parent = window.centralWidget(), window.search_screen.parentWidget()
        assert window.findChild(KeyboardPanel) is None
        tap(qtbot, box)
        panel = keyboard.panel
        assert window.findChildren(KeyboardPanel) == [panel]
        assert window.centralWidget() is host  # docked in place: no screen was re-parented
        assert window.search_screen.parentWidget() is screen_parent
        assert panel.isVisible() and top_row(panel) == "a z e r"
        type_text(qtbot, panel, "Lefèvre")
        # The scanner filter holds each key until the next tap or 60 ms of silence.
        qtbot.waitUntil(lambda: box.text() == "Lefèvre")
        view = window.search_screen.findChild(QTableView, "searchResults")
        qtbot.waitUntil(lambda: view.model().rowCount() == 1)
        assert view.model().index(0, 0).data() == "10234"
        row = view.visualRect(view.model().index(0, 0))
        row_bottom = view.viewport().mapTo(window, row.bottomLeft()).y()
        assert view.isVisible() and row_bottom < panel.mapTo(window, QPoint(0, 0)).y()
        settle()
        assert window.grab().save(str(tmp_path / "keyboard-search-fr.png"))
        save_pages(panel, tmp_path, "fr")
        press(qtbot, panel, "hide")
        qtbot.waitUntil(lambda: area.widget().size() == window.size())  # all of it again
    finally:
        for translator in translators:
            qapp.removeTranslator(translator)
    qtbot.waitUntil(lambda: top_row(panel) == "q w e r")
    keyboard.show_for(box)
    settle()
    assert window.grab().save(str(tmp_path / "keyboard-search-en.png"))
    save_pages(panel, tmp_path, "en")


def save_pages(panel: KeyboardPanel, folder: Path, language: str) -> None:
    """A screenshot of each page of the keyboard, for a person to look at."""
    for page in Page:
        panel.show_page(page)
        settle()
        assert panel.grab().save(str(folder / f"keyboard-{page}-{language}.png"))
    panel.show_page(Page.LETTERS)


@pytest.mark.parametrize("setting", ["", "off"])
def test_the_app_opens_with_the_keyboard_unless_it_is_turned_off(
    qapp: QApplication, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, setting: str
) -> None:
    monkeypatch.setenv(DATA_DIR_ENV, str(tmp_path))
    monkeypatch.setenv("COMPTOIR_KEYBOARD", setting)  # "": as when it is not set
    monkeypatch.setattr(logging.getLogger(), "level", logging.getLogger().level)
    seen: dict[str, object] = {}
    # The keyboard is installed once the window is up: look until it is there (a loaded machine
    # may take seconds), or, when it is turned off, for long enough that it would have been.
    started = time.monotonic()
    patience = 20.0 if setting != "off" else (KEYBOARD_DELAY_MS + 1500) / 1000

    def look_and_close() -> None:
        shown = [w for w in qapp.topLevelWidgets() if isinstance(w, MainWindow) and w.isVisible()]
        seen["keyboard"] = [window.findChild(OnScreenKeyboard) is not None for window in shown]
        waited = time.monotonic() - started
        if (not shown and waited < 20) or (not all(seen["keyboard"]) and waited < patience):
            QTimer.singleShot(100, look_and_close)
            return
        for window in shown:
            window.close()  # closing the last window ends the app, as at the counter

    default_locale, hook = QLocale(), sys.excepthook
    QTimer.singleShot(KEYBOARD_DELAY_MS, look_and_close)
    try:
        options = {"demo": False, "kiosk": False, "lang": "fr"}
        url = f"sqlite:///{tmp_path / 'shop.sqlite3'}"
        assert run_app(argparse.Namespace(db=url, **options)) == 0
    finally:
        QLocale.setDefault(default_locale)
    assert seen == {"keyboard": [setting != "off"]}
    assert sys.excepthook is hook
