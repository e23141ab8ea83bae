"""The shop identity's key/value rows (`shop_settings`)."""

from __future__ import annotations

from collections.abc import Mapping

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from pos.db.records import ShopSettingRecord


def read_shop_settings(session: Session) -> dict[str, str]:
    """Every stored identity field (empty when Settings never saved one)."""
    return dict(session.execute(select(ShopSettingRecord.key, ShopSettingRecord.value)).all())


def write_shop_settings(session: Session, settings: Mapping[str, str]) -> None:
    """Replace the stored identity with `settings` (inside the caller's transaction)."""
    session.execute(delete(ShopSettingRecord))
    session.add_all(ShopSettingRecord(key=k, value=v) for k, v in sorted(settings.items()))
