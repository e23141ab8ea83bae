"""Where a product's picture is cached on disk: one file per picture URL (pure naming).

The sync writes it (`pos.sync.pictures`), the catalogue search hands its path to the counter
(`pos.services.catalogue_search`); both name it here, so they always agree.
"""

from __future__ import annotations

import hashlib
from pathlib import PurePosixPath
from urllib.parse import urlsplit

SUFFIXES = (".jpg", ".jpeg", ".png", ".webp", ".gif")


def picture_file_name(url: str) -> str:
    """A stable file name for the picture at `url` ("3f2a….png"); a new URL, a new file.

    A new picture on Wix gets a new URL, so a cached file never goes stale: it is fetched
    once, and removed when no product points at its URL any more.
    """
    digest = hashlib.sha256(url.encode("utf-8")).hexdigest()[:32]
    suffix = PurePosixPath(urlsplit(url).path).suffix.lower()
    return digest + (suffix if suffix in SUFFIXES else ".img")
