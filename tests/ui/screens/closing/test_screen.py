"""The Closing screen on the real services: paid-out, count by taps, close, X, Z; refusals;
1024×768 in both languages, with screenshots (docs/screenshots/closing-*.png)."""

from __future__ import annotations

from collections.abc import Callable, Iterator

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLineEdit, QPlainTextEdit, QPushButton
from pytestqt.qtbot import QtBot

from pos.domain.receipt import ShopInfo
from pos.hardware.errors import PrinterStatus
from pos.hardware.printer import make_printer
from pos.hardware.transports import VirtualPrinter
from pos.services.cash import CashService
from pos.services.closing import ClosingService
from pos.services.printing import PrintQueueService
from pos.services.receipts import ReceiptService
from pos.services.signing import Ed25519Signer
from pos.ui.format import locale_for
from pos.ui.keypad import AmountKeypad
from pos.ui.screens.closing import ClosingScreen, ClosingViewModel, create_closing_screen
from pos.ui.workers import TaskRunner
from tests.support.closing import cash_refund
from tests.support.shop import Shop, build_shop
from tests.support.tcp_printer import TcpPrinter
from tests.ui.layout_checks import settle, target_problems, text_problems, window_problems
from tests.ui.screens.login.helpers import SCREENSHOTS, button, label, translated, type_digits


@pytest.fixture
def shop(sessions) -> Shop:  # type: ignore[no-untyped-def]
    return build_shop(sessions)


@pytest.fixture(params=["fr", "en"])
def language(request: pytest.FixtureRequest, qapp: QApplication) -> Iterator[str]:
    yield from translated(qapp, request.param)


MakeScreen = Callable[..., ClosingScreen]


@pytest.fixture
def paper() -> VirtualPrinter:
    """The receipt printer: what it is sent is read back from its bytes."""
    return VirtualPrinter()


@pytest.fixture
def print_runner() -> Iterator[TaskRunner]:
    """The counter's printing runner: the slip never waits behind the database, nor holds it."""
    runner = TaskRunner()
    yield runner
    runner.shutdown()


@pytest.fixture
def make_screen(shop: Shop, runner: TaskRunner, print_runner: TaskRunner, paper: VirtualPrinter,
                qtbot: QtBot) -> Iterator[MakeScreen]:
    queues: list[PrintQueueService] = []

    def make(*, locale: str = "en_GB", manager: bool = True, printer: str = "virtual",
             size: tuple[int, int] = (1024, 768)) -> ClosingScreen:
        queue = PrintQueueService(
            sessions=shop.sessions, clock=shop.clock,
            receipts=ReceiptService(sessions=shop.sessions, clock=shop.clock,
                                    shop=ShopInfo("Comptoir")),
            printers=lambda uri: make_printer(
                uri, timeout=0.3, transport=paper if uri == "virtual" else None),
            default_printer=printer)
        queues.append(queue)
        return _screen(qtbot, shop, ClosingViewModel(
            cash=CashService(sessions=shop.sessions, clock=shop.clock, terminal_id="T1"),
            closing=ClosingService(sessions=shop.sessions, clock=shop.clock, terminal_id="T1",
                                   signer=_fixed_key()),
            runner=runner, print_queue=queue, print_runner=print_runner),
            locale=locale, manager=manager, size=size)

    yield make
    for queue in queues:
        queue.close()


def _screen(qtbot: QtBot, shop: Shop, vm: ClosingViewModel, *, locale: str, manager: bool,
            size: tuple[int, int]) -> ClosingScreen:
    from pos.app import load_stylesheet

    screen = create_closing_screen(view_model=vm, locale=locale)
    screen.set_operator(shop.manager if manager else shop.cashier)
    qtbot.addWidget(screen)
    screen.setStyleSheet(load_stylesheet() + screen.styleSheet())
    screen.resize(*size)
    screen.show()
    screen.activate()
    qtbot.waitUntil(lambda: screen.view_model.session is not None)
    return screen


def _fixed_key() -> Ed25519Signer:
    """One key for every run: the screenshots show its public half and stay the same."""
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

    return Ed25519Signer(Ed25519PrivateKey.from_private_bytes(bytes(range(32))))


def tap(qtbot: QtBot, widget: QPushButton) -> None:
    qtbot.mouseClick(widget, Qt.MouseButton.LeftButton)


def piece(screen: ClosingScreen, denomination: int) -> QPushButton:
    return screen._pieces[denomination]  # the buttons are made from the currency's pieces


def test_a_manager_pays_out_counts_closes_and_closes_the_day(
        qtbot: QtBot, shop: Shop, paper: VirtualPrinter, make_screen: MakeScreen) -> None:
    cash_refund(shop, "90001")  # 29.90 out of the 200.00 float
    screen = make_screen()
    assert label(screen, "drawerExpected").text() == "€170.10"
    type_digits(qtbot, screen.findChild(AmountKeypad), "12.50")  # typed as money
    qtbot.keyClicks(screen.findChild(QLineEdit, "moveReason"), "window cleaner")
    tap(qtbot, button(screen, "paidOutButton"))
    qtbot.waitUntil(lambda: label(screen, "drawerExpected").text() == "€157.60")
    tap(qtbot, button(screen, "countTab"))
    for denomination in (10000, 5000, 500, 200, 50, 10):  # 157.60
        tap(qtbot, piece(screen, denomination))
    tap(qtbot, piece(screen, 500))
    tap(qtbot, button(screen, "removeToggle"))
    tap(qtbot, piece(screen, 500))  # one 5 € note too many, taken off again
    assert "× 1" in piece(screen, 500).text()
    assert label(screen, "countVariance").text() == "€0.00"
    tap(qtbot, button(screen, "closeDrawerButton"))
    qtbot.waitUntil(lambda: screen.view_model.session is None)
    assert "closed" in label(screen, "closingStatus").text()
    tap(qtbot, button(screen, "reportTab"))
    tap(qtbot, button(screen, "zButton"))
    qtbot.waitUntil(lambda: screen.view_model.closure is not None)
    text = screen.findChild(QPlainTextEdit, "reportText").toPlainText()
    assert "Z number 1" in text and "Documents: 1" in text and "Cash (out)" in text
    assert "Refund" in text and "cash/out" not in text  # in words, as the slip prints them
    qtbot.waitUntil(lambda: "printed" in label(screen, "closingStatus").text())
    (slip,) = paper.jobs  # the slip, read back from the bytes the printer got
    assert "Z REPORT - CLOSURE" in slip.text  # the screen's language (en_GB)
    assert screen.view_model.closure.hash in "".join(slip.lines)  # in full, over two lines
    assert slip.cuts == 1
    tap(qtbot, button(screen, "reprintZButton"))  # a copy for the files
    qtbot.waitUntil(lambda: len(paper.jobs) == 2)
    assert "DUPLICATE" in paper.jobs[1].text and "DUPLICATE" not in slip.text
    key = label(screen, "signingKey").text().split(": ")[1].replace(" ", "")
    assert key == screen.view_model.closure.public_key  # the key shown is the one that signed
    screen.set_locale("fr_FR")  # the figures follow the counter's language
    text = screen.findChild(QPlainTextEdit, "reportText").toPlainText()
    assert "Espèces (rendu)" in text and "Remboursement" in text and "Cash" not in text


def close_the_day(qtbot: QtBot, screen: ClosingScreen) -> None:
    """Count the 200.00 float as two 100 € notes, close the drawer, then tap Z."""
    tap(qtbot, button(screen, "countTab"))
    tap(qtbot, piece(screen, 10000))
    tap(qtbot, piece(screen, 10000))
    tap(qtbot, button(screen, "closeDrawerButton"))
    qtbot.waitUntil(lambda: screen.view_model.session is None)
    tap(qtbot, button(screen, "reportTab"))
    tap(qtbot, button(screen, "zButton"))


@pytest.mark.parametrize("backend", ["sqlite"])
def test_the_sentence_is_french_on_a_french_counter(
        qtbot: QtBot, paper: VirtualPrinter, make_screen: MakeScreen, language: str) -> None:
    paper.set_status(PrinterStatus.PAPER_OUT)
    screen = make_screen(locale=locale_for(language))
    close_the_day(qtbot, screen)
    said = {"fr": ("ne s’est pas imprimé", "plus de papier", "Reçus"),
            "en": ("did not print", "out of paper", "Receipts")}[language]
    qtbot.waitUntil(lambda: said[0] in label(screen, "closingStatus").text())
    assert all(words in label(screen, "closingStatus").text() for words in said)
    settle()  # the report page after a Z (Print the Z again shown) fits 1024×768 too
    assert button(screen, "reprintZButton").isVisible()
    problems = (window_problems("closing", screen, (1024, 768))
                + target_problems("closing", screen) + text_problems("closing", screen))
    assert problems == [], "\n".join(problems)
    # Paper back, the slip printed from the queue is in the counter's language.
    paper.set_status(PrinterStatus.ONLINE)
    queue = screen.view_model._print_queue
    (job,) = queue.queued()
    queue.retry(job.job_id)
    assert queue.run_once().printed == (job.job_id,)
    assert ("TICKET Z - CLÔTURE" if language == "fr" else "Z REPORT - CLOSURE") in \
        paper.jobs[0].text


def test_a_slip_that_does_not_print_is_said_and_the_z_stays(
        qtbot: QtBot, shop: Shop, paper: VirtualPrinter, make_screen: MakeScreen) -> None:
    paper.set_status(PrinterStatus.PAPER_OUT)
    screen = make_screen()
    close_the_day(qtbot, screen)
    qtbot.waitUntil(lambda: "did not print" in label(screen, "closingStatus").text())
    assert "out of paper" in label(screen, "closingStatus").text()
    assert screen.view_model.closure.number == 1 and paper.jobs == ()
    # Nothing is lost: the slip waits in the queue; with paper back, a retry prints it.
    queue = screen.view_model._print_queue
    (job,) = queue.queued()
    assert (job.kind, job.state, job.document_number) == ("closure_slip", "failed", "Z 1")
    paper.set_status(PrinterStatus.ONLINE)
    queue.retry(job.job_id)
    assert queue.run_once().printed == (job.job_id,)
    assert "Z REPORT - CLOSURE" in paper.jobs[0].text


@pytest.mark.parametrize("backend", ["sqlite"])
def test_a_stalled_printer_never_holds_the_database_runner(
        qtbot: QtBot, shop: Shop, make_screen: MakeScreen) -> None:
    with TcpPrinter("stall") as stalled:  # takes the connection, never reads a byte
        screen = make_screen(printer=stalled.uri)
        close_the_day(qtbot, screen)
        qtbot.waitUntil(lambda: screen.view_model.closure is not None)
        # The slip is stuck on the printer; the database runner still answers at once.
        screen.view_model.read_x()
        qtbot.waitUntil(lambda: screen.view_model.closure is None, timeout=500)
        assert "did not print" not in label(screen, "closingStatus").text()
        qtbot.waitUntil(lambda: "did not print" in label(screen, "closingStatus").text(),
                        timeout=10_000)


def test_a_cashier_is_told_a_manager_closes_the_day(
        qtbot: QtBot, make_screen: MakeScreen) -> None:
    screen = make_screen(manager=False)
    tap(qtbot, button(screen, "reportTab"))
    tap(qtbot, button(screen, "xButton"))
    qtbot.waitUntil(lambda: "manager" in label(screen, "closingStatus").text())


def test_the_day_cannot_close_with_the_drawer_open(
        qtbot: QtBot, make_screen: MakeScreen) -> None:
    screen = make_screen()
    tap(qtbot, button(screen, "reportTab"))
    tap(qtbot, button(screen, "zButton"))
    qtbot.waitUntil(lambda: "Count and close the drawer" in label(screen,
                                                                  "closingStatus").text())


@pytest.mark.parametrize("backend", ["sqlite"])
def test_every_page_fits_1024_by_768_with_screenshots(
        qtbot: QtBot, shop: Shop, make_screen: MakeScreen, language: str) -> None:
    cash_refund(shop, "90002")
    screen = make_screen(locale=locale_for(language))
    screen.view_model.read_x()
    qtbot.waitUntil(lambda: screen.view_model.report is not None)
    for denomination in (10000, 5000, 2000):
        tap(qtbot, piece(screen, denomination))
    for page, name in ((0, "drawer"), (1, "count"), (2, "report")):
        screen._show_page(page)
        settle()
        problems = (window_problems("closing", screen, (1024, 768))
                    + target_problems("closing", screen) + text_problems("closing", screen))
        assert problems == [], "\n".join(problems)
        image = screen.grab().toImage()
        SCREENSHOTS.mkdir(parents=True, exist_ok=True)
        assert image.save(str(SCREENSHOTS / f"closing-{name}-{language}.png"))
