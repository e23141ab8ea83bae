"""A watchdog for the GUI thread: when it stops answering, the log says where it was.

The counter's rule is that the GUI thread never waits on the database, the network or a
device (DESIGN §5). If it ever does in a shop, the cashier sees a frozen screen and the
engineer sees nothing — unless something notices. `GuiWatchdog` keeps a heartbeat: a
`QTimer` on the GUI thread stamps the time every `beat_ms`; a small daemon thread looks at
the stamp, and when it is older than `threshold_ms` logs one WARNING with the GUI thread's
Python stack (innermost frames first), then one INFO line with the stall's length when the
GUI thread comes back. It costs one timer tick per `beat_ms` on the GUI thread.

A stall spent in C++ (Qt painting, a C extension holding the interpreter) shows the Python
frame that called into it, or the event loop.
"""

from __future__ import annotations

import logging
import sys
import threading
import time
import traceback

from PySide6.QtCore import QObject, QTimer

log = logging.getLogger(__name__)

BEAT_MS = 50
THRESHOLD_MS = 250  # a frozen screen a cashier notices; the benchmark's budget is 50 ms
STACK_FRAMES = 12


class GuiWatchdog(QObject):
    """Logs where the GUI thread was when it stalled for longer than `threshold_ms`.

    Create it on the GUI thread, call `start()`; `stop()` (or the parent's destruction)
    ends the watching thread. `stalls` keeps the length (ms) of each stall seen, for tests.
    """

    def __init__(
        self,
        *,
        threshold_ms: int = THRESHOLD_MS,
        beat_ms: int = BEAT_MS,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._threshold = threshold_ms / 1000
        self._gui_thread = threading.get_ident()
        self._last_beat = time.monotonic()
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None
        self.stalls: list[int] = []
        self._timer = QTimer(self)
        self._timer.setInterval(beat_ms)
        self._timer.timeout.connect(self._beat)
        self.destroyed.connect(self._stop.set)

    def start(self) -> None:
        self._last_beat = time.monotonic()
        self._timer.start()
        if self._thread is None:
            self._thread = threading.Thread(target=self._watch, name="gui-watchdog", daemon=True)
            self._thread.start()

    def stop(self) -> None:
        self._timer.stop()
        self._stop.set()
        if self._thread is not None:
            self._thread.join(timeout=2)
            self._thread = None

    def _beat(self) -> None:
        self._last_beat = time.monotonic()

    def _watch(self) -> None:
        poll = min(self._threshold / 4, 0.05)
        stalled_since: float | None = None
        while not self._stop.wait(poll):
            beat = self._last_beat
            late = time.monotonic() - beat
            if stalled_since is None and late > self._threshold:
                stalled_since = beat
                log.warning("the screen has not answered for %d ms; the GUI thread is in:\n%s",
                            late * 1000, self._gui_stack())  # fmt: skip
            elif stalled_since is not None and beat > stalled_since:
                length = round((beat - stalled_since) * 1000)
                self.stalls.append(length)
                log.info("the screen answers again after a %d ms stall", length)
                stalled_since = None

    def _gui_stack(self) -> str:
        frame = sys._current_frames().get(self._gui_thread)  # noqa: SLF001 (stdlib's own API)
        if frame is None:
            return "  (no Python frame: inside Qt)"
        lines = traceback.format_stack(frame, limit=STACK_FRAMES)
        return "".join(reversed(lines)).rstrip()
