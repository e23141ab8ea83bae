"""Every sub-command on every kind of broken database: one sentence, exit 2, nothing created.

The sub-commands are read from the parser (`pos/cli/__init__.py`), so a new one without a
line in `ARGUMENTS` (or `NO_DATABASE`) fails here. 37 sub-commands x 12 broken databases,
less the two commands that may make a missing or empty file a new shop (db upgrade,
demo-data): 440 cases; and the others on an empty PostgreSQL database.
"""

from __future__ import annotations

import argparse
import io
import os
import socket
import sqlite3
import subprocess
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from sqlalchemy import inspect, text
from sqlalchemy.engine import make_url

from pos.cli import build_parser, main
from pos.db.engine import make_engine
from pos.db.migrate import HEAD
from pos.db.opening import open_shop
from tests.support.postgres import PostgresServer

# Each sub-command with arguments that would let it run on a good shop.
ARGUMENTS: dict[str, list[str]] = {
    "db upgrade": [],
    "search": ["martin"],
    "demo-data": ["--orders", "1", "--seed", "3"],
    "users add": ["alice", "--name", "Alice", "--role", "admin", "--pin-stdin"],
    "users list": [],
    "users set-pin": ["alice", "--pin-stdin"],
    "users disable": ["alice"],
    "users enable": ["alice"],
    "audit verify": [],
    "stock show": ["TS-M"],
    "stock adjust": ["TS-M", "3", "--reason", "counted"],
    "stock list-inspection": [],
    "stock settle": ["1", "restock"],
    "mail send": [],
    "mail status": [],
    "receipt show": ["T1-000001"],
    "receipt print": ["T1-000001"],
    "sync": ["--once"],
    "sync status": [],
    "sync review": [],
    "gift-card register": ["PAPER0001", "25.00", "--currency", "EUR"],
    "gift-card balance": ["PAPER0001"],
    "requests list": [],
    "requests show": ["1"],
    "requests approve": ["1"],
    "requests reject": ["1", "--reason", "worn"],
    "report x": [],
    "report z": [],
    "report day": ["2026-11-20"],
    "report month": ["2026-11"],
    "report year": ["2026"],
    "cash open": ["--float", "100.00"],
    "cash move": ["out", "5.00", "--reason", "stamps"],
    "cash count": ["20=3"],
    "cash close": ["20=3"],
    "cash status": [],
    "archive export": ["--period", "2026-11", "--out", "archives"],
}
CREATING = {"db upgrade", "demo-data"}  # may make a missing SQLite file into a new shop
NO_DATABASE = {"report key", "archive verify"}  # the signing key, an archive file: no --db


def leaf_commands(parser: argparse.ArgumentParser, prefix: str = "") -> list[str]:
    """Every runnable command line under `parser`, e.g. "users add", "sync"."""
    found = [prefix] if prefix and parser.get_default("handler") is not None else []
    for action in parser._actions:  # argparse offers no public walk of its sub-parsers
        if isinstance(action, argparse._SubParsersAction):
            for name, child in action.choices.items():
                found += leaf_commands(child, f"{prefix} {name}".strip())
    return found


@dataclass
class Broken:
    """A broken database: its `--db` and the folder to watch."""

    url: str
    folder: Path


def read_only(path: Path) -> None:
    """Make `path` read-only, for root too (immutable: root ignores permission bits)."""
    path.chmod(0o555 if path.is_dir() else 0o444)
    if os.geteuid() == 0 and subprocess.run(["chattr", "+i", str(path)],
                                            capture_output=True).returncode != 0:  # fmt: skip
        pytest.skip("running as root without chattr: nothing is read-only for root")


def _shop_file(folder: Path, name: str = "shop.sqlite3") -> Path:
    path = folder / name
    engine = open_shop(str(path), create=True)
    with engine.connect() as connection:
        connection.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    engine.dispose()
    for extra in folder.glob(f"{name}-*"):
        extra.unlink()
    return path


def _corrupt_pages(path: Path) -> None:
    data = bytearray(path.read_bytes())
    for page in range(4096, len(data), 4096):  # every page's b-tree header but the first
        data[page : page + 64] = b"\xa5" * 64
    path.write_bytes(bytes(data))


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def _make(kind: str, tmp: Path) -> Broken:  # noqa: PLR0911 - one branch per kind
    if kind == "random bytes":
        (tmp / "shop.sqlite3").write_bytes(os.urandom(16384))
        return Broken(str(tmp / "shop.sqlite3"), tmp)
    if kind == "corrupt pages":
        _corrupt_pages(_shop_file(tmp))
        return Broken(str(tmp / "shop.sqlite3"), tmp)
    if kind == "header only":
        (tmp / "shop.sqlite3").write_bytes(_shop_file(tmp, "good.sqlite3").read_bytes()[:100])
        (tmp / "good.sqlite3").unlink()
        return Broken(str(tmp / "shop.sqlite3"), tmp)
    if kind == "a directory":
        (tmp / "shop.sqlite3").mkdir()
        return Broken(str(tmp / "shop.sqlite3"), tmp)
    if kind == "read-only file":
        read_only(_shop_file(tmp))
        return Broken(str(tmp / "shop.sqlite3"), tmp)
    if kind == "read-only directory":
        _shop_file(tmp)
        read_only(tmp)
        return Broken(str(tmp / "shop.sqlite3"), tmp)
    if kind == "postgresql, nothing listening":
        return Broken(f"postgresql://pos:secret@127.0.0.1:{_free_port()}/shop", tmp)
    if kind == "unresolvable host":
        return Broken("postgresql://pos:secret@no-such-host.invalid/shop", tmp)
    if kind == "mysql":
        return Broken("mysql://pos:secret@127.0.0.1/shop", tmp)
    if kind == "missing file":
        return Broken(str(tmp / "shop.sqlite3"), tmp)
    if kind == "empty file":
        (tmp / "shop.sqlite3").touch()
        return Broken(str(tmp / "shop.sqlite3"), tmp)
    assert kind == "missing folder"
    return Broken(str(tmp / "no" / "such" / "shop.sqlite3"), tmp)


KINDS = ("random bytes", "corrupt pages", "header only", "a directory", "read-only file",
         "read-only directory", "postgresql, nothing listening", "unresolvable host", "mysql",
         "missing file", "empty file", "missing folder")  # fmt: skip
CASES = [
    pytest.param(command, kind, id=f"{command}-{kind}")
    for command in ARGUMENTS
    for kind in KINDS
    if not (kind in ("missing file", "empty file") and command in CREATING)
]


@pytest.fixture
def scratch(tmp_path: Path) -> Iterator[Path]:
    """A folder for the broken database, made writable again afterwards."""
    yield tmp_path
    for path in (tmp_path, *tmp_path.rglob("*")):
        if os.geteuid() == 0:
            subprocess.run(["chattr", "-i", str(path)], capture_output=True)
        path.chmod(0o777 if path.is_dir() else 0o666)


@pytest.fixture
def environment(monkeypatch: pytest.MonkeyPatch, scratch: Path) -> None:
    """Settings that let `mail send` and `sync` reach the database (no keyring, no network)."""
    monkeypatch.chdir(scratch)
    monkeypatch.setattr("sys.stdin", io.StringIO("40718\n40718\n"))
    monkeypatch.setattr("pos.sync.credentials.keyring.get_password", lambda *_: None)
    monkeypatch.delenv("COMPTOIR_DATABASE_URL", raising=False)
    for name, value in {"WIX_API_KEY": "key", "WIX_SITE_ID": "site",
                        "WIX_BASE_URL": "http://127.0.0.1:9", "SMTP_HOST": "127.0.0.1",
                        "SMTP_PORT": "9", "SMTP_STARTTLS": "false",
                        "SMTP_FROM": "shop@example.fr"}.items():  # fmt: skip
        monkeypatch.setenv(f"COMPTOIR_{name}", value)


def test_every_sub_command_is_covered() -> None:
    assert sorted(leaf_commands(build_parser(()))) == sorted([*ARGUMENTS, *NO_DATABASE])
    assert len(CASES) == 12 * len(ARGUMENTS) - 2 * len(CREATING)


Run = Callable[[list[str]], tuple[int, str, str]]


@pytest.mark.parametrize(("command", "kind"), CASES)
def test_a_broken_database_is_one_sentence_and_exit_2(
    command: str, kind: str, scratch: Path, environment: None,
    capsys: pytest.CaptureFixture[str],
) -> None:  # fmt: skip
    broken = _make(kind, scratch)
    before = {path: path.stat().st_mtime_ns for path in scratch.rglob("*")}
    code = main([*command.split(), *ARGUMENTS[command], "--db", broken.url])
    out, err = capsys.readouterr()
    assert "Traceback" not in out + err
    assert code == 2, (out, err)
    # No database, backup, journal or folder was created; nothing was written to.
    assert {path: path.stat().st_mtime_ns for path in scratch.rglob("*")} == before
    lines = err.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith(f"comptoir {command}: "), err
    assert "secret" not in err


@pytest.mark.parametrize("command", sorted(set(ARGUMENTS) - CREATING))
def test_an_empty_postgresql_database_is_no_shop(
    command: str, postgres_server: PostgresServer, environment: None,
    capsys: pytest.CaptureFixture[str],
) -> None:  # fmt: skip
    admin = make_engine(postgres_server.url).execution_options(isolation_level="AUTOCOMMIT")
    name = f"empty_{abs(hash(command))}"
    with admin.connect() as c:
        c.execute(text(f"DROP DATABASE IF EXISTS {name}"))
        c.execute(text(f"CREATE DATABASE {name}"))
    url = make_url(postgres_server.url).set(database=name).render_as_string(hide_password=False)
    try:
        code = main([*command.split(), *ARGUMENTS[command], "--db", url])
        err = capsys.readouterr().err
        assert (code, err.count("\n")) == (2, 1)
        assert "holds no Comptoir shop" in err and "Traceback" not in err
        probe = make_engine(url)
        with probe.connect() as c:
            assert not inspect(c).get_table_names()  # nothing was created in it
        probe.dispose()
    finally:
        with admin.connect() as c:
            c.execute(text(f"DROP DATABASE {name} WITH (FORCE)"))
        admin.dispose()


@pytest.mark.parametrize("command", ["audit verify", "users list", "search", "stock show"])
def test_a_failure_the_wrapper_does_not_know_by_name_is_still_one_sentence(
    command: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # Stamped as a current shop, but its tables are gone: SQLite says "no such table".
    path = tmp_path / "shop.sqlite3"
    with sqlite3.connect(path) as connection:
        connection.execute("CREATE TABLE alembic_version (version_num VARCHAR(32) NOT NULL)")
        connection.execute("INSERT INTO alembic_version VALUES (?)", (HEAD,))
    code = main([*command.split(), *ARGUMENTS[command], "--db", str(path)])
    err = capsys.readouterr().err
    assert (code, err.count("\n"), "Traceback" in err) == (2, 1, False)
    assert err.startswith(f"comptoir {command}: the database {path} failed (")
    assert "failed (no such table: " in err and err.rstrip().endswith("restore its latest backup")
