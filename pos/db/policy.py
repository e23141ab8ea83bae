"""The return policy's key/value rows."""

from __future__ import annotations

from collections.abc import Mapping

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from pos.db.records import PolicySettingRecord


def read_settings(session: Session) -> dict[str, str]:
    return dict(session.execute(select(PolicySettingRecord.key, PolicySettingRecord.value)).all())


def write_settings(session: Session, settings: Mapping[str, str]) -> None:
    """Replace every stored setting with `settings` (inside the caller's transaction)."""
    session.execute(delete(PolicySettingRecord))
    session.add_all(PolicySettingRecord(key=k, value=v) for k, v in sorted(settings.items()))
