"""PINs leak nothing: no timing oracle on refused accounts, no PIN hash in any error text."""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import time
import traceback
from collections.abc import Callable
from datetime import UTC, datetime

import pytest
from sqlalchemy import Engine, event, text
from sqlalchemy.engine import make_url
from sqlalchemy.exc import DBAPIError

from pos.db.engine import make_engine, make_sessions
from pos.domain.clock import FakeClock
from pos.domain.roles import Operator, Role
from pos.services.errors import ServiceError, UserDisabledError, WrongPinError
from pos.services.users import UserService

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


def median_seconds(attempt: Callable[[], object], expected: type[ServiceError]) -> float:
    times = []
    for _ in range(TRIES):
        start = time.perf_counter()
        with pytest.raises(expected):
            attempt()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def test_a_disabled_account_answers_as_slowly_as_a_wrong_pin(engine: Engine) -> None:
    service, _ = users_on(engine)
    wrong = median_seconds(lambda: service.login("camille", "9146"), WrongPinError)
    disabled = median_seconds(lambda: service.login("dora", "9146"), UserDisabledError)
    approval = median_seconds(lambda: service.approve("dora", "9146", "over_threshold", ""),
                              UserDisabledError)
    # Both pay one scrypt check (about 50 ms); before, a disabled account answered at once.
    assert disabled > 0.6 * wrong and approval > 0.6 * wrong, (disabled, approval, wrong)


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
    with pytest.raises(DBAPIError) as failed:  # as `comptoir users add` does it
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
