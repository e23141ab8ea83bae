"""What `comptoir audit verify` proves beyond the hash chain (docs/closing.md, "What verify
proves").

The chain alone cannot see its own end cut off, nor a chain rewritten and re-hashed from some
entry on. Each signed closure names the audit head (hash and count) at its moment and writes
an audit entry naming itself, so the closures and the chain vouch for each other; and each
counter document must have its audit entry and a number in its terminal's gapless sequence.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from pos.db import integrity as repo
from pos.db.audit import DbSession, VerifyResult, verify_chain
from pos.db.closing import ClosureRow, closures
from pos.db.engine import SessionFactory
from pos.domain.closing import GENESIS, ClosureBody, closure_hash
from pos.services.signing import verify_signature

BODY_FIELDS = tuple(ClosureBody.__dataclass_fields__)


@dataclass(frozen=True, slots=True)
class Finding:
    """One thing that does not hold: a stable `code`, what it is about, and the numbers."""

    code: str
    subject: str
    detail: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class IntegrityReport:
    chain: VerifyResult
    closures: int
    findings: tuple[Finding, ...]

    @property
    def ok(self) -> bool:
        return self.chain.ok and not self.findings


def recomputed_hash(row: ClosureRow) -> str:
    body = {name: getattr(row, name) for name in BODY_FIELDS if name != "closed_at"}
    return closure_hash(body | {"closed_at": row.closed_at.isoformat()})


def check_closure_chain(rows: list[ClosureRow], public_key: str | None) -> list[Finding]:
    """Numbers without gaps, each chained to the one before, hashes and signatures intact."""
    findings: list[Finding] = []
    expected_prev, key = GENESIS, public_key or (rows[0].public_key if rows else None)
    for expected_number, row in enumerate(rows, start=1):
        subject = f"closure {row.number}"
        if row.number != expected_number:
            findings.append(Finding("closure_missing", f"closure {expected_number}",
                                    {"found": row.number}))
        if row.prev_hash != expected_prev:
            findings.append(Finding("closure_chain_broken", subject))
        if recomputed_hash(row) != row.hash:
            findings.append(Finding("closure_altered", subject))
        if row.public_key != key or not verify_signature(key, row.hash.encode(), row.signature):
            findings.append(Finding("closure_signature_invalid", subject))
        expected_prev = row.hash
    return findings


class IntegrityService:
    """Checks the audit chain, the closures and the documents together; read-only."""

    def __init__(self, *, sessions: SessionFactory) -> None:
        self._sessions = sessions

    def verify(self, *, public_key: str | None = None) -> IntegrityReport:
        """Every check; `public_key` (hex) pins the shop's key, else the first closure's."""
        with self._sessions() as s:
            chain = verify_chain(s)
            rows = closures(s)
            findings = check_closure_chain(rows, public_key)
            findings += self._heads(s, rows, chain)
            findings += self._closure_entries(s, rows)
            findings += self._documents(s, rows)
        return IntegrityReport(chain, len(rows), tuple(findings))

    def _heads(self, s: DbSession, rows: list[ClosureRow], chain: VerifyResult) -> list[Finding]:
        """Each closure's audit head is still in the chain; the newest at its very place."""
        findings = []
        named = [row.audit_head_hash for row in rows if row.audit_count]
        present = repo.audit_hashes_exist(s, named)
        for row in rows:
            if row.audit_count and row.audit_head_hash not in present:
                findings.append(Finding("audit_head_missing", f"closure {row.number}",
                                        {"audit_count": row.audit_count}))
        if rows and rows[-1].audit_count and rows[-1].audit_head_hash in present:
            position = repo.audit_position(s, rows[-1].audit_head_hash)
            if position != rows[-1].audit_count:
                findings.append(Finding("audit_head_moved", f"closure {rows[-1].number}",
                                        {"audit_count": rows[-1].audit_count,
                                         "position": position}))
        if rows and chain.entries_checked <= rows[-1].audit_count and chain.ok:
            findings.append(Finding("audit_entries_missing", "audit chain",
                                    {"entries": chain.entries_checked,
                                     "closure_named": rows[-1].audit_count}))
        return findings

    def _closure_entries(self, s: DbSession, rows: list[ClosureRow]) -> list[Finding]:
        """Every closure has its audit entry, and every closure entry its closure."""
        stored = {row.number: row.hash for row in rows}
        entries = {int(data.get("number", 0)): data.get("hash")
                   for _, data in repo.closure_entries(s)}
        findings = [Finding("closure_missing", f"closure {number}", {"hash": digest})
                    for number, digest in sorted(entries.items()) if number not in stored]
        findings += [Finding("closure_altered", f"closure {number}")
                     for number, digest in sorted(entries.items())
                     if number in stored and stored[number] != digest]
        findings += [Finding("closure_audit_missing", f"closure {number}")
                     for number in sorted(stored) if number not in entries]
        return findings

    def _documents(self, s: DbSession, rows: list[ClosureRow]) -> list[Finding]:
        findings = [Finding("document_audit_missing", number)
                    for number in repo.documents_without_audit(s)]
        for terminal, count, low, high in repo.sequence_spans(s):
            if low != 1 or high - low + 1 != count:
                findings.append(Finding("document_missing", terminal,
                                        {"documents": count, "highest": high}))
        for row in rows:
            if row.kind == "z" and row.last_sequence >= row.first_sequence:
                found = repo.documents_in_range(s, row.terminal_id, row.first_sequence,
                                                row.last_sequence)
                if found != int(row.report.get("documents", 0)):
                    findings.append(Finding("closure_documents_changed", f"closure {row.number}",
                                            {"closed": row.report.get("documents"),
                                             "found": found}))
        return findings


_WORDS = {
    "closure_missing": "{subject} was removed",
    "closure_chain_broken": "{subject} does not follow the closure before it",
    "closure_altered": "{subject} was edited after it was signed",
    "closure_signature_invalid": "{subject} is not signed by the shop's key",
    "closure_audit_missing": "{subject} has lost its audit entry",
    "closure_documents_changed": "{subject} closed {closed} documents, {found} are there now",
    "audit_head_missing": "the audit entries {subject} vouched for were deleted or rewritten",
    "audit_head_moved": "entries before the head named by {subject} were added or removed",
    "audit_entries_missing": "the newest audit entries were deleted "
                             "({entries} left, {closure_named} named by the last closure)",
    "document_audit_missing": "document {subject} has no audit entry",
    "document_missing": "terminal {subject} has a gap in its document numbers "
                        "({documents} documents up to number {highest})",
}


def describe(finding: Finding) -> str:
    """A plain English sentence for the command line."""
    template = _WORDS.get(finding.code, "{subject}: " + finding.code)
    try:
        return template.format(subject=finding.subject, **finding.detail)
    except (KeyError, IndexError):
        return f"{finding.subject}: {finding.code}"
