"""The shop identity's checks: SIRET (Luhn, La Poste), French VAT key, free text abroad."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest

from pos.domain.shop_identity import (
    ShopIdentity,
    ShopIdentityError,
    card_valid_until,
    check_identity,
    french_vat_valid,
    identity_from_settings,
    identity_to_settings,
    siret_valid,
)

SHOP = ShopIdentity("Boutique Lumière", "12 rue des Lilas\n75011 Paris", "01 23 45 67 89",
                    "732 829 320 00074", "FR 44 732829320", "Sous 30 jours.",
                    "Within 30 days.")  # fmt: skip


def test_siret_is_fourteen_digits_with_luhn_and_la_postes_own_rule() -> None:
    assert siret_valid("73282932000074")
    assert not siret_valid("73282932000075")  # one digit off
    assert not siret_valid("7328293200007") and not siret_valid("7328293200007A")
    # La Poste's offices: digit sum a multiple of 5 (INSEE), not Luhn; its head office: Luhn.
    assert siret_valid("35600000049837") and siret_valid("35600000000048")
    assert not siret_valid("35600000049838")


def test_french_vat_key_is_computed_from_the_siren() -> None:
    # key = (12 + 3 × (732829320 mod 97)) mod 97 = 44
    assert french_vat_valid("FR44732829320")
    assert not french_vat_valid("FR45732829320") and not french_vat_valid("DE44732829320")


def test_identity_is_trimmed_and_its_numbers_compacted() -> None:
    checked = check_identity(SHOP)
    assert (checked.siret, checked.vat_id) == ("73282932000074", "FR44732829320")
    info = checked.to_shop_info()
    assert info.address_lines == ("12 rue des Lilas", "75011 Paris")
    assert info.footer("en") == ("Within 30 days.",) and info.siret == "73282932000074"


@pytest.mark.parametrize(
    ("changes", "reason"),
    [
        ({"name": "  "}, "name_missing"),
        ({"siret": "73282932000075"}, "siret_invalid"),
        ({"vat_id": "FR45732829320"}, "vat_invalid"),
        ({"vat_id": "FR40303265045"}, "vat_siren_mismatch"),  # valid, another company's
        ({"card_validity_months": -1}, "validity_invalid"),
        ({"address": "a\nb\nc\nd\ne"}, "too_long"),
        ({"country": "France"}, "country_invalid"),
    ],
)
def test_refusals(changes: dict[str, object], reason: str) -> None:
    with pytest.raises(ShopIdentityError) as refused:
        check_identity(replace(SHOP, **changes))  # type: ignore[arg-type]
    assert refused.value.reason == reason


def test_outside_france_the_numbers_are_free_text() -> None:
    swiss = check_identity(replace(SHOP, country="ch", siret="CHE-123.456.788",
                                   vat_id="CHE-123.456.788 MWST"))  # fmt: skip
    assert (swiss.country, swiss.vat_id) == ("CH", "CHE-123.456.788 MWST")


def test_stored_form_round_trips_and_nothing_stored_gives_the_default() -> None:
    checked = check_identity(SHOP)
    assert identity_from_settings(identity_to_settings(checked), SHOP) == checked
    assert identity_from_settings({}, SHOP) is SHOP


def test_card_validity_is_the_same_day_months_later() -> None:
    assert card_valid_until(date(2026, 11, 20), 12) == date(2027, 11, 20)
    assert card_valid_until(date(2026, 8, 31), 6) == date(2027, 2, 28)
    assert card_valid_until(date(2026, 11, 20), 0) is None
