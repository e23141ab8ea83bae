"""The composition root: which database opens, translations, the crash handler, a full start."""

from __future__ import annotations

import argparse
import logging
import sys
import types
from pathlib import Path

import pytest
from PySide6.QtCore import QLocale, QTimer
from PySide6.QtWidgets import QApplication
from sqlalchemy import text

from pos.app import (
    SWITCH_INTERVAL_S,
    CrashHandler,
    database_url,
    install_translators,
    open_engine,
    run_app,
)
from pos.config import DATA_DIR_ENV
from pos.db.engine import make_engine, make_sessions
from pos.db.orders import record_order
from tests.support.builders import order

pytestmark = pytest.mark.qt_log_ignore(r"This plugin does not support propagateSizeHints")


@pytest.fixture(autouse=True)
def data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv(DATA_DIR_ENV, str(tmp_path))
    monkeypatch.delenv("COMPTOIR_DATABASE_URL", raising=False)
    return tmp_path


def args(**given: object) -> argparse.Namespace:
    return argparse.Namespace(**({"demo": False, "db": None, "kiosk": False, "lang": None} | given))


def test_without_options_the_embedded_file_in_the_data_dir_opens(data_dir: Path) -> None:
    assert database_url(args()) == f"sqlite:///{data_dir / 'comptoir.sqlite3'}"
    assert database_url(args(db=str(data_dir / "x.db"))) == f"sqlite:///{data_dir / 'x.db'}"


def test_demo_opens_the_demo_shop_made_once(
    data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    calls: list[Path] = []

    def ensure_demo_shop(path: Path, *, orders: int = 20_000, seed: int = 1) -> str:
        calls.append(path)
        return f"sqlite:///{path}"

    fake = types.ModuleType("pos.db.demo")
    fake.ensure_demo_shop = ensure_demo_shop  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "pos.db.demo", fake)
    assert database_url(args(demo=True)) == f"sqlite:///{data_dir / 'demo.sqlite3'}"
    assert calls == [data_dir / "demo.sqlite3"]


def test_french_is_installed_and_removable(qapp: QApplication) -> None:
    translators = install_translators(qapp, "fr")
    try:
        assert len(translators) >= 1
        assert qapp.translate("SearchScreen", "Find a sale") == "Retrouver une vente"
    finally:
        for translator in translators:
            qapp.removeTranslator(translator)
    assert qapp.translate("SearchScreen", "Find a sale") == "Find a sale"
    assert install_translators(qapp, "en") == []


def test_the_crash_handler_logs_and_tells_the_cashier(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    handler = CrashHandler(parent=lambda: None, log_path=tmp_path / "comptoir.log")
    shown: list[str] = []
    handler.show = shown.append
    try:
        raise ZeroDivisionError("boom")
    except ZeroDivisionError as error:
        with caplog.at_level(logging.CRITICAL, logger="comptoir"):
            handler(type(error), error, error.__traceback__)
    assert shown == ["ZeroDivisionError: boom"]
    assert "uncaught exception" in caplog.text


def test_run_app_opens_upgrades_and_closes(
    qapp: QApplication, data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    url = f"sqlite:///{data_dir / 'shop.sqlite3'}"
    engine = open_engine(url)  # a shop with one sale
    with make_sessions(engine).begin() as s:
        record_order(s, order("10234"))
    engine.dispose()
    seen: dict[str, object] = {}

    def look_and_quit() -> None:
        window = next(w for w in qapp.topLevelWidgets() if w.isVisible())
        seen["title"], seen["size"] = window.windowTitle(), (window.width(), window.height())
        seen["switch_interval"] = sys.getswitchinterval()
        # Closing the last window ends the app, as at the counter. (Quitting with the window
        # still shown would leave the shared test QApplication quitting for later tests.)
        window.close()

    hook, interval = sys.excepthook, sys.getswitchinterval()
    default_locale = QLocale()
    monkeypatch.setattr(logging.getLogger(), "level", logging.getLogger().level)
    QTimer.singleShot(0, look_and_quit)
    try:
        assert run_app(args(db=url, lang="en")) == 0
    finally:
        QLocale.setDefault(default_locale)
    assert seen == {"title": "Comptoir — returns desk", "size": (1280, 800),
                    "switch_interval": SWITCH_INTERVAL_S}  # fmt: skip
    assert SWITCH_INTERVAL_S < interval  # workers yield to the GUI sooner than by default
    assert sys.excepthook is hook  # the crash handler does not outlive the window
    assert sys.getswitchinterval() == interval
    assert (data_dir / "comptoir.log").exists()
    check = make_engine(url)
    with check.connect() as c:
        assert c.execute(text("SELECT count(*) FROM orders")).scalar_one() == 1
    check.dispose()


def test_the_app_on_a_broken_database_is_one_sentence_and_exit_2(
    data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    garbage = data_dir / "garbage.sqlite3"
    garbage.write_bytes(b"not a database" * 300)
    assert run_app(args(db=str(garbage))) == 2
    assert capsys.readouterr().err == (
        f"comptoir: {garbage} is not a database (not a SQLite file): check the path, or "
        "restore a backup\n")
    missing = data_dir / "no" / "such" / "shop.sqlite3"
    assert run_app(args(db=str(missing))) == 2
    assert "the folder" in capsys.readouterr().err
    assert not (data_dir / "no").exists()  # a mistyped path makes no folder and no shop
