"""Signed period archives: written from the database, checked without it (docs/closing.md).

`ArchiveService.export` writes one zip per period (and terminal, when given) holding the
period's documents, lines, tenders, fees, cash sessions and moves, closures and audit entries,
a manifest of their hashes and the manifest's Ed25519 signature. `verify_archive` needs only
the file: it names the file and row that changed, went missing or was added. The software
never deletes anything: an archive is a copy for the inspector and for safe keeping.
"""

from __future__ import annotations

import json
import zipfile
import zlib
from dataclasses import dataclass
from datetime import UTC, date, datetime, time
from pathlib import Path
from zoneinfo import ZoneInfo

from pos import __version__
from pos.db import archive as repo
from pos.db.engine import SessionFactory
from pos.domain.archive_format import (
    FORMAT,
    MANIFEST,
    SIGNATURE,
    Problem,
    check_audit_chain,
    check_closure_hashes,
    check_files,
    closure_rows,
    encode_table,
    manifest,
)
from pos.domain.clock import Clock
from pos.domain.roles import Operator, Permission
from pos.services.cash import CashError, recheck_operator
from pos.services.signing import Signer, verify_signature


class ArchiveUnreadableError(Exception):
    """The file is not an archive this version can read at all (exit 2, not 1)."""


@dataclass(frozen=True, slots=True)
class ArchiveCheck:
    """The outcome of `verify_archive`: intact when `problems` is empty."""

    period: str
    files: int
    rows: int
    public_key: str
    problems: tuple[Problem, ...]

    @property
    def ok(self) -> bool:
        return not self.problems


def period_bounds(period: str, zone: ZoneInfo) -> tuple[datetime, datetime]:
    """[start, end) of a month (2026-11) or a year (2026) in the shop's time zone, in UTC."""
    try:
        if len(period) == 7:
            year, month = int(period[:4]), int(period[5:])
            start = date(year, month, 1)
            end = date(year + month // 12, month % 12 + 1, 1)
        elif len(period) == 4:
            start, end = date(int(period), 1, 1), date(int(period) + 1, 1, 1)
        else:
            raise ValueError(period)
    except ValueError as error:
        raise CashError("invalid_period", kind="archive", period=period) from error
    return (datetime.combine(start, time(), zone).astimezone(UTC),
            datetime.combine(end, time(), zone).astimezone(UTC))


class ArchiveService:
    """Writes signed archives of a period."""

    def __init__(self, *, sessions: SessionFactory, clock: Clock, signer: Signer,
                 time_zone: str = "Europe/Paris") -> None:
        self._sessions, self._clock, self._signer = sessions, clock, signer
        self._zone = ZoneInfo(time_zone)

    def export(self, operator: Operator, period: str, out_dir: Path,
               terminal_id: str | None = None) -> Path:
        """Write `comptoir-<period>[-<terminal>].zip` into `out_dir` and return its path.

        Raises:
            CashError: invalid_period. PermissionDeniedError: the operator may not view reports.
        """
        start, end = period_bounds(period, self._zone)
        with self._sessions() as s:
            recheck_operator(s, operator, Permission.VIEW_REPORTS)
            tables = repo.period_tables(s, start, end, terminal_id)
            tables["closures.jsonl"] = repo.period_closures(s, period, terminal_id)
            files = {name: encode_table(name, header, rows)
                     for name, (header, rows) in tables.items()}
            first_audit, _ = repo.audit_span(s, start, end)
            audit_start = repo.audit_before(s, first_audit)
        listing = manifest(files, period=period, terminal=terminal_id,
                           start=start.isoformat(), end=end.isoformat(),
                           created_at=self._clock.now().astimezone(UTC).isoformat(),
                           software=f"comptoir {__version__}",
                           public_key=self._signer.public_key, audit_start_hash=audit_start)
        out_dir.mkdir(parents=True, exist_ok=True)
        path = out_dir / f"comptoir-{period}{'-' + terminal_id if terminal_id else ''}.zip"
        partial = path.with_suffix(".zip.part")
        with zipfile.ZipFile(partial, "w", compression=zipfile.ZIP_DEFLATED) as archive:
            for name, (data, _) in sorted(files.items()):
                archive.writestr(name, data)
            archive.writestr(MANIFEST, listing)
            archive.writestr(SIGNATURE, self._signer.sign(listing) + "\n")
        partial.replace(path)
        return path


def _read_all(path: Path) -> dict[str, bytes | None]:
    """Every member's bytes; None for a member whose bytes fail the zip's own CRC."""
    try:
        archive = zipfile.ZipFile(path)
    except (OSError, zipfile.BadZipFile) as error:
        raise ArchiveUnreadableError(str(error)) from error
    files: dict[str, bytes | None] = {}
    with archive:
        for name in archive.namelist():
            try:
                files[name] = archive.read(name)
            except (zipfile.BadZipFile, zlib.error, OSError):
                files[name] = None
    return files


def verify_archive(path: Path, *, public_key: str | None = None) -> ArchiveCheck:
    """Check an archive without the database.

    Raises:
        ArchiveUnreadableError: not a zip, or not readable at all.
    """
    members = _read_all(path)
    damaged = [Problem(name, None, "damaged") for name, data in members.items() if data is None]
    files = {name: data for name, data in members.items() if data is not None}
    raw = files.get(MANIFEST)
    if raw is None:
        return ArchiveCheck("", len(files), 0, "", (*damaged, Problem(MANIFEST, None, "missing")))
    try:
        about = json.loads(raw)
        listing, key = about["files"], public_key or about["public_key"]
    except (ValueError, KeyError, TypeError):
        return ArchiveCheck("", len(files), 0, "", (*damaged, Problem(MANIFEST, None,
                                                                       "changed")))
    if about.get("format") != FORMAT:
        raise ArchiveUnreadableError(f"unknown archive format {about.get('format')!r}")
    problems = list(damaged)
    signature = (files.get(SIGNATURE) or b"").decode(errors="replace").strip()
    if not verify_signature(key, raw, signature) or key != about.get("public_key"):
        problems.append(Problem(SIGNATURE if signature else MANIFEST, None, "signature_invalid"))
    problems += [p for p in check_files(listing, files)
                 if not any(d.file == p.file for d in damaged)]
    if not problems:
        problems += check_audit_chain("audit_entries.jsonl", files["audit_entries.jsonl"],
                                      about["audit_start_hash"])
        closures = closure_rows(files["closures.jsonl"])
        problems += check_closure_hashes("closures.jsonl", closures)
        problems += [Problem("closures.jsonl", index, "closure_signature_invalid")
                     for index, row in enumerate(closures, start=1)
                     if not verify_signature(row["public_key"], row["hash"].encode(),
                                             row["signature"])]
    return ArchiveCheck(about.get("period", ""), len(listing),
                        sum(entry["rows"] for entry in listing.values()), key, tuple(problems))
