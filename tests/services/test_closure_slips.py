"""The Z slip goes through the print queue: queued with the Z, printed on the printer's thread."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import select

from pos.db.records import PrintJobRecord
from pos.hardware.errors import PrinterStatus
from pos.hardware.transports import VirtualPrinter
from pos.services.cash import CashError, CashService
from pos.services.closing import ClosingService
from pos.services.printing import PrintQueueError, PrintQueueService
from pos.services.signing import file_signer
from tests.support.closing import slip_queue
from tests.support.shop import Shop, build_shop


@pytest.fixture
def shop(sessions) -> Shop:  # type: ignore[no-untyped-def]
    return build_shop(sessions)


@pytest.fixture
def paper() -> VirtualPrinter:
    return VirtualPrinter()


@pytest.fixture
def queue(shop: Shop, paper: VirtualPrinter) -> Iterator[PrintQueueService]:
    with slip_queue(shop, paper) as service:
        yield service


@pytest.fixture
def closing(shop: Shop, tmp_path: Path) -> ClosingService:
    return ClosingService(sessions=shop.sessions, clock=shop.clock, terminal_id="T1",
                          signer=file_signer(tmp_path / "keys"))


def _jobs(shop: Shop) -> list[tuple[str, bool, str]]:
    with shop.sessions() as s:
        return [(j.kind, j.duplicate, j.state) for j in s.scalars(select(PrintJobRecord))]


def test_the_z_queues_its_slip_which_prints_in_french(
        shop: Shop, closing: ClosingService, queue: PrintQueueService,
        paper: VirtualPrinter) -> None:
    with pytest.raises(CashError):  # drawer still open: no Z, and no slip either
        closing.close_z(shop.manager, slip_language="fr")
    assert _jobs(shop) == []
    CashService(sessions=shop.sessions, clock=shop.clock, terminal_id="T1").close(
        shop.manager, {10000: 2})
    z = closing.close_z(shop.manager, slip_language="fr")
    assert _jobs(shop) == [("closure_slip", False, "queued")]
    job = queue.print_closure_slip(z.number)
    assert (job.state, job.document_number) == ("printed", f"Z {z.number}")
    (slip,) = paper.jobs
    assert "Boutique Lumière" in slip.text and "TICKET Z - CLÔTURE" in slip.text
    assert z.hash in "".join(slip.lines) and slip.cuts == 1
    # Another copy, in English, whenever asked.
    queue.reprint_closure(z.number, "en")
    assert queue.run_once().ok
    assert "Z REPORT - CLOSURE" in paper.jobs[1].text
    assert "DUPLICATE" in paper.jobs[1].text and "DUPLICAT" not in paper.jobs[0].text
    with pytest.raises(PrintQueueError) as unknown:
        queue.reprint_closure(99, "fr")
    assert unknown.value.code == "closure_not_found"


def test_a_printer_out_of_paper_keeps_the_slip_for_later(
        shop: Shop, closing: ClosingService, queue: PrintQueueService,
        paper: VirtualPrinter) -> None:
    CashService(sessions=shop.sessions, clock=shop.clock, terminal_id="T1").close(
        shop.manager, {10000: 2})
    paper.set_status(PrinterStatus.PAPER_OUT)
    z = closing.close_z(shop.manager, slip_language="en")
    job = queue.print_closure_slip(z.number)
    assert (job.state, job.last_error) == ("failed", "the printer is out of paper")
    assert closing.closures(kind="z")[0].hash == z.hash  # the Z stands, signed
    paper.set_status(PrinterStatus.ONLINE)
    assert queue.print_closure_slip(z.number).state == "printed"
    assert "Z REPORT - CLOSURE" in paper.jobs[0].text
