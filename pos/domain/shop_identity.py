"""The shop's identity as set once in Settings, checked the way French receipts need it.

Pure: `check_identity` refuses a SIRET whose Luhn check fails (La Poste's establishments
excepted, as INSEE numbers them) or a French VAT number whose key does not match its SIREN,
with a reason code the Settings screen turns into a sentence. Outside France both numbers are
free text. `identity_from_settings` / `identity_to_settings` are the stored key/value form.
"""

from __future__ import annotations

import calendar
from collections.abc import Mapping
from dataclasses import dataclass, replace
from datetime import date

from pos.domain.errors import DomainError
from pos.domain.receipt import ShopInfo

LA_POSTE_SIREN = "356000000"
LA_POSTE_HEAD_OFFICE = "35600000000048"  # the one La Poste SIRET that follows Luhn
MAX_FIELD = 120
MAX_LINES = 4
MAX_VALIDITY_MONTHS = 120
DEFAULT_VALIDITY_MONTHS = 12


class ShopIdentityError(DomainError):
    """An identity field is refused. Reasons: ``name_missing``, ``too_long``, ``siret_invalid``,
    ``vat_invalid``, ``vat_siren_mismatch``, ``validity_invalid``, ``country_invalid``."""

    def __init__(self, reason: str, **params: object) -> None:
        super().__init__("shop_identity_invalid", reason=reason, **params)
        self.reason = reason


@dataclass(frozen=True, slots=True)
class ShopIdentity:
    """What Settings edits; `to_shop_info` is what receipts and the Z slip print."""

    name: str
    address: str = ""  # lines separated by "\n"
    phone: str = ""
    siret: str = ""
    vat_id: str = ""
    footer_fr: str = ""  # lines separated by "\n"
    footer_en: str = ""
    country: str = "FR"  # ISO 3166 alpha-2: French numbers are checked only for "FR"
    card_validity_months: int = DEFAULT_VALIDITY_MONTHS  # 0: no end date

    def to_shop_info(self) -> ShopInfo:
        """The header and footer a receipt prints."""
        return ShopInfo(
            name=self.name,
            address_lines=_lines(self.address),
            vat_id=self.vat_id,
            phone=self.phone,
            footer_fr=_lines(self.footer_fr),
            footer_en=_lines(self.footer_en),
            siret=self.siret,
            card_validity_months=self.card_validity_months,
        )


def _lines(text: str) -> tuple[str, ...]:
    return tuple(line.strip() for line in text.splitlines() if line.strip())


def luhn_valid(digits: str) -> bool:
    """Whether `digits` passes the Luhn check (every second digit from the right doubled)."""
    total = 0
    for position, char in enumerate(reversed(digits)):
        value = int(char) * (2 if position % 2 else 1)
        total += value - 9 if value > 9 else value
    return total % 10 == 0


def siret_valid(siret: str) -> bool:
    """A SIRET: 14 digits passing Luhn. La Poste's establishments (SIREN 356 000 000, its
    head office aside) are numbered by INSEE so that their digits add up to a multiple of 5."""
    if len(siret) != 14 or not siret.isascii() or not siret.isdigit():
        return False
    if siret.startswith(LA_POSTE_SIREN) and siret != LA_POSTE_HEAD_OFFICE:
        return sum(int(c) for c in siret) % 5 == 0
    return luhn_valid(siret)


def french_vat_key(siren: str) -> int:
    """The key of the French VAT number of `siren`: (12 + 3 × (SIREN mod 97)) mod 97."""
    return (12 + 3 * (int(siren) % 97)) % 97


def french_vat_valid(vat_id: str) -> bool:
    """"FR" + a 2-digit key + the 9-digit SIREN (itself Luhn-valid), the key matching it.

    The newer keys with letters go to businesses without a SIREN, which have no SIRET to
    print either; they are refused rather than guessed at.
    """
    if len(vat_id) != 13 or not vat_id.startswith("FR"):
        return False
    key, siren = vat_id[2:4], vat_id[4:]
    if not (key.isascii() and key.isdigit() and siren.isascii() and siren.isdigit()):
        return False
    return luhn_valid(siren) and int(key) == french_vat_key(siren)


def compact(number: str) -> str:
    """A number as typed, without spaces, dots or dashes, in capitals ("FR 12 345…")."""
    return "".join(c for c in number if c not in " .-\u00a0\u202f").upper()


def check_identity(identity: ShopIdentity) -> ShopIdentity:
    """`identity` trimmed, its numbers compacted; the first refusal otherwise.

    Raises:
        ShopIdentityError: see the class for the reasons.
    """
    country = identity.country.strip().upper() or "FR"
    if len(country) != 2 or not country.isalpha():
        raise ShopIdentityError("country_invalid", country=identity.country)
    name = identity.name.strip()
    if not name:
        raise ShopIdentityError("name_missing")
    texts = {"name": name, "phone": identity.phone.strip()}
    for field_name in ("address", "footer_fr", "footer_en"):
        value = "\n".join(_lines(getattr(identity, field_name)))
        if len(_lines(value)) > MAX_LINES:
            raise ShopIdentityError("too_long", field=field_name)
        texts[field_name] = value
    siret, vat_id = compact(identity.siret), compact(identity.vat_id)
    if country != "FR":  # free text: only trimmed
        siret, vat_id = identity.siret.strip(), identity.vat_id.strip()
    for field_name, value in (*texts.items(), ("siret", siret), ("vat_id", vat_id)):
        if any(len(line) > MAX_FIELD for line in value.splitlines()):
            raise ShopIdentityError("too_long", field=field_name)
    if country == "FR":
        if siret and not siret_valid(siret):
            raise ShopIdentityError("siret_invalid", siret=identity.siret)
        if vat_id and not french_vat_valid(vat_id):
            raise ShopIdentityError("vat_invalid", vat_id=identity.vat_id)
        if siret and vat_id and vat_id[4:] != siret[:9]:
            raise ShopIdentityError("vat_siren_mismatch", vat_id=vat_id, siret=siret)
    months = identity.card_validity_months
    if not 0 <= months <= MAX_VALIDITY_MONTHS:
        raise ShopIdentityError("validity_invalid", months=months)
    return replace(identity, name=texts["name"], address=texts["address"], phone=texts["phone"],
                   siret=siret, vat_id=vat_id, footer_fr=texts["footer_fr"],
                   footer_en=texts["footer_en"], country=country)


_KEYS = ("name", "address", "phone", "siret", "vat_id", "footer_fr", "footer_en", "country")


def identity_to_settings(identity: ShopIdentity) -> dict[str, str]:
    """The stored key/value form (`shop_settings` rows)."""
    values = {key: getattr(identity, key) for key in _KEYS}
    values["card_validity_months"] = str(identity.card_validity_months)
    return values


def identity_from_settings(
    settings: Mapping[str, str], default: ShopIdentity
) -> ShopIdentity:
    """The identity stored in `settings`; `default` when nothing is stored yet."""
    if not settings.get("name"):
        return default
    values = {key: settings.get(key, "") for key in _KEYS}
    months = settings.get("card_validity_months", "")
    validity = int(months) if months.isdigit() else DEFAULT_VALIDITY_MONTHS
    return ShopIdentity(**values, card_validity_months=validity)


def card_valid_until(issued: date, months: int) -> date | None:
    """The last day a card issued on `issued` is accepted: the same day `months` later
    (the month's last day when it has no such day); None when `months` is 0 (no end date)."""
    if months <= 0:
        return None
    index = issued.month - 1 + months
    year, month = issued.year + index // 12, index % 12 + 1
    return date(year, month, min(issued.day, calendar.monthrange(year, month)[1]))


__all__ = [
    "ShopIdentity",
    "ShopIdentityError",
    "card_valid_until",
    "check_identity",
    "french_vat_key",
    "french_vat_valid",
    "identity_from_settings",
    "identity_to_settings",
    "siret_valid",
]
