"""PINs leak nothing: no timing oracle on refused accounts, no PIN hash in any error text."""

from __future__ import annotations

import os
import subprocess
import sys
import traceback
from datetime import UTC, datetime

import pytest
from sqlalchemy import Engine, event, text
from sqlalchemy.engine import make_url
from sqlalchemy.exc import DBAPIError

from pos.db.engine import DatabaseUnavailableError, make_engine, make_sessions
from pos.domain.roles import Operator, Role
from pos.services import users as users_module
from pos.services.errors import UserDisabledError, WrongPinError
from pos.services.users import UserService
from tests.support.clock import FakeClock

HASH_MARK = "scrypt$"  # every stored PIN hash starts so (docs/security.md)
TRIES = 7


def users_on(engine: Engine) -> tuple[UserService, Operator]:
    # No lockout in the way: every wrong PIN of the measure must be checked the same way.
    service = UserService(sessions=make_sessions(engine), clock=FakeClock(datetime.now(UTC)),
                          max_failed_attempts=10_000)
    service.add_user(None, "admin", "Alex Admin", Role.ADMIN, "7391")
    admin = service.login("admin", "7391")
    for name in ("camille", "dora"):
        service.add_user(admin, name, name.title(), Role.CASHIER, "2580")
    service.disable(admin, "dora")
    return service, admin


def scrypt_checks(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Record each PIN check the user service makes (the real scrypt check still runs)."""
    seen: list[str] = []
    real = users_module.verify_pin

    def counted(pin: str, stored: str) -> bool:
        seen.append(stored.split("$", 1)[0])
        return real(pin, stored)

    monkeypatch.setattr(users_module, "verify_pin", counted)
    return seen


def test_a_disabled_account_answers_as_slowly_as_a_wrong_pin(
    engine: Engine, monkeypatch: pytest.MonkeyPatch
) -> None:
    """No timing oracle: a disabled account's refusal pays the same one scrypt check as a
    wrong PIN (counted, not timed: a loaded machine makes timings say nothing)."""
    service, _ = users_on(engine)
    checks = scrypt_checks(monkeypatch)
    with pytest.raises(WrongPinError):
        service.login("camille", "9146")
    wrong = list(checks)
    checks.clear()
    with pytest.raises(UserDisabledError):
        service.login("dora", "9146")
    disabled = list(checks)
    checks.clear()
    with pytest.raises(UserDisabledError):
        service.approve("dora", "9146", "over_threshold", "")
    assert wrong == disabled == checks == ["scrypt"], (wrong, disabled, checks)


def read_only(engine: Engine) -> None:
    """Every new connection of `engine` refuses writes, as a read-only database would."""
    sql = ("PRAGMA query_only = ON" if engine.dialect.name == "sqlite"
           else "SET default_transaction_read_only = on")

    @event.listens_for(engine, "connect")
    def _read_only(dbapi_connection, _record) -> None:  # type: ignore[no-untyped-def]
        cursor = dbapi_connection.cursor()
        cursor.execute(sql)
        cursor.close()
        if engine.dialect.name == "postgresql":
            dbapi_connection.commit()

    engine.dispose()


def test_a_failed_write_never_shows_the_pin_hash(db_url: str) -> None:
    engine = make_engine(db_url)
    service, _ = users_on(engine)
    read_only(engine)
    # The engine names the read-only refusal (DatabaseUnavailableError, the driver's error
    # chained to it); neither, nor the traceback of both, carries the hash.
    with pytest.raises((DBAPIError, DatabaseUnavailableError)) as failed:
        service.add_user(Operator.local_admin(), "newbie", "New", Role.CASHIER, "5937")
    shown = "".join(traceback.format_exception(failed.value))
    assert "read" in shown.lower()  # it is the read-only refusal…
    assert HASH_MARK not in shown and HASH_MARK not in repr(failed.value)  # …without the hash
    engine.dispose()


@pytest.mark.parametrize("backend", ["postgresql"], indirect=True)
def test_users_add_on_a_read_only_database_prints_no_pin_hash(db_url: str) -> None:
    engine = make_engine(db_url)
    users_on(engine)
    engine.dispose()
    name = make_url(db_url).database
    admin = make_engine(db_url.replace(f"/{name}", "/postgres"))
    with admin.connect() as c:
        c.execution_options(isolation_level="AUTOCOMMIT").execute(
            text(f"ALTER DATABASE {name} SET default_transaction_read_only = on"))
    admin.dispose()
    done = subprocess.run(
        [sys.executable, "-m", "pos", "users", "add", "newbie", "--name", "New", "--role",
         "cashier", "--pin-stdin", "--db", db_url], input="5937\n", capture_output=True,
        text=True, timeout=120, env={**os.environ, "PYTHONWARNINGS": "ignore"})
    assert done.returncode != 0
    assert "read-only" in done.stdout + done.stderr
    assert HASH_MARK not in done.stdout + done.stderr
