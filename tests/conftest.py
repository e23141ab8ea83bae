"""Test-wide fixtures: both database backends, an offscreen Qt platform, strict logging.

Every database test takes `db_url` (or `engine` / `sessions`) and runs twice: on a SQLite
file and on PostgreSQL. PostgreSQL is started by the suite itself (tests/support/postgres.py).
"""

from __future__ import annotations

import gc
import os
import sys

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from collections.abc import Generator, Iterator

import pytest
from hypothesis import HealthCheck, settings
from sqlalchemy import Engine

from pos.config import keep_escpos_out_of_tmp
from pos.db.engine import SessionFactory, make_engine, make_sessions
from tests.support import postgres
from tests.support.databases import DatabaseFactory
from tests.support.smtp import SmtpTestServer
from tests.support.wix_site import bare_wix, fake_wix  # noqa: F401  (the shared fake-Wix site)

keep_escpos_out_of_tmp()  # before any test imports python-escpos

BACKENDS = ("sqlite", "postgresql")


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_protocol(item: pytest.Item) -> Generator[None, None, None]:
    """Widgets are reclaimed between Qt tests, never while Qt dispatches an event.

    A window a test built is often kept alive only by reference cycles (a slot's lambda holds
    the object owning the widget tree; pytest-qt keeps a weak reference), so the *cyclic*
    collector frees it, whenever it happens to run: inside the `processEvents` pytest-qt
    makes after a test body, a LanguageChange going down a tree being freed under it was a
    segfault in CI (tests/ui/test_keyboard.py, `_process_events`, exit 139). So, as
    equinor/ert#14421 does: no cyclic collection during a Qt test; after it, the deletions
    pytest-qt asked for (`deleteLater`, delivered only by a running loop) are carried out,
    then one collection, with no event being dispatched.
    """
    if "qapp" not in getattr(item, "fixturenames", ()):
        yield
        return
    gc.disable()
    try:
        yield
    finally:
        widgets = sys.modules.get("PySide6.QtWidgets")
        if widgets is not None and widgets.QApplication.instance() is not None:
            from PySide6.QtCore import QCoreApplication, QEvent  # noqa: PLC0415 (Qt tests only)

            QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
        gc.collect()
        gc.enable()

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
