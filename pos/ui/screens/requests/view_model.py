"""State and intents of the requests screen: three lists, the request tapped, a decision."""

from __future__ import annotations

import logging
from collections.abc import Callable

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QImage, QPixmap

from pos.domain.roles import Operator, Permission
from pos.services.return_requests import (
    RequestCounts,
    RequestLists,
    RequestSummary,
    RequestView,
    ReturnRequestService,
)
from pos.ui.screens.requests.words import refusal_text
from pos.ui.workers import TaskRunner

LISTS_KEY = "requests-lists"  # a newer read supersedes one still running
DETAIL_KEY = "requests-detail"
COUNTS_KEY = "requests-counts"
TABS = ("to_decide", "approved", "expired")
THUMBNAIL_PX = 72

log = logging.getLogger(__name__)


class RequestsViewModel(QObject):
    """The manager's return requests: to decide, approved (awaiting the customer), expired.

    Every read and decision runs on the `TaskRunner`; the service checks the role again.

    Signals:
        lists_changed(): re-read `rows`, `counts` and `tab`.
        detail_changed(): re-read `detail` (None: nothing tapped).
        status_changed(): re-read `status_text` and `status_kind`.
        counts_changed(): re-read `counts` (the top bar's badge).
        open_requested(str): open this approved authorisation at the counter (its number).
    """

    lists_changed = Signal()
    detail_changed = Signal()
    status_changed = Signal()
    counts_changed = Signal()
    open_requested = Signal(str)

    def __init__(self, *, requests: ReturnRequestService, runner: TaskRunner, locale: str,
                 parent: QObject | None = None) -> None:  # fmt: skip
        super().__init__(parent)
        self._service, self._runner, self._locale = requests, runner, locale
        self._operator: Operator | None = None
        self._lists: RequestLists | None = None
        self._counts: RequestCounts | None = None
        self._tab = TABS[0]
        self._detail: RequestView | None = None
        self._thumbnails: tuple[QPixmap, ...] = ()
        self._status = ("", "")

    @property
    def tab(self) -> str:
        return self._tab

    @property
    def rows(self) -> tuple[RequestSummary, ...]:
        lists = self._lists
        return () if lists is None else tuple(getattr(lists, self._tab))

    @property
    def counts(self) -> RequestCounts | None:
        return self._counts

    @property
    def detail(self) -> RequestView | None:
        return self._detail

    @property
    def thumbnails(self) -> tuple[QPixmap, ...]:
        """The shown request's photos, scaled (made on the worker, shown on the GUI thread)."""
        return self._thumbnails

    @property
    def status_text(self) -> str:
        return self._status[0]

    @property
    def status_kind(self) -> str:
        return self._status[1]

    @property
    def locale(self) -> str:
        return self._locale

    @property
    def can_decide(self) -> bool:
        """The operator at the till may approve (a manager): the decisions show."""
        return self._operator is not None and self._operator.may(Permission.APPROVE)

    def set_locale(self, locale: str) -> None:
        self._locale = locale
        self.lists_changed.emit()
        self.detail_changed.emit()

    def set_operator(self, operator: Operator | None) -> None:
        self._operator = operator
        if operator is None:
            self._lists, self._detail, self._status = None, None, ("", "")
            self.lists_changed.emit()
            self.detail_changed.emit()

    def refresh(self) -> None:
        """Read the three lists (and their counts) again."""
        operator, service = self._operator, self._service
        if operator is None:
            return
        self._runner.submit(lambda: service.lists(operator), key=LISTS_KEY,
                            on_success=self._on_lists, on_error=self._on_failed)  # fmt: skip

    def poll_counts(self) -> None:
        """Read the counts only (the badge): one cheap query, never queued twice."""
        service = self._service
        self._runner.submit(service.counts, key=COUNTS_KEY, on_success=self._on_counts,
                            on_error=self._on_counts_failed)  # fmt: skip

    def choose_tab(self, tab: str) -> None:
        if tab in TABS and tab != self._tab:
            self._tab, self._detail = tab, None
            self.lists_changed.emit()
            self.detail_changed.emit()

    def choose(self, row: int) -> None:
        """The manager tapped the request at `row`: read its lines, note and photos."""
        rows = self.rows
        if not 0 <= row < len(rows):
            return
        service, request_id = self._service, rows[row].request_id

        def read() -> tuple[RequestView, tuple[QImage, ...]]:
            view = service.detail(request_id)
            photos = (service.photo(request_id, photo.photo_id)[1] for photo in view.photos)
            return view, tuple(thumbnail(data) for data in photos)

        self._runner.submit(read, key=DETAIL_KEY, on_success=self._on_detail,
                            on_error=self._on_failed)

    def approve(self) -> None:
        self._decide(lambda service, operator, request_id: service.approve(operator, request_id),
                     self.tr("Approved: the customer gets the authorisation by e-mail."))

    def reject(self, reason: str) -> None:
        if not reason.strip():
            self._set_status(self.tr("Say why the request is refused: tap a reason or write it."),
                             "error")
            return
        self._decide(lambda service, operator, request_id:
                     service.reject(operator, request_id, reason.strip()),
                     self.tr("Refused: the customer is told why by e-mail."))  # fmt: skip

    def open_at_counter(self) -> None:
        detail = self._detail
        if detail is not None and detail.authorisation_number:
            self.open_requested.emit(detail.authorisation_number)

    def _decide(self, act: Callable[[ReturnRequestService, Operator, int], object],
                done: str) -> None:  # fmt: skip
        detail, operator, service = self._detail, self._operator, self._service
        if detail is None or operator is None:
            return

        def work() -> RequestLists:
            act(service, operator, detail.request_id)
            return service.lists(operator)

        def decided(lists: RequestLists) -> None:
            self._detail, self._thumbnails = None, ()
            self._on_lists(lists)
            self.detail_changed.emit()
            self._set_status(done, "ok")

        self._runner.submit(work, key=LISTS_KEY, on_success=decided, on_error=self._on_failed)

    def _on_lists(self, lists: RequestLists) -> None:
        self._lists = lists
        self._on_counts(RequestCounts(len(lists.to_decide), len(lists.approved),
                                      len(lists.expired)))
        self.lists_changed.emit()

    def _on_counts(self, counts: RequestCounts) -> None:
        if counts != self._counts:
            self._counts = counts
            self.counts_changed.emit()

    def _on_counts_failed(self, error: BaseException) -> None:
        log.warning("return requests: the counts cannot be read (%s)", error)

    def _on_detail(self, found: tuple[RequestView, tuple[QImage, ...]]) -> None:
        self._detail = found[0]
        self._thumbnails = tuple(QPixmap.fromImage(image) for image in found[1])
        self._set_status("", "")
        self.detail_changed.emit()

    def _on_failed(self, error: BaseException) -> None:
        if getattr(error, "code", None) in ("request_state", "request_not_found"):
            self._detail = None
            self.detail_changed.emit()
            self.refresh()
        self._set_status(refusal_text(error, self._locale), "error")

    def _set_status(self, text: str, kind: str) -> None:
        self._status = (text, kind)
        self.status_changed.emit()


def thumbnail(data: bytes) -> QImage:
    """A photo scaled to a thumbnail (QImage: usable off the GUI thread); empty if unreadable."""
    image = QImage.fromData(data)
    if image.isNull():
        return image
    return image.scaled(THUMBNAIL_PX, THUMBNAIL_PX, Qt.AspectRatioMode.KeepAspectRatio,
                        Qt.TransformationMode.SmoothTransformation)
