"""Test-wide fixtures: both database backends, an offscreen Qt platform, strict logging.

Every database test takes `db_url` (or `engine` / `sessions`) and runs twice: on a SQLite
file and on PostgreSQL. PostgreSQL is started by the suite itself (tests/support/postgres.py).
"""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from collections.abc import Iterator

import pytest
from hypothesis import HealthCheck, settings
from sqlalchemy import Engine

from pos.config import keep_escpos_out_of_tmp
from pos.db.engine import SessionFactory, make_engine, make_sessions
from tests.support import postgres
from tests.support.databases import DatabaseFactory
from tests.support.smtp import SmtpTestServer

keep_escpos_out_of_tmp()  # before any test imports python-escpos

BACKENDS = ("sqlite", "postgresql")

# Timing is not a property: database-backed examples may be slow on a loaded CI machine.
settings.register_profile("comptoir", deadline=None, print_blob=True,
                          suppress_health_check=[HealthCheck.function_scoped_fixture])
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "comptoir"))


@pytest.fixture(scope="session")
def postgres_server() -> Iterator[postgres.PostgresServer]:
    server = postgres.start()
    yield server
    server.stop()


@pytest.fixture(scope="session")
def database_factory(
    tmp_path_factory: pytest.TempPathFactory, request: pytest.FixtureRequest
) -> DatabaseFactory:
    return DatabaseFactory(
        tmp=tmp_path_factory.mktemp("databases"),
        pg_url=lambda: request.getfixturevalue("postgres_server").url,
    )


@pytest.fixture(params=BACKENDS)
def backend(request: pytest.FixtureRequest) -> str:
    return request.param


@pytest.fixture
def db_url(backend: str, database_factory: DatabaseFactory) -> str:
    """URL of a fresh, migrated, empty database on the test's backend."""
    return database_factory.new_url(backend)


@pytest.fixture
def engine(db_url: str) -> Iterator[Engine]:
    engine = make_engine(db_url)
    yield engine
    engine.dispose()


@pytest.fixture
def sessions(engine: Engine) -> SessionFactory:
    return make_sessions(engine)


@pytest.fixture
def smtp_server() -> Iterator[SmtpTestServer]:
    """A real SMTP server (aiosmtpd) on a free loopback port, collecting what it receives."""
    server = SmtpTestServer().start()
    yield server
    server.stop()
