"""`KeyboardPanel`: the on-screen keyboard's keys, pages and shift, typing into a field."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QGridLayout,
    QPushButton,
    QSizePolicy,
    QStackedWidget,
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
from pos.ui.retranslating import Retranslating

KEY_MIN_WIDTH = 48  # px, STYLE.md's touch target: 12 columns fit 660 px; at 1024 px a key is 78
KEY_HEIGHT = 56
SPACING = 6
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


def send_key(target: QWidget, key: int, text: str) -> None:
    """A KeyPress and a KeyRelease of `key` with `text` to `target`, as a keyboard sends them."""
    shifted = text != text.lower()
    modifiers = Qt.KeyboardModifier.ShiftModifier if shifted else Qt.KeyboardModifier.NoModifier
    for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
        QCoreApplication.sendEvent(target, QKeyEvent(kind, key, modifiers, text))


class KeyboardPanel(Retranslating, QWidget):
    """Letters (AZERTY or QWERTY), a "?123" page and an accents page, typing into `target`.

    Each key sends a real KeyPress and KeyRelease with its text to the target, so
    validators, input masks, textChanged and returnPressed behave as with a physical
    keyboard (and a keyboard-wedge scanner's filter sees ordinary keys). No key takes the
    focus: the field keeps it. Shift is one-shot; tapped again before a letter it locks the
    capitals, and a third tap releases them.

    The letters follow the interface language: `language` at first and `set_language`, then
    on each LanguageChange (through `Retranslating`) the layout its translation names (Qt's
    QT_LAYOUT_DIRECTION idiom).

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
        self._pages: dict[Page, QWidget] = {}  # built when first shown: ~40 keys each
        layout = QVBoxLayout(self)
        layout.setContentsMargins(SPACING, SPACING, SPACING, SPACING)
        layout.addWidget(self._stack)
        self._label_keys()  # not `_retranslate_ui`: `language` names the letters, not a translator
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
        found = self._pages[self.page].findChild(QPushButton, f"key_{name}")
        if found is None:
            raise KeyError(f"no key {name!r} on the {self.page} page")
        return found

    @property
    def page(self) -> Page:
        return next(p for p, widget in self._pages.items() if widget is self._stack.currentWidget())

    def show_page(self, page: Page) -> None:
        self._stack.setCurrentWidget(self._page_widget(page))
        self._render()

    def _page_widget(self, page: Page) -> QWidget:
        """The page's keys, built the first time it is shown."""
        widget = self._pages.get(page)
        if widget is None:
            widget = self._pages[page] = self._build_page(page)
            self._stack.addWidget(widget)
            self._label_keys()
        return widget

    @property
    def letters(self) -> Layout:
        """The letters' layout (AZERTY or QWERTY)."""
        return self._layout

    def set_language(self, language: str) -> None:
        """Letters for `language` ("fr": AZERTY; otherwise QWERTY)."""
        self._set_layout(layout_for(language))

    def _retranslate_ui(self) -> None:
        """The keys' words in the new language, and the letters its translation names."""
        self._label_keys()
        # Translators name the layout of their language, as Qt's own QT_LAYOUT_DIRECTION.
        #: The on-screen keyboard's letter layout in this language: QWERTY or AZERTY.
        marker = self.tr("QWERTY")
        self._set_layout(Layout.AZERTY if marker.upper() == "AZERTY" else Layout.QWERTY)

    def _set_layout(self, layout: Layout) -> None:
        if layout is self._layout:
            return
        self._layout = layout
        old = self._pages.pop(Page.LETTERS, None)
        if old is None:  # not built yet: it will be, with these letters
            return
        showing = self.page if self._stack.currentWidget() is not old else Page.LETTERS
        self._pages[Page.LETTERS] = self._build_page(Page.LETTERS)
        self._stack.insertWidget(0, self._pages[Page.LETTERS])
        self._stack.removeWidget(old)
        old.deleteLater()
        self._label_keys()
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

    def _label_keys(self) -> None:
        """The words on the keys that have some (Enter, space, hide) in the current language."""
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
        for button in self._pages[self.page].findChildren(QPushButton):
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
