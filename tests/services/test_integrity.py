"""`audit verify` with signed closures: each tamper case of issue 14 is found, on both databases.

The shop takes documents, closes a Z, takes more, closes a second Z; then someone with write
access to the database tries to hide something.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import delete, func, select, update

from pos.db.audit import entry_hash
from pos.db.records import AuditEntryRecord, CashSessionRecord, ClosureRecord, CounterDocumentRecord
from pos.services.integrity import IntegrityService
from pos.services.signing import Ed25519Signer
from tests.support.closing import shop_with_two_zs
from tests.support.shop import Shop


@pytest.fixture
def shop(sessions, tmp_path: Path) -> Shop:  # type: ignore[no-untyped-def]
    return shop_with_two_zs(sessions, tmp_path)[0]


def _codes(shop: Shop) -> set[str]:
    report = IntegrityService(sessions=shop.sessions).verify()
    return {f.code for f in report.findings} | (set() if report.chain.ok else {"chain_broken"})


def _closure_head(shop: Shop, number: int) -> int:
    with shop.sessions() as s:
        head = s.scalar(select(ClosureRecord.audit_head_hash).where(ClosureRecord.number == number))
        return s.scalar(select(AuditEntryRecord.id).where(AuditEntryRecord.hash == head))


def _rehash_from(shop: Shop, first_id: int) -> None:
    """What a forger does after editing: recompute every hash from `first_id` on."""
    with shop.sessions.begin() as s:
        prev = s.scalar(select(AuditEntryRecord.hash).where(AuditEntryRecord.id < first_id)
                        .order_by(AuditEntryRecord.id.desc()).limit(1)) or "0" * 64
        for row in s.scalars(select(AuditEntryRecord).where(AuditEntryRecord.id >= first_id)
                             .order_by(AuditEntryRecord.id)):
            row.prev_hash = prev
            row.hash = prev = entry_hash(prev, created_at=row.created_at, actor_id=row.actor_id,
                                         action=row.action, subject=row.subject, data=row.data)
            s.flush()


def test_an_untouched_shop_verifies(shop: Shop) -> None:
    report = IntegrityService(sessions=shop.sessions).verify()
    assert report.ok and report.closures == 2 and report.findings == ()


def test_the_last_entries_deleted_are_found(shop: Shop) -> None:
    head = _closure_head(shop, 2)
    with shop.sessions.begin() as s:  # cut the chain just before the newest closure's head
        s.execute(delete(AuditEntryRecord).where(AuditEntryRecord.id >= head))
    codes = _codes(shop)
    assert {"audit_head_missing", "closure_audit_missing", "document_audit_missing"} <= codes
    assert "chain_broken" not in codes  # what remains still chains: only the closure sees it


def test_all_entries_deleted_are_found(shop: Shop) -> None:
    with shop.sessions.begin() as s:
        s.execute(delete(AuditEntryRecord))
    assert {"audit_head_missing", "audit_entries_missing", "document_audit_missing"} <= _codes(
        shop)


def test_a_document_without_its_audit_entry_is_found(shop: Shop) -> None:
    with shop.sessions.begin() as s:
        s.execute(update(AuditEntryRecord).where(AuditEntryRecord.subject == "T1-000005")
                  .values(subject="T1-00000X"))
    _rehash_from(shop, 1)
    report = IntegrityService(sessions=shop.sessions).verify()
    assert [(f.code, f.subject) for f in report.findings if f.code.startswith("document")] == [
        ("document_audit_missing", "T1-000005")]


def test_a_deleted_document_is_found(shop: Shop) -> None:
    with shop.sessions.begin() as s:
        s.execute(update(CounterDocumentRecord).where(CounterDocumentRecord.number == "T1-000002")
                  .values(sequence=99))
    assert {"document_missing", "closure_documents_changed"} <= _codes(shop)


def test_an_edited_closure_is_found(shop: Shop) -> None:
    with shop.sessions.begin() as s:
        record = s.scalar(select(ClosureRecord).where(ClosureRecord.number == 1))
        record.report = {**record.report, "net": {"EUR": -1}}
    assert "closure_altered" in _codes(shop)


def test_a_removed_closure_is_found(shop: Shop) -> None:
    with shop.sessions.begin() as s:
        s.execute(update(CashSessionRecord).values(closure_id=None))
        s.execute(delete(ClosureRecord).where(ClosureRecord.number == 2))
    assert "closure_missing" in _codes(shop)
    with shop.sessions.begin() as s:
        s.execute(delete(ClosureRecord).where(ClosureRecord.number == 1))
    assert "closure_missing" in _codes(shop)


def test_a_chain_rewritten_and_rehashed_after_a_closure_is_found(shop: Shop) -> None:
    with shop.sessions.begin() as s:
        first = s.scalar(select(AuditEntryRecord).where(AuditEntryRecord.subject == "T1-000001"))
        first.data = {**first.data, "balance": -1}  # the refund made smaller
    _rehash_from(shop, 1)
    report = IntegrityService(sessions=shop.sessions).verify()
    assert report.chain.ok  # the chain alone is fooled...
    assert "audit_head_missing" in {f.code for f in report.findings}  # ...the closures are not


def test_a_closure_signed_with_another_key_is_found(shop: Shop) -> None:
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

    forger = Ed25519Signer(Ed25519PrivateKey.generate())
    with shop.sessions.begin() as s:
        record = s.scalar(select(ClosureRecord).where(ClosureRecord.number == 2))
        record.signature, record.public_key = forger.sign(record.hash.encode()), forger.public_key
    assert "closure_signature_invalid" in _codes(shop)
    with shop.sessions() as s:
        assert s.scalar(select(func.count()).select_from(ClosureRecord)) == 2
