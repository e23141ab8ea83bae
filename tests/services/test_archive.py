"""Period archives: exported from either database, checked without it, every tamper named."""

from __future__ import annotations

import csv
import io
import json
import zipfile
from pathlib import Path

import pytest

from pos.domain.archive_format import MANIFEST, SIGNATURE
from pos.domain.roles import Operator
from pos.services.archive import ArchiveService, ArchiveUnreadableError, verify_archive
from pos.services.errors import PermissionDeniedError
from pos.services.signing import file_signer
from tests.support.closing import shop_with_two_zs
from tests.support.shop import Shop


@pytest.fixture
def exported(sessions, tmp_path: Path) -> tuple[Shop, Path]:  # type: ignore[no-untyped-def]
    shop, _ = shop_with_two_zs(sessions, tmp_path / "keys")
    service = ArchiveService(sessions=sessions, clock=shop.clock,
                             signer=file_signer(tmp_path / "keys"))
    with pytest.raises(PermissionDeniedError):
        service.export(shop.cashier, "2026-11", tmp_path / "out")
    return shop, service.export(shop.manager, "2026-11", tmp_path / "out", terminal_id="T1")


def _members(path: Path) -> dict[str, bytes]:
    with zipfile.ZipFile(path) as archive:
        return {name: archive.read(name) for name in archive.namelist()}


def _rewrite(path: Path, members: dict[str, bytes], *, stored: bool = False) -> None:
    method = zipfile.ZIP_STORED if stored else zipfile.ZIP_DEFLATED
    with zipfile.ZipFile(path, "w", compression=method) as archive:
        for name, data in members.items():
            archive.writestr(name, data)


def _problems(path: Path) -> list[tuple[str, int | None, str]]:
    return [(p.file, p.row, p.what) for p in verify_archive(path).problems]


def test_an_exported_month_is_intact_and_holds_the_period(exported) -> None:  # type: ignore[no-untyped-def]
    _, path = exported
    assert path.name == "comptoir-2026-11-T1.zip"
    check = verify_archive(path)
    assert check.ok and check.period == "2026-11", check.problems
    members = _members(path)
    documents = list(csv.DictReader(io.StringIO(members["documents.csv"].decode())))
    assert [d["number"] for d in documents] == [f"T1-00000{n}" for n in range(1, 6)]
    assert {d["balance_minor"] for d in documents} == {"-2990"}
    closures = [json.loads(line) for line in members["closures.jsonl"].decode().splitlines()]
    assert [c["number"] for c in closures] == [1, 2]
    assert {"tenders.csv", "return_lines.csv", "cash_sessions.csv", "cash_movements.csv",
            "audit_entries.jsonl", "fees.csv", "new_lines.csv", MANIFEST,
            SIGNATURE} <= set(members)
    assert json.loads(members[MANIFEST])["public_key"] == closures[0]["public_key"]


def test_one_byte_changed_names_the_file_and_row(exported) -> None:  # type: ignore[no-untyped-def]
    _, path = exported
    members = _members(path)
    members["documents.csv"] = members["documents.csv"].replace(b"-2990", b"-2980", 3)
    members["documents.csv"] = members["documents.csv"].replace(b"-2980", b"-2990", 2)
    _rewrite(path, members)
    assert _problems(path) == [("documents.csv", 3, "row_changed")]


def test_a_row_removed_is_named(exported) -> None:  # type: ignore[no-untyped-def]
    _, path = exported
    members = _members(path)
    lines = members["tenders.csv"].split(b"\r\n")
    members["tenders.csv"] = b"\r\n".join(lines[:2] + lines[3:])  # header, row 1, row 3...
    _rewrite(path, members)
    assert _problems(path) == [("tenders.csv", 2, "row_missing")]


def test_a_file_removed_is_named(exported) -> None:  # type: ignore[no-untyped-def]
    _, path = exported
    members = _members(path)
    del members["closures.jsonl"]
    _rewrite(path, members)
    assert _problems(path) == [("closures.jsonl", None, "missing")]


def test_a_manifest_made_to_match_is_refused_by_its_signature(exported) -> None:  # type: ignore[no-untyped-def]
    _, path = exported
    members = _members(path)
    about = json.loads(members[MANIFEST])
    del about["files"]["closures.jsonl"]
    del members["closures.jsonl"]
    members[MANIFEST] = json.dumps(about).encode()
    _rewrite(path, members)
    assert _problems(path) == [(SIGNATURE, None, "signature_invalid")]


def test_a_byte_flipped_on_disk_is_damage(exported) -> None:  # type: ignore[no-untyped-def]
    _, path = exported
    members = _members(path)
    _rewrite(path, members, stored=True)
    raw = bytearray(path.read_bytes())
    at = raw.index(b"T1-000004", raw.index(b"documents.csv"))
    raw[at + 3] ^= 0x01
    path.write_bytes(bytes(raw))
    assert ("documents.csv", None, "damaged") in _problems(path)


def test_not_an_archive_cannot_be_read(tmp_path: Path) -> None:
    path = tmp_path / "x.zip"
    path.write_bytes(b"not a zip at all")
    with pytest.raises(ArchiveUnreadableError):
        verify_archive(path)


def test_the_local_administrator_may_export(exported, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    shop, _ = exported
    service = ArchiveService(sessions=shop.sessions, clock=shop.clock,
                             signer=file_signer(tmp_path / "keys"))
    path = service.export(Operator.local_admin(), "2026", tmp_path / "year")
    assert verify_archive(path).ok
