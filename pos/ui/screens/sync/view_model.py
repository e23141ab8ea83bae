"""State of the sync badge and panel: the status in words, the review list, a manager's decision."""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime

from PySide6.QtCore import QCoreApplication, QObject, Signal

from pos.domain.roles import Operator, Permission
from pos.services.errors import OperatorRefusedError, PermissionDeniedError
from pos.services.sync_port import ReviewItem, SyncPort, SyncReviewError, SyncStatus
from pos.ui.messages import error_text
from pos.ui.workers import TaskRunner

log = logging.getLogger(__name__)

STATUS_KEY = "sync-status"


@dataclass(frozen=True, slots=True)
class BadgeLook:
    """What the badge shows: its words and its colour (`kind`, a QSS property)."""

    text: str
    kind: str  # "unknown", "off", "offline", "review", "waiting", "ok"


def _count(n: int, one: str, many: str) -> str:
    return (QCoreApplication.translate("SyncBadge", one) if n == 1
            else QCoreApplication.translate("SyncBadge", many).format(n=n))  # fmt: skip


def badge_look(status: SyncStatus | None) -> BadgeLook:
    """The badge for `status` (None: not known yet). Stuck changes first (to check or refused
    by Wix), then offline, then online."""
    if status is None:
        return BadgeLook(QCoreApplication.translate("SyncBadge", "Wix sync…"), "unknown")
    stuck = status.needs_review + status.parked  # both wait for a manager's decision
    if stuck:
        return BadgeLook(
            _count(
                stuck,
                QCoreApplication.translate("SyncBadge", "1 to check"),
                QCoreApplication.translate("SyncBadge", "{n} to check"),
            ),
            "review",
        )
    if not status.configured:
        return BadgeLook(QCoreApplication.translate("SyncBadge", "Wix not configured"), "off")
    if not status.online:
        if not status.pending:
            return BadgeLook(QCoreApplication.translate("SyncBadge", "Offline"), "offline")
        waiting = _count(
            status.pending,
            QCoreApplication.translate("SyncBadge", "1 change waiting"),
            QCoreApplication.translate("SyncBadge", "{n} changes waiting"),
        )
        return BadgeLook(
            QCoreApplication.translate("SyncBadge", "Offline — {waiting}").format(waiting=waiting),
            "offline",
        )
    if status.pending:
        waiting = _count(
            status.pending,
            QCoreApplication.translate("SyncBadge", "1 waiting"),
            QCoreApplication.translate("SyncBadge", "{n} waiting"),
        )
        return BadgeLook(
            QCoreApplication.translate("SyncBadge", "Online · {waiting}").format(waiting=waiting),
            "waiting",
        )
    return BadgeLook(QCoreApplication.translate("SyncBadge", "Online · up to date"), "ok")


def notes_sentence(status: SyncStatus | None) -> str:
    """What was settled with a note (Wix could not record all of it, or a manager dropped it),
    and the Wix drafts left behind; "" when there is nothing to say."""
    if status is None or not (status.noted or status.drafts_unknown):
        return ""
    parts = []
    if status.noted:
        parts.append(_count(
            status.noted,
            QCoreApplication.translate("SyncBadge", "1 change settled with a note"),
            QCoreApplication.translate("SyncBadge", "{n} changes settled with a note"),
        ) + QCoreApplication.translate(
            "SyncBadge", " (Wix could not record all of it, or a manager dropped it)"))  # fmt: skip
    if status.drafts_unknown:
        parts.append(_count(
            status.drafts_unknown,
            QCoreApplication.translate("SyncBadge", "1 unused draft order may be left on Wix"),
            QCoreApplication.translate("SyncBadge", "{n} unused draft orders may be left on Wix"),
        ))  # fmt: skip
    return " · ".join(parts)


def status_sentence(status: SyncStatus | None) -> str:
    """The sync's state in a sentence for the panel."""
    if status is None:
        return QCoreApplication.translate("SyncBadge", "Reading the sync status…")
    if not status.configured:
        return QCoreApplication.translate(
            "SyncBadge",
            "Wix is not configured on this till: changes are kept here and "
            "will be sent once a manager sets up the Wix connection.",
        )
    if not status.leader:
        return QCoreApplication.translate(
            "SyncBadge", "Another till sends the changes to Wix; this one shows the queue."
        )
    if status.online:
        return QCoreApplication.translate(
            "SyncBadge", "Wix answers. Changes are sent as they are made."
        )
    return QCoreApplication.translate(
        "SyncBadge",
        "Wix cannot be reached. The counter keeps working; changes are "
        "kept and sent when Wix answers again.",
    )


def mail_sentence(status: SyncStatus | None) -> str:
    """The customer e-mails in a sentence for the panel ("" when not known yet)."""
    if status is None:
        return ""
    if not status.mail_waiting and not status.mail_parked:
        return QCoreApplication.translate("SyncBadge", "Customer e-mails: all sent.")
    parts = []
    if status.mail_waiting:
        parts.append(_count(
            status.mail_waiting,
            QCoreApplication.translate("SyncBadge", "Customer e-mails: 1 waiting to be sent."),
            QCoreApplication.translate("SyncBadge", "Customer e-mails: {n} waiting to be sent."),
        ))  # fmt: skip
    if status.mail_parked:
        parts.append(_count(
            status.mail_parked,
            QCoreApplication.translate("SyncBadge", "1 e-mail was refused by the mail server."),
            QCoreApplication.translate("SyncBadge",
                                       "{n} e-mails were refused by the mail server."),
        ))  # fmt: skip
    if status.mail_problem:
        parts.append(
            QCoreApplication.translate("SyncBadge", "Last problem: {problem}.").format(
                problem=status.mail_problem.rstrip(".")
            )
        )
    return " ".join(parts)


class SyncViewModel(QObject):
    """The sync status for the badge and panel, and a manager's decisions on review items.

    Decisions run on the `TaskRunner` (database only); the service checks the role too.

    Signals:
        status_changed(): re-read `status`, `items` and `selected`.
        message_changed(): re-read `message_text` and `message_kind` ("ok", "error" or "").
    """

    status_changed = Signal()
    message_changed = Signal()

    def __init__(self, *, sync: SyncPort, runner: TaskRunner, request_now: Callable[[], None],
                 parent: QObject | None = None) -> None:  # fmt: skip
        super().__init__(parent)
        self._sync, self._runner, self._request_now = sync, runner, request_now
        self._status: SyncStatus | None = None
        self._operator: Operator | None = None
        self._selected: int | None = None  # message id
        self._message_text, self._message_kind = "", ""

    @property
    def status(self) -> SyncStatus | None:
        return self._status

    @property
    def items(self) -> tuple[ReviewItem, ...]:
        return () if self._status is None else self._status.review_items

    @property
    def selected(self) -> ReviewItem | None:
        return next((i for i in self.items if i.message_id == self._selected), None)

    @property
    def can_decide(self) -> bool:
        """The logged-in operator is a manager (no PIN asked: they are already logged in)."""
        return self._operator is not None and self._operator.may(Permission.APPROVE)

    @property
    def message_text(self) -> str:
        return self._message_text

    @property
    def message_kind(self) -> str:
        return self._message_kind

    def set_operator(self, operator: Operator | None) -> None:
        self._operator = operator
        self.status_changed.emit()

    def set_status(self, status: SyncStatus) -> None:
        """A fresh status (from the sync thread or the database)."""
        self._status = status
        self.status_changed.emit()

    def refresh(self) -> None:
        """Read the status from the database (no network)."""
        self._runner.submit(self._sync.status, key=STATUS_KEY,
                            on_success=self.set_status, on_error=self._on_failed)  # fmt: skip

    def sync_now(self) -> None:
        """Ask the sync thread for a tick now."""
        self._set_message(self.tr("Syncing with Wix…"), "")
        self._request_now()

    def select(self, row: int) -> None:
        if 0 <= row < len(self.items):
            self._selected = self.items[row].message_id
            self.status_changed.emit()

    def resolve(self, decision: str, reason: str) -> None:
        """Settle the selected change: "done" (Wix has it), "resend" or "drop"; with a reason."""
        item, operator, sync = self.selected, self._operator, self._sync
        if item is None:
            self._set_message(self.tr("Tap a change in the list first."), "error")
            return
        if not reason.strip():
            self._set_message(self.tr("Say why (it is kept in the log)."), "error")
            return

        def work() -> SyncStatus:
            sync.resolve(operator, item.message_id, decision, reason)
            return sync.status()

        self._runner.submit(work, key=STATUS_KEY, on_success=self._on_resolved,
                            on_error=self._on_failed)  # fmt: skip

    def _on_resolved(self, status: SyncStatus) -> None:
        self._selected = None
        self.set_status(status)
        self._set_message(self.tr("Decision saved."), "ok")
        self._request_now()  # the badge catches up, and a resent change goes out

    def _on_failed(self, error: BaseException) -> None:
        self._set_message(self._error_text(error), "error")

    def _error_text(self, error: BaseException) -> str:
        if isinstance(error, OperatorRefusedError):  # the account changed since the login
            return error_text(error)
        if isinstance(error, PermissionDeniedError):
            return self.tr("Only a manager can decide. Ask a manager to log in.")
        if isinstance(error, SyncReviewError):
            if error.code == "reason_required":
                return self.tr("Say why (it is kept in the log).")
            self.refresh()
            return self.tr("This change was already settled.")
        log.error("sync panel: unexpected failure", exc_info=error)
        return self.tr("The sync status cannot be read right now. Try again in a moment.")

    def _set_message(self, text: str, kind: str) -> None:
        self._message_text, self._message_kind = text, kind
        self.message_changed.emit()


def moment_text(moment: datetime | None, when: Callable[[datetime], str]) -> str:
    """`when(moment)`, or "never"."""
    return QCoreApplication.translate("SyncBadge", "never") if moment is None else when(moment)
