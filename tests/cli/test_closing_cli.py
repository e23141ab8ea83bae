"""`comptoir report`, `cash`, `archive` and `audit verify` from a shell, on both databases."""

from __future__ import annotations

import json
import stat
import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest
from sqlalchemy import delete, update

from pos.cli import main
from pos.db.engine import make_engine, make_sessions
from pos.db.records import CashSessionRecord, ClosureRecord
from pos.domain.shop_identity import ShopIdentity
from pos.services.shop import ShopService
from pos.services.users import UserService
from tests.support.clock import FakeClock
from tests.support.closing import cash_refund
from tests.support.shop import NOW, build_shop

Run = Callable[..., tuple[int, str, str]]


@pytest.fixture
def db(db_url: str) -> str:
    engine = make_engine(db_url)
    cash_refund(build_shop(make_sessions(engine)), "80001")  # T1-000001, 29.90 in cash
    engine.dispose()
    return db_url


@pytest.fixture
def run(db: str, tmp_path: Path, capsys: pytest.CaptureFixture[str],
        monkeypatch: pytest.MonkeyPatch) -> Run:
    monkeypatch.setenv("COMPTOIR_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.setenv("PYTHON_KEYRING_BACKEND", "keyring.backends.fail.Keyring")
    monkeypatch.setenv("COMPTOIR_TERMINAL", "T1")
    monkeypatch.delenv("COMPTOIR_PRINTER", raising=False)

    def run(*argv: str, db_option: bool = True) -> tuple[int, str, str]:
        code = main([*argv, "--db", db] if db_option else list(argv))
        out, err = capsys.readouterr()
        return code, out, err

    return run


def test_a_day_from_the_command_line(run: Run, tmp_path: Path) -> None:
    code, out, _ = run("report", "x", "--json")
    assert code == 0 and json.loads(out)["report"]["documents"] == 1
    code, _, err = run("report", "z")
    assert code == 1 and "still open" in err
    code, out, _ = run("cash", "count", "100=1", "50=1", "20=1", "0.10=1", "--json")
    assert code == 0 and json.loads(out) == {
        "counted": 17010, "expected": 17010, "variance": 0, "currency": "EUR",
        "needs_manager": False, "closed": False}
    assert run("cash", "close", "100=1", "50=1", "20=1", "0.10=1")[0] == 0
    code, out, _ = run("report", "z", "--json")
    z = json.loads(out)
    assert code == 0 and (z["number"], z["report"]["documents"]) == (1, 1)
    assert z["report"]["net"] == {"EUR": -2990}
    code, out, err = run("report", "z", "--lang", "en", "--print")  # an empty Z is still a Z
    assert code == 0 and "Z REPORT - CLOSURE" in out and "Closure no." in out
    assert "closure 2 printed on virtual" in err
    assert run("cash", "open", "--float", "150")[0] == 0
    assert run("cash", "move", "out", "12,50", "--reason", "timbres")[0] == 0
    code, out, _ = run("cash", "status", "--json")
    assert code == 0 and json.loads(out)["expected"] == 15000 - 1250
    assert run("cash", "move", "out", "abc", "--reason", "x")[0] == 2
    assert run("cash", "move", "out", "5", "--reason", " ")[0] == 1
    # The key was made at the first Z: a file only its user can read (no keyring here).
    key_file = tmp_path / "data" / "closing-key.pem"
    assert stat.S_IMODE(key_file.stat().st_mode) == 0o600
    code, out, _ = run("report", "key", db_option=False)
    assert code == 0 and out.strip() == z["public_key"]


def test_periods_archives_and_verify(run: Run, db: str, tmp_path: Path) -> None:
    run("cash", "close", "100=1", "50=1", "20=1", "0.10=1")
    z = json.loads(run("report", "z", "--json")[1])
    code, out, _ = run("report", "month", z["period"][:7], "--json")
    assert code == 0 and json.loads(out)["number"] == 2
    assert run("report", "month", z["period"][:7])[0] == 1  # closed once
    assert run("report", "month", "2026-13")[0] == 1
    # The documents were taken on the fixture's day (2026-11-20); the Z is today's.
    code, out, _ = run("archive", "export", "--period", "2026-11", "--out",
                       str(tmp_path / "out"))
    assert code == 0
    archive = Path(out.strip())
    code, out, _ = run("archive", "verify", str(archive), db_option=False)
    assert code == 0 and "intact" in out
    with zipfile.ZipFile(archive) as original:
        members = {name: original.read(name) for name in original.namelist()}
    members["tenders.csv"] = members["tenders.csv"].replace(b"2990", b"2900")
    with zipfile.ZipFile(archive, "w") as altered:
        for name, data in members.items():
            altered.writestr(name, data)
    code, _, err = run("archive", "verify", str(archive), db_option=False)
    assert code == 1 and "tenders.csv, row 1: row changed" in err
    (tmp_path / "junk.zip").write_bytes(b"junk")
    assert run("archive", "verify", str(tmp_path / "junk.zip"), db_option=False)[0] == 2
    code, out, _ = run("audit", "verify")
    assert code == 0 and "closures intact: 2" in out
    engine = make_engine(db)
    with make_sessions(engine).begin() as s:
        s.execute(update(CashSessionRecord).values(closure_id=None))
        s.execute(delete(ClosureRecord).where(ClosureRecord.number == 2))
    engine.dispose()
    code, _, err = run("audit", "verify")
    assert code == 1 and "closure 2 was removed" in err


def test_unusable_arguments_exit_2(run: Run) -> None:
    code, _, err = run("report", "x", "--date", "20/11/2026")
    assert code == 2 and "not a date" in err
    assert run("cash", "count", "50-2")[0] == 2


def test_the_slips_are_headed_by_the_shops_identity(run: Run, db: str) -> None:
    engine = make_engine(db)
    sessions = make_sessions(engine)
    admin = UserService(sessions=sessions, clock=FakeClock(NOW)).login("admin", "7391")
    ShopService(sessions=sessions, clock=FakeClock(NOW), default=ShopIdentity("x")).save(
        admin, ShopIdentity("Boutique Lumière", "12 rue des Lilas", "", "73282932000074"))
    engine.dispose()
    code, out, _ = run("report", "x")
    assert code == 0
    assert out.splitlines()[:3] == ["Boutique Lumière".center(42).rstrip(),
                                    "12 rue des Lilas".center(42).rstrip(),
                                    "SIRET 73282932000074".center(42).rstrip()]  # fmt: skip
