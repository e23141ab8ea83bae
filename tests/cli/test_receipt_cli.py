"""`comptoir receipt show|print` on a SQLite file holding one cash exchange."""

from __future__ import annotations

from collections.abc import Callable, Iterator

import pytest
from sqlalchemy import select

from pos.cli import main
from pos.db.engine import make_engine, make_sessions
from pos.db.records import PrintJobRecord
from pos.db.returns import load_context
from pos.domain.money import Money
from pos.domain.returns import DocumentKind, Draft, ReturnRequest
from pos.domain.settlement import Tender, TenderMethod
from pos.hardware.transports import decode_job
from tests.support.databases import DatabaseFactory
from tests.support.shop import build_shop, sell
from tests.support.tcp_printer import TcpPrinter

Run = Callable[..., tuple[int, str, str]]


@pytest.fixture
def db(database_factory: DatabaseFactory) -> Iterator[str]:
    url = database_factory.new_url("sqlite")
    engine = make_engine(url)
    shop = build_shop(make_sessions(engine))
    order = sell(shop, "30001", [("T-S-M", 1)])
    with shop.sessions() as s:
        (line,) = (line.line_id for line in load_context(s, order).snapshot.lines)
    draft = Draft(DocumentKind.EXCHANGE, (ReturnRequest(line, 1),),
                  (shop.returns.new_item(order_id=order, code="JEA-M"),))  # fmt: skip
    shop.returns.commit(shop.cashier, order, draft, [Tender(TenderMethod.CASH, Money(5000, "EUR"))])
    engine.dispose()
    yield url


@pytest.fixture
def run(db: str, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> Run:
    monkeypatch.delenv("COMPTOIR_PRINTER", raising=False)

    def run(*argv: str) -> tuple[int, str, str]:
        code = main([*argv, "--db", db])
        out, err = capsys.readouterr()
        return code, out, err

    return run


def test_show_prints_the_readable_receipt(run: Run) -> None:
    code, out, err = run("receipt", "show", "t1-000001")
    assert (code, err) == (0, "")
    assert "T1-000001" in out and "ÉCHANGE" in out and "DUPLICATA" not in out
    code, out, _ = run("receipt", "show", "T1-000001", "--lang", "en", "--columns", "32")
    assert code == 0 and "EXCHANGE" in out
    assert max(len(line) for line in out.splitlines()) <= 32


def test_show_an_unknown_document(run: Run) -> None:
    code, out, err = run("receipt", "show", "T1-999999")
    assert (code, out) == (1, "") and "no counter document T1-999999" in err


def test_print_reprints_a_duplicate_on_a_tcp_printer(run: Run, db: str) -> None:
    with TcpPrinter() as tcp:
        code, out, err = run("receipt", "print", "T1-000001", "--printer", tcp.uri)
        (job,) = tcp.wait_for_jobs(1)
    assert (code, err) == (0, "") and out == f"T1-000001: duplicate printed on {tcp.uri}\n"
    decoded = decode_job(job.data)
    assert "DUPLICATA" in decoded.text and decoded.drawer_pulses == 0
    engine = make_engine(db)
    try:
        with make_sessions(engine)() as s:
            jobs = s.execute(select(PrintJobRecord.duplicate, PrintJobRecord.state)).all()
    finally:
        engine.dispose()
    assert sorted(jobs) == [(False, "queued"), (True, "printed")]  # only the reprint ran


def test_print_on_the_virtual_printer_shows_what_would_print(run: Run) -> None:
    code, out, err = run("receipt", "print", "T1-000001")
    assert (code, err) == (0, "")
    assert "DUPLICATA" in out and out.endswith("T1-000001: duplicate printed on virtual\n")


def test_a_refused_printer_is_reported_in_plain_words(run: Run) -> None:
    with TcpPrinter() as tcp:
        tcp.set_mode("refuse")
        code, out, err = run("receipt", "print", "T1-000001", "--printer", tcp.uri)
    assert (code, out) == (1, "")
    assert err.startswith("T1-000001: not printed: the printer does not answer")
    assert "stays queued" in err


def test_print_refuses_bad_printers_and_unknown_documents(run: Run) -> None:
    code, _, err = run("receipt", "print", "T1-000001", "--printer", "lpt://1")
    assert code == 2 and "not valid" in err
    code, _, err = run("receipt", "print", "T1-000404")
    assert code == 1 and "no counter document T1-000404" in err


def test_show_draws_the_paper_into_a_png(run: Run, tmp_path) -> None:  # type: ignore[no-untyped-def]
    from PIL import Image

    picture = tmp_path / "T1-000001.png"
    code, out, err = run("receipt", "show", "T1-000001", "--png", str(picture),
                         "--profile", "TM-T20II", "--columns", "48")  # fmt: skip
    assert (code, err) == (0, "") and "ÉCHANGE" in out
    with Image.open(picture) as image:
        assert image.width == 48 * 12 + 2 * 16  # 576 dots of 80 mm paper, and a margin
        assert image.height > 1000
    code, _, err = run("receipt", "show", "T1-000001", "--png", str(tmp_path / "no" / "x.png"))
    assert code == 1 and err.startswith("cannot write the picture:")
