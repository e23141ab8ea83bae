"""Where Comptoir keeps its files (platformdirs) and which database it opens."""

from __future__ import annotations

import os
from pathlib import Path

import platformdirs

APP_NAME = "comptoir"
DATA_DIR_ENV = "COMPTOIR_DATA_DIR"  # overrides the platform's data directory (tests, kiosks)
PICTURES_DIR = "pictures"  # product pictures cached by the sync, under the data directory


def data_dir() -> Path:
    override = os.environ.get(DATA_DIR_ENV)
    path = Path(override) if override else Path(platformdirs.user_data_dir(APP_NAME, False))
    path.mkdir(parents=True, exist_ok=True)
    return path


def cache_dir() -> Path:
    """The user cache directory (``~/.cache/comptoir`` on Linux): may be emptied at any time."""
    return Path(platformdirs.user_cache_dir(APP_NAME, False))


def keep_escpos_out_of_tmp() -> None:
    """python-escpos's profile cache in `cache_dir`, not a new /tmp folder per process.

    Call before anything imports python-escpos (the app, the CLI, the tests do);
    `pos.hardware.escpos_cache` says why it takes an import hook.
    """
    from pos.hardware.escpos_cache import use_cache_dir  # noqa: PLC0415

    use_cache_dir(cache_dir())


def default_database_path() -> Path:
    return data_dir() / "comptoir.sqlite3"


def demo_database_path() -> Path:
    return data_dir() / "demo.sqlite3"
