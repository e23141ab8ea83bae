"""A local raw-TCP "printer" on 127.0.0.1 that can accept, refuse, stall and drop.

Like a port-9100 printer it reads a job until the client closes its side, answers ESC/POS
real-time status queries (DLE EOT 1/2/4) sent before the job, then closes. `jobs` holds what
was received (status queries stripped) and `last_byte_at` when each job's last byte arrived
(`time.perf_counter`), for the benchmark.
"""

from __future__ import annotations

import contextlib
import socket
import struct
import threading
import time
from dataclasses import dataclass

MODES = ("accept", "refuse", "stall", "drop")
STATUSES = ("online", "paper_out", "cover_open", "silent")
READ_TIMEOUT = 10.0  # a test never needs a connection longer than this


@dataclass(frozen=True)
class ReceivedJob:
    data: bytes
    last_byte_at: float
    complete: bool  # False when this printer dropped the connection on purpose


def status_answer(status: str, query: int) -> bytes:
    """The one-byte answer a TM-T88 gives to DLE EOT `query` in `status`."""
    base = 0x12
    if query == 1 and status != "online":
        return bytes([base | 0x08])
    if query == 2:
        return bytes([base | {"cover_open": 0x04, "paper_out": 0x20}.get(status, 0)])
    if query == 4 and status == "paper_out":
        return bytes([base | 0x60])
    return bytes([base])


class TcpPrinter:
    """A printer on a free loopback port, served by background threads until `close()`."""

    def __init__(self, mode: str = "accept", *, status: str = "online", drop_after: int = 16):
        assert mode in MODES and status in STATUSES
        self.mode, self.status, self.drop_after = mode, status, drop_after
        self._lock = threading.Condition()
        self._jobs: list[ReceivedJob] = []
        self._stop = threading.Event()
        self._threads: list[threading.Thread] = []
        self._listener: socket.socket | None = None
        self.port = self._listen(0)
        self.connections = 0

    @property
    def uri(self) -> str:
        return f"tcp://127.0.0.1:{self.port}"

    @property
    def jobs(self) -> list[ReceivedJob]:
        with self._lock:
            return list(self._jobs)

    def set_mode(self, mode: str) -> None:
        """Switch mode; "refuse" closes the port, any other mode opens it again."""
        assert mode in MODES
        self.mode = mode
        if mode == "refuse" and self._listener is not None:
            self._stop_listening()
        elif mode != "refuse" and self._listener is None:
            self._listen(self.port)

    def wait_for_jobs(self, count: int, timeout: float = 5.0) -> list[ReceivedJob]:
        """Wait (bounded) until `count` jobs have been received; returns them all."""
        with self._lock:
            self._lock.wait_for(lambda: len(self._jobs) >= count, timeout=timeout)
            return list(self._jobs)

    def close(self) -> None:
        self._stop.set()
        if self._listener is not None:
            self._stop_listening()
        for thread in self._threads:
            thread.join(timeout=READ_TIMEOUT)

    def __enter__(self) -> TcpPrinter:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # ------------------------------------------------------------ serving

    def _listen(self, port: int) -> int:
        listener = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        listener.bind(("127.0.0.1", port))
        listener.listen(16)
        listener.settimeout(0.05)  # to notice close() / refuse promptly
        self._listener = listener
        self._acceptor = self._spawn(self._accept_loop, listener)
        return int(listener.getsockname()[1])

    def _stop_listening(self) -> None:
        listener, self._listener = self._listener, None
        assert listener is not None
        with contextlib.suppress(OSError):
            listener.shutdown(socket.SHUT_RDWR)  # wakes accept(); the port refuses from now on
        listener.close()
        self._acceptor.join(timeout=READ_TIMEOUT)

    def _spawn(self, target, *args) -> threading.Thread:  # type: ignore[no-untyped-def]
        thread = threading.Thread(target=target, args=args, daemon=True, name="tcp-printer")
        self._threads.append(thread)
        thread.start()
        return thread

    def _accept_loop(self, listener: socket.socket) -> None:
        while not self._stop.is_set() and self._listener is listener:
            try:
                conn, _ = listener.accept()
            except TimeoutError:
                continue
            except OSError:
                return  # closed
            self.connections += 1
            handler = self._stall if self.mode == "stall" else self._serve
            self._spawn(handler, conn)

    def _stall(self, conn: socket.socket) -> None:
        with conn:
            self._stop.wait(READ_TIMEOUT)

    def _serve(self, conn: socket.socket) -> None:
        conn.settimeout(READ_TIMEOUT)
        data, last, in_job = b"", time.perf_counter(), False
        with contextlib.ExitStack() as stack:
            stack.enter_context(conn)
            while True:
                try:
                    chunk = conn.recv(65536)
                except OSError:
                    break
                if not chunk:
                    self._record(data, last, complete=True)
                    return
                last = time.perf_counter()
                if not in_job:
                    chunk = self._answer_status(conn, chunk)
                    in_job = bool(chunk)
                data += chunk
                if self.mode == "drop" and len(data) >= self.drop_after:
                    conn.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
                    self._record(data, last, complete=False)
                    return  # closing now sends a reset: the job is cut short

    def _answer_status(self, conn: socket.socket, chunk: bytes) -> bytes:
        while len(chunk) >= 3 and chunk[:2] == b"\x10\x04":
            if self.status != "silent":
                conn.sendall(status_answer(self.status, chunk[2]))
            chunk = chunk[3:]
        return chunk

    def _record(self, data: bytes, last: float, *, complete: bool) -> None:
        if not data:
            return  # a status query only
        with self._lock:
            self._jobs.append(ReceivedJob(data, last, complete))
            self._lock.notify_all()
