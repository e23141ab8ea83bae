"""Keyboard-wedge scanners: tell a scan from typing, and hand scans to the current screen.

A wedge scanner "types" its code far faster than a person and ends with Enter. `ScanFilter`
holds printable keys back while they arrive in such a burst: a completed burst becomes one
`scanned(str)` and none of its keys reach the focused widget; anything else (a pause, too
few characters before Enter, a non-printable key) is replayed to the widget unchanged and in
order, so typing by hand works as if the filter were not there. `ScanRouter` classifies a
scan (pos/domain/scan.py) and calls the current screen's `on_scan(kind, text)`.

Timing: key times come from the injected `monotonic_ms` (default `time.monotonic`), read
when a key first reaches the filter. `QKeyEvent.timestamp()` is not used: QTest sends 0 to a
widget and made-up values to a window, so it cannot be tested offscreen. The price: if the
GUI thread stalls, queued keystrokes arrive together and look fast; the Enter-and-length rule
and a GUI thread that never blocks (STYLE rule 5) keep that harmless.
"""

from __future__ import annotations

import logging
import re
import time
from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent, QWindow
from PySide6.QtWidgets import QApplication, QWidget
from shiboken6 import isValid

from pos.domain.scan import NOT_RECOGNISED, ScanKind, ScanResult, classify_scan

MAX_GAP_MS = 30  # wedge scanners send a key every 1–15 ms; people rarely under 50 ms
MIN_LENGTH = 4  # the shortest code we read (EAN-8) is 8; "ok" + Enter is never a scan
NOT_A_RECEIPT = "scan_not_a_receipt"

ScanHandler = Callable[[ScanKind, str], None]

_ENTER_KEYS = (Qt.Key.Key_Return, Qt.Key.Key_Enter)
_MODIFIER_KEYS = frozenset(
    {
        Qt.Key.Key_Shift,
        Qt.Key.Key_Control,
        Qt.Key.Key_Alt,
        Qt.Key.Key_AltGr,
        Qt.Key.Key_Meta,
        Qt.Key.Key_CapsLock,
        Qt.Key.Key_NumLock,
    }
)
# Shift (a scanner's capitals) and Keypad keep a key a character; Ctrl/Alt/Meta make it a shortcut.
_SHORTCUT_MODIFIERS = (
    Qt.KeyboardModifier.ControlModifier
    | Qt.KeyboardModifier.AltModifier
    | Qt.KeyboardModifier.MetaModifier
)

log = logging.getLogger(__name__)


def _monotonic_ms() -> float:
    return time.monotonic() * 1000


def _is_character(event: QKeyEvent) -> bool:
    text = event.text()
    return (
        bool(text)
        and text.isprintable()
        and not event.isAutoRepeat()  # a held-down key repeats every ~30 ms: a person
        and not event.modifiers() & _SHORTCUT_MODIFIERS
    )


def _may_be_shortcut(event: QKeyEvent) -> bool:
    """A key that may trigger a shortcut: neither a character, Enter, nor a bare modifier."""
    key = event.key()
    if key in _MODIFIER_KEYS or _is_character(event):
        return False
    return key not in _ENTER_KEYS or bool(event.modifiers() & _SHORTCUT_MODIFIERS)


def _copy(event: QKeyEvent) -> QKeyEvent:
    """A Python-owned copy: Qt deletes the original when the filter returns."""
    copy = QKeyEvent(
        event.type(),
        event.key(),
        event.modifiers(),
        event.nativeScanCode(),
        event.nativeVirtualKey(),
        event.nativeModifiers(),
        event.text(),
        event.isAutoRepeat(),
        event.count(),
    )
    copy.setTimestamp(event.timestamp())
    return copy


class ScanFilter(QObject):
    """An event filter that turns keyboard-wedge bursts into `scanned` and lets typing through.

    A burst is at least `min_length` printable characters, each within `max_gap_ms` of the
    previous one, ended by Return/Enter within `max_gap_ms`. Keys are held from the first
    printable one until the burst is decided; on a pause, a non-printable key (Tab,
    Backspace, arrows), a shortcut (Ctrl/Alt/Meta), a mouse or touch press, or Enter after
    too few characters, the held keys are replayed first, in order, to the widget they were
    for (the focused one when they arrived at the window). Bare modifier keys pass at once
    and do not interrupt a burst (scanners press Shift for capitals). Auto-repeated keys are
    never part of a burst. Any printable text counts, accents included: a wedge scanner sends
    ASCII, but the host's keyboard layout decides the characters, and they are kept as typed.

    While a modal dialog or popup is open, keys pass untouched: a scan typed into a dialog's
    field (a gift-card code, say) fills that field, as on a till without the filter.

    Install it on the QApplication (key events go to the focused widget, or first to its
    QWindow, never to the window object itself); `window` limits it to one window's keys.

    Signals:
        scanned(str): a burst completed; its text, without the Enter.
    """

    scanned = Signal(str)

    def __init__(
        self,
        *,
        max_gap_ms: float = MAX_GAP_MS,
        min_length: int = MIN_LENGTH,
        monotonic_ms: Callable[[], float] = _monotonic_ms,
        window: QWidget | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        if max_gap_ms <= 0 or min_length < 1:
            raise ValueError("max_gap_ms must be positive and min_length at least 1")
        self._max_gap_ms, self._min_length = max_gap_ms, min_length
        self._now, self._window = monotonic_ms, window
        self._held: list[tuple[QObject, QKeyEvent]] = []
        self._text: list[str] = []
        self._down: set[int] = set()  # held keys not yet released
        self._swallow_releases: set[int] = set()  # releases of a scan's keys still to come
        self._last_ms = 0.0
        self._replaying = False
        self._silence = QTimer(self)
        self._silence.setSingleShot(True)
        self._silence.timeout.connect(self._on_silence_timeout)

    @property
    def holding(self) -> bool:
        """True while keys are held back, waiting for the burst to be decided."""
        return bool(self._held)

    def flush(self) -> None:
        """Replay the held keys now (e.g. before the filter is removed)."""
        held, self._held = self._held, []
        self._text.clear()
        self._down.clear()
        self._silence.stop()
        self._replaying = True
        try:
            for receiver, event in held:
                target = self._replay_target(receiver)
                if target is not None:
                    QCoreApplication.sendEvent(target, event)
        finally:
            self._replaying = False

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        # While Python tears the object down (interpreter exit, window deleted) Qt may still
        # call in before the filter is removed: then it simply lets every event through.
        if getattr(self, "_replaying", True):
            return False
        if kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            assert isinstance(event, QKeyEvent)
            return self._on_key(watched, event)
        if kind == QEvent.Type.ShortcutOverride and self._held:
            assert isinstance(event, QKeyEvent)
            if _may_be_shortcut(event):
                self.flush()  # Qt's shortcut map acts before the KeyPress reaches us
        elif kind in (QEvent.Type.MouseButtonPress, QEvent.Type.TouchBegin) and self._held:
            self.flush()  # the typed keys land before the tap acts
        return False

    def _on_key(self, watched: QObject, event: QKeyEvent) -> bool:
        if event.key() in _MODIFIER_KEYS:
            return False
        if not self._in_scope(watched):
            if self._held:
                self.flush()
            return False
        if event.type() == QEvent.Type.KeyRelease:
            return self._on_release(watched, event)
        return self._on_press(watched, event)

    def _on_press(self, watched: QObject, event: QKeyEvent) -> bool:
        now = self._now()
        self._swallow_releases.discard(event.key())  # its release was lost: stop waiting
        if self._held and now - self._last_ms > self._max_gap_ms:
            self.flush()  # a pause: the held keys were typed by a person
        if event.key() in _ENTER_KEYS and not event.modifiers() & _SHORTCUT_MODIFIERS:
            return self._on_enter(event)
        if not _is_character(event):
            self.flush()
            return False
        self._held.append((watched, _copy(event)))
        self._text.append(event.text())
        self._down.add(event.key())
        self._last_ms = now
        self._silence.start(int(2 * self._max_gap_ms))
        return True

    def _on_enter(self, event: QKeyEvent) -> bool:
        text = "".join(self._text)
        if not self._held or len(text) < self._min_length:
            self.flush()
            return False
        self._swallow_releases = self._down | {event.key()}
        self._held, self._text, self._down = [], [], set()
        self._silence.stop()
        self.scanned.emit(text)
        return True

    def _on_release(self, watched: QObject, event: QKeyEvent) -> bool:
        if event.key() in self._swallow_releases:
            self._swallow_releases.discard(event.key())
            return True
        if not self._held:
            return False
        self._held.append((watched, _copy(event)))
        self._down.discard(event.key())
        return True

    def _on_silence_timeout(self) -> None:
        elapsed = self._now() - self._last_ms
        if elapsed > self._max_gap_ms:
            self.flush()
        else:  # the timer ran early on the injected clock: look again when the gap is over
            self._silence.start(max(1, int(self._max_gap_ms - elapsed) + 1))

    def _in_scope(self, watched: QObject) -> bool:
        if QApplication.activeModalWidget() is not None:
            return False
        if QApplication.activePopupWidget() is not None:
            return False
        if isinstance(watched, QWidget):
            return self._window is None or watched.window() is self._window
        if isinstance(watched, QWindow):
            return self._window is None or watched is self._window.windowHandle()
        return False

    def _replay_target(self, receiver: QObject) -> QObject | None:
        """Where a held key goes: the widget it was sent to, else the focused widget (keys
        from the platform reach the filter first at the QWindow)."""
        if isinstance(receiver, QWidget) and isValid(receiver):
            return receiver
        focused = QApplication.focusWidget()
        if focused is not None:
            return focused
        return receiver if isValid(receiver) else None


class ScanRouter(QObject):
    """Hands each scan, classified, to the current screen's handler.

    The screen shown registers its `on_scan(kind, text)` with `set_handler` (and clears it
    when hidden); `text` is `ScanResult.value`. A scan with no handler is logged and dropped.

    Signals:
        scan_routed(str, str): a scan's kind and text were handed to the handler.
    """

    scan_routed = Signal(str, str)

    def __init__(
        self, *, sku_pattern: re.Pattern[str] | None = None, parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self._sku_pattern = sku_pattern
        self._handler: ScanHandler | None = None

    @property
    def handler(self) -> ScanHandler | None:
        return self._handler

    def set_handler(self, handler: ScanHandler | None) -> None:
        """The screen that takes scans from now on (None: none does)."""
        self._handler = handler

    def route(self, text: str) -> ScanResult:
        """Classify `text` and hand it to the current handler; returns the classification."""
        result = classify_scan(text, sku_pattern=self._sku_pattern)
        if self._handler is None:
            log.info("scan of kind %s dropped: no screen takes scans", result.kind)
            return result
        self._handler(result.kind, result.value)
        self.scan_routed.emit(str(result.kind), result.value)
        return result


def scan_message_text(code: str) -> str:
    """The cashier's sentence for a scan message code (unknown codes: "not recognised")."""
    if code == NOT_A_RECEIPT:
        return QCoreApplication.translate(
            "ScanRouter", "This is not a receipt. Scan the QR code printed on the receipt."
        )
    return QCoreApplication.translate("ScanRouter", "This code was not recognised")


def order_lookup_handler(
    lookup: Callable[[str], None], *, reject: Callable[[str], None] | None = None
) -> ScanHandler:
    """A handler for a screen that looks orders up (the search screen).

    Args:
        lookup: Called with the receipt payload ("CPT:O:10234") of an ORDER scan.
        reject: Called with the cashier's sentence for any other scan. Without it, other
            scans are looked up as typed text too, as the search box did before the filter.
    """

    def on_scan(kind: ScanKind, text: str) -> None:
        if kind is ScanKind.ORDER or reject is None:
            lookup(text)
        elif kind is ScanKind.UNKNOWN:
            reject(scan_message_text(NOT_RECOGNISED))
        else:
            reject(scan_message_text(NOT_A_RECEIPT))

    return on_scan


def install_scanner(
    target: QApplication | QWidget,
    router: ScanRouter,
    *,
    max_gap_ms: float = MAX_GAP_MS,
    min_length: int = MIN_LENGTH,
    monotonic_ms: Callable[[], float] = _monotonic_ms,
) -> ScanFilter:
    """Install a `ScanFilter` whose scans go to `router`; returns it.

    Args:
        target: The QApplication (every window), or a window: then only its keys are
            watched, and the filter goes away with it.
        router: Receives each scan.
        max_gap_ms: See `ScanFilter`.
        min_length: See `ScanFilter`.
        monotonic_ms: See `ScanFilter`.

    Raises:
        RuntimeError: There is no QApplication yet.
    """
    app = QApplication.instance()
    if app is None:
        raise RuntimeError("install_scanner needs a QApplication")
    scan_filter = ScanFilter(
        max_gap_ms=max_gap_ms,
        min_length=min_length,
        monotonic_ms=monotonic_ms,
        window=target.window() if isinstance(target, QWidget) else None,
        parent=target,
    )
    app.installEventFilter(scan_filter)
    scan_filter.scanned.connect(router.route)
    # Qt drops a destroyed filter from the application's list by itself; the guard at the top
    # of eventFilter covers the moment Python has already torn the wrapper down.
    return scan_filter
