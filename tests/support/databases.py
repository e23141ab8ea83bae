"""Migrated test databases on both backends: templates made once, fresh copies per test."""

from __future__ import annotations

import itertools
from collections.abc import Callable
from pathlib import Path

from sqlalchemy import text
from sqlalchemy.engine import make_url

from pos.db.engine import make_engine
from pos.db.migrate import upgrade

_counter = itertools.count()


class DatabaseFactory:
    """Makes empty, migrated databases: SQLite files in `tmp`, PostgreSQL databases on `pg_url`."""

    def __init__(self, *, tmp: Path, pg_url: Callable[[], str]) -> None:
        self._tmp, self._pg_url_provider = tmp, pg_url
        self._pg_url: str | None = None
        self._template_ready = False
        self._sqlite_template: Path | None = None

    def new_url(self, backend: str) -> str:
        n = next(_counter)
        if backend == "sqlite":
            path = self._tmp / f"db{n}.sqlite3"
            if self._sqlite_template is None:
                self._sqlite_template = self._tmp / "template.sqlite3"
                engine = make_engine(f"sqlite:///{self._sqlite_template}")
                upgrade(engine)
                with engine.connect() as c:
                    c.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
                engine.dispose()
            path.write_bytes(self._sqlite_template.read_bytes())
            return f"sqlite:///{path}"
        if self._pg_url is None:
            self._pg_url = self._pg_url_provider()  # starts the server on first use
        admin = make_engine(self._pg_url)
        admin = admin.execution_options(isolation_level="AUTOCOMMIT")
        if not self._template_ready:
            with admin.connect() as c:
                c.execute(text("DROP DATABASE IF EXISTS comptoir_template"))
                c.execute(text("CREATE DATABASE comptoir_template"))
            template = make_engine(self._with_db("comptoir_template"))
            upgrade(template)
            template.dispose()
            self._template_ready = True
        name = f"comptoir_test_{n}"
        with admin.connect() as c:
            c.execute(text(f"CREATE DATABASE {name} TEMPLATE comptoir_template"))
        admin.dispose()
        return self._with_db(name)

    def _with_db(self, name: str) -> str:
        assert self._pg_url is not None
        return make_url(self._pg_url).set(database=name).render_as_string(hide_password=False)
