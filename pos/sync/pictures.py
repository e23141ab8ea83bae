"""Product pictures cached on disk for the counter, refreshed after each catalogue pull.

Wix serves a product's main picture from its media host (``static.wixstatic.com``): public,
no credentials, not the API's rate limit. Each URL is fetched once into
``<data dir>/pictures/<pos.domain.pictures.picture_file_name(url)>``, written atomically
(a temporary file, then a rename), and removed when no product uses it any more. A picture
that cannot be fetched (offline, 404, not an image, too big) is simply missing: the counter
shows a placeholder, and the next refresh tries again. Nothing here ever raises to the sync.
"""

from __future__ import annotations

import logging
import os
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import httpx

from pos.db import sync_state
from pos.db.engine import SessionFactory
from pos.domain.pictures import picture_file_name

log = logging.getLogger(__name__)

MAX_BYTES = 5_000_000  # a product photo; anything bigger is not what the counter needs
TIMEOUT = httpx.Timeout(10.0, connect=5.0)


@dataclass(frozen=True, slots=True)
class PictureReport:
    """What one refresh did: pictures fetched, already there, failed, files removed."""

    fetched: int
    cached: int
    failed: int
    removed: int


class PictureCache:
    """Keeps one file per product picture URL in `directory`.

    Args:
        directory: Where the pictures live (created when missing).
        client_factory: Makes the HTTP client (tests pass one on the fake Wix's loopback).
    """

    def __init__(
        self, directory: Path, *, client_factory: Callable[[], httpx.Client] | None = None
    ) -> None:
        self.directory = directory
        self._client_factory = client_factory or (
            lambda: httpx.Client(timeout=TIMEOUT, follow_redirects=True)
        )

    def refresh(self, sessions: SessionFactory) -> PictureReport:
        """Fetch the pictures not cached yet, remove the ones no product uses."""
        with sessions() as s:
            urls = sync_state.picture_urls(s)
        wanted = {picture_file_name(url): url for url in urls if url}
        try:
            self.directory.mkdir(parents=True, exist_ok=True)
        except OSError as error:
            log.warning("pictures: cannot create %s: %s", self.directory, error)
            return PictureReport(0, 0, len(wanted), 0)
        removed = self._prune(set(wanted))
        missing = {name: url for name, url in wanted.items()
                   if not (self.directory / name).is_file()}  # fmt: skip
        fetched = failed = 0
        if missing:
            with self._client_factory() as client:
                for name, url in sorted(missing.items()):
                    if self._fetch(client, url, self.directory / name):
                        fetched += 1
                    else:
                        failed += 1
        return PictureReport(fetched, len(wanted) - len(missing), failed, removed)

    def _fetch(self, client: httpx.Client, url: str, target: Path) -> bool:
        try:
            with client.stream("GET", url) as answer:
                kind = answer.headers.get("Content-Type", "")
                if answer.status_code != 200 or not kind.startswith("image/"):
                    log.info("pictures: %s answered %s (%s)", url, answer.status_code, kind)
                    return False
                data = bytearray()
                for chunk in answer.iter_bytes():
                    data += chunk
                    if len(data) > MAX_BYTES:
                        log.info("pictures: %s is larger than %d bytes", url, MAX_BYTES)
                        return False
        except httpx.HTTPError as error:
            log.info("pictures: %s not fetched: %s", url, type(error).__name__)
            return False
        return self._write(target, bytes(data))

    def _write(self, target: Path, data: bytes) -> bool:
        try:
            handle, temporary = tempfile.mkstemp(dir=self.directory, suffix=".part")
            with os.fdopen(handle, "wb") as out:
                out.write(data)
            os.replace(temporary, target)
        except OSError as error:
            log.warning("pictures: cannot write %s: %s", target, error)
            return False
        return True

    def _prune(self, keep: set[str]) -> int:
        removed = 0
        for path in self.directory.iterdir():
            if path.is_file() and path.name not in keep:
                try:
                    path.unlink()
                    removed += 1
                except OSError:
                    pass
        return removed
