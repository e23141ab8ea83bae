"""`comptoir sync`: a round against the fake Wix, status, review and a manager's decision."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from sqlalchemy import select

from pos.cli import main
from pos.db.engine import SessionFactory, make_engine, make_sessions
from pos.db.records import AuditEntryRecord, OutboxMessageRecord, StockMovementRecord
from pos.sync.engine import SyncRunner
from tests.fakes.wix import FakeWix
from tests.support.clock import FakeClock
from tests.sync.conftest import RecordedSleep, make_client
from tests.sync.test_stock_push import NOW, link, make_review_case, queue


@pytest.fixture
def db(db_url: str) -> Iterator[tuple[str, SessionFactory]]:
    engine = make_engine(db_url)
    yield db_url, make_sessions(engine)
    engine.dispose()


@pytest.fixture
def wix_env(fake_wix: FakeWix, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("pos.sync.credentials.keyring.get_password", lambda *_: None)
    monkeypatch.setenv("COMPTOIR_WIX_API_KEY", fake_wix.api_key)
    monkeypatch.setenv("COMPTOIR_WIX_SITE_ID", fake_wix.site_id)
    monkeypatch.setenv("COMPTOIR_WIX_BASE_URL", fake_wix.base_url)


def test_one_round_pushes_the_queue_and_status_says_so(
    fake_wix: FakeWix, db: tuple[str, SessionFactory], wix_env: None,
    capsys: pytest.CaptureFixture[str],
) -> None:  # fmt: skip
    url, sessions = db
    ids = link(sessions, fake_wix, ["TS-M"])
    queue(sessions, ids["TS-M"], 2)
    assert main(["sync", "status", "--db", url]) == 0
    assert "offline: 1 waiting" in capsys.readouterr().out
    assert main(["sync", "--once", "--db", url]) == 0
    err = capsys.readouterr().err
    assert "sync: online: 0 waiting, 0 need review, 0 parked" in err
    assert fake_wix.state.stock("TS-M") == 12
    assert main(["sync", "status", "--db", url]) == 0
    assert "online: 0 waiting" in capsys.readouterr().out


def test_missing_credentials_are_named_and_exit_2(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr("pos.sync.credentials.keyring.get_password", lambda *_: None)
    monkeypatch.delenv("COMPTOIR_WIX_API_KEY", raising=False)
    monkeypatch.delenv("COMPTOIR_WIX_SITE_ID", raising=False)
    assert main(["sync", "--once", "--db", "sqlite:///:memory:"]) == 2
    assert "COMPTOIR_WIX_API_KEY" in capsys.readouterr().err


def test_a_change_needing_review_is_listed_and_resolved_as_done(
    fake_wix: FakeWix, db: tuple[str, SessionFactory], capsys: pytest.CaptureFixture[str]
) -> None:
    url, sessions = db
    ids = link(sessions, fake_wix, ["TS-M"])
    sent = queue(sessions, ids["TS-M"], 2)
    client = make_client(fake_wix, RecordedSleep())
    make_review_case(fake_wix, client)  # applied, answer lost, and one more sold online
    with SyncRunner(sessions=sessions, clock=FakeClock(NOW), client_factory=lambda: client) as r:
        assert r.run_once().needs_review == 1

    assert main(["sync", "review", "--db", url]) == 0
    listed = capsys.readouterr().out
    assert f"{sent}  wix.stock_delta  stock:{ids['TS-M']}" in listed
    assert "expected_quantity 12" in listed and "found_quantity 11" in listed
    assert "delta 2" in listed

    assert main(["sync", "review", "--db", url, "--resolve", str(sent), "--as", "done"]) == 2
    assert "--reason" in capsys.readouterr().err
    decided = ["sync", "review", "--db", url, "--resolve", str(sent), "--as", "done",
               "--reason", "counted the shelf: Wix has our +2"]  # fmt: skip
    assert main(decided) == 0
    assert "done" in capsys.readouterr().out
    with sessions() as s:
        assert s.get(OutboxMessageRecord, sent).state == "done"
        assert s.scalar(select(StockMovementRecord.pushed_at)) is not None
        audit = s.scalars(select(AuditEntryRecord).where(
            AuditEntryRecord.action == "sync_review_resolved")).one()  # fmt: skip
        assert audit.actor_id is None and audit.data["actor"] == "cli"
        assert audit.data["decision"] == "done"
    assert main(["sync", "review", "--db", url]) == 0
    assert "nothing needs review" in capsys.readouterr().out
    assert main(decided) == 1  # decided once only


def test_resend_puts_the_change_back_in_the_queue(
    fake_wix: FakeWix, db: tuple[str, SessionFactory], capsys: pytest.CaptureFixture[str]
) -> None:
    url, sessions = db
    ids = link(sessions, fake_wix, ["TS-M"])
    sent = queue(sessions, ids["TS-M"], 2)
    client = make_client(fake_wix, RecordedSleep())
    make_review_case(fake_wix, client)
    with SyncRunner(sessions=sessions, clock=FakeClock(NOW), client_factory=lambda: client) as r:
        r.run_once()
        assert main(["sync", "review", "--db", url, "--resolve", str(sent), "--as", "resend",
                     "--reason", "Wix lost it"]) == 0  # fmt: skip
        assert r.run_once().pending == 0
    assert fake_wix.state.stock("TS-M") == 11 + 2  # re-read and recomputed: sent again on purpose


def test_status_names_the_orders_wix_sent_that_were_not_recorded(
    fake_wix: FakeWix, db: tuple[str, SessionFactory], wix_env: None,
    capsys: pytest.CaptureFixture[str],
) -> None:  # fmt: skip
    url, _ = db
    order = fake_wix.state.add_order([("TS-M", 1)])
    fake_wix.state.add_order([("TS-M", 2)])
    with fake_wix.state.lock:  # issue 10: a refund of 999.00 on a 29.90 payment
        payment = fake_wix.state.payments[order["id"]][0]
        fake_wix.state.refunds[order["id"]].append({"id": "r-999", "transactions": [
            {"paymentId": payment["id"], "amount": {"amount": "999.00"}}]})
    assert main(["sync", "--once", "--db", url]) == 0  # the round goes on
    capsys.readouterr()
    assert main(["sync", "status", "--db", url]) == 0
    out = capsys.readouterr().out
    assert f"order {order['id']} not recorded: Wix sent an order Comptoir cannot read: " in out
    assert "(the refunds add up to more than the payment)" in out
    assert "Traceback" not in out
