"""The on-screen text keyboard (`KeyboardPanel`) and the controller that opens it on a tap."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QPoint, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QFocusEvent, QKeyEvent, QResizeEvent
from PySide6.QtWidgets import (
    QApplication,
    QFrame,
    QGridLayout,
    QLineEdit,
    QMainWindow,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QStackedWidget,
    QTextEdit,
    QVBoxLayout,
    QWidget,
)
from shiboken6 import isValid

from pos.ui.keyboard_layouts import (
    COLUMNS,
    PAGE_LABELS,
    KeySpec,
    Layout,
    Page,
    Shift,
    key_code,
    layout_for,
    page_rows,
)

KEY_MIN_WIDTH = 48  # px, STYLE.md's touch target: 12 columns fit 660 px; at 1024 px a key is 78
KEY_HEIGHT = 56
SPACING = 6
FIELD_MARGIN = 8  # px left between the field being typed in and the keyboard's top
# The panel's own look, whatever hosts it: the app's buttons are 120 px wide at least, and a
# dialog's own style sheet (the approval dialog's checked buttons) must not restyle its keys.
PANEL_QSS = f"""
#onScreenKeyboard {{ background: #d5dbe0; border-top: 2px solid #9aa5ae; }}
QStackedWidget {{ background: transparent; }}
QPushButton {{ min-width: {KEY_MIN_WIDTH}px; min-height: {KEY_HEIGHT}px; padding: 0;
               font-size: 22px; }}
QPushButton[special="true"] {{ background: #eef1f3; color: #3b4650; }}
QPushButton:checked {{ background: #0b6e69; border-color: #0b6e69; color: #ffffff; }}
QPushButton:pressed {{ background: #c3ccd3; }}
"""
_TEXT_FIELDS = (QLineEdit, QPlainTextEdit, QTextEdit)
# The focus leaves with the window (another window or a popup is activated): it comes back.
_WINDOW_CHANGES = (Qt.FocusReason.ActiveWindowFocusReason, Qt.FocusReason.PopupFocusReason)
_DIGIT_HINTS = (
    Qt.InputMethodHint.ImhDigitsOnly
    | Qt.InputMethodHint.ImhFormattedNumbersOnly
    | Qt.InputMethodHint.ImhDialableCharactersOnly
)


def send_key(target: QWidget, key: int, text: str) -> None:
    """A KeyPress and a KeyRelease of `key` with `text` to `target`, as a keyboard sends them."""
    shifted = text != text.lower()
    modifiers = Qt.KeyboardModifier.ShiftModifier if shifted else Qt.KeyboardModifier.NoModifier
    for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
        QCoreApplication.sendEvent(target, QKeyEvent(kind, key, modifiers, text))


class KeyboardPanel(QWidget):
    """Letters (AZERTY or QWERTY), a "?123" page and an accents page, typing into `target`.

    Each key sends a real KeyPress and KeyRelease with its text to the target, so
    validators, input masks, textChanged and returnPressed behave as with a physical
    keyboard (and a keyboard-wedge scanner's filter sees ordinary keys). No key takes the
    focus: the field keeps it. Shift is one-shot; tapped again before a letter it locks the
    capitals, and a third tap releases them.

    The letters follow the interface language: `language` at first and `set_language`, then
    on each LanguageChange the layout its translation names (Qt's QT_LAYOUT_DIRECTION idiom).

    Signals:
        entered(): Enter (Return) was sent to the target.
        hide_requested(): the hide key was tapped.
    """

    entered = Signal()
    hide_requested = Signal()

    def __init__(self, *, language: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("onScreenKeyboard")
        self.setStyleSheet(PANEL_QSS)
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground)  # the tray's colour
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
        self._target: QWidget | None = None
        self._layout = layout_for(language)
        self._shift = Shift.OFF
        self._stack = QStackedWidget(self)
        self._pages = {page: self._build_page(page) for page in Page}
        for page in Page:
            self._stack.addWidget(self._pages[page])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(SPACING, SPACING, SPACING, SPACING)
        layout.addWidget(self._stack)
        self._retranslate_ui()
        self.show_page(Page.LETTERS)

    @property
    def target(self) -> QWidget | None:
        """The field the keys type into."""
        return self._target

    def type_into(self, field: QWidget | None, *, page: Page | None = None) -> None:
        """Type into `field` from now on (None: the keys do nothing); with `page`, start
        afresh there, shift released (the keyboard opens for a field)."""
        self._target = field
        if page is not None:
            self._shift = Shift.OFF
            self.show_page(page)

    def key(self, name: str) -> QPushButton:
        """The current page's key typing `name` ("é", "@") or named so ("enter", "page_symbols")."""
        found = self._stack.currentWidget().findChild(QPushButton, f"key_{name}")
        if found is None:
            raise KeyError(f"no key {name!r} on the {self.page} page")
        return found

    @property
    def page(self) -> Page:
        return next(p for p, widget in self._pages.items() if widget is self._stack.currentWidget())

    def show_page(self, page: Page) -> None:
        self._stack.setCurrentWidget(self._pages[page])
        self._render()

    @property
    def letters(self) -> Layout:
        """The letters' layout (AZERTY or QWERTY)."""
        return self._layout

    def set_language(self, language: str) -> None:
        """Letters for `language` ("fr": AZERTY; otherwise QWERTY)."""
        self._set_layout(layout_for(language))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate_ui()
            # Translators name the layout of their language, as Qt's own QT_LAYOUT_DIRECTION.
            #: The on-screen keyboard's letter layout in this language: QWERTY or AZERTY.
            marker = self.tr("QWERTY")
            self._set_layout(Layout.AZERTY if marker.upper() == "AZERTY" else Layout.QWERTY)
        super().changeEvent(event)

    def _set_layout(self, layout: Layout) -> None:
        if layout is self._layout:
            return
        self._layout = layout
        showing = self.page
        old, self._pages[Page.LETTERS] = self._pages[Page.LETTERS], self._build_page(Page.LETTERS)
        self._stack.insertWidget(0, self._pages[Page.LETTERS])
        self._stack.removeWidget(old)
        old.deleteLater()
        self._retranslate_ui()
        self.show_page(showing)

    def _build_page(self, page: Page) -> QWidget:
        widget = QWidget(objectName=f"keyboardPage_{page}")
        grid = QGridLayout(widget)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setSpacing(SPACING)
        for column in range(COLUMNS):
            grid.setColumnStretch(column, 1)  # every column as wide: the keys line up
        for row, keys in enumerate(page_rows(page, self._layout)):
            column = 0
            for spec in keys:
                grid.addWidget(self._make_key(spec), row, column, 1, spec.span)
                column += spec.span
        return widget

    def _make_key(self, spec: KeySpec) -> QPushButton:
        button = QPushButton(objectName=f"key_{spec.name}")
        button.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # a scanner keeps typing into the field
        button.setMinimumSize(KEY_MIN_WIDTH, KEY_HEIGHT)
        button.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)
        if spec.is_character:
            button.setProperty("character", spec.name)
        else:
            button.setProperty("special", True)  # set apart by colour
            button.setText(PAGE_LABELS.get(spec.name, ""))
        if spec.name.startswith("page_") or spec.name == "shift":
            button.setCheckable(True)  # checked: the page shown, shift on
        button.setAutoRepeat(spec.name == "backspace")  # held down, it keeps erasing
        button.clicked.connect(lambda _=False, name=spec.name: self._on_key_clicked(name))
        return button

    def _retranslate_ui(self) -> None:
        words = {"enter": self.tr("Enter"), "space": self.tr("space"),
                 "hide": self.tr("Hide keyboard"), "backspace": "⌫"}  # fmt: skip
        for widget in self._pages.values():
            for name, text in words.items():
                for button in widget.findChildren(QPushButton, f"key_{name}"):
                    button.setText(text)

    def _on_key_clicked(self, name: str) -> None:
        if len(name) == 1:
            self._type(name)
        elif name == "space":
            self._type(" ")
        elif name == "backspace":
            self._send(Qt.Key.Key_Backspace, "\b")
        elif name == "enter":
            self._send(Qt.Key.Key_Return, "\r")
            self.entered.emit()
        elif name == "shift":
            self._shift = self._shift.tapped()
            self._render()
        elif name == "hide":
            self.hide_requested.emit()
        else:
            self.show_page(Page(name.removeprefix("page_")))

    def _type(self, character: str) -> None:
        text = character.upper() if self._shift is not Shift.OFF else character
        self._send(key_code(character), text)
        if self._shift is Shift.ONCE:
            self._shift = Shift.OFF
            self._render()

    def _send(self, key: int, text: str) -> None:
        if self._target is not None and isValid(self._target):
            send_key(self._target, key, text)

    def _render(self) -> None:
        """Capitals on the letter keys while shift is on; the page shown and shift checked."""
        upper = self._shift is not Shift.OFF
        current = f"page_{self.page}"
        for button in self._stack.currentWidget().findChildren(QPushButton):
            character = button.property("character")
            name = button.objectName().removeprefix("key_")
            if character:
                shown = character.upper() if upper else character
                button.setText(shown.replace("&", "&&"))  # a lone "&" marks a mnemonic
            elif name == "shift":
                button.setChecked(upper)
                button.setText("⇪" if self._shift is Shift.LOCKED else "⇧")
            elif name.startswith("page_"):
                button.setChecked(name == current)


class _ContentArea(QScrollArea):
    """The window's content, scrollable so the docked keyboard can take room from it.

    The content is as large as the area, as it was in the window (`widgetResizable` would
    give a screen with wrapped text its preferred height, and a scroll bar); it scrolls only
    when the keyboard leaves it less than its minimum height. No kinetic scrolling (a press
    anywhere would start it), never the focus (a tap on the content leaves it in the field).
    """

    def __init__(self, content: QWidget) -> None:
        super().__init__(objectName="keyboardContentArea")
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setWidget(content)
        content.setAutoFillBackground(False)  # the window's background shows, as before
        self.viewport().setAutoFillBackground(False)

    def minimumSizeHint(self) -> QSize:
        """As narrow as the content allows (nothing cut at the side), however short."""
        bar = self.verticalScrollBar().sizeHint().width()
        width = self.widget().minimumSizeHint().width() + bar
        return QSize(width, super().minimumSizeHint().height())

    def sizeHint(self) -> QSize:
        return self.widget().sizeHint()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit_content()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.widget() and event.type() == QEvent.Type.LayoutRequest:
            self.updateGeometry()  # another language, another screen: other minimums
            self._fit_content()
        return super().eventFilter(watched, event)

    def _fit_content(self) -> None:
        """The area's size; taller, with a scroll bar, when the content needs more height.

        The bar is switched on and off here (not "as needed"): Qt may leave an unneeded bar
        shown when the content is resized while the area is.
        """
        content, room = self.widget(), self.maximumViewportSize()
        least = content.minimumSizeHint().expandedTo(content.minimumSize()).height()
        height = max(room.height(), least)
        on, off = Qt.ScrollBarPolicy.ScrollBarAlwaysOn, Qt.ScrollBarPolicy.ScrollBarAlwaysOff
        self.setVerticalScrollBarPolicy(on if height > room.height() else off)
        content.resize(self.viewport().width(), height)


def _dock(window: QMainWindow, panel: KeyboardPanel) -> None:
    """Put `panel` under the window's content (made scrollable), hidden."""
    focus = window.focusWidget()
    content = window.takeCentralWidget() or QWidget()
    host = QWidget(objectName="keyboardHost")
    layout = QVBoxLayout(host)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.setSpacing(0)
    layout.addWidget(_ContentArea(content), 1)
    layout.addWidget(panel)
    panel.hide()
    window.setCentralWidget(host)
    if focus is not None:
        focus.setFocus()  # taking the content out of the window cleared it


def _text_field(obj: QObject) -> QWidget | None:
    """The text field `obj` is, or whose viewport it is (a press lands on the viewport)."""
    if isinstance(obj, _TEXT_FIELDS):
        return obj
    parent = obj.parent() if isinstance(obj, QWidget) else None
    if isinstance(parent, (QPlainTextEdit, QTextEdit)) and parent.viewport() is obj:
        return parent
    return None


def _is_typable(field: QWidget) -> bool:
    """Editable and shown as typed: never a password (nor a PIN) or a read-only field."""
    if not field.isEnabled() or not isinstance(field, _TEXT_FIELDS) or field.isReadOnly():
        return False
    return not isinstance(field, QLineEdit) or field.echoMode() == QLineEdit.EchoMode.Normal


def _scroll_into_view(field: QWidget) -> None:
    """Scroll each scroll area `field` is in (innermost first) to show all of it, its top
    first. (`ensureWidgetVisible` shows only a text field's cursor.)"""
    parent = field.parentWidget()
    while parent is not None:
        content = parent.widget() if isinstance(parent, QScrollArea) else None
        if content is not None and content.isAncestorOf(field):
            top = field.mapTo(content, QPoint(0, 0)).y() - FIELD_MARGIN
            bar, room = parent.verticalScrollBar(), parent.viewport().height()
            bar.setValue(max(bar.value(), top + field.height() + 2 * FIELD_MARGIN - room))
            bar.setValue(min(bar.value(), top))
        parent = parent.parentWidget()


class OnScreenKeyboard(QObject):
    """Opens a `KeyboardPanel` for the text field tapped in `window` or one of its dialogs.

    In the window the panel is docked under the content, which is made scrollable: the
    content gets shorter (it scrolls when it cannot) and the field is scrolled into view. A
    modal dialog blocks input to the window, so a dialog's field gets a panel of its own: a
    frameless tool window of the dialog over the bottom of `window`, the dialog moved up
    when the field would be under it.

    It opens when an editable, non-password field gets the focus by a tap (mouse or touch),
    when the focused field is tapped again, or on `show_for`; it closes on its hide key,
    after Enter in a single-line field, and when the focus goes anywhere else.

    Signals:
        visibility_changed(bool): the keyboard opened (True) or closed.
    """

    visibility_changed = Signal(bool)

    def __init__(self, *, window: QMainWindow, language: str) -> None:
        super().__init__(window)
        self._window, self._language = window, language
        self._panel = self._new_panel(None)
        self._current: KeyboardPanel | None = None  # the panel shown
        self._host: QWidget | None = None  # the window of the field it types into
        self._lifted: tuple[QWidget, QPoint] | None = None  # a dialog moved up, where it was
        _dock(window, self._panel)
        self._installed = True

    @property
    def panel(self) -> KeyboardPanel:
        """The panel docked in the window (dialogs get their own)."""
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
        for panel in self._window.findChildren(KeyboardPanel):
            panel.set_language(language)

    def show_for(self, field: QWidget) -> bool:
        """Show the keyboard typing into `field`; False (nothing shown) for a password,
        read-only or disabled field, or one outside the window and its dialogs."""
        if not _is_typable(field) or not self._in_scope(field):
            return False
        host = field.window()
        panel = self._panel if host is self._window else self._dialog_panel(host)
        opening = self._current is not panel
        if opening:
            self.hide()
            self._current, self._host = panel, host
        digits = bool(field.inputMethodHints() & _DIGIT_HINTS)  # a phone number, a count
        start = (Page.SYMBOLS if digits else Page.LETTERS) if opening else None
        panel.type_into(field, page=start)  # a field after another: the page stays
        if panel is self._panel:
            panel.show()
            self._window.centralWidget().layout().activate()  # the content makes room now
            _scroll_into_view(field)
            # Layouts still pending (a screen just shown) may move it: look again after them.
            QTimer.singleShot(0, field, lambda: _scroll_into_view(field))
        else:
            self._float(panel, field)
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
        panel = KeyboardPanel(language=self._language, parent=parent)
        panel.entered.connect(self._on_panel_entered)
        panel.hide_requested.connect(self.hide)
        return panel

    def _dialog_panel(self, dialog: QWidget) -> KeyboardPanel:
        """The dialog's own panel: a tool window of the dialog, so its modality lets it in."""
        panel = dialog.findChild(KeyboardPanel, options=Qt.FindChildOption.FindDirectChildrenOnly)
        if panel is None:
            panel = self._new_panel(dialog)
            panel.setWindowFlags(Qt.WindowType.Tool | Qt.WindowType.FramelessWindowHint
                                 | Qt.WindowType.WindowDoesNotAcceptFocus)  # fmt: skip
            panel.setAttribute(Qt.WidgetAttribute.WA_ShowWithoutActivating)
        return panel

    def _float(self, panel: KeyboardPanel, field: QWidget) -> None:
        """Show `panel` over the bottom of the window; lift the dialog if the field is under it."""
        origin = self._window.mapToGlobal(QPoint(0, 0))
        height = panel.sizeHint().height()
        top = origin.y() + self._window.height() - height
        panel.setGeometry(origin.x(), top, self._window.width(), height)
        panel.show()  # a tool window stays above its dialog
        dialog = field.window()
        overlap = field.mapToGlobal(QPoint(0, field.height())).y() + FIELD_MARGIN - top
        if overlap > 0:
            if self._lifted is None:
                self._lifted = (dialog, dialog.pos())
            dialog.move(dialog.x(), dialog.y() - overlap)

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
