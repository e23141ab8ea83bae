"""Where the keyboard shows: docked under a main window's content, or floating over a dialog."""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt, QTimer
from PySide6.QtWidgets import QMainWindow, QPushButton, QScrollArea, QWidget

from pos.ui.keyboard_panel import KeyboardPanel
from pos.ui.scroll_area import CONTENT_HOST, content_host

FIELD_MARGIN = 8  # px left between the field being typed in and the keyboard's top


def dock(window: QMainWindow, panel: KeyboardPanel) -> None:
    """Put `panel` under the window's content (made scrollable), hidden.

    The app's `MainWindow` is built with its content in a `ContentArea` already
    (`content_host`): the panel only joins its layout. Any other window has its content
    moved into one — a re-parenting that re-styles every widget in it (260 ms for the whole
    counter), which is why the main window does it before its screens exist.
    """
    host = window.centralWidget()
    if host is None or host.objectName() != CONTENT_HOST:
        focus = window.focusWidget()
        host = content_host(window.takeCentralWidget() or QWidget())
        window.setCentralWidget(host)
        host.show()  # a child added to a window already shown stays hidden until told
        if focus is not None:
            focus.setFocus()  # taking the content out of the window cleared it
    layout = host.layout()
    if layout is not None:  # content_host gives the host its layout
        layout.addWidget(panel)
    panel.hide()


def scroll_into_view(field: QWidget) -> None:
    """Scroll each scroll area `field` is in (innermost first) to show all of it, its top
    first. (`ensureWidgetVisible` shows only a text field's cursor.) When the screen's primary
    action (a button with the ``primary`` property, such as Valider) is below the field and
    both fit above the keyboard, the action is shown too: a touch screen has no other way to
    reach it while the keyboard is open."""
    parent = field.parentWidget()
    while parent is not None:
        area = parent if isinstance(parent, QScrollArea) else None
        content = area.widget() if area is not None else None
        if area is not None and content is not None and content.isAncestorOf(field):
            top = field.mapTo(content, QPoint(0, 0)).y() - FIELD_MARGIN
            bar, room = area.verticalScrollBar(), area.viewport().height()
            bottom = _bottom_to_show(content, field, top, room)
            bar.setValue(max(bar.value(), bottom + FIELD_MARGIN - room))
            bar.setValue(min(bar.value(), top))
            # Too little room for both margins: the field and the action whole, without them.
            bar.setValue(min(max(bar.value(), bottom - room), top + FIELD_MARGIN))
        parent = parent.parentWidget()


def _bottom_to_show(content: QWidget, field: QWidget, top: int, room: int) -> int:
    """The lowest point to show: the field's bottom, or a primary button's below it."""
    bottom = field.mapTo(content, QPoint(0, field.height())).y()
    for button in content.findChildren(QPushButton):
        if not (button.property("primary") and button.isVisible()):
            continue
        button_top = button.mapTo(content, QPoint(0, 0)).y()
        button_bottom = button_top + button.height()
        if button_top >= top and button_bottom - (top + FIELD_MARGIN) <= room:  # field's top
            bottom = max(bottom, button_bottom)
    return bottom


def show_docked(window: QMainWindow, panel: KeyboardPanel, field: QWidget) -> None:
    """Show `panel`, docked in `window` by `dock`: the content makes room, `field` in view."""
    panel.show()
    host = window.centralWidget()
    layout = host.layout() if host is not None else None
    if layout is not None:
        layout.activate()  # the content makes room now
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
    dialog up if the field, or its primary action below it, is under it.

    Returns:
        Where the dialog was if it moved, else None.
    """
    origin = window.mapToGlobal(QPoint(0, 0))
    height = panel.sizeHint().height()
    top = origin.y() + window.height() - height
    panel.setGeometry(origin.x(), top, window.width(), height)
    panel.show()  # a tool window stays above its dialog
    dialog = field.window()
    # The field, and the dialog's primary action under it (Approve) when both fit above.
    field_top = field.mapTo(dialog, QPoint(0, 0)).y() - FIELD_MARGIN
    bottom = _bottom_to_show(dialog, field, field_top, top - origin.y())
    overlap = dialog.mapToGlobal(QPoint(0, bottom)).y() + FIELD_MARGIN - top
    if overlap <= 0:
        return None
    was = dialog.pos()
    dialog.move(dialog.x(), dialog.y() - overlap)
    return was
