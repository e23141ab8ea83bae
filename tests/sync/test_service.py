"""The sync adapter behind `SyncPort`: one `SyncStatus` for the engine and the panel."""

from __future__ import annotations

from datetime import UTC, datetime

from pos.db.engine import SessionFactory
from pos.services.sync_port import SyncStatus
from pos.sync.mail_runner import MailStatus
from pos.sync.service import SyncService
from pos.sync.status import read_status, save_marks
from tests.support.clock import FakeClock

NOW = datetime(2026, 11, 20, 15, 0, tzinfo=UTC)


class Mail:
    """The e-mails' runner, as far as the status goes."""

    def status(self) -> MailStatus:
        return MailStatus(waiting=2, parked=1, problem="no SMTP host")

    def run_once(self) -> MailStatus:
        return self.status()


def test_the_database_status_and_the_panel_status_are_one_type(sessions: SessionFactory) -> None:
    clock = FakeClock(NOW)
    save_marks(sessions, clock, {"online": "1", "last_error": "Wix said no"})
    engine_side = read_status(sessions, leader=True)
    panel_side = SyncService(None, sessions=sessions, clock=clock, mail=Mail()).status()
    assert type(engine_side) is SyncStatus and type(panel_side) is SyncStatus
    assert engine_side.online and engine_side.last_error == "Wix said no"
    # Not configured: offline and no error to fix on Wix's side; the e-mail queue added.
    assert not panel_side.configured and not panel_side.online
    assert panel_side.last_error is None
    assert (panel_side.mail_waiting, panel_side.mail_parked, panel_side.mail_problem) == (
        2, 1, "no SMTP host")
