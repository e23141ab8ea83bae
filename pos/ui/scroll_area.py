"""Scroll areas for touch: a column that scrolls up and down (`VerticalScrollArea`), and a
window's content that makes room for the on-screen keyboard (`ContentArea`)."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QSize, Qt
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QFrame, QScrollArea, QScroller, QVBoxLayout, QWidget


class VerticalScrollArea(QScrollArea):
    """Shows `content` at full width and lets a finger flick it up and down.

    On a short screen (1024×768) a column of fields and buttons may be taller than the room
    left for it; it scrolls instead of forcing the window taller. Its minimum width is the
    content's plus the scroll bar, so the layout never squeezes the content (cutting a
    button's side) and nothing is hidden to the side.
    """

    def __init__(self, content: QWidget, *, object_name: str,
                 parent: QWidget | None = None) -> None:  # fmt: skip
        super().__init__(parent)
        self.setObjectName(object_name)
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setWidget(content)
        content.setAutoFillBackground(False)
        self.viewport().setAutoFillBackground(False)  # the screen's background shows through
        content.installEventFilter(self)
        QScroller.grabGesture(self.viewport(), QScroller.ScrollerGestureType.LeftMouseButtonGesture)

    def minimumSizeHint(self) -> QSize:
        content = self.widget()
        hint = super().minimumSizeHint()
        if content is None:
            return hint
        bar = self.verticalScrollBar().sizeHint().width()
        width = content.minimumSizeHint().width() + bar + 2 * self.frameWidth()
        return QSize(max(hint.width(), width), hint.height())

    def sizeHint(self) -> QSize:
        hint = super().sizeHint()
        return QSize(max(hint.width(), self.minimumSizeHint().width()), hint.height())

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.widget() and event.type() == QEvent.Type.LayoutRequest:
            self.updateGeometry()  # new texts (another language), new rows: new hints
        return super().eventFilter(watched, event)


class ContentArea(QScrollArea):
    """The window's content, scrollable so a docked on-screen keyboard can take room from it.

    The content is as large as the area, as it was in the window (`widgetResizable` would
    give a screen with wrapped text its preferred height, and a scroll bar); it scrolls only
    when the keyboard leaves it less than its minimum height. No kinetic scrolling (a press
    anywhere would start it), never the focus (a tap on the content leaves it in the field).
    """

    def __init__(self, content: QWidget) -> None:
        super().__init__()
        self.setObjectName("keyboardContentArea")
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setWidget(content)
        self._content = content  # `widget()`, never None here
        content.setAutoFillBackground(False)  # the window's background shows, as before
        self.viewport().setAutoFillBackground(False)

    def minimumSizeHint(self) -> QSize:
        """As narrow as the content allows (nothing cut at the side), however short."""
        bar = self.verticalScrollBar().sizeHint().width()
        width = self._content.minimumSizeHint().width() + bar
        return QSize(width, super().minimumSizeHint().height())

    def sizeHint(self) -> QSize:
        return self._content.sizeHint()

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
        content, room = self._content, self.maximumViewportSize()
        least = content.minimumSizeHint().expandedTo(content.minimumSize()).height()
        height = max(room.height(), least)
        on, off = Qt.ScrollBarPolicy.ScrollBarAlwaysOn, Qt.ScrollBarPolicy.ScrollBarAlwaysOff
        self.setVerticalScrollBarPolicy(on if height > room.height() else off)
        content.resize(self.viewport().width(), height)


CONTENT_HOST = "keyboardHost"  # the object name `pos.ui.keyboard_dock.dock` looks for


def content_host(content: QWidget) -> QWidget:
    """A window's central widget: `content` in a `ContentArea`, room left under it.

    An on-screen keyboard docks in the host's layout under the area (`pos.ui.keyboard_dock`).
    Build it before `content` holds many styled widgets: moving a built screen stack into
    it re-styles every widget.
    """
    host = QWidget(objectName=CONTENT_HOST)
    layout = QVBoxLayout(host)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.setSpacing(0)
    layout.addWidget(ContentArea(content), 1)
    return host
