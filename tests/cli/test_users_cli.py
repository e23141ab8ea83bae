"""`comptoir users …` and `comptoir audit verify` on a SQLite file, PINs from stdin or getpass."""

from __future__ import annotations

import io
import sqlite3
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

import pytest

from pos.cli import main
from pos.db.engine import make_engine, make_sessions
from pos.services.errors import PinLockedError, WrongPinError
from pos.services.users import UserService
from tests.support.clock import FakeClock

Run = Callable[..., tuple[int, str, str]]


@pytest.fixture
def db(tmp_path: Path) -> str:
    path = str(tmp_path / "shop.sqlite3")
    assert main(["db", "upgrade", "--db", path]) == 0  # only db upgrade makes a new shop
    return path


@pytest.fixture
def run(db: str, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> Run:
    def run(*argv: str, stdin: str = "") -> tuple[int, str, str]:
        monkeypatch.setattr("sys.stdin", io.StringIO(stdin))
        code = main([*argv, "--db", db])
        out, err = capsys.readouterr()
        return code, out, err

    return run


def service(db: str) -> UserService:
    return UserService(sessions=make_sessions(make_engine(db)), clock=FakeClock(datetime.now(UTC)))


def test_add_and_list(run: Run) -> None:
    assert run("users", "add", "alice", "--name", "Alice Martin", "--role", "admin",
               "--pin-stdin", stdin="40718\n") == (0, "user alice added (admin)\n", "")  # fmt: skip
    code, _, _ = run("users", "add", "Camille", "--name", "Camille", "--role", "cashier",
                     "--pin-stdin", stdin="2580\n")  # fmt: skip
    assert code == 0
    code, out, _ = run("users", "list")
    lines = out.splitlines()
    assert code == 0
    assert lines[0].split() == ["Username", "Name", "Role", "Active", "Locked", "until", "(UTC)"]
    assert lines[1].split() == ["alice", "Alice", "Martin", "admin", "yes", "-"]
    assert lines[2].split() == ["camille", "Camille", "cashier", "yes", "-"]
    assert lines[-1] == "2 users"


def test_pin_is_asked_twice_with_getpass(
    run: Run, db: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    answers = iter(["40718", "40718", "2580", "2581"])
    monkeypatch.setattr("getpass.getpass", lambda prompt="": next(answers))
    assert run("users", "add", "alice", "--name", "Alice", "--role", "admin")[0] == 0
    assert service(db).login("alice", "40718").username == "alice"
    code, _, err = run("users", "add", "bob", "--name", "Bob", "--role", "cashier")
    assert code == 1 and err == "error: the two PINs differ\n"


def test_set_pin_disable_enable(run: Run, db: str) -> None:
    run("users", "add", "alice", "--name", "Alice", "--role", "admin", "--pin-stdin",
        stdin="40718\n")  # fmt: skip
    run("users", "add", "camille", "--name", "Camille", "--role", "cashier", "--pin-stdin",
        stdin="2580\n")  # fmt: skip
    assert run("users", "set-pin", "camille", "--pin-stdin", stdin="3691\n")[0] == 0
    users = service(db)
    assert users.login("camille", "3691").username == "camille"
    assert run("users", "disable", "camille") == (0, "user camille disabled\n", "")
    assert run("users", "list")[1].splitlines()[2].split() == [
        "camille",
        "Camille",
        "cashier",
        "no",
        "-",
    ]
    assert run("users", "enable", "camille")[0] == 0
    code, _, err = run("users", "disable", "alice")
    assert code == 1 and "last active administrator" in err


def test_refusals_exit_1_without_echoing_the_pin(run: Run) -> None:
    code, out, err = run("users", "add", "alice", "--name", "Alice", "--role", "admin",
                         "--pin-stdin", stdin="5555\n")  # fmt: skip
    assert code == 1 and out == "" and "5555" not in err
    assert err == "error: the PIN must be 4 to 8 digits, not too easy to guess (trivial)\n"
    code, _, err = run("users", "set-pin", "nobody", "--pin-stdin", stdin="3691\n")
    assert (code, err) == (1, "error: no user called nobody\n")
    code, _, err = run("users", "add", "bob", "--name", "Bob", "--role", "admin", "--pin-stdin")
    assert (code, err) == (1, "error: no PIN on standard input\n")
    with pytest.raises(SystemExit):
        run("users", "add", "bob", "--name", "Bob", "--role", "owner", "--pin-stdin")


def test_list_shows_the_lockout(run: Run, db: str) -> None:
    run("users", "add", "alice", "--name", "Alice", "--role", "admin", "--pin-stdin",
        stdin="40718\n")  # fmt: skip
    users = service(db)
    for _ in range(5):
        with pytest.raises((WrongPinError, PinLockedError)):
            users.login("alice", "9999")
    row = run("users", "list")[1].splitlines()[1]
    assert row.startswith("alice") and row.split()[-2][:4] == str(datetime.now(UTC).year)


def test_audit_verify_reports_intact_then_the_broken_entry(run: Run, db: str) -> None:
    run("users", "add", "alice", "--name", "Alice", "--role", "admin", "--pin-stdin",
        stdin="40718\n")  # fmt: skip
    run("users", "set-pin", "alice", "--pin-stdin", stdin="51739\n")
    code, out, _ = run("audit", "verify")
    assert code == 0 and out.splitlines()[0] == "audit chain intact: 2 entries"
    with sqlite3.connect(db) as connection:
        rows = connection.execute("SELECT id, actor_id, data FROM audit_entries ORDER BY id")
        assert [(r[1], '"actor":"cli"' in r[2].replace(" ", "")) for r in rows] == [
            (None, True),
            (None, True),
        ]
        connection.execute("UPDATE audit_entries SET action = 'nothing' WHERE id = 2")
    code, out, err = run("audit", "verify")
    assert code == 1 and out == ""
    assert err.startswith("audit chain broken at entry 2: its content no longer matches")
