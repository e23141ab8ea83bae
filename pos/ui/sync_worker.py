"""The Wix sync on its own thread (STYLE "Background work and sync threading").

`SyncWorker` is moved to a `QThread`; when the thread starts it makes the sync (runner and
HTTP client belong to that thread) and a `QTimer` there that ticks `SyncPort.run_once`.
`SyncThread` owns the thread from the GUI side: `start`, `request_now`, and `stop` (the
timer is stopped and the sync closed by a queued call on the sync thread, then `quit`,
then `wait`). The GUI thread never waits on the network, except at `stop` for a tick
already under way (the client's timeouts bound it).
"""

from __future__ import annotations

import logging
from collections.abc import Callable

from PySide6.QtCore import QObject, Qt, QThread, QTimer, Signal, Slot

from pos.services.sync_port import SyncPort, SyncStatus

DEFAULT_INTERVAL_MS = 60_000  # one tick a minute, as `comptoir sync`
# The first tick loads the keyring, httpx and the sync engine (~0.2 s of imports holding the
# interpreter): the app waits this long after start so that they do not slow its first frames.
APP_FIRST_TICK_MS = 2_000

log = logging.getLogger(__name__)


class SyncWorker(QObject):
    """Ticks the sync on the sync thread.

    Signals:
        status_changed(object): a `SyncStatus` after each tick (emitted on the sync
            thread: connect methods of GUI-thread objects, so the call is queued there).
    """

    status_changed = Signal(object)
    _now_requested = Signal()

    def __init__(self, *, make_sync: Callable[[], SyncPort], interval_ms: int,
                 first_tick_ms: int = 0) -> None:  # fmt: skip
        super().__init__()  # parentless: it is moved to the sync thread
        self._make_sync, self._interval_ms = make_sync, interval_ms
        self._first_tick_ms = first_tick_ms
        self._sync: SyncPort | None = None
        self._timer: QTimer | None = None
        self._now_requested.connect(self._on_now_requested)

    @Slot()
    def start(self) -> None:
        """Make the sync and its timer (connected to `QThread.started`: runs on that thread)."""
        self._sync = self._make_sync()
        self._timer = QTimer(self)
        self._timer.timeout.connect(self._tick)
        self._timer.start(self._interval_ms)
        self._emit(self._sync.status)  # the queue as it is, before the network answers
        if self._first_tick_ms <= 0:
            self._tick()
        else:
            QTimer.singleShot(self._first_tick_ms, self, self._tick)

    def request_now(self) -> None:
        """Tick as soon as the sync thread is free (safe from any thread)."""
        self._now_requested.emit()

    @Slot()
    def stop(self) -> None:
        """Stop ticking and close the sync (its HTTP client, the sync lead)."""
        if self._timer is not None:
            self._timer.stop()
        sync, self._sync = self._sync, None
        if sync is not None:
            sync.close()

    @Slot()
    def _on_now_requested(self) -> None:
        if self._timer is not None:
            self._timer.start(self._interval_ms)  # the next automatic tick counts from now
        self._tick()

    @Slot()
    def _tick(self) -> None:
        if self._sync is not None:
            self._emit(self._sync.run_once)

    def _emit(self, read: Callable[[], SyncStatus]) -> None:
        try:
            status = read()
        except Exception:  # a bug, or the database is gone: keep the thread alive, say it
            log.exception("sync: the tick failed")
            return
        self.status_changed.emit(status)


class SyncThread(QObject):
    """The sync thread and its worker, seen from the GUI thread.

    Signals:
        status_changed(object): a `SyncStatus`, delivered on the GUI thread.
    """

    status_changed = Signal(object)
    _stop_requested = Signal()

    def __init__(
        self,
        *,
        make_sync: Callable[[], SyncPort],
        interval_ms: int = DEFAULT_INTERVAL_MS,
        first_tick_ms: int = 0,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.status: SyncStatus | None = None
        self._thread = QThread()
        self._thread.setObjectName("comptoir-sync")
        self.worker = SyncWorker(make_sync=make_sync, interval_ms=interval_ms,
                                 first_tick_ms=first_tick_ms)  # fmt: skip
        self.worker.moveToThread(self._thread)
        self._thread.started.connect(self.worker.start)
        self.worker.status_changed.connect(self._on_worker_status_changed)
        self._stop_requested.connect(self.worker.stop, Qt.ConnectionType.BlockingQueuedConnection)

    def start(self) -> None:
        """Start the sync thread: it reads the status, then ticks (after `first_tick_ms`) and
        every interval."""
        if not self._thread.isRunning():
            self._thread.start()

    def request_now(self) -> None:
        """Sync now (a manager tapped "Sync now", or a decision was just made)."""
        self.worker.request_now()

    def stop(self) -> None:
        """Stop the timer and close the sync on its thread, then end the thread and wait."""
        if self._thread.isRunning():
            self._stop_requested.emit()  # blocking-queued: runs after any tick under way
            self._thread.quit()
            self._thread.wait()

    def is_running(self) -> bool:
        return self._thread.isRunning()

    @Slot(object)
    def _on_worker_status_changed(self, status: SyncStatus) -> None:
        self.status = status
        self.status_changed.emit(status)
