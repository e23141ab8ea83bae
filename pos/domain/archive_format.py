"""The period archive's format (docs/closing.md, "The archive"): files, rows, manifest.

Tables are CSV (UTF-8, a header line, `\\r\\n` row ends, minimal quoting); the audit entries
and closures are JSON lines (canonical JSON, one row per line). The manifest lists every file
with its SHA-256, its row count and the first 16 hex digits of each row's SHA-256, so a
checker names the row that changed or went missing. Pure: bytes in, problems out; the
signature is checked by the caller (`pos.services.archive`).
"""

from __future__ import annotations

import csv
import hashlib
import io
import json
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from pos.domain.closing import GENESIS, canonical_json, closure_hash

FORMAT = "comptoir-archive/1"
MANIFEST = "manifest.json"
SIGNATURE = "manifest.sig"
ROW_DIGEST = 16  # hex digits kept per row in the manifest


@dataclass(frozen=True, slots=True)
class Problem:
    """Why an archive is not intact: the file, the row (1 = first data row) and what."""

    file: str
    row: int | None
    what: str  # missing, extra, changed, row_changed, row_missing, row_added, damaged...

    def sentence(self) -> str:
        where = self.file if self.row is None else f"{self.file}, row {self.row}"
        return f"{where}: {self.what.replace('_', ' ')}"


class _LastLine:
    """A file for `csv.writer` that keeps the row it was just given (one write per row)."""

    text = ""

    def write(self, text: str) -> int:
        self.text = text
        return len(text)


def _digest(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def _csv_value(value: Any) -> Any:
    if isinstance(value, dict | list):
        return canonical_json(value)
    if isinstance(value, bool):
        return int(value)
    if isinstance(value, bytes):
        return value.hex()
    return value


def encode_table(name: str, header: Sequence[str], rows: Iterable[Sequence[Any]]
                 ) -> tuple[bytes, list[str]]:
    """The file's bytes and each data row's digest (CSV, or JSON lines for `.jsonl`)."""
    buffer, digests = io.StringIO(), []
    if name.endswith(".jsonl"):
        for row in rows:
            line = canonical_json(dict(zip(header, row, strict=True))) + "\n"
            buffer.write(line)
            digests.append(_digest(line.encode())[:ROW_DIGEST])
        return buffer.getvalue().encode(), digests
    last = _LastLine()
    writer = csv.writer(last, lineterminator="\r\n")
    writer.writerow(header)
    buffer.write(last.text)
    for row in rows:
        writer.writerow([_csv_value(value) for value in row])
        buffer.write(last.text)
        digests.append(_digest(last.text.encode())[:ROW_DIGEST])
    return buffer.getvalue().encode(), digests


def row_digests(name: str, data: bytes) -> list[str]:
    """Each data row's digest as `encode_table` computed it, read back from the bytes."""
    text = data.decode()
    if name.endswith(".jsonl"):
        return [_digest((line + "\n").encode())[:ROW_DIGEST] for line in text.splitlines()]
    line = _LastLine()
    writer = csv.writer(line, lineterminator="\r\n")
    digests = []
    for index, row in enumerate(csv.reader(io.StringIO(text, newline=""))):
        if index == 0:
            continue
        writer.writerow(row)
        digests.append(_digest(line.text.encode())[:ROW_DIGEST])
    return digests


def manifest(files: Mapping[str, tuple[bytes, list[str]]], **about: Any) -> bytes:
    """The manifest's bytes: what the archive is about, and each file's digests."""
    listing = {name: {"sha256": _digest(data), "rows": len(digests), "row_sha256": digests}
               for name, (data, digests) in sorted(files.items())}
    return canonical_json({"format": FORMAT, **about, "files": listing}).encode()


def check_files(listing: Mapping[str, Any], files: Mapping[str, bytes]) -> list[Problem]:
    """Every file the manifest lists is there, byte for byte; nothing else is."""
    problems = [Problem(name, None, "not_in_the_manifest")
                for name in sorted(set(files) - set(listing) - {MANIFEST, SIGNATURE})]
    for name, expected in sorted(listing.items()):
        data = files.get(name)
        if data is None:
            problems.append(Problem(name, None, "missing"))
        elif _digest(data) != expected["sha256"]:
            problems.append(_first_changed_row(name, data, expected["row_sha256"]))
    return problems


def _first_changed_row(name: str, data: bytes, listed: list[str]) -> Problem:
    try:
        found = row_digests(name, data)
    except (UnicodeDecodeError, csv.Error):
        return Problem(name, None, "changed")
    for index, (want, got) in enumerate(zip(listed, found, strict=False), start=1):
        if want != got:
            missing = index < len(listed) and len(found) < len(listed) and (
                found[index - 1] == listed[index])
            return Problem(name, index, "row_missing" if missing else "row_changed")
    if len(found) < len(listed):
        return Problem(name, len(found) + 1, "row_missing")
    if len(found) > len(listed):
        return Problem(name, len(listed) + 1, "row_added")
    return Problem(name, None, "changed")  # the rows match: the header or the layout changed


def audit_entry_hash(prev_hash: str, entry: Mapping[str, Any]) -> str:
    """An audit entry's hash from its archived fields (the formula of pos.db.audit)."""
    stamp = datetime.fromisoformat(entry["created_at"]).astimezone(UTC).isoformat()
    body = canonical_json([stamp, entry["actor_id"], entry["action"], entry["subject"],
                           entry["data"]])
    return hashlib.sha256((prev_hash + body).encode()).hexdigest()


def check_audit_chain(name: str, data: bytes, start_hash: str) -> list[Problem]:
    """The archived audit entries chain from `start_hash`, each hash recomputed."""
    prev = start_hash
    for index, line in enumerate(data.decode().splitlines(), start=1):
        entry = json.loads(line)
        if entry["prev_hash"] != prev or audit_entry_hash(prev, entry) != entry["hash"]:
            return [Problem(name, index, "audit_entry_does_not_chain")]
        prev = entry["hash"]
    return []


def closure_rows(data: bytes) -> list[dict[str, Any]]:
    return [json.loads(line) for line in data.decode().splitlines()]


def check_closure_hashes(name: str, rows: list[dict[str, Any]]) -> list[Problem]:
    """Each archived closure's hash recomputed from its own fields."""
    problems = []
    for index, row in enumerate(rows, start=1):
        body = {key: row[key] for key in (
            "number", "kind", "terminal_id", "period", "closed_by", "prev_hash",
            "audit_head_hash", "audit_count", "first_sequence", "last_sequence", "report")}
        body["closed_at"] = datetime.fromisoformat(row["closed_at"]).astimezone(UTC).isoformat()
        if closure_hash(body) != row["hash"]:
            problems.append(Problem(name, index, "closure_altered"))
    return problems


__all__ = ["FORMAT", "GENESIS", "MANIFEST", "SIGNATURE", "Problem"]
