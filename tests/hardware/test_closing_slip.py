"""The printed Z slip: French and English, every line fits the paper, the bytes say the same."""

from __future__ import annotations

from dataclasses import replace

import pytest

from pos.domain.closing import CashFigures, ClosureSlip, Figure, build_report
from pos.domain.receipt import ShopInfo
from pos.hardware.closing_slip import layout_closure, render_closure_escpos, render_closure_text
from pos.hardware.escpos_decode import decode

REPORT = build_report(
    documents=3, first_number="T1-000001", last_number="T1-000003",
    figures=[Figure("kind", "refund", "EUR", 2, -5980), Figure("kind", "exchange", "EUR", 1, 5000),
             Figure("tender", "cash/out", "EUR", 2, 5980), Figure("tender", "card/in", "EUR", 1,
                                                                   5000),
             Figure("vat", "20%", "EUR", 0, -980, -163), Figure("cashier", "camille", "EUR", 3,
                                                                 -980)],
    previous_grand_total={"EUR": 100000},
    cash=[CashFigures("EUR", 20000, 0, 5980, 0, 1250, 12700)])


def slip(language: str) -> ClosureSlip:
    return ClosureSlip("Boutique Hélène", 7, "z", "T1", "2026-11-20", "2026-11-20T18:00:00+00:00",
                       "maxime", "ab" * 32, "cd" * 64, REPORT, language)


@pytest.mark.parametrize("columns", [32, 42, 48])
@pytest.mark.parametrize("language", ["fr", "en"])
def test_every_line_fits_and_the_printer_prints_the_text(language: str, columns: int) -> None:
    text = render_closure_text(slip(language), columns=columns)
    assert all(len(line) <= columns for line in text.splitlines())
    job = decode(render_closure_escpos(slip(language), columns=columns))
    assert job.render(columns) == text
    assert "".join(line for line in text.splitlines() if set(line) == {"a", "b"}) == "ab" * 32


def test_the_slip_words_its_figures_in_each_language() -> None:
    french = render_closure_text(slip("fr"))
    english = render_closure_text(slip("en"))
    assert "TICKET Z - CLÔTURE" in french and "Z REPORT - CLOSURE" in english
    assert "GRAND TOTAL PERPÉTUEL" in french and "PERPETUAL GRAND TOTAL" in english
    assert "990,20" in french and "990.20" in english  # 1,000.00 - 9.80
    assert "Écart" in french and "-0,70 €" in french  # counted 127.00 for 127.70 expected
    for text, words in ((french, ("Remboursement", "Échange", "Espèces (rendu)",
                                  "Carte bancaire (encaissé)", "TVA 20 %")),
                        (english, ("Refund", "Exchange", "Cash (out)", "Card (in)", "VAT 20%"))):
        starts = [line.split("  ")[0] for line in text.splitlines()]
        assert all(word in starts for word in words)
        assert "cash/out" not in text and "card/in" not in text  # keys stay in the report
    with pytest.raises(ValueError):
        layout_closure(slip("fr"), columns=40)


def test_the_slip_carries_the_shops_identity_under_its_name() -> None:
    shop = ShopInfo("Boutique Hélène", ("3 place du Marché",), "FR44732829320", "01 23 45 67 89",
                    siret="73282932000074")  # fmt: skip
    for language, phone in (("fr", "Tél. 01 23 45 67 89"), ("en", "Tel. 01 23 45 67 89")):
        lines = decode(render_closure_escpos(replace(slip(language), shop=shop))).lines
        assert lines[1:5] == ["3 place du Marché", phone, "SIRET 73282932000074",
                              "VAT FR44732829320" if language == "en" else "TVA FR44732829320"]
    assert "SIRET" not in render_closure_text(slip("fr"))  # no identity given: the name only
