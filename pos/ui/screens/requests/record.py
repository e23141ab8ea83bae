"""Recording a return request from the order screen: what, why, a note, the customer's photos."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QIcon, QPixmap
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from pos.domain.returns import DocumentKind
from pos.ui.retranslating import Retranslating
from pos.ui.screens.managed import show_status
from pos.ui.screens.requests.record_view_model import RecordRequestViewModel, photo_inbox
from pos.ui.screens.returns.screen import RETURNS_QSS, LineRow
from pos.ui.screens.returns.view_model import LineState
from pos.ui.scroll_area import VerticalScrollArea

PHOTO_ROW = 64  # px: a photo to tap, its thumbnail beside its file name


class RequestLineRow(LineRow):
    """The returns screen's line (name, − n +, the customer's reason), without a disposition:
    nothing comes back yet, a manager decides first."""

    def show_state(self, state: LineState, most: int | None = None) -> None:
        super().show_state(state, most)
        self._disposition.setVisible(False)


class RecordRequestScreen(Retranslating, QWidget):
    """A customer's return request on the order shown: units per line with their reason, a
    note, photos from the counter's photo folder, then Record.

    Signals:
        back_requested(): back to the order (nothing is written unless Record succeeded).
        record_requested(): the person tapped Record (the counter decides who records).
    """

    back_requested = Signal()
    record_requested = Signal()

    def __init__(self, *, view_model: RecordRequestViewModel,
                 parent: QWidget | None = None) -> None:  # fmt: skip
        super().__init__(parent)
        self.setObjectName("recordRequestScreen")
        self.setStyleSheet(RETURNS_QSS)
        self._vm = view_model
        self._rows: list[RequestLineRow] = []
        self._photo_buttons: dict[Path, QPushButton] = {}
        self._built_for: int | None = None
        self._build_ui()
        self._connect_signals()
        self._retranslate_ui()

    @property
    def view_model(self) -> RecordRequestViewModel:
        return self._vm

    def _build_ui(self) -> None:
        self._back = QPushButton(objectName="backButton")
        self._title = QLabel(objectName="screenTitle")
        top = QHBoxLayout()
        top.addWidget(self._back)
        top.addSpacing(16)
        top.addWidget(self._title, 1)
        self._lines_box = QVBoxLayout()
        self._lines_box.addStretch(1)
        holder = QWidget(objectName="linesHolder")
        holder.setLayout(self._lines_box)
        lines = VerticalScrollArea(holder, object_name="linesScroll")
        lines.setFrameShape(QFrame.Shape.StyledPanel)
        self._lines_title = QLabel(objectName="sectionTitle")
        left = QVBoxLayout()
        left.addWidget(self._lines_title)
        left.addWidget(lines, 1)
        self._note = QLineEdit(objectName="requestNote")
        self._photos_title = QLabel(objectName="sectionTitle", wordWrap=True)
        self._photos_box = QVBoxLayout()
        self._photos_box.addStretch(1)
        photos = QWidget(objectName="photosHolder")
        photos.setLayout(self._photos_box)
        self._no_photos = QLabel(objectName="emptyNote", wordWrap=True)
        right = QVBoxLayout()
        right.addWidget(self._note)
        right.addWidget(self._photos_title)
        right.addWidget(self._no_photos)
        right.addWidget(VerticalScrollArea(photos, object_name="photosScroll"), 1)
        body = QHBoxLayout()
        body.addLayout(left, 3)
        body.addLayout(right, 2)
        self._status_label = QLabel(objectName="recordStatus", wordWrap=True)
        self._record = QPushButton(objectName="recordRequestButton")
        self._record.setProperty("primary", True)
        bottom = QHBoxLayout()
        bottom.addWidget(self._status_label, 1)
        bottom.addWidget(self._record)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addLayout(body, 1)
        layout.addLayout(bottom)

    def _connect_signals(self) -> None:
        self._back.clicked.connect(self.back_requested)
        self._record.clicked.connect(self.record_requested)
        self._note.textEdited.connect(self._vm.set_note)
        self._vm.draft_changed.connect(self._render_draft)
        self._vm.photos_changed.connect(self._render_photos)
        self._vm.status_changed.connect(self._render_status)

    def _retranslate_ui(self) -> None:
        self._back.setText(self.tr("‹  Back to the order"))
        self._lines_title.setText(self.tr("What the customer wants to return"))
        self._note.setPlaceholderText(self.tr("Customer's note (optional)"))
        self._photos_title.setText(self.tr("Photos in “{folder}” (tap to attach)").format(
            folder=photo_inbox().name or str(photo_inbox())))
        self._no_photos.setText(self.tr("No photo in the folder: the request goes without."))
        self._record.setText(self.tr("Record the request"))
        self._render_title()

    def _render_title(self) -> None:
        detail = self._vm.detail
        number = detail.number if detail is not None else ""
        self._title.setText(self.tr("Return request — {number}").format(number=number))

    def _render_draft(self) -> None:
        vm = self._vm
        if id(vm.detail) != self._built_for:
            self._built_for = id(vm.detail)
            self._rebuild_rows()
            if self._note.text() != vm.note:
                self._note.setText(vm.note)
        for row, state in zip(self._rows, vm.lines, strict=True):
            row.show_state(state)
            row.style().polish(row)
        for path, button in self._photo_buttons.items():
            button.setChecked(path in vm.chosen_photos)
        self._record.setEnabled(any(s.quantity for s in vm.lines) and not vm.done)
        self._render_title()

    def _rebuild_rows(self) -> None:
        for row in self._rows:
            row.deleteLater()
        self._rows = []
        for index, state in enumerate(self._vm.lines):
            row = RequestLineRow(state, kind=DocumentKind.REFUND, parent=self)
            row.stepped.connect(lambda d, i=index: self._vm.step(i, d))
            row.reason_chosen.connect(lambda r, i=index: self._vm.set_reason(i, r))
            self._lines_box.insertWidget(index, row)
            self._rows.append(row)

    def _render_photos(self) -> None:
        for button in self._photo_buttons.values():
            button.deleteLater()
        self._photo_buttons = {}
        for index, photo in enumerate(self._vm.photos):
            button = QPushButton(photo.path.name, objectName="photoButton", checkable=True)
            button.setIcon(QIcon(QPixmap.fromImage(photo.image)))
            button.setIconSize(QSize(PHOTO_ROW - 12, PHOTO_ROW - 12))
            button.setMinimumHeight(PHOTO_ROW)
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            button.setChecked(photo.path in self._vm.chosen_photos)
            button.clicked.connect(lambda _=False, p=photo.path: self._vm.toggle_photo(p))
            self._photos_box.insertWidget(index, button)
            self._photo_buttons[photo.path] = button
        self._no_photos.setVisible(not self._vm.photos)

    def _render_status(self) -> None:
        show_status(self._status_label, self._vm.status_text, self._vm.status_kind)
        self._record.setEnabled(any(s.quantity for s in self._vm.lines) and not self._vm.done)
