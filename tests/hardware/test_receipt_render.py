"""Every receipt layout, byte for byte (golden files), and its bytes read back.

Golden files live in tests/hardware/golden/; after an intended layout change regenerate them
with `COMPTOIR_UPDATE_GOLDEN=1 .venv/bin/pytest tests/hardware` and review the diff of
`render_text` (the same rows) before committing.
"""

from __future__ import annotations

import os
from dataclasses import replace
from datetime import UTC, date, datetime
from decimal import Decimal
from pathlib import Path

import pytest

from pos.domain.money import Money
from pos.domain.printer_models import PRINTER_MODELS
from pos.domain.receipt import (
    Receipt,
    ReceiptGiftCard,
    ReceiptKind,
    ReceiptLine,
    ReceiptTender,
    ReceiptVat,
    ShopInfo,
)
from pos.hardware.escpos_decode import EscposDecodeError, decode
from pos.hardware.receipt_render import (
    code_page,
    layout,
    profile_columns,
    render_escpos,
    render_text,
)

GOLDEN = Path(__file__).parent / "golden"
UPDATE = os.environ.get("COMPTOIR_UPDATE_GOLDEN") == "1"
CP858_ON_TM_T88V = 19

SHOP = ShopInfo(
    "Boutique Lumière",
    ("12 rue des Lilas", "75011 Paris"),
    "FR44732829320",
    "01 23 45 67 89",
    ("Échanges et remboursements sous 30 jours, sur présentation de ce reçu.",),
    ("Exchanges and refunds within 30 days with this receipt.",),
    siret="73282932000074",
    card_validity_months=12,
)


def eur(minor: int) -> Money:
    return Money(minor, "EUR")


def base(kind: ReceiptKind = ReceiptKind.EXCHANGE, **changes: object) -> Receipt:
    receipt = Receipt(
        kind=ReceiptKind.EXCHANGE,
        language="fr",
        shop=SHOP,
        document_number="T1-000042",
        created_at=datetime(2026, 11, 20, 15, 5, tzinfo=UTC),
        terminal_id="T1",
        cashier_name="Camille Durand",
        approver_names=(),
        order_number="10042",
        returned=(ReceiptLine("T-shirt coton bio", "Taille M", 1, eur(2990)),),
        new_items=(
            ReceiptLine("Jean droit délavé, coupe régulière", "Taille L / Bleu", 1, eur(7990)),
        ),
        fees=(),
        balance=eur(5000),
        balance_kind="higher",
        tenders=(ReceiptTender("card", eur(2000), "AUTH 0457"), ReceiptTender("cash", eur(4000))),
        change_due=eur(1000),
        gift_card=None,
        qr_payload="CPT:D:T1-000042",
        open_drawer=True,
        vat=(ReceiptVat(Decimal(20), eur(1332 - 498), eur(7990 - 2990)),),
    )
    return replace(receipt, kind=kind, **changes)  # type: ignore[arg-type]


def refund() -> Receipt:
    return base(
        ReceiptKind.REFUND,
        approver_names=("Maxime Lefèvre",),
        new_items=(),
        returned=(
            ReceiptLine("Écharpe laine", "Taille S", 2, eur(7980)),
            ReceiptLine("Frais de livraison", "", 0, eur(490)),
        ),
        fees=(ReceiptLine("restocking", "", 1, eur(500)),),
        balance=eur(-7970),
        balance_kind="lower",
        open_drawer=False,
        change_due=eur(0),
        tenders=(ReceiptTender("original_payment", eur(7970), "VISA 4242"),),
        vat=(ReceiptVat(Decimal(20), eur(-1330), eur(-7980)),),
    )


def cancellation() -> Receipt:
    return base(
        ReceiptKind.CANCELLATION,
        approver_names=("Maxime Lefèvre", "Alex Admin"),
        returned=(ReceiptLine("Jean droit", "Taille M", 1, eur(7990)),),
        new_items=(),
        balance=eur(0),
        balance_kind="none",
        tenders=(),
        change_due=eur(0),
        open_drawer=False,
        note="Commande annulée à la demande de la cliente",
        vat=(ReceiptVat(Decimal(20), eur(-1332), eur(-7990)),),
    )


def slip() -> Receipt:
    card = ReceiptGiftCard("K7QX3MZ9PTW4HB2R", eur(5000), "gift_card",
                           valid_until=date(2027, 11, 20))  # fmt: skip
    return base(
        ReceiptKind.GIFT_CARD_SLIP,
        vat=(),
        gift_card=card,
        open_drawer=False,
        balance=eur(-5000),
        balance_kind="lower",
        change_due=eur(0),
        tenders=(ReceiptTender("new_gift_card", eur(5000), card.code),),
    )


def duplicate() -> Receipt:
    return replace(base(), duplicate=True, open_drawer=False)


LAYOUTS = {
    "exchange": base,
    "refund": refund,
    "cancellation": cancellation,
    "gift_card_slip": slip,
    "duplicate": duplicate,
}
CASES = [
    (name, language, columns)
    for name in LAYOUTS
    for language in ("fr", "en")
    for columns in (32, 42, 48)
]


def receipt_for(name: str, language: str) -> Receipt:
    return replace(LAYOUTS[name](), language=language)


# Every printer offered in Settings, at every width its paper has: the exchange (VAT table)
# and the gift-card slip (two QR codes), in both languages.
PROFILE_CASES = [
    (model.profile, width, name, language)
    for model in PRINTER_MODELS
    for width in model.widths
    for name in ("exchange", "gift_card_slip")
    for language in ("fr", "en")
]


@pytest.mark.parametrize(("profile", "columns", "name", "language"), PROFILE_CASES)
def test_golden_bytes_of_every_offered_printer(
    profile: str, columns: int, name: str, language: str
) -> None:
    receipt = receipt_for(name, language)
    data = render_escpos(receipt, profile=profile, columns=columns)
    path = GOLDEN / "profiles" / f"{profile}-{columns}-{name}-{language}.bin"
    if UPDATE:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
    assert path.exists(), f"missing {path.name}: run with COMPTOIR_UPDATE_GOLDEN=1"
    assert data == path.read_bytes(), render_text(receipt, columns=columns)
    job = decode(data, profile=profile)
    text = render_text(receipt, columns=columns)
    qr_codes = [row.qr for row in layout(receipt, columns) if row.qr]
    if job.images:  # no native QR (58 mm clones): python-escpos sends each as a raster image
        assert job.images == len(qr_codes) and job.qr_payloads == []
        printed = [line for line in job.render(columns).split("\n")
                   if line.strip() and line.strip() != "[image]"]  # fmt: skip
        assert printed == [line for line in text.split("\n")
                           if line.strip() and not line.strip().startswith("[QR")]  # fmt: skip
    else:
        assert job.render(columns) == text and job.qr_payloads == qr_codes
    assert all(row.cells <= columns for row in job.rows), job.lines
    assert job.codepages == [code_page(profile).table]
    assert "Boutique Lumière" in job.bold_spans and "SIRET 73282932000074" in job.lines


def test_each_offered_printer_has_its_own_width_by_default() -> None:
    widths = {model.profile: profile_columns(model.profile) for model in PRINTER_MODELS}
    # The 80 mm TM-T20II/III prints 48 characters a line; the TM-T88V 42; 58 mm paper 32.
    assert widths["TM-T20II"] == 48 and widths["TM-T88V"] == 42
    assert widths["RP-F10-58mm"] == 32 and widths["NT-5890K"] == 32
    for model in PRINTER_MODELS:
        assert widths[model.profile] in model.widths


@pytest.mark.parametrize(("name", "language", "columns"), CASES)
def test_golden_bytes(name: str, language: str, columns: int) -> None:
    data = render_escpos(receipt_for(name, language), columns=columns)
    path = GOLDEN / f"{name}-{language}-{columns}.bin"
    if UPDATE:
        GOLDEN.mkdir(exist_ok=True)
        path.write_bytes(data)
    assert path.exists(), f"missing {path.name}: run with COMPTOIR_UPDATE_GOLDEN=1"
    assert data == path.read_bytes(), render_text(receipt_for(name, language), columns=columns)


@pytest.mark.parametrize(("name", "language", "columns"), CASES)
def test_bytes_read_back_as_the_text_rendering(name: str, language: str, columns: int) -> None:
    receipt = receipt_for(name, language)
    job = decode(render_escpos(receipt, columns=columns))
    assert job.render(columns) == render_text(receipt, columns=columns)
    assert all(row.cells <= columns for row in job.rows), job.lines
    assert all(len(line) <= columns for line in render_text(receipt, columns=columns).split("\n"))
    assert job.initialised == 1 and job.codepages == [CP858_ON_TM_T88V]
    assert job.cuts == 1 and job.drawer_pulses == (1 if receipt.open_drawer else 0)
    assert job.qr_payloads[-1] == "CPT:D:T1-000042"
    assert "Boutique Lumière" in job.bold_spans


def test_exchange_in_french_reads_right() -> None:
    job = decode(render_escpos(base(), columns=42))
    lines = job.lines
    assert "ÉCHANGE" in lines and "ÉCHANGE" in job.bold_spans
    assert "Date                      20/11/2026 16:05" in lines  # Paris time, not UTC
    assert "1 x T-shirt coton bio              29,90 €" in lines
    assert "Reste à payer                      50,00 €" in lines
    assert "Carte bancaire AUTH 0457           20,00 €" in lines
    assert "Monnaie rendue                     10,00 €" in lines
    assert "Vendeur                     Camille Durand" in lines
    at = lines.index("1 x Jean droit délavé, coupe régulière")  # too long for the amount
    assert lines[at + 1 : at + 3] == [" " * 35 + "79,90 €", "    Taille L / Bleu"]
    narrow = decode(render_escpos(base(), columns=32)).lines
    at = narrow.index("1 x Jean droit délavé, coupe")
    assert narrow[at + 1] == "régulière                79,90 €"
    assert job.drawer_pulses == 1


def test_english_money_and_dates() -> None:
    lines = decode(render_escpos(base(language="en"), columns=32)).lines
    assert "Date           11/20/26, 4:05 PM" in lines
    assert "Balance to pay            €50.00" in lines
    assert "Change                    €10.00" in lines


def test_accents_and_euro_are_cp858_bytes() -> None:
    data = render_escpos(base(), columns=42)
    assert "Écharpe".encode("cp858") not in data  # (not on this receipt)
    for text in ("€", "é", "É", "ç"):
        assert text.encode("cp858") in data
    assert b"\x1bt\x13" in data[:8] and "€".encode("cp858") == b"\xd5"
    assert "€".encode() not in data
    umlaut = replace(base(), cashier_name="Jürgen Müller")
    assert "Vendeur                      Jürgen Müller" in decode(render_escpos(umlaut)).lines


def test_duplicate_banner_and_the_slip() -> None:
    assert "*** DUPLICATA ***" in decode(render_escpos(duplicate())).lines
    assert "*** DUPLICATE ***" in decode(render_escpos(replace(duplicate(), language="en"))).lines
    job = decode(render_escpos(slip(), columns=32))
    assert job.qr_payloads == ["K7QX3MZ9PTW4HB2R", "CPT:D:T1-000042"]
    assert "K7QX-3MZ9-PTW4-HB2R" in job.lines and "CARTE CADEAU" in job.lines
    assert "Solde                    50,00 €" in job.lines
    credit = replace(
        slip(),
        gift_card=ReceiptGiftCard("K7QX3MZ9PTW4HB2R", eur(5000), "store_credit", eur(1250)),
        language="en",
    )
    lines = decode(render_escpos(credit)).lines
    assert "STORE CREDIT" in lines and any(line.endswith("€12.50") for line in lines)


def test_receipt_card_codes_are_masked() -> None:
    text = render_text(slip(), columns=42)
    assert "Nouvelle carte cadeau ****HB2R" not in text  # a slip shows no tenders
    exchange = replace(slip(), kind=ReceiptKind.EXCHANGE)
    assert "Nouvelle carte cadeau ****HB2R" in render_text(exchange, columns=42)
    assert "K7QX3MZ9PTW4HB2R" not in render_text(exchange, columns=42).replace("[QR", "")


def test_cp1252_when_the_profile_has_no_cp858() -> None:
    page = code_page("TM-T88II")
    assert (page.name, page.table) == ("CP1252", 16)
    job = decode(render_escpos(base(), profile="TM-T88II"), profile="TM-T88II")
    assert job.codepages == [16] and "Reste à payer                      50,00 €" in job.lines


def test_a_printer_without_euro_or_native_qr_still_prints() -> None:
    page = code_page("TM-U220")
    assert page.name == "CP437" and not page.has_euro
    job = decode(render_escpos(base(), profile="TM-U220"), profile="TM-U220")
    assert "Reste à payer                      50,00 EUR" in job.lines
    assert job.images == 1 and job.qr_payloads == []


def test_other_tables_of_other_profiles() -> None:
    assert code_page("TH230").table == 6  # CP858 is not number 19 everywhere
    job = decode(render_escpos(base(), profile="TH230", columns=48), profile="TH230")
    assert job.codepages == [6] and any(line.endswith(" 10,00 €") for line in job.lines)
    assert code_page("SP2000").table == 4 and code_page("ZJ-5870").name == "CP1252"


def test_columns_are_checked() -> None:
    with pytest.raises(ValueError):
        layout(base(), 40)


def test_a_very_long_shop_name_and_amount_still_fit() -> None:
    shop = replace(SHOP, name="La Grande Boutique des Créateurs Réunis de Montreuil")
    receipt = replace(base(), shop=shop, balance=eur(123456789), cashier_name="X" * 60)
    for columns in (32, 42, 48):
        job = decode(render_escpos(receipt, columns=columns))
        assert all(row.cells <= columns for row in job.rows)


def test_unknown_bytes_are_refused_by_the_decoder() -> None:
    with pytest.raises(EscposDecodeError):
        decode(b"\x1b@\x1b\x7f")
    with pytest.raises(EscposDecodeError):
        decode(b"\x1d(k\x10\x00")


def test_the_vat_table_per_rate_in_both_languages() -> None:
    # An exchange: a tee back (29.90, VAT 5.00 at 20 %), a notebook out (9.50, 0.50 at 5.5 %).
    vat = (ReceiptVat(Decimal(20), eur(-500), eur(-2990)),
           ReceiptVat(Decimal("5.5"), eur(50), eur(950)))  # fmt: skip
    french = decode(render_escpos(replace(base(), vat=vat), columns=42)).lines
    at = french.index("DÉTAIL TVA (€)")
    assert french[at + 1 : at + 5] == [
        "Taux             HT        TVA         TTC",
        "20 %         -24,90      -5,00      -29,90",
        "5,5 %          9,00       0,50        9,50",
        "Total        -15,90      -4,50      -20,40",
    ]
    english = decode(render_escpos(replace(base(language="en"), vat=vat), columns=32)).lines
    at = english.index("VAT BREAKDOWN (€)")
    assert english[at + 1 : at + 5] == [
        "Rate        Net     VAT    Gross",
        "20%      -24.90   -5.00   -29.90",
        "5.5%       9.00    0.50     9.50",
        "Total    -15.90   -4.50   -20.40",
    ]
    plain = decode(render_escpos(replace(base(), vat=()))).lines  # no VAT given: no table
    assert "DÉTAIL TVA (€)" not in plain


def test_large_amounts_put_each_vat_figure_on_its_own_line_on_58_mm() -> None:
    vat = (ReceiptVat(Decimal(20), eur(-2057613), eur(-12345678)),)
    lines = decode(render_escpos(replace(base(), vat=vat), columns=32)).lines
    at = lines.index("DÉTAIL TVA (€)")
    assert lines[at + 1 : at + 5] == [
        "20 %",
        "  HT                 -102 880,65",
        "  TVA                 -20 576,13",
        "  TTC                -123 456,78",
    ]


def test_shop_identity_heads_every_receipt() -> None:
    lines = decode(render_escpos(base(), columns=42)).lines
    at = lines.index("12 rue des Lilas")
    assert lines[at : at + 5] == ["12 rue des Lilas", "75011 Paris", "Tél. 01 23 45 67 89",
                                  "SIRET 73282932000074", "TVA FR44732829320"]  # fmt: skip


def test_a_blank_line_around_every_qr_code_and_the_cards_validity() -> None:
    for language, validity in (("fr", "Valable jusqu'au              20 nov. 2027"),
                               ("en", "Valid until                   Nov 20, 2027")):  # fmt: skip
        rows = layout(replace(slip(), language=language), 42)
        for at, row in enumerate(rows):
            if row.qr:
                assert rows[at - 1].text == "" and rows[at + 1].text == ""
                assert rows[at + 2].text.strip()  # the caption, one blank line below
        assert validity in [row.text for row in rows]
    no_end = replace(slip().gift_card, valid_until=None)
    text = render_text(replace(slip(), gift_card=no_end), columns=42)
    assert "Valable sans limite de durée" in text
