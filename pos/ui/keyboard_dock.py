"""Where the keyboard shows: docked under a main window's content, or floating over a dialog."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QPoint, QSize, Qt, QTimer
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QFrame, QMainWindow, QScrollArea, QVBoxLayout, QWidget

from pos.ui.keyboard_panel import KeyboardPanel

FIELD_MARGIN = 8  # px left between the field being typed in and the keyboard's top


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


def dock(window: QMainWindow, panel: KeyboardPanel) -> None:
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


def scroll_into_view(field: QWidget) -> None:
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


def show_docked(window: QMainWindow, panel: KeyboardPanel, field: QWidget) -> None:
    """Show `panel`, docked in `window` by `dock`: the content makes room, `field` in view."""
    panel.show()
    window.centralWidget().layout().activate()  # the content makes room now
    scroll_into_view(field)
    # Layouts still pending (a screen just shown) may move it: look again after them.
    QTimer.singleShot(0, field, lambda: scroll_into_view(field))


def make_floating(panel: KeyboardPanel) -> None:
    """Make `panel`, a child of a dialog, a tool window of it: the dialog's modality lets it in."""
    panel.setWindowFlags(Qt.WindowType.Tool | Qt.WindowType.FramelessWindowHint
                         | Qt.WindowType.WindowDoesNotAcceptFocus)  # fmt: skip
    panel.setAttribute(Qt.WidgetAttribute.WA_ShowWithoutActivating)


def float_over(window: QMainWindow, panel: KeyboardPanel, field: QWidget) -> QPoint | None:
    """Show `panel` (made by `make_floating`) over the bottom of `window`; move the field's
    dialog up if the field is under it.

    Returns:
        Where the dialog was if it moved, else None.
    """
    origin = window.mapToGlobal(QPoint(0, 0))
    height = panel.sizeHint().height()
    top = origin.y() + window.height() - height
    panel.setGeometry(origin.x(), top, window.width(), height)
    panel.show()  # a tool window stays above its dialog
    dialog = field.window()
    overlap = field.mapToGlobal(QPoint(0, field.height())).y() + FIELD_MARGIN - top
    if overlap <= 0:
        return None
    was = dialog.pos()
    dialog.move(dialog.x(), dialog.y() - overlap)
    return was
