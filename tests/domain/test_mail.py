"""The confirmation e-mail as data: validation and its JSON-safe outbox payload."""

from __future__ import annotations

import json
from datetime import datetime

import pytest

from pos.domain.mail import (
    MailKind,
    MailLine,
    MailPayloadError,
    mail_from_payload,
    mail_object_key,
    mail_payload,
)
from pos.domain.money import Money
from pos.domain.settlement import BalanceKind
from tests.support.smtp import sample_mail


def test_the_payload_survives_json_and_comes_back_equal() -> None:
    mail = sample_mail()
    stored = json.loads(json.dumps(mail_payload(mail)))
    assert mail_from_payload(stored) == mail


def test_money_is_stored_as_minor_units_with_one_currency() -> None:
    payload = mail_payload(sample_mail())
    assert payload["currency"] == "EUR"
    assert payload["balance"] == -4210
    assert payload["returned_lines"][0]["amount"] == 9980
    assert payload["tenders"][0] == {"method": "card", "amount": 3000, "reference": "**** 4242"}


def test_a_cancellation_without_gift_card_round_trips() -> None:
    mail = sample_mail(
        kind=MailKind.CANCELLATION,
        language="en",
        new_lines=(),
        fees=(),
        tenders=(),
        gift_card_code=None,
        balance=Money(0, "EUR"),
        balance_kind=BalanceKind.NONE,
        note="",
    )
    assert mail_from_payload(json.loads(json.dumps(mail_payload(mail)))) == mail


def test_the_date_keeps_its_offset() -> None:
    stored = mail_from_payload(mail_payload(sample_mail()))
    assert stored.date.utcoffset() is not None
    assert stored.date == datetime.fromisoformat("2026-11-01T11:30:00+01:00")


def test_object_key_names_the_document() -> None:
    assert mail_object_key("T1-000123") == "mail:T1-000123"


@pytest.mark.parametrize(
    "changes",
    [
        {"language": "de"},
        {"customer_email": "nobody"},
        {"customer_name": "Eve\r\nBcc: everyone@example.com"},
        {"shop_name": "Shop\nX-Injected: yes"},
        {"date": datetime(2026, 11, 1, 11, 30)},
        {"returned_lines": (MailLine("Hat", "", 1, Money(1000, "USD")),)},
    ],
)
def test_unusable_data_is_refused(changes: dict[str, object]) -> None:
    with pytest.raises(MailPayloadError):
        sample_mail(**changes)


@pytest.mark.parametrize(
    "damage",
    [
        lambda p: p.update(version=99),
        lambda p: p.pop("customer_email"),
        lambda p: p.update(kind="gift"),
        lambda p: p.update(balance=12.5),
        lambda p: p.update(date="yesterday"),
        lambda p: p["returned_lines"][0].pop("quantity"),
        lambda p: p.update(fees="none"),
    ],
)
def test_a_damaged_payload_raises_a_payload_error(damage) -> None:  # type: ignore[no-untyped-def]
    payload = mail_payload(sample_mail())
    damage(payload)
    with pytest.raises(MailPayloadError):
        mail_from_payload(payload)
