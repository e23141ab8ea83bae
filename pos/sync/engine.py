"""The sync engine: one tick takes the sync lead, pulls from Wix, pushes the outbox and stock.

Plain Python and Qt-free (STYLE "sync threading"): the app's sync thread, the ``comptoir sync``
command and the benchmarks all call `SyncRunner.run_once`. Network trouble never raises: it
becomes an offline `SyncStatus` with the reason in plain words, and the queue waits.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import datetime, timedelta
from typing import Any

import httpx

from pos.db.engine import SessionFactory
from pos.db.sync_review import SyncLead
from pos.domain.clock import Clock
from pos.sync.client import (
    WixAmbiguousError,
    WixBusyError,
    WixClient,
    WixConfigError,
    WixError,
    WixResponseError,
    WixUnreachableError,
)
from pos.sync.pictures import PictureCache
from pos.sync.problems import BUSY, CONFIG, NO_ANSWER, REFUSED, UNREACHABLE, UNREADABLE, Problem
from pos.sync.pull import Puller
from pos.sync.push import Pusher
from pos.sync.status import SyncStatus, read_status, save_marks
from pos.sync.stock_push import StockPusher

log = logging.getLogger(__name__)

Progress = Callable[[str], None]
NETWORK_ERRORS = (WixAmbiguousError, WixBusyError, WixResponseError, httpx.HTTPError)


class SyncRunner:
    """Runs the sync once per call; owns its Wix client and the sync lead while it lives.

    Only the leader talks to Wix: on PostgreSQL the holder of an advisory lock (kept on a
    connection of its own until `close`), on SQLite always this runner. With `pictures`,
    product pictures are cached after each catalogue pull (a picture not fetched never fails
    the tick).
    """

    def __init__(
        self,
        *,
        sessions: SessionFactory,
        clock: Clock,
        client_factory: Callable[[], WixClient],
        pull_every: timedelta = timedelta(minutes=15),
        push_limit: int = 50,
        progress: Progress | None = None,
        pictures: PictureCache | None = None,
    ) -> None:
        self._sessions, self._clock, self._client_factory = sessions, clock, client_factory
        self._pictures = pictures  # refreshed after each catalogue pull
        self._pull_every, self._push_limit = pull_every, push_limit
        self._progress = progress or (lambda _text: None)
        self._lead = SyncLead(sessions)
        self._leader = False
        self._client: WixClient | None = None
        self._last_full_pull: datetime | None = None
        self.notes: list[str] = []  # what the last run skipped or noticed, in plain words
        self.reports: dict[str, Any] = {}  # the last run's report per step

    def run_once(self) -> SyncStatus:
        """One sync tick: lead, pull, push, stock; never raises for network trouble.

        Returns:
            The status after the tick (``leader`` False: another terminal syncs).
        """
        self.notes, self.reports = [], {}
        self._leader = self._lead.acquire()
        if not self._leader:
            self.notes.append("another terminal holds the sync lead; this one only waits")
            return self.status()
        try:
            self._tick()
        except WixConfigError as error:
            self._failed(str(error), Problem(CONFIG, {"detail": str(error)}), online=False)
        except NETWORK_ERRORS as error:
            self._drop_client()
            self._failed(*self._offline_words(error), online=False)
        except WixError as error:  # a refusal: Wix answered, but said no (e.g. a bad key)
            self._failed(error.message, Problem(REFUSED, {"detail": error.message}), online=True)
        return self.status()

    def status(self) -> SyncStatus:
        """The status from the database only (no network): cheap enough for the UI."""
        return read_status(self._sessions, leader=self._leader)

    def close(self) -> None:
        """Close the Wix client and give the sync lead up."""
        self._drop_client()
        self._lead.release()
        self._leader = False

    def __enter__(self) -> SyncRunner:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # ------------------------------------------------------------------ the tick

    def _tick(self) -> None:
        client = self._get_client()
        self._pull(client)
        save_marks(self._sessions, self._clock, {"last_pull_at": self._now()})
        self._push(client)
        self._progress("stock: pushing counter stock changes")
        report = StockPusher(client=client, sessions=self._sessions, clock=self._clock).run_once()
        self.reports["stock"] = report
        self.notes.extend(report.notes)
        save_marks(
            self._sessions,
            self._clock,
            {"last_push_at": self._now(), "online": "1", "last_error": "", "last_error_code": ""},
        )

    def _pull(self, client: WixClient) -> None:
        """Pull catalogue and stock every `pull_every`, orders every tick."""
        puller = Puller(client=client, sessions=self._sessions, clock=self._clock)
        now = self._clock.now()
        if self._last_full_pull is None or now - self._last_full_pull >= self._pull_every:
            self._progress("pull: catalogue")
            self.reports["catalog"] = puller.pull_catalog()
            if self._pictures is not None:
                self._progress("pull: pictures")
                pictures = self.reports["pictures"] = self._pictures.refresh(self._sessions)
                if pictures.failed:
                    self.notes.append(f"{pictures.failed} product picture(s) could not be "
                                      "fetched; the counter shows a placeholder until the "
                                      "next catalogue pull fetches them")  # fmt: skip
            self._progress("pull: stock")
            self.reports["stock_pull"] = puller.pull_stock()
            self._last_full_pull = now
        self._progress("pull: orders")
        self.reports["orders"] = puller.pull_orders()

    def _push(self, client: WixClient) -> None:
        self._progress("push: counter documents")
        pusher = Pusher(client=client, sessions=self._sessions, clock=self._clock)
        self.reports["push"] = pusher.run_once(limit=self._push_limit)

    # ------------------------------------------------------------------ helpers

    def _get_client(self) -> WixClient:
        if self._client is None:
            self._client = self._client_factory()
        return self._client

    def _drop_client(self) -> None:
        """Forget the client after network trouble: the next tick starts a fresh one."""
        client, self._client = self._client, None
        if client is not None:
            client.close()

    def _failed(self, words: str, problem: Problem, *, online: bool) -> None:
        """Record the problem: English words (log, CLI) and its code for the screen's language."""
        log.info("sync: %s", words)
        save_marks(self._sessions, self._clock, {"online": "1" if online else "0",
                   "last_error": words, "last_error_code": problem.encode()})  # fmt: skip

    def _offline_words(self, error: Exception) -> tuple[str, Problem]:
        waiting = self.status().pending
        changes = f"{waiting} change waits" if waiting == 1 else f"{waiting} changes wait"
        if isinstance(error, WixUnreachableError) or isinstance(error, httpx.TransportError):
            return (
                f"Wix cannot be reached (no network?) — {changes} and will be sent when it is back",
                Problem(UNREACHABLE, {"pending": waiting}),
            )
        if isinstance(error, WixBusyError):
            return (f"Wix asks Comptoir to slow down (too busy) — {changes} and will be sent "
                    "shortly", Problem(BUSY, {"pending": waiting}))  # fmt: skip
        if isinstance(error, WixResponseError):
            return (f"Wix answered with something Comptoir cannot read — {changes}",
                    Problem(UNREADABLE, {"pending": waiting}))  # fmt: skip
        reason = error.message if isinstance(error, WixError) else "no answer"
        return (
            f"Wix did not answer properly ({reason}) — {changes}; anything unanswered is "
            "checked on Wix before it is sent again",
            Problem(NO_ANSWER, {"pending": waiting, "detail": reason}),
        )

    def _now(self) -> str:
        return self._clock.now().isoformat()
