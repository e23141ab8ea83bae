"""The app: opens the database, has `pos.wiring` build the shop, shows the window, runs Qt."""

from __future__ import annotations

import argparse
import logging
import os
import sys
import traceback
from collections.abc import Callable
from functools import partial
from pathlib import Path
from types import TracebackType

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTimer, QTranslator
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget
from sqlalchemy import Engine

from pos.config import (
    data_dir,
    default_database_path,
    demo_database_path,
    keep_escpos_out_of_tmp,
)
from pos.db.engine import DatabaseUnavailableError, resolve_url
from pos.db.opening import open_shop
from pos.services.history import SalesHistoryService
from pos.ui.counter import CounterServices
from pos.ui.display import display_problem
from pos.ui.format import locale_for
from pos.ui.main_window import MainWindow, create_main_window
from pos.ui.watchdog import GuiWatchdog
from pos.wiring import Store, environment_options
from pos.wiring.counter import counter_services, open_demo_drawer

RESOURCES = Path(__file__).resolve().parent.parent / "resources"
TRANSLATIONS = RESOURCES / "i18n"
STYLESHEET = Path(__file__).resolve().parent / "ui" / "style.qss"
DEFAULT_LANGUAGE = "fr"  # the shop's language; `--lang en` for English

log = logging.getLogger("comptoir")
NO_DISPLAY_EXIT = 3  # `comptoir` without a sub-command: no display to open the window on


def database_url(args: argparse.Namespace) -> str:
    """`--demo`: the demo shop (made on first use); else `--db`, the env, or the default file."""
    if getattr(args, "demo", False):
        from pos.db.demo import ensure_demo_shop  # only the demo needs the generator

        path = demo_database_path()
        if not path.exists():
            print(f"Creating the demo shop in {path} (once)…", file=sys.stderr)
        return ensure_demo_shop(path)
    return resolve_url(getattr(args, "db", None), default_database_path())


def open_engine(url: str) -> Engine:
    """The engine for `url`, its schema upgraded to head first (SQLite: after a backup).

    The app's first start may create the shop (a new file in an existing folder, or an
    empty database). Raises `DatabaseUnavailableError` when it cannot be used.
    """
    return open_shop(url, create=True)


def load_stylesheet() -> str:
    return STYLESHEET.read_text(encoding="utf-8")


def install_translators(app: QCoreApplication, language: str) -> list[QTranslator]:
    """Install Comptoir's and Qt's own translations for `language`; returns them for removal.

    English is the source language, so it needs no translator.
    """
    if language == "en":
        return []
    translators = []
    qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    # One catalogue per area of the UI (comptoir_fr, returns_fr, screens_fr, …), then Qt's own.
    ours = sorted(path.stem for path in TRANSLATIONS.glob(f"*_{language}.qm"))
    for name, directory in (
        *((stem, str(TRANSLATIONS)) for stem in ours),
        (f"qtbase_{language}", qt_dir),
    ):
        translator = QTranslator(app)
        if translator.load(name, directory):
            app.installTranslator(translator)
            translators.append(translator)
        else:
            log.warning("no %s translation in %s", name, directory)
    return translators


def switch_language(app: QCoreApplication, window: MainWindow, translators: list[QTranslator],
                    language: str) -> None:
    """Show the running `window` in `language` ("fr", "en") from now on.

    Qt's default locale, the translations (`translators`, those installed so far, is
    updated in place), then money, dates and times on every screen: each re-formats what it
    shows, nothing is read from the database again.
    """
    QLocale.setDefault(QLocale(locale_for(language)))
    for translator in translators:
        app.removeTranslator(translator)
    translators[:] = install_translators(app, language)
    window.set_locale(locale_for(language))


def build_main_window(history: SalesHistoryService, locale: str,
                      services: CounterServices | None = None) -> MainWindow:
    """The main window on `history`, styled, money and dates in `locale` ("fr_FR", "en_US").

    With `services` the window is the whole counter (login first); without, the search and
    order screens alone (read-only look-up).
    """
    return create_main_window(history=history, locale=locale, stylesheet=load_stylesheet(),
                              services=services)


class CrashHandler:
    """`sys.excepthook` for the GUI: log the bug, tell the cashier, keep the app running.

    An uncaught exception in a Qt slot would otherwise only print to a console nobody sees.
    `show` is the one seam tests replace (it is where the modal box is shown).
    """

    def __init__(self, *, parent: Callable[[], QWidget | None], log_path: Path) -> None:
        self._parent, self._log_path = parent, log_path
        self._showing = False
        self.show: Callable[[str], None] = self._show_message_box

    def __call__(
        self, kind: type[BaseException], error: BaseException, tb: TracebackType | None
    ) -> None:
        log.critical("uncaught exception", exc_info=(kind, error, tb))
        if self._showing:  # a failure while the box is open: logged, not stacked
            return
        self._showing = True
        try:
            self.show("".join(traceback.format_exception_only(kind, error)).strip())
        finally:
            self._showing = False

    def _show_message_box(self, summary: str) -> None:
        text = QCoreApplication.translate(
            "CrashHandler",
            "Something went wrong and this action did not finish.\n\n"
            "The details were written to {path}. Please tell your manager.",
        ).format(path=self._log_path)
        box = QMessageBox(QMessageBox.Icon.Critical, "Comptoir", text, parent=self._parent())
        box.setDetailedText(summary)
        box.exec()


def setup_logging() -> logging.FileHandler:
    """Log to `comptoir.log` in the data directory; returns the handler (to close at exit)."""
    handler = logging.FileHandler(data_dir() / "comptoir.log", encoding="utf-8")
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root = logging.getLogger()
    root.addHandler(handler)
    root.setLevel(min(root.level or logging.INFO, logging.INFO))
    return handler


def run_app(args: argparse.Namespace) -> int:
    """Open the app (the `comptoir` command without a sub-command). Returns the exit code:
    `NO_DISPLAY_EXIT` (one sentence on stderr) when no window can open here."""
    problem = display_problem(os.environ)
    if problem is not None:  # before Qt, which would abort blaming libxcb-cursor0
        print(problem, file=sys.stderr)
        return NO_DISPLAY_EXIT
    keep_escpos_out_of_tmp()
    handler = setup_logging()
    previous_hook = sys.excepthook
    try:
        engine = open_engine(database_url(args))
    except DatabaseUnavailableError as error:  # before any window: a sentence, as the CLI
        logging.getLogger().removeHandler(handler)
        handler.close()
        print(f"comptoir: {error}", file=sys.stderr)
        return 2
    store = Store.on_engine(engine, **environment_options())
    try:
        demo = bool(getattr(args, "demo", False))
        if demo:
            open_demo_drawer(store)
        services = counter_services(store, demo=demo)
        return _run_window(args, store.history, services, log_path=Path(handler.baseFilename))
    finally:
        store.close()  # disposes the engine
        sys.excepthook = previous_hook
        logging.getLogger().removeHandler(handler)
        handler.close()


# The GUI thread re-enters Python many times per frame (item models, event filters); while a
# worker runs Python code, each re-entry waits for the interpreter up to the switch interval
# (5 ms by default). 1 ms keeps a frame from stretching by tens of ms behind a busy worker.
SWITCH_INTERVAL_S = 0.001


KEYBOARD_DELAY_MS = 500


def _install_keyboard(window: MainWindow) -> None:
    from pos.ui.keyboard import install_on_screen_keyboard  # noqa: PLC0415

    keyboard = install_on_screen_keyboard(window, language=QLocale().name()[:2])
    counter = window.counter
    if counter is not None:  # the letters follow the language chosen at login or in settings
        counter.login.language_requested.connect(keyboard.set_language)


def _run_window(args: argparse.Namespace, history: SalesHistoryService,
                services: CounterServices | None, *, log_path: Path) -> int:
    language = getattr(args, "lang", None) or DEFAULT_LANGUAGE
    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName("Comptoir")
    previous_interval = sys.getswitchinterval()
    sys.setswitchinterval(SWITCH_INTERVAL_S)
    QLocale.setDefault(QLocale(locale_for(language)))
    translators = install_translators(app, language)
    window = build_main_window(history, locale_for(language), services)
    counter = window.counter
    if counter is not None:  # a language tapped at login (or saved in settings) applies at once
        counter.login.language_requested.connect(
            partial(switch_language, app, window, translators))
    if os.environ.get("COMPTOIR_KEYBOARD", "on").strip().lower() != "off":
        # A touch terminal may have no keyboard: text fields open one on screen when tapped.
        # Its application event filter sees every event: installed once the window is up,
        # the tens of thousands of the first frames do not go through Python (80 ms).
        QTimer.singleShot(KEYBOARD_DELAY_MS, window, partial(_install_keyboard, window))
    sys.excepthook = CrashHandler(parent=lambda: window, log_path=log_path)
    watchdog = GuiWatchdog(parent=window)  # a frozen screen is logged with where it was
    watchdog.start()
    if getattr(args, "kiosk", False):
        window.showFullScreen()
    else:
        window.resize(1280, 800)
        window.show()
    try:
        return int(app.exec())
    finally:
        sys.setswitchinterval(previous_interval)
        watchdog.stop()
        window.close()  # stops the task runner before the database goes away
        for translator in translators:
            app.removeTranslator(translator)
