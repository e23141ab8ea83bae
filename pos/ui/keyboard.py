"""The on-screen keyboard's controller: it opens a `KeyboardPanel` for the text field tapped.

The panel (keys, pages, shift) is in `pos.ui.keyboard_panel`; where it shows, docked in the
window or floating over a dialog, in `pos.ui.keyboard_dock`. Both are imported on the first
tap on a text field, not while the app starts.
"""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, QPoint, Qt, QTimer, Signal
from PySide6.QtGui import QFocusEvent
from PySide6.QtWidgets import (
    QApplication,
    QLineEdit,
    QMainWindow,
    QPlainTextEdit,
    QTextEdit,
    QWidget,
)
from shiboken6 import isValid

if TYPE_CHECKING:
    from pos.ui.keyboard_panel import KeyboardPanel

_TEXT_FIELDS = (QLineEdit, QPlainTextEdit, QTextEdit)
# The focus leaves with the window (another window or a popup is activated): it comes back.
_WINDOW_CHANGES = (Qt.FocusReason.ActiveWindowFocusReason, Qt.FocusReason.PopupFocusReason)
_DIGIT_HINTS = (
    Qt.InputMethodHint.ImhDigitsOnly
    | Qt.InputMethodHint.ImhFormattedNumbersOnly
    | Qt.InputMethodHint.ImhDialableCharactersOnly
)


def _text_field(obj: QObject) -> QWidget | None:
    """The text field `obj` is, or whose viewport it is (a press lands on the viewport)."""
    if isinstance(obj, _TEXT_FIELDS):
        return obj
    parent = obj.parent() if isinstance(obj, QWidget) else None
    if isinstance(parent, (QPlainTextEdit, QTextEdit)) and parent.viewport() is obj:
        return parent
    return None


def _is_typable(field: QWidget) -> bool:
    """An enabled, editable text field. Masked ones too: on a terminal without a keyboard
    the admin types the Wix secrets with it (PINs have their own keypad, not a field)."""
    if not field.isEnabled() or not isinstance(field, _TEXT_FIELDS):
        return False
    return not field.isReadOnly()


class OnScreenKeyboard(QObject):
    """Opens a `KeyboardPanel` for the text field tapped in `window` or one of its dialogs.

    In the window the panel is docked under the content, which is made scrollable: the
    content gets shorter (it scrolls when it cannot) and the field is scrolled into view. A
    modal dialog blocks input to the window, so a dialog's field gets a panel of its own: a
    frameless tool window of the dialog over the bottom of `window`, the dialog moved up
    when the field would be under it.

    It opens when an editable field (masked ones too) gets the focus by a tap (mouse or touch),
    when the focused field is tapped again, or on `show_for`; it closes on its hide key,
    after Enter in a single-line field, and when the focus goes anywhere else.

    Signals:
        visibility_changed(bool): the keyboard opened (True) or closed.
    """

    visibility_changed = Signal(bool)

    def __init__(self, *, window: QMainWindow, language: str) -> None:
        super().__init__(window)
        self._window, self._language = window, language
        self._panel: KeyboardPanel | None = None  # made when first needed (not at start-up)
        self._current: KeyboardPanel | None = None  # the panel shown
        self._host: QWidget | None = None  # the window of the field it types into
        self._lifted: tuple[QWidget, QPoint] | None = None  # a dialog moved up, where it was
        self._installed = True

    @property
    def panel(self) -> KeyboardPanel:
        """The panel docked in the window (dialogs get their own), made on first use.

        Its ~100 styled keys would add 0.1 s to the app's start; made on the first tap on a
        text field they cost that tap about 30 ms.
        """
        if self._panel is None:
            from pos.ui.keyboard_dock import dock  # noqa: PLC0415 (on first use)

            self._panel = self._new_panel(None)
            dock(self._window, self._panel)
        return self._panel

    @property
    def current(self) -> KeyboardPanel | None:
        """The panel shown now, if any."""
        return self._current

    def is_visible(self) -> bool:
        return self._current is not None

    def set_language(self, language: str) -> None:
        """Letters for `language` ("fr": AZERTY) on every panel from now on."""
        self._language = language
        if "pos.ui.keyboard_panel" not in sys.modules:
            return  # no panel made yet: they will be, with these letters
        from pos.ui.keyboard_panel import KeyboardPanel  # noqa: PLC0415 (loaded already)

        for panel in self._window.findChildren(KeyboardPanel):
            panel.set_language(language)

    def show_for(self, field: QWidget) -> bool:
        """Show the keyboard typing into `field`; False (nothing shown) for a read-only or
        disabled field, or one outside the window and its dialogs."""
        if not _is_typable(field) or not self._in_scope(field):
            return False
        from pos.ui.keyboard_dock import float_over, show_docked  # noqa: PLC0415 (first use)
        from pos.ui.keyboard_layouts import Page  # noqa: PLC0415
        host = field.window()
        panel = self.panel if host is self._window else self._dialog_panel(host)
        opening = self._current is not panel
        if opening:
            self.hide()
            self._current, self._host = panel, host
        digits = bool(field.inputMethodHints() & _DIGIT_HINTS)  # a phone number, a count
        start = (Page.SYMBOLS if digits else Page.LETTERS) if opening else None
        panel.type_into(field, page=start)  # a field after another: the page stays
        if panel is self._panel:
            show_docked(self._window, panel, field)
        else:
            was = float_over(self._window, panel, field)
            if was is not None and self._lifted is None:
                self._lifted = (host, was)
        if opening:
            self.visibility_changed.emit(True)
        return True

    def hide(self) -> None:
        """Hide the keyboard (and put a dialog it moved back where it was)."""
        panel, self._current, self._host = self._current, None, None
        if panel is None:
            return
        if isValid(panel):
            panel.hide()
            panel.type_into(None)
        if self._lifted is not None:
            dialog, position = self._lifted
            self._lifted = None
            if isValid(dialog):
                dialog.move(position)
        self.visibility_changed.emit(False)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # Only a type check for most events: this runs for every event of the application.
        # Qt may call in while Python tears the object down: then it lets everything through.
        if not getattr(self, "_installed", False):
            return False
        kind = event.type()
        if kind == QEvent.Type.FocusIn:
            assert isinstance(event, QFocusEvent)
            self._on_focus_in(watched, event.reason())
        elif kind == QEvent.Type.MouseButtonPress:
            self._on_press(watched)
        elif kind == QEvent.Type.FocusOut and self._current is not None:
            assert isinstance(event, QFocusEvent)
            if event.reason() not in _WINDOW_CHANGES:  # not the window losing activation
                QTimer.singleShot(0, self, self._on_focus_out)
        return False

    def _on_focus_in(self, watched: QObject, reason: Qt.FocusReason) -> None:
        if not isinstance(watched, QWidget) or not self._in_scope(watched):
            return
        field = _text_field(watched)
        if field is not None and _is_typable(field):
            if reason == Qt.FocusReason.MouseFocusReason:
                self.show_for(field)
            elif self._current is not None and field.window() is self._host:
                self.show_for(field)  # moved on to the next field: the keyboard follows
            else:
                self.hide()
        else:
            self.hide()

    def _on_press(self, watched: QObject) -> None:
        """A tap on the field that already has the focus (no FocusIn comes) opens it too."""
        field = _text_field(watched)
        if field is not None and field.window().focusWidget() is field:
            self.show_for(field)  # (the window's focus: it may not be the active window)

    def _on_focus_out(self) -> None:
        if QApplication.focusWidget() is None:
            self.hide()  # the field went away and nothing took the focus

    def _in_scope(self, widget: QWidget) -> bool:
        """`widget` is in the window or in a dialog of it (however deep)."""
        top = widget.window()
        while top is not self._window:
            parent = top.parentWidget()
            if parent is None:
                return False
            top = parent.window()
        return True

    def _new_panel(self, parent: QWidget | None) -> KeyboardPanel:
        from pos.ui.keyboard_panel import KeyboardPanel  # noqa: PLC0415 (on first use)

        panel = KeyboardPanel(language=self._language, parent=parent)
        panel.entered.connect(self._on_panel_entered)
        panel.hide_requested.connect(self.hide)
        return panel

    def _dialog_panel(self, dialog: QWidget) -> KeyboardPanel:
        """The dialog's own panel: a tool window of the dialog, so its modality lets it in."""
        from pos.ui.keyboard_dock import make_floating  # noqa: PLC0415 (on first use)
        from pos.ui.keyboard_panel import KeyboardPanel  # noqa: PLC0415

        panel = dialog.findChild(KeyboardPanel, options=Qt.FindChildOption.FindDirectChildrenOnly)
        if panel is None:
            panel = self._new_panel(dialog)
            make_floating(panel)
        return panel

    def _on_panel_entered(self) -> None:
        current = self._current
        if current is not None and isinstance(current.target, QLineEdit):
            self.hide()  # a single-line field is done; a multi-line one took a new line


def install_on_screen_keyboard(window: QMainWindow, *, language: str) -> OnScreenKeyboard:
    """Dock an on-screen keyboard in `window` and open it for the text fields tapped there.

    Args:
        window: the app's main window; its central widget goes into a scroll area above
            the keyboard. Its dialogs' fields get the keyboard too.
        language: the interface language ("fr": AZERTY, else QWERTY); the letters follow
            each language change afterwards.

    Returns:
        The controller, also an application event filter (it goes away with `window`).
    """
    app = QApplication.instance()
    if app is None:
        raise RuntimeError("install_on_screen_keyboard needs a QApplication")
    keyboard = OnScreenKeyboard(window=window, language=language)
    app.installEventFilter(keyboard)
    return keyboard
