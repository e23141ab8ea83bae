"""python-escpos's printer profiles: cached in Comptoir's cache directory, nothing in /tmp."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from pos.hardware.escpos_cache import PICKLE_DIR_ENV, pickle_dir
from tests.cli.test_receipt_cli import db

ROOT = Path(__file__).resolve().parents[2]
__all__ = ["db"]  # the fixture: a shop whose T1-000001 exists


def run_cli(tmp_path: Path, db: str, *args: str,
            **extra: str) -> subprocess.CompletedProcess[str]:  # fmt: skip
    """`comptoir receipt show` of a document (rendering it loads python-escpos, on first use
    only: `pos.wiring.devices`) with a fresh, empty TMPDIR."""
    environ = {key: value for key, value in os.environ.items() if key != PICKLE_DIR_ENV}
    environ |= {"TMPDIR": str(tmp_path / "tmp"), "XDG_CACHE_HOME": str(tmp_path / "cache"),
                "COMPTOIR_DATA_DIR": str(tmp_path / "data"), **extra}  # fmt: skip
    command = [sys.executable, "-m", "pos", "receipt", "show", "T1-000001",
               "--db", db, *args]  # fmt: skip
    return subprocess.run(command, cwd=ROOT, env=environ, capture_output=True, text=True,
                          timeout=120)  # fmt: skip


def test_a_cli_run_leaves_nothing_in_a_fresh_tmpdir(tmp_path: Path, db: str) -> None:
    (tmp_path / "tmp").mkdir()

    first = run_cli(tmp_path, db)
    assert first.returncode == 0 and "T1-000001" in first.stdout, first.stderr
    assert list((tmp_path / "tmp").iterdir()) == []

    cached = pickle_dir(tmp_path / "cache" / "comptoir")
    [pickle] = cached.iterdir()  # no scratch folder left either
    assert pickle.name.endswith(".capabilities.pickle")
    written = pickle.stat().st_mtime_ns

    second = run_cli(tmp_path, db)  # loads the pickle instead of writing it again
    assert second.returncode == first.returncode
    assert list((tmp_path / "tmp").iterdir()) == []
    assert [p.name for p in cached.iterdir()] == [pickle.name]
    assert pickle.stat().st_mtime_ns == written


def test_a_pickle_folder_chosen_by_the_user_is_kept(tmp_path: Path, db: str) -> None:
    (tmp_path / "tmp").mkdir()
    chosen = tmp_path / "mine"
    chosen.mkdir()

    run_cli(tmp_path, db, **{PICKLE_DIR_ENV: str(chosen)})

    assert list((tmp_path / "tmp").iterdir()) == []
    assert [p.suffix for p in chosen.iterdir()] == [".pickle"]
    assert not (tmp_path / "cache" / "comptoir").exists()
