"""`comptoir db upgrade` and how the database URL is chosen."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from pos.cli import main
from pos.db.engine import normalise_url, resolve_url
from pos.db.migrate import backup_sqlite


def test_db_upgrade_creates_then_reports_current(tmp_path: Path,
                                                 capsys: pytest.CaptureFixture[str]) -> None:
    db = tmp_path / "shop.sqlite3"
    assert main(["db", "upgrade", "--db", str(db)]) == 0
    assert "upgraded from empty" in capsys.readouterr().out
    assert main(["db", "upgrade", "--db", str(db)]) == 0
    assert "already at the current schema" in capsys.readouterr().out
    with sqlite3.connect(db) as connection:
        assert connection.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        tables = {row[0] for row in connection.execute("SELECT name FROM sqlite_master")}
    assert {"orders", "order_search", "outbox_messages", "audit_entries"} <= tables


def test_backup_copies_a_consistent_database(tmp_path: Path) -> None:
    db = tmp_path / "shop.sqlite3"
    with sqlite3.connect(db) as connection:
        connection.execute("CREATE TABLE t (x)")
        connection.execute("INSERT INTO t VALUES (42)")
    backup = backup_sqlite(db)
    assert backup != db and backup.parent == db.parent
    with sqlite3.connect(backup) as connection:
        assert connection.execute("SELECT x FROM t").fetchone() == (42,)


def test_url_comes_from_flag_then_environment_then_default(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    default = tmp_path / "default.sqlite3"
    monkeypatch.delenv("COMPTOIR_DATABASE_URL", raising=False)
    assert resolve_url(None, default) == f"sqlite:///{default}"
    monkeypatch.setenv("COMPTOIR_DATABASE_URL", "postgresql://pos@db.local/shop")
    assert resolve_url(None, default) == "postgresql+psycopg://pos@db.local/shop"
    assert resolve_url(str(tmp_path / "x.db"), default) == f"sqlite:///{tmp_path / 'x.db'}"
    assert normalise_url("sqlite:///a.db") == "sqlite:///a.db"
