"""Layout checks for a shown window: touch targets, nothing cut off, no clipped text, minimum size.

Each `*_problems` function returns readable sentences (empty: all good) naming the screen, the
widget's objectName and the sizes involved, so one failing run lists everything to fix.
"""

from __future__ import annotations

from collections.abc import Iterator

from PySide6.QtCore import QEvent, QPoint, QRect, QSize, Qt
from PySide6.QtGui import QFontMetrics
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractScrollArea,
    QAbstractSpinBox,
    QApplication,
    QCheckBox,
    QComboBox,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QScroller,
    QStyle,
    QStyleOptionButton,
    QStyleOptionComboBox,
    QStyleOptionFrame,
    QTableView,
    QWidget,
)

TOUCH_PX = 48  # STYLE.md: every touch target at least this high and wide
TARGETS = (QAbstractButton, QLineEdit, QComboBox, QAbstractSpinBox)
UNBOUNDED = 100_000
# The window's content area scrolls only while the keyboard is open, and a press anywhere
# would start a kinetic scroll (pos.ui.scroll_area.ContentArea): its scroll bar only.
NOT_KINETIC = {"keyboardContentArea"}


def settle() -> None:
    """Let posted layout requests and deferred deletions run before measuring."""
    for _ in range(3):
        QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
        QApplication.sendPostedEvents()
        QApplication.processEvents()


def name_of(widget: QWidget) -> str:
    return widget.objectName() or f"<{type(widget).__name__} in {name_of_parent(widget)}>"


def name_of_parent(widget: QWidget) -> str:
    parent = widget.parentWidget()
    while parent is not None and not parent.objectName():
        parent = parent.parentWidget()
    return parent.objectName() if parent is not None else "?"


def shown(window: QWidget) -> Iterator[QWidget]:
    """The widgets of `window` (not of its dialogs) that are on screen now."""
    for widget in window.findChildren(QWidget):
        if widget.isVisible() and widget.window() is window:
            yield widget


def _viewport_of(widget: QWidget) -> QWidget | None:
    """The viewport of the scroll area `widget` is in (its content scrolls), if any."""
    parent = widget.parentWidget()
    while parent is not None:
        area = parent.parentWidget()
        if isinstance(area, QAbstractScrollArea) and parent is area.viewport():
            return parent
        parent = area
    return None


def window_problems(screen: str, window: QWidget, size: tuple[int, int],
                    smallest: tuple[int, int] = (1024, 768)) -> list[str]:  # fmt: skip
    """The window is `size` and its layout never asks for more than the smallest screen."""
    problems = []
    hint = window.minimumSizeHint()
    if hint.width() > smallest[0] or hint.height() > smallest[1]:
        problems.append(f"{screen}: the window needs at least {hint.width()}×{hint.height()} px, "
                        f"more than a {smallest[0]}×{smallest[1]} screen")  # fmt: skip
    if (window.width(), window.height()) != size:
        problems.append(f"{screen}: the window is {window.width()}×{window.height()} px, "
                        f"not the {size[0]}×{size[1]} asked for")  # fmt: skip
    return problems


def target_problems(screen: str, window: QWidget) -> list[str]:
    """Every shown button, field and list box is ≥ 48 px and lies inside the window; lists
    scroll up and down, never sideways."""
    problems = []
    for widget in shown(window):
        if isinstance(widget, QAbstractScrollArea) and not isinstance(widget, QAbstractItemView):
            problems.extend(sideways_problems(screen, widget))
        if not isinstance(widget, TARGETS):
            continue
        if widget.height() < TOUCH_PX or widget.width() < TOUCH_PX:
            problems.append(f"{screen}: {name_of(widget)} is {widget.width()}×{widget.height()} "
                            f"px, smaller than a {TOUCH_PX} px touch target")  # fmt: skip
        problems.extend(cut_problems(screen, widget, window))
    for view in (w for w in shown(window) if isinstance(w, QTableView)):
        problems.extend(table_problems(screen, view))
    return problems


def cut_problems(screen: str, widget: QWidget, window: QWidget) -> list[str]:
    """`widget` is neither cut by the window's edge nor by a parent it overflows.

    In a scroll area's content only the sides count: the content scrolls up and down.
    """
    viewport = _viewport_of(widget)
    if viewport is not None:
        inside = QRect(widget.mapTo(viewport, QPoint(0, 0)), widget.size())
        if inside.left() < 0 or inside.right() > viewport.rect().right():
            return [f"{screen}: {name_of(widget)} at x {inside.left()}–{inside.right()} is cut "
                    f"by the side of {name_of(viewport)} ({viewport.width()} px wide)"]  # fmt: skip
        return []
    rect = QRect(widget.mapTo(window, QPoint(0, 0)), widget.size())
    if not window.rect().contains(rect):
        return [f"{screen}: {name_of(widget)} at {_box(rect)} is cut by the window's edge "
                f"({window.width()}×{window.height()})"]  # fmt: skip
    parent = widget.parentWidget()
    while parent is not None and parent is not window:
        inside = QRect(widget.mapTo(parent, QPoint(0, 0)), widget.size())
        if not parent.rect().contains(inside):
            return [f"{screen}: {name_of(widget)} at {_box(inside)} overflows "
                    f"{name_of(parent)} ({parent.width()}×{parent.height()})"]  # fmt: skip
        parent = parent.parentWidget()
    return []


def sideways_problems(screen: str, area: QAbstractScrollArea) -> list[str]:
    """A scroll area's content is as narrow as the area: what is off to the side is cut."""
    bar = area.horizontalScrollBar()
    if bar.maximum() <= 0:
        return []
    return [f"{screen}: {name_of(area)} content is {bar.maximum()} px wider than the "
            f"{area.viewport().width()} px it shows (it scrolls sideways)"]  # fmt: skip


def table_problems(screen: str, view: QTableView) -> list[str]:
    """Rows a finger can tap, at least one row in view, header titles whole, no column cut."""
    problems, model = [], view.model()
    rows = model.rowCount() if model is not None else 0
    row_height = view.verticalHeader().defaultSectionSize()
    if rows and row_height < TOUCH_PX:
        problems.append(f"{screen}: {name_of(view)} rows are {row_height} px high")
    if rows and view.viewport().height() < row_height:
        problems.append(f"{screen}: {name_of(view)} shows {view.viewport().height()} px of "
                        f"rows, less than one {row_height} px row")  # fmt: skip
    header = view.horizontalHeader()
    if header.isVisible() and model is not None:
        problems.extend(header_problems(screen, view, header))
    return problems


def header_problems(screen: str, view: QTableView, header: QHeaderView) -> list[str]:
    problems = []
    for section in range(header.count()):
        if header.isSectionHidden(section):
            continue
        title = view.model().headerData(section, Qt.Orientation.Horizontal)
        if header.sectionSize(section) < header.sectionSizeHint(section):
            problems.append(f"{screen}: {name_of(view)} column title {title!r} needs "
                            f"{header.sectionSizeHint(section)} px, has "
                            f"{header.sectionSize(section)}")  # fmt: skip
    if header.length() > view.viewport().width():
        problems.append(f"{screen}: {name_of(view)} columns take {header.length()} px, the "
                        f"table shows {view.viewport().width()} (the last are cut)")  # fmt: skip
    return problems


def scroll_problems(screen: str, window: QWidget) -> list[str]:
    """Every shown list and scrolling area scrolls by finger (`QScroller`), not only by its
    scroll bar."""
    return [f"{screen}: {name_of(area)} does not scroll by finger (no QScroller)"
            for area in shown(window)
            if isinstance(area, QAbstractScrollArea) and not isinstance(area, QHeaderView)
            and area.objectName() not in NOT_KINETIC
            and not QScroller.hasScroller(area.viewport())]  # fmt: skip


def text_problems(screen: str, window: QWidget) -> list[str]:
    """No shown label, button, check box, list box or empty field's hint cuts its text."""
    problems = []
    for widget in shown(window):
        problem = None
        if isinstance(widget, QLabel):
            problem = _label_problem(widget)
        elif isinstance(widget, QPushButton | QCheckBox):
            problem = _button_problem(widget)
        elif isinstance(widget, QComboBox):
            problem = _combo_problem(widget)
        elif isinstance(widget, QLineEdit):
            problem = _placeholder_problem(widget)
        if problem:
            problems.append(f"{screen}: {name_of(widget)} {problem}")
    return problems


def _label_problem(label: QLabel) -> str | None:
    text = label.text()
    if not text:
        return None
    margin = label.margin()
    room = label.contentsRect().adjusted(margin, margin, -margin, -margin)
    flags = int(label.alignment() & Qt.AlignmentFlag.AlignHorizontal_Mask)  # as QLabel measures
    if label.wordWrap():
        flags |= int(Qt.TextFlag.TextWordWrap)
    width = room.width() if label.wordWrap() else UNBOUNDED
    needed = label.fontMetrics().boundingRect(QRect(0, 0, width, UNBOUNDED), flags, text).size()
    return _fits(text, needed, room.size())


def _button_problem(button: QPushButton | QCheckBox) -> str | None:
    text = button.text()
    if not text:
        return None
    option = QStyleOptionButton()
    button.initStyleOption(option)
    element = (QStyle.SubElement.SE_PushButtonContents if isinstance(button, QPushButton)
               else QStyle.SubElement.SE_CheckBoxContents)  # fmt: skip
    room = button.style().subElementRect(element, option, button)
    return _fits(text, _text_size(button.fontMetrics(), text), room.size())


def _combo_problem(combo: QComboBox) -> str | None:
    text = combo.currentText()
    if not text:
        return None
    option = QStyleOptionComboBox()
    combo.initStyleOption(option)
    room = combo.style().subControlRect(
        QStyle.ComplexControl.CC_ComboBox, option, QStyle.SubControl.SC_ComboBoxEditField, combo
    )
    return _fits(text, _text_size(combo.fontMetrics(), text), room.size())


def _placeholder_problem(edit: QLineEdit) -> str | None:
    text = edit.placeholderText()
    if edit.text() or not text:
        return None
    option = QStyleOptionFrame()
    edit.initStyleOption(option)
    room = edit.style().subElementRect(QStyle.SubElement.SE_LineEditContents, option, edit)
    margins = edit.textMargins()
    width = room.width() - margins.left() - margins.right() - 4  # QLineEdit's 2 px each side
    for child in edit.findChildren(QWidget):  # the clear button, when there is one
        if child.isVisible():
            width -= child.width()
    needed = edit.fontMetrics().horizontalAdvance(text)
    if needed > width:
        return f"hint {text!r} needs {needed} px, the field shows {width}"
    return None


def _text_size(metrics: QFontMetrics, text: str) -> QSize:
    lines = text.split("\n")
    return QSize(max(metrics.horizontalAdvance(line) for line in lines),
                 len(lines) * metrics.height())  # fmt: skip


def _fits(text: str, needed: QSize, room: QSize) -> str | None:
    if needed.width() <= room.width() and needed.height() <= room.height():
        return None
    return (f"text {text!r} needs {needed.width()}×{needed.height()} px, "
            f"shows {room.width()}×{room.height()}")  # fmt: skip


def _box(rect: QRect) -> str:
    return f"({rect.x()}, {rect.y()}) {rect.width()}×{rect.height()}"
