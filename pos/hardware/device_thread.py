"""One dedicated I/O thread per device: every byte to or from it goes through this thread.

Following Electrum's `hwd_comms_thread`: callers (a worker, never the GUI thread) hand a function
to the device's thread and wait, with a timeout, for its result or its exception. Driver methods
call `check()` so that running them anywhere else is a bug caught at once.
"""

from __future__ import annotations

import queue
import threading
from collections.abc import Callable
from concurrent.futures import Future
from concurrent.futures import TimeoutError as FutureTimeoutError
from typing import Any, TypeVar

from pos.hardware.errors import DeviceTimeoutError

T = TypeVar("T")

_STOP = object()


class DeviceThread:
    """A daemon thread that runs a device's calls one at a time, in order.

    Args:
        name: the thread's name (shown in logs and crash reports).
    """

    def __init__(self, name: str) -> None:
        self.name = name
        self._calls: queue.SimpleQueue[Any] = queue.SimpleQueue()
        self._thread = threading.Thread(target=self._loop, name=name, daemon=True)
        self._closed = False
        self._thread.start()

    def call(self, fn: Callable[..., T], *args: Any, timeout: float) -> T:
        """Run `fn(*args)` on the device thread and return its result here.

        Args:
            fn: the driver function; it may raise a `DeviceError`, re-raised in the caller.
            timeout: seconds to wait for the result.

        Raises:
            DeviceTimeoutError: no result within `timeout` (a call still queued is cancelled;
                one already running finishes on the device thread and its result is dropped).
            RuntimeError: the thread was closed, or `call` was made from the device thread.
        """
        if self._closed:
            raise RuntimeError(f"device thread {self.name!r} is closed")
        if threading.current_thread() is self._thread:
            raise RuntimeError("DeviceThread.call from its own thread would deadlock")
        future: Future[T] = Future()
        self._calls.put((future, fn, args))
        try:
            return future.result(timeout=timeout)
        except FutureTimeoutError:
            future.cancel()
            raise DeviceTimeoutError(detail=f"{self.name}: no answer in {timeout:g} s") from None

    def check(self) -> None:
        """Assert that the caller runs on this device thread (driver methods call it first)."""
        assert threading.current_thread() is self._thread, (
            f"device I/O for {self.name!r} outside its thread ({threading.current_thread().name!r})"
        )

    def close(self, timeout: float = 5.0) -> None:
        """Stop after the calls already queued; wait up to `timeout` seconds for the thread."""
        if self._closed:
            return
        self._closed = True
        self._calls.put(_STOP)
        if threading.current_thread() is not self._thread:
            self._thread.join(timeout)

    @property
    def alive(self) -> bool:
        return self._thread.is_alive()

    def _loop(self) -> None:
        while True:
            item = self._calls.get()
            if item is _STOP:
                return
            future, fn, args = item
            if not future.set_running_or_notify_cancel():
                continue
            try:
                result = fn(*args)
            except BaseException as error:  # handed to the caller, who decides
                future.set_exception(error)
            else:
                future.set_result(result)
