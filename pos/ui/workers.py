"""`TaskRunner`: database work off the GUI thread, one task at a time, results back by signal.

Follows Anki's `taskman`: a serial executor (a `QThreadPool` limited to one thread) runs each
task; the outcome crosses back to the GUI thread through a queued signal, and the caller's
callback runs there. Tasks submitted under the same *key* form a generation chain: only the
newest one's result is delivered, so a slow search for "hel" can never overwrite the results
of "helene" typed after it — and a stale task still waiting in the queue is not even run.
"""

from __future__ import annotations

import ctypes
import logging
import sys
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import shiboken6
from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

log = logging.getLogger(__name__)


def _guard_true_refcount() -> None:
    """Work around PySide6 6.12 `SignalInstance.emit` returning `True` without a reference.

    Every discarded `signal.emit(...)` result then drops one reference to `True`; on Python
    3.11 (where `True` is not yet immortal, PEP 683) the count reaches zero after some
    thousands of emits and the interpreter aborts ("bool_dealloc: deallocating True or
    False"). Measured here at import; when the leak is present, `True` gets a reference
    count no program can exhaust — what Python 3.12 does for every interpreter. Remove when
    PySide6 is fixed or Python >= 3.12 is required.
    """
    if sys.version_info >= (3, 12) or sys.implementation.name != "cpython":
        return

    class _Probe(QObject):
        fired = Signal()

    probe = _Probe()
    before = sys.getrefcount(True)
    for _ in range(8):
        probe.fired.emit()
    if sys.getrefcount(True) < before:
        ctypes.c_ssize_t.from_address(id(True)).value += 1 << 40


_guard_true_refcount()

SuccessCallback = Callable[[Any], None]
ErrorCallback = Callable[[BaseException], None]


@dataclass(frozen=True, slots=True)
class _Callbacks:
    key: str | None
    on_success: SuccessCallback
    on_error: ErrorCallback | None


class _Relay(QObject):
    """Lives on the GUI thread; its signal is emitted from the worker (so delivery is queued).

    Signals:
        finished(int, bool, object): task id, whether it succeeded, its result or exception.
    """

    finished = Signal(int, bool, object)


class _Task(QRunnable):
    def __init__(
        self, *, task_id: int, fn: Callable[[], Any], relay: _Relay, stale: Callable[[], bool]
    ) -> None:
        super().__init__()
        self._task_id, self._fn, self._relay, self._stale = task_id, fn, relay, stale

    def run(self) -> None:  # on the worker thread
        if self._stale():
            self._relay.finished.emit(self._task_id, False, None)
            return
        try:
            result = self._fn()
        except Exception as error:  # handed to the GUI thread, which decides what it means
            self._relay.finished.emit(self._task_id, False, error)
        else:
            self._relay.finished.emit(self._task_id, True, result)


class TaskRunner(QObject):
    """Serial executor for database work; callbacks run on the GUI thread.

    A task must not touch widgets: it gets immutable inputs (captured in its closure) and
    returns a value. Each service call opens and closes its own session on the worker
    thread, so no session ever crosses threads.

    Signals:
        busy_changed(bool): True when the first task is queued, False when none is left.
    """

    busy_changed = Signal(bool)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(1)  # serial: one database worker, in submission order
        self._relay = _Relay(self)
        self._relay.finished.connect(self._on_relay_finished)
        self._next_id = 0
        self._pending: dict[int, _Callbacks] = {}
        self._latest: dict[str, int] = {}  # key -> id of the newest task with that key
        self._closed = False

    @property
    def pending(self) -> int:
        """Number of tasks submitted whose callback has not run (or been dropped) yet."""
        return len(self._pending)

    def submit(
        self,
        fn: Callable[[], Any],
        *,
        on_success: SuccessCallback,
        on_error: ErrorCallback | None = None,
        key: str | None = None,
    ) -> int:
        """Queue `fn` for the worker thread.

        Args:
            fn: the work; runs on the worker thread, must not touch Qt widgets.
            on_success: called on the GUI thread with `fn`'s result.
            on_error: called on the GUI thread with the exception `fn` raised; when None the
                exception goes to `sys.excepthook` (the crash handler): it is a bug.
            key: tasks sharing a key supersede each other; only the newest is delivered.

        Returns:
            The task id (increasing); 0 after `shutdown`, when nothing runs.
        """
        if self._closed:
            # A view model's timer may still fire while the window closes: nothing to do then,
            # and nothing for the crash handler either (it would be shown to the cashier).
            log.debug("task submitted after shutdown, dropped")
            return 0
        self._next_id += 1
        task_id = self._next_id
        if key is not None:
            self._latest[key] = task_id
        self._pending[task_id] = _Callbacks(key, on_success, on_error)
        if len(self._pending) == 1:
            self.busy_changed.emit(True)
        stale = (lambda: self._latest.get(key) != task_id) if key is not None else (lambda: False)
        self._pool.start(_Task(task_id=task_id, fn=fn, relay=self._relay, stale=stale))
        return task_id

    def forget(self, key: str) -> None:
        """Deliver nothing more of the tasks submitted under `key` (the screen was cleared)."""
        self._next_id += 1
        self._latest[key] = self._next_id

    def is_current(self, task_id: int, key: str) -> bool:
        """Whether `task_id` is still the newest task submitted under `key`."""
        return self._latest.get(key) == task_id

    def shutdown(self) -> None:
        """Drop queued tasks, wait for the running one, and deliver nothing more."""
        self._closed = True
        self._pool.clear()
        self._pool.waitForDone()
        self._pending.clear()

    def _on_relay_finished(self, task_id: int, ok: bool, outcome: object) -> None:
        callbacks = self._pending.pop(task_id, None)
        if not self._pending and callbacks is not None:
            self.busy_changed.emit(False)
        if callbacks is None or self._closed:
            return
        if callbacks.key is not None and self._latest.get(callbacks.key) != task_id:
            return  # superseded: a newer task with this key owns the screen now
        if not _owner_alive(callbacks.on_success):
            return  # its screen was closed while the task ran: nobody to tell
        if ok:
            callbacks.on_success(outcome)
        elif isinstance(outcome, BaseException):
            self._deliver_error(callbacks, outcome)

    @staticmethod
    def _deliver_error(callbacks: _Callbacks, error: BaseException) -> None:
        if callbacks.on_error is not None:
            callbacks.on_error(error)
            return
        sys.excepthook(type(error), error, error.__traceback__)


def _owner_alive(callback: Callable[..., Any]) -> bool:
    """False when `callback` is a method of a Qt object whose C++ side is already deleted."""
    owner = getattr(callback, "__self__", None)
    return not isinstance(owner, QObject) or shiboken6.isValid(owner)
