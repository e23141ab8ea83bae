"""The composition root (`pos.wiring`) hands Settings' printer model and the shop's identity
to the printers: a receipt job and the Z slip are rendered for the chosen profile and width,
with the identity."""

from __future__ import annotations

from pathlib import Path

import pytest

from pos.config import DATA_DIR_ENV
from pos.db.engine import SessionFactory
from pos.domain.shop_identity import ShopIdentity
from pos.hardware.escpos_decode import decode
from pos.hardware.transports import VirtualPrinter
from pos.services.printing import PrintQueueService
from pos.wiring import Store, devices
from pos.wiring.counter import counter_services
from tests.support.closing import cash_refund
from tests.support.shop import build_shop


@pytest.fixture(autouse=True)
def data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv(DATA_DIR_ENV, str(tmp_path))
    return tmp_path


@pytest.mark.parametrize("backend", ["sqlite"])
def test_printers_are_made_for_the_model_and_width_chosen_in_settings(
    sessions: SessionFactory,
) -> None:
    shop = build_shop(sessions)
    store = Store(sessions=sessions, clock=shop.clock, environ={})
    services = counter_services(store, demo=True)
    settings, identity = services.settings, services.shop
    assert settings is not None and identity is not None
    admin = shop.users.login("admin", "7391")
    settings.set_printer_model(admin, "TM-T20II", None)  # 80 mm, 48 columns by its profile
    printer = devices.make_printer("virtual", model=settings.printer_model)
    assert (printer.profile, printer.columns) == ("TM-T20II", 48)
    printer.close()
    settings.set_printer_model(admin, "TM-T20II", 42)
    printer = devices.make_printer("virtual", model=settings.printer_model)
    assert printer.columns == 42
    printer.close()
    # The Printing screen's preview is on the same paper, read when each receipt is shown.
    cash_refund(shop, "10001")
    number = "T1-000001"
    assert _widest(store.previews.preview(number).text) == 42
    settings.set_printer_model(admin, "NT-5890K", 32)  # 58 mm
    assert _widest(store.previews.preview(number).text) == 32
    settings.set_printer_model(admin, "TM-T20II", None)  # its profile's own 48
    assert _widest(store.previews.preview(number).text) == 48
    settings.set_printer_model(admin, "TM-T20II", 42)
    # The Z slip: queued with the Z, printed by the queue on that printer's paper, headed by
    # the identity saved in Settings.
    identity.save(admin, ShopIdentity("Boutique Lumière", "12 rue des Lilas", "",
                                      "73282932000074", "FR44732829320"))  # fmt: skip
    virtual = VirtualPrinter()
    queue = PrintQueueService(sessions=sessions, clock=shop.clock, receipts=store.receipts,
                              printers=lambda uri: _with(virtual, store.printers, uri),
                              default_printer="virtual")  # fmt: skip
    try:
        store.cash.close(shop.manager, {})  # the drawer's count
        z = store.closing.close_z(shop.manager, slip_language="fr")
        queue.print_closure_slip(z.number)
    finally:
        queue.close()
    (job,) = virtual.jobs
    lines = decode(job.data).lines
    assert lines[:4] == ["Boutique Lumière", "12 rue des Lilas", "SIRET 73282932000074",
                         "TVA FR44732829320"]  # fmt: skip
    assert max(len(line) for line in lines) == 42


def _widest(text: str) -> int:
    return max(len(line) for line in text.splitlines())


def _with(virtual: VirtualPrinter, make, uri: str):  # type: ignore[no-untyped-def]
    """The printer `make` builds, writing into `virtual` (to read the job back)."""
    from pos.hardware.printer import make_printer

    model = make(uri)
    profile, columns = model.profile, model.columns
    model.close()
    return make_printer(uri, profile=profile, columns=columns, transport=virtual)
