"""The return policy's key/value rows."""

from __future__ import annotations

from collections.abc import Mapping

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from pos.db.records import PolicySettingRecord, ProductRecord


def read_settings(session: Session) -> dict[str, str]:
    return dict(session.execute(select(PolicySettingRecord.key, PolicySettingRecord.value)).all())


def write_settings(session: Session, settings: Mapping[str, str]) -> None:
    """Replace every stored setting with `settings` (inside the caller's transaction)."""
    session.execute(delete(PolicySettingRecord))
    session.add_all(PolicySettingRecord(key=k, value=v) for k, v in sorted(settings.items()))


def catalogue_categories(session: Session) -> tuple[str, ...]:
    """Names of every category products are in (`category` and the pulled `categories`)."""
    names: set[str] = set()
    for category, categories in session.execute(
        select(ProductRecord.category, ProductRecord.categories)
    ):
        names.update(n for n in (category, *(categories or ())) if isinstance(n, str) and n)
    return tuple(sorted(names, key=str.casefold))
