"""The shop identity set once in Settings, on SQLite and PostgreSQL: checked, stored, audited,
and printed on the next receipt; the printer's model in the terminal's file."""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

import pytest
from sqlalchemy import select

from pos.db.engine import SessionFactory
from pos.db.records import AuditEntryRecord
from pos.domain.money import Money
from pos.domain.printer_models import PrinterModelError
from pos.domain.receipt import ReceiptKind, ShopInfo
from pos.domain.returns import DocumentKind, Draft, ReturnRequest
from pos.domain.settlement import Tender, TenderMethod
from pos.domain.shop_identity import ShopIdentity, ShopIdentityError
from pos.hardware.escpos_decode import decode
from pos.hardware.receipt_render import render_escpos
from pos.services.errors import PermissionDeniedError
from pos.services.receipts import ReceiptService
from pos.services.settings import SettingsService
from pos.services.shop import ShopService
from tests.services.test_receipts import lines_and_payments
from tests.support.shop import Shop, build_shop, sell

IDENTITY = ShopIdentity("Boutique Lumière", "12 rue des Lilas\n75011 Paris", "01 23 45 67 89",
                        "732 829 320 00074", "FR44 732 829 320",
                        "Échanges sous 30 jours.", "Exchanges within 30 days.",
                        card_validity_months=24)  # fmt: skip


@pytest.fixture
def shop(sessions: SessionFactory) -> Shop:
    return build_shop(sessions)


@pytest.fixture
def service(shop: Shop) -> ShopService:
    return ShopService(sessions=shop.sessions, clock=shop.clock, default=ShopIdentity("Comptoir"))


def test_until_saved_receipts_show_the_configured_name_then_the_identity(
    shop: Shop, service: ShopService
) -> None:
    receipts = ReceiptService(sessions=shop.sessions, clock=shop.clock, shop=ShopInfo("Comptoir"))
    order = sell(shop, "30001", [("JEA-M", 1)])
    (line,), _ = lines_and_payments(shop, order)
    draft = Draft(DocumentKind.EXCHANGE, (ReturnRequest(line, 1),),
                  (shop.returns.new_item(order_id=order, code="T-S-M"),))  # fmt: skip
    card = Tender(TenderMethod.NEW_GIFT_CARD, Money(5000, "EUR"))
    done = shop.returns.commit(shop.cashier, order, draft, [card])
    assert receipts.receipt(done.number).shop == ShopInfo("Comptoir")
    assert service.identity() == ShopIdentity("Comptoir")
    admin = shop.users.login("admin", "7391")
    stored = service.save(admin, IDENTITY)
    assert (stored.siret, stored.vat_id) == ("73282932000074", "FR44732829320")
    assert service.identity() == stored
    # The next print of that document (a reprint included) carries the identity and the table.
    lines = decode(render_escpos(receipts.receipt(done.number, duplicate=True))).lines
    assert ["12 rue des Lilas", "75011 Paris", "Tél. 01 23 45 67 89", "SIRET 73282932000074",
            "TVA FR44732829320"] == lines[1:6]  # fmt: skip
    at = lines.index("DÉTAIL TVA (€)")  # the jeans (79.90) back, a tee (29.90) out, both 20 %
    # Tax rounded once per line (DESIGN §3 rule 1): 13.32 - 4.98, not 20/120 of 50.00.
    assert lines[at + 2] == "20 %       -41,66       -8,34       -50,00"
    # The slip says until when the card is valid: 24 months from its issue, Paris time.
    slip = receipts.receipt(done.number, kind=ReceiptKind.GIFT_CARD_SLIP, language="en")
    assert slip.gift_card is not None and str(slip.gift_card.valid_until) == "2028-11-20"
    assert "Valid until                   Nov 20, 2028" in decode(render_escpos(slip)).lines
    with shop.sessions() as s:
        entry = s.scalars(select(AuditEntryRecord).where(
            AuditEntryRecord.action == "shop_identity_changed")).one()  # fmt: skip
    assert entry.data["changed"]["siret"] == ["", "73282932000074"]


@pytest.mark.parametrize(
    ("changes", "reason"),
    [({"siret": "73282932000075"}, "siret_invalid"), ({"vat_id": "FR45732829320"}, "vat_invalid"),
     ({"vat_id": "FR40303265045"}, "vat_siren_mismatch")],
)
def test_a_wrong_number_is_refused_and_nothing_is_stored(
    shop: Shop, service: ShopService, changes: dict[str, str], reason: str
) -> None:
    admin = shop.users.login("admin", "7391")
    with pytest.raises(ShopIdentityError) as refused:
        service.save(admin, replace(IDENTITY, **changes))  # type: ignore[arg-type]
    assert refused.value.reason == reason
    assert service.identity() == ShopIdentity("Comptoir")


def test_only_an_admin_sets_the_identity(shop: Shop, service: ShopService) -> None:
    for operator in (shop.cashier, shop.manager):
        with pytest.raises(PermissionDeniedError):
            service.save(operator, IDENTITY)
    assert service.identity() == ShopIdentity("Comptoir")


def test_the_printer_model_and_width_are_the_terminals(shop: Shop, tmp_path: Path) -> None:
    settings = SettingsService(sessions=shop.sessions, clock=shop.clock,
                               config_path=tmp_path / "terminal.json")  # fmt: skip
    assert settings.printer_model() == ("TM-T88V", None)  # None: the profile's own width
    admin = shop.users.login("admin", "7391")
    settings.set_printer_model(admin, "TM-T20II", None)
    assert settings.printer_model() == ("TM-T20II", None)
    settings.set_printer_model(admin, "TM-T20II", 42)
    assert settings.printer_model() == ("TM-T20II", 42)
    stored = json.loads((tmp_path / "terminal.json").read_text(encoding="utf-8"))
    assert (stored["printer_profile"], stored["printer_columns"]) == ("TM-T20II", "42")
    with pytest.raises(PrinterModelError) as refused:
        settings.set_printer_model(admin, "NT-5890K", 48)  # 58 mm paper has 32 columns
    assert refused.value.reason == "width_not_for_paper"
    with pytest.raises(PrinterModelError):
        settings.set_printer_model(admin, "TM-XYZ", None)
    with pytest.raises(PermissionDeniedError):
        settings.set_printer_model(shop.cashier, "TM-T88V", None)
    assert settings.printer_model() == ("TM-T20II", 42)


def test_a_printer_model_edited_by_hand_into_nonsense_is_the_default(
    shop: Shop, tmp_path: Path
) -> None:
    path = tmp_path / "terminal.json"
    settings = SettingsService(sessions=shop.sessions, clock=shop.clock, config_path=path)
    path.write_text(json.dumps({"printer_profile": "TM-T20II", "printer_columns": "32"}))
    assert settings.printer_model() == ("TM-T88V", None)  # 80 mm paper has no 32 columns
    path.write_text(json.dumps({"printer_profile": "NO-SUCH", "printer_columns": ""}))
    assert settings.printer_model() == ("TM-T88V", None)
