"""State and intents of recording a return request: lines, the customer's reason, photos."""

from __future__ import annotations

import os
from dataclasses import dataclass, replace
from pathlib import Path

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QImage

from pos.domain.return_requests import MAX_PHOTO_BYTES, MAX_PHOTOS
from pos.domain.roles import Operator
from pos.services.history import OrderDetail
from pos.services.return_requests import RequestedLine, RequestView, ReturnRequestService
from pos.ui.screens.requests.view_model import thumbnail
from pos.ui.screens.requests.words import refusal_text
from pos.ui.screens.returns.view_model import LineState
from pos.ui.workers import TaskRunner

INBOX_VARIABLE = "COMPTOIR_PHOTO_INBOX"  # where the customer's photos are saved at the till
PHOTO_SUFFIXES = (".jpg", ".jpeg", ".png")
PHOTOS_SHOWN = 24  # the newest files of the folder: a long list is no use at a counter
RECORD_KEY = "requests-record"


def photo_inbox() -> Path:
    """The folder the counter offers photos from: `COMPTOIR_PHOTO_INBOX`, else ~/Pictures."""
    configured = os.environ.get(INBOX_VARIABLE, "").strip()
    return Path(configured) if configured else Path.home() / "Pictures"


@dataclass(frozen=True, slots=True)
class PhotoFile:
    """An image file offered to attach, with its thumbnail (made on the worker)."""

    path: Path
    image: QImage


def list_photos(folder: Path) -> tuple[PhotoFile, ...]:
    """The newest JPEG and PNG files of `folder` (none when it cannot be read)."""
    try:
        files = [p for p in folder.iterdir()
                 if p.suffix.lower() in PHOTO_SUFFIXES and p.is_file()
                 and p.stat().st_size <= MAX_PHOTO_BYTES]  # fmt: skip
    except OSError:
        return ()
    files.sort(key=lambda p: p.stat().st_mtime, reverse=True)
    return tuple(PhotoFile(p, thumbnail(p.read_bytes())) for p in files[:PHOTOS_SHOWN])


class RecordRequestViewModel(QObject):
    """A customer's return request being written: units per line, reasons, note, photos.

    Signals:
        draft_changed(): re-read `lines`, `note`, `chosen_photos`.
        photos_changed(): re-read `photos` (the folder was read).
        status_changed(): re-read `status_text` and `status_kind`.
        recorded(object): the request was recorded (its `RequestView`).
    """

    draft_changed = Signal()
    photos_changed = Signal()
    status_changed = Signal()
    recorded = Signal(object)

    def __init__(self, *, requests: ReturnRequestService, runner: TaskRunner, locale: str,
                 parent: QObject | None = None) -> None:  # fmt: skip
        super().__init__(parent)
        self._service, self._runner, self._locale = requests, runner, locale
        self.detail: OrderDetail | None = None
        self.lines: tuple[LineState, ...] = ()
        self.note = ""
        self.photos: tuple[PhotoFile, ...] = ()
        self.chosen_photos: frozenset[Path] = frozenset()
        self.status_text, self.status_kind = "", ""
        self.done = False

    @property
    def locale(self) -> str:
        return self._locale

    def set_locale(self, locale: str) -> None:
        self._locale = locale

    def start(self, detail: OrderDetail) -> None:
        """A new request on the order `detail`; the photo folder is read in the background."""
        self.detail, self.done = detail, False
        self.lines = tuple(LineState(line) for line in detail.lines)
        self.note, self.chosen_photos = "", frozenset()
        self._set_status("", "")
        self.draft_changed.emit()
        folder = photo_inbox()
        self._runner.submit(lambda: list_photos(folder), on_success=self._on_photos,
                            on_error=lambda _error: self._on_photos(()))  # fmt: skip

    def step(self, index: int, delta: int) -> None:
        state = self.lines[index]
        quantity = min(max(state.quantity + delta, 0), state.line.returnable)
        self._set_line(index, replace(state, quantity=quantity))

    def set_reason(self, index: int, reason: str) -> None:
        self._set_line(index, replace(self.lines[index], reason=reason))

    def set_note(self, note: str) -> None:
        self.note = note

    def toggle_photo(self, path: Path) -> None:
        chosen = set(self.chosen_photos) ^ {path}
        if len(chosen) > MAX_PHOTOS:
            self._set_status(self.tr("At most 6 photos per request."), "error")
            return
        self.chosen_photos = frozenset(chosen)
        self.draft_changed.emit()

    def record(self, operator: Operator | None) -> None:
        """Record the request as `operator` (a manager: the one at the till, or who approved)."""
        detail = self.detail
        if detail is None or operator is None or self.done:
            return
        asked = [RequestedLine(s.line.line_id, s.quantity, s.reason)
                 for s in self.lines if s.quantity > 0]  # fmt: skip
        reason = next((line.reason for line in asked if line.reason), "other")
        note, service, paths = self.note, self._service, sorted(self.chosen_photos)

        def work() -> RequestView:
            photos = [path.read_bytes() for path in paths]
            return service.record(operator, detail.order_id, asked, reason=reason, note=note,
                                  photos=photos)

        self._set_status(self.tr("Recording the request…"), "")
        self._runner.submit(work, key=RECORD_KEY, on_success=self._on_recorded,
                            on_error=self._on_failed)  # fmt: skip

    def _set_line(self, index: int, state: LineState) -> None:
        lines = list(self.lines)
        lines[index] = state
        self.lines = tuple(lines)
        self.draft_changed.emit()

    def _on_photos(self, photos: tuple[PhotoFile, ...]) -> None:
        self.photos = photos
        self.photos_changed.emit()

    def _on_recorded(self, view: RequestView) -> None:
        self.done = True
        self._set_status(self.tr("Request recorded for order {number}: it waits for a "
                                 "manager's decision in Return requests.").format(
                                     number=view.order_number), "ok")  # fmt: skip
        self.recorded.emit(view)

    def _on_failed(self, error: BaseException) -> None:
        if isinstance(error, OSError):
            self._set_status(self.tr("A photo cannot be read. Leave it out and try again."),
                             "error")
            return
        self._set_status(refusal_text(error, self._locale), "error")

    def _set_status(self, text: str, kind: str) -> None:
        self.status_text, self.status_kind = text, kind
        self.status_changed.emit()
