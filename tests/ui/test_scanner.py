"""The scanner filter with real key events: scans are caught, typing by hand lands untouched.

Keys go through QTest into a QLineEdit while a `ScanFilter` watches the whole QApplication.
Time is a fake millisecond clock advanced between keys, so "fast" and "slow" are exact;
only the replay after a pause waits (with `waitUntil`) for the filter's own timer.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from hypothesis import given
from hypothesis import strategies as st
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QAction, QKeyEvent, QKeySequence
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QDialog, QLineEdit, QVBoxLayout, QWidget
from pytestqt.qtbot import QtBot

from pos.domain.scan import ScanKind
from pos.ui.scanner import (
    ScanFilter,
    ScanRouter,
    install_scanner,
    order_lookup_handler,
    scan_message_text,
)

FAST, SLOW = 8.0, 150.0  # ms between keys: a wedge scanner, a person
# What a wedge scanner sends: printable ASCII (its "keyboard country" maps it to keys).
ASCII = st.characters(min_codepoint=0x20, max_codepoint=0x7E)


class FakeMs:
    """A millisecond clock that moves only when told to."""

    def __init__(self) -> None:
        self.now = 1_000.0

    def __call__(self) -> float:
        return self.now

    def advance(self, ms: float) -> None:
        self.now += ms


@pytest.fixture
def ms() -> FakeMs:
    return FakeMs()


@pytest.fixture
def edit(qtbot: QtBot) -> QLineEdit:
    line_edit = QLineEdit()
    qtbot.addWidget(line_edit)
    line_edit.show()
    line_edit.activateWindow()
    line_edit.setFocus()
    return line_edit


@pytest.fixture
def scanner(qapp: QApplication, ms: FakeMs) -> Iterator[ScanFilter]:
    scan_filter = ScanFilter(monotonic_ms=ms)
    qapp.installEventFilter(scan_filter)
    yield scan_filter
    qapp.removeEventFilter(scan_filter)
    scan_filter.flush()
    scan_filter.deleteLater()


def type_text(target: QWidget, text: str, ms: FakeMs, gap: float) -> None:
    """Type `text` one key at a time, `gap` ms apart (the first key too)."""
    for char in text:
        ms.advance(gap)
        QTest.keyClicks(target, char)


def enter(target: QWidget, ms: FakeMs, gap: float = FAST) -> None:
    ms.advance(gap)
    QTest.keyClick(target, Qt.Key.Key_Return)


def test_a_fast_burst_and_enter_is_a_scan_and_types_nothing(
    qtbot: QtBot, edit: QLineEdit, scanner: ScanFilter, ms: FakeMs
) -> None:
    with (
        qtbot.waitSignal(scanner.scanned) as scanned,
        qtbot.assertNotEmitted(edit.returnPressed),
        qtbot.assertNotEmitted(edit.textChanged),
    ):
        type_text(edit, "CPT:O:10234", ms, FAST)
        enter(edit, ms)
    assert scanned.args == ["CPT:O:10234"]
    assert edit.text() == "" and not scanner.holding


def test_slow_typing_lands_in_the_line_edit_and_is_no_scan(
    qtbot: QtBot, edit: QLineEdit, scanner: ScanFilter, ms: FakeMs
) -> None:
    with qtbot.assertNotEmitted(scanner.scanned), qtbot.waitSignal(edit.returnPressed):
        type_text(edit, "10234", ms, SLOW)
        enter(edit, ms, SLOW)
    assert edit.text() == "10234"


def test_a_fast_burst_without_enter_is_replayed_after_a_pause(
    qtbot: QtBot, edit: QLineEdit, scanner: ScanFilter, ms: FakeMs
) -> None:
    with qtbot.assertNotEmitted(scanner.scanned):
        type_text(edit, "ABCD1234", ms, FAST)
        assert edit.text() == "" and scanner.holding  # undecided: held back
        ms.advance(SLOW)
        qtbot.waitUntil(lambda: edit.text() == "ABCD1234")
    assert not scanner.holding


def test_the_filter_does_not_replay_before_the_gap_is_over(
    qtbot: QtBot, edit: QLineEdit, scanner: ScanFilter, ms: FakeMs
) -> None:
    type_text(edit, "ABCD", ms, FAST)
    qtbot.wait(100)  # the timer fires, but on the injected clock no time has passed
    assert edit.text() == "" and scanner.holding
    with qtbot.waitSignal(scanner.scanned) as scanned:
        enter(edit, ms)
    assert scanned.args == ["ABCD"]


def test_enter_after_too_few_characters_is_typing(
    qtbot: QtBot, edit: QLineEdit, scanner: ScanFilter, ms: FakeMs
) -> None:
    with qtbot.assertNotEmitted(scanner.scanned), qtbot.waitSignal(edit.returnPressed):
        type_text(edit, "ok1", ms, FAST)
        enter(edit, ms)
    assert edit.text() == "ok1"


def test_enter_after_a_pause_replays_the_burst_then_enters(
    qtbot: QtBot, edit: QLineEdit, scanner: ScanFilter, ms: FakeMs
) -> None:
    entered: list[str] = []
    edit.returnPressed.connect(lambda: entered.append(edit.text()))
    with qtbot.assertNotEmitted(scanner.scanned):
        type_text(edit, "ABCDEFGH", ms, FAST)
        enter(edit, ms, SLOW)
    assert entered == ["ABCDEFGH"]


def test_a_non_printable_key_replays_the_held_keys_first(
    qtbot: QtBot, edit: QLineEdit, scanner: ScanFilter, ms: FakeMs
) -> None:
    type_text(edit, "abcd", ms, FAST)
    ms.advance(FAST)
    QTest.keyClick(edit, Qt.Key.Key_Backspace)
    assert edit.text() == "abc" and not scanner.holding


def test_shortcuts_pass_through_and_keep_their_place(
    qtbot: QtBot, edit: QLineEdit, scanner: ScanFilter, ms: FakeMs
) -> None:
    action = QAction(edit)
    action.setShortcut(QKeySequence("Ctrl+F"))
    action.setShortcutContext(Qt.ShortcutContext.ApplicationShortcut)
    edit.addAction(action)
    seen: list[str] = []
    action.triggered.connect(lambda: seen.append(edit.text()))
    type_text(edit, "abcd", ms, FAST)
    QTest.keyClick(edit, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert seen == ["abcd"]  # the held keys landed before the shortcut ran
    QTest.keyClick(edit, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    assert edit.selectedText() == "abcd"  # Ctrl+A reached the line edit


def test_shift_and_bare_modifier_keys_do_not_break_a_burst(
    qtbot: QtBot, edit: QLineEdit, scanner: ScanFilter, ms: FakeMs
) -> None:
    shift = Qt.KeyboardModifier.ShiftModifier
    with qtbot.waitSignal(scanner.scanned) as scanned:
        for char in "CPT:O:10234":
            ms.advance(FAST / 2)
            QTest.keyPress(edit, Qt.Key.Key_Shift)  # a wedge scanner's capitals
            ms.advance(FAST / 2)
            QTest.keyClick(edit, char, shift if char.isupper() else Qt.KeyboardModifier(0))
            QTest.keyRelease(edit, Qt.Key.Key_Shift)
        enter(edit, ms)
    assert scanned.args == ["CPT:O:10234"] and edit.text() == ""


def test_a_held_down_key_is_never_a_scan(
    qtbot: QtBot, edit: QLineEdit, scanner: ScanFilter, ms: FakeMs
) -> None:
    with qtbot.assertNotEmitted(scanner.scanned), qtbot.waitSignal(edit.returnPressed):
        ms.advance(FAST)
        QTest.keyPress(edit, Qt.Key.Key_X, Qt.KeyboardModifier(0))
        for _ in range(5):
            ms.advance(FAST)
            auto = QKeyEvent(QEvent.Type.KeyPress, Qt.Key.Key_X, Qt.KeyboardModifier(0), "x", True)
            QApplication.sendEvent(edit, auto)
        enter(edit, ms)
    assert edit.text() == "xxxxxx"


def test_accented_characters_are_kept_as_typed(
    qtbot: QtBot, edit: QLineEdit, scanner: ScanFilter, ms: FakeMs
) -> None:
    def key(text: str) -> None:
        ms.advance(FAST)
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            QApplication.sendEvent(edit, QKeyEvent(kind, 0, Qt.KeyboardModifier(0), text))

    with qtbot.waitSignal(scanner.scanned) as scanned:
        for char in "Écharpe-ß":
            key(char)
        enter(edit, ms)
    assert scanned.args == ["Écharpe-ß"]
    for char in "Hélène":
        key(char)
    ms.advance(SLOW)
    qtbot.waitUntil(lambda: edit.text() == "Hélène")


def test_keys_arriving_at_the_window_first_are_seen_once(
    qtbot: QtBot, edit: QLineEdit, scanner: ScanFilter, ms: FakeMs
) -> None:
    window = edit.windowHandle()  # the platform's path: QWindow, then the focused widget
    with qtbot.waitSignal(scanner.scanned) as scanned:
        for char in "12345678":
            ms.advance(FAST)
            QTest.keyClick(window, char)
        ms.advance(FAST)
        QTest.keyClick(window, Qt.Key.Key_Return)
    assert scanned.args == ["12345678"] and edit.text() == ""
    for char in "abc":
        ms.advance(SLOW)
        QTest.keyClick(window, char)
    ms.advance(SLOW)
    qtbot.waitUntil(lambda: edit.text() == "abc")


def test_a_tap_replays_the_held_keys_before_it_acts(
    qtbot: QtBot, edit: QLineEdit, scanner: ScanFilter, ms: FakeMs
) -> None:
    type_text(edit, "abcd", ms, FAST)
    QTest.mouseClick(edit, Qt.MouseButton.LeftButton)
    assert edit.text() == "abcd"


@given(text=st.text(ASCII, max_size=30))
def test_any_ascii_typed_fast_round_trips_exactly(
    qtbot: QtBot, edit: QLineEdit, scanner: ScanFilter, ms: FakeMs, text: str
) -> None:
    edit.clear()
    scans: list[str] = []
    scanner.scanned.connect(scans.append)
    try:
        type_text(edit, text, ms, FAST)
        enter(edit, ms)
    finally:
        scanner.scanned.disconnect(scans.append)
    if len(text) >= 4:
        assert (scans, edit.text()) == ([text], "")
    else:
        assert (scans, edit.text()) == ([], text)
    ms.advance(SLOW)


@given(keys=st.lists(st.tuples(ASCII, st.sampled_from([1.0, 29.0, 31.0, 400.0])), max_size=25))
def test_without_enter_every_key_lands_in_order_whatever_the_timing(
    qtbot: QtBot, edit: QLineEdit, scanner: ScanFilter, ms: FakeMs, keys: list[tuple[str, float]]
) -> None:
    edit.clear()
    with qtbot.assertNotEmitted(scanner.scanned):
        for char, gap in keys:
            type_text(edit, char, ms, gap)
        ms.advance(SLOW)
        qtbot.waitUntil(lambda: not scanner.holding)
    assert edit.text() == "".join(char for char, _ in keys)


# --- install_scanner and the router ------------------------------------------------------


@pytest.fixture
def window(qtbot: QtBot) -> QWidget:
    window = QWidget()
    QVBoxLayout(window).addWidget(QLineEdit(objectName="box"))
    qtbot.addWidget(window)
    window.show()
    window.findChild(QLineEdit, "box").setFocus()
    return window


def test_install_scanner_routes_a_receipt_scan_to_the_lookup(
    qtbot: QtBot, qapp: QApplication, window: QWidget, ms: FakeMs
) -> None:
    looked_up: list[str] = []
    router = ScanRouter(parent=window)
    router.set_handler(order_lookup_handler(looked_up.append))
    scan_filter = install_scanner(window, router, monotonic_ms=ms)
    box = window.findChild(QLineEdit, "box")
    with qtbot.waitSignal(router.scan_routed) as routed:
        type_text(box, "cpt:o:10 234", ms, FAST)
        enter(box, ms)
    assert routed.args == ["order", "CPT:O:10234"] and looked_up == ["CPT:O:10234"]
    assert box.text() == ""
    qapp.removeEventFilter(scan_filter)


def test_a_scanner_installed_on_a_window_leaves_other_windows_alone(
    qtbot: QtBot, qapp: QApplication, window: QWidget, edit: QLineEdit, ms: FakeMs
) -> None:
    router = ScanRouter(parent=window)
    scan_filter = install_scanner(window, router, monotonic_ms=ms)
    with qtbot.assertNotEmitted(scan_filter.scanned):
        type_text(edit, "CPT:O:10234", ms, FAST)
        enter(edit, ms)
    assert edit.text() == "CPT:O:10234"
    qapp.removeEventFilter(scan_filter)


def test_keys_in_a_modal_dialog_pass_untouched(
    qtbot: QtBot, qapp: QApplication, window: QWidget, ms: FakeMs
) -> None:
    scan_filter = install_scanner(qapp, ScanRouter(parent=window), monotonic_ms=ms)
    dialog = QDialog(window)
    field = QLineEdit(dialog)
    dialog.setModal(True)
    dialog.show()
    field.setFocus()
    qtbot.waitUntil(lambda: QApplication.activeModalWidget() is dialog)
    with qtbot.assertNotEmitted(scan_filter.scanned):
        type_text(field, "7Q2K9FABCDEFGHJK", ms, FAST)
        assert field.text() == "7Q2K9FABCDEFGHJK"  # the gift-card field fills as it is typed
    dialog.close()
    qapp.removeEventFilter(scan_filter)
    scan_filter.deleteLater()


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("CPT:D:T1-000123", ("lookup", "CPT:D:T1-000123")),
        (
            "4006381333931",
            ("reject", "This is not a receipt. Scan the QR code printed on the receipt."),
        ),
        (
            "7Q2K9FABCDEFGHJK",
            ("reject", "This is not a receipt. Scan the QR code printed on the receipt."),
        ),
        ("§§ garbage §§", ("reject", "This code was not recognised")),
    ],
)
def test_the_lookup_handler_takes_receipts_and_rejects_the_rest(
    qtbot: QtBot, text: str, expected: tuple[str, str]
) -> None:
    calls: list[tuple[str, str]] = []
    router = ScanRouter()
    router.set_handler(
        order_lookup_handler(
            lambda t: calls.append(("lookup", t)), reject=lambda m: calls.append(("reject", m))
        )
    )
    router.route(text)
    assert calls == [expected]


def test_without_reject_every_scan_is_looked_up_and_without_handler_dropped(
    qtbot: QtBot,
) -> None:
    looked_up: list[str] = []
    router = ScanRouter()
    assert router.route("CPT:O:1").kind is ScanKind.ORDER  # no handler: dropped, no error
    router.set_handler(order_lookup_handler(looked_up.append))
    router.route("hello there")
    assert looked_up == ["hello there"]
    assert scan_message_text("no_such_code") == "This code was not recognised"
