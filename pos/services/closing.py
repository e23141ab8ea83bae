"""X and Z reports, and the closures that cannot be rewritten (DESIGN §13, docs/closing.md).

An X reads what a Z would say now, and changes nothing. A Z closes a terminal's day: it
covers the terminal's documents since its previous Z (a gapless sequence range) and its
counted cash sessions, continues the perpetual grand total, and is written as a closure —
numbered without gaps (all kinds share one sequence), chained to the previous closure and to
the audit chain's head, and signed with the shop's Ed25519 key. Shop days, months and years
are closures built from the terminals' Zs. Each closure also appends an audit entry naming
its number and hash, so the two chains vouch for each other.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from pos.db import closing as repo
from pos.db.audit import DbSession, lock_chain
from pos.db.closing_blocks import range_figures
from pos.db.engine import SessionFactory
from pos.db.print_jobs import add_closure_job
from pos.domain.clock import Clock
from pos.domain.closing import (
    GENESIS,
    CashFigures,
    ClosureBody,
    ClosureSlip,
    Report,
    add_totals,
    build_report,
    closure_hash,
    merge_reports,
    valid_period,
)
from pos.domain.receipt import ShopInfo
from pos.domain.roles import Operator, Permission
from pos.services.audit import audit_action
from pos.services.cash import CashError, recheck_operator
from pos.services.signing import Signer


@dataclass(frozen=True, slots=True)
class Closure:
    """A closure as stored: its place in the chain, its report, its signature."""

    number: int
    kind: str
    terminal_id: str
    period: str
    closed_at: datetime
    closed_by: str
    hash: str
    prev_hash: str
    audit_head_hash: str
    audit_count: int
    signature: str
    public_key: str
    report: Report


def closure_slip(closure: Closure, shop: str | ShopInfo, language: str, *,
                 duplicate: bool = False) -> ClosureSlip:
    """What the printed slip of `closure` shows, in `language` ("fr" or "en"), headed by the
    shop's name, or by its whole identity (address, SIRET, VAT number) when given one."""
    info = shop if isinstance(shop, ShopInfo) else None
    name = info.name if info is not None else str(shop)
    return ClosureSlip(name, closure.number, closure.kind, closure.terminal_id,
                       closure.period, closure.closed_at.isoformat(), closure.closed_by,
                       closure.hash, closure.signature, closure.report, language, shop=info,
                       duplicate=duplicate)


def stored_closure(s: DbSession, number: int) -> Closure | None:
    """Closure number `number` as stored, or None."""
    row = repo.closure_by_number(s, number)
    return None if row is None else _closure(row)


def _closure(row: repo.ClosureRow) -> Closure:
    return Closure(row.number, row.kind, row.terminal_id, row.period, row.closed_at,
                   row.closed_by, row.hash, row.prev_hash, row.audit_head_hash, row.audit_count,
                   row.signature, row.public_key, Report.from_json(row.report))


class ClosingService:
    """X reads, Z closures and period closures for one terminal and its shop."""

    def __init__(self, *, sessions: SessionFactory, clock: Clock, terminal_id: str,
                 signer: Signer, time_zone: str = "Europe/Paris", printer: str = "") -> None:
        self._sessions, self._clock, self._terminal = sessions, clock, terminal_id
        self._signer, self._zone, self._printer = signer, ZoneInfo(time_zone), printer

    @property
    def public_key(self) -> str:
        """The shop's closure-signing public key (hex), as Settings shows it."""
        return self._signer.public_key

    def business_date(self, moment: datetime | None = None) -> date:
        return (moment or self._clock.now()).astimezone(self._zone).date()

    def x_report(self, operator: Operator | None, *, terminal_id: str | None = None,
                 day: date | None = None) -> Report:
        """What the terminal's Z would say now; or, with `day`, its documents of that day.

        Raises:
            PermissionDeniedError: the operator may not view reports.
        """
        terminal = terminal_id or self._terminal
        with self._sessions() as s:
            operator = recheck_operator(s, operator, Permission.VIEW_REPORTS)
            previous = repo.last_closure(s, kind="z", terminal_id=terminal)
            if day is None:
                first = previous.last_sequence + 1 if previous else 1
                scope = repo.DocumentRange(terminal, first_sequence=first,
                                           last_sequence=repo.last_sequence(s, terminal))
            else:
                start = datetime.combine(day, time(), self._zone)
                scope = repo.DocumentRange(terminal, start=start, end=start + timedelta(days=1))
            open_row = repo.open_session(s, terminal)
            cash = [figures for _, figures in repo.unclosed_sessions(s, terminal)]
            if open_row is not None:
                cash.append(repo.session_cash(s, open_row))
            return self._report(s, scope, previous, cash)

    def close_z(self, operator: Operator | None, *, terminal_id: str | None = None,
                slip_language: str | None = None) -> Closure:
        """Close the terminal's day: a signed Z of everything since its previous Z.

        Args:
            slip_language: "fr" or "en" queues the Z slip in the print queue, in the Z's own
                transaction (to this terminal's printer); the print queue prints it on the
                printing thread, so a printer out of paper never holds the database work.

        Raises:
            CashError: session_open (count and close the drawer first).
            PermissionDeniedError: the operator may not view reports.
        """
        terminal = terminal_id or self._terminal
        now = self._clock.now()
        with self._sessions.begin() as s:
            lock_chain(s)
            operator = recheck_operator(s, operator, Permission.VIEW_REPORTS)
            if repo.open_session(s, terminal) is not None:
                raise CashError("session_open", terminal=terminal)
            previous = repo.last_closure(s, kind="z", terminal_id=terminal)
            first = previous.last_sequence + 1 if previous else 1
            last = repo.last_sequence(s, terminal)
            sessions = repo.unclosed_sessions(s, terminal)
            scope = repo.DocumentRange(terminal, first_sequence=first, last_sequence=last)
            report = self._report(s, scope, previous, [figures for _, figures in sessions])
            closure = self._write(s, operator, "z", terminal, self.business_date(now).isoformat(),
                                  (first, max(last, first - 1)), report, now)
            repo.attach_sessions(s, [row.id for row, _ in sessions], closure[0])
            if slip_language is not None:
                add_closure_job(s, closure=closure[1].number, language=slip_language,
                                printer=self._printer, duplicate=False, now=now)
            return closure[1]

    def close_period(self, operator: Operator, kind: str, period: str) -> Closure:
        """The shop's closure of a day (2026-11-20), a month (2026-11) or a year (2026).

        Built from the terminals' Zs of the period; a period is closed once.

        Raises:
            CashError: invalid_period, period_already_closed.
        """
        if not valid_period(kind, period):
            raise CashError("invalid_period", kind=kind, period=period)
        now = self._clock.now()
        with self._sessions.begin() as s:
            lock_chain(s)
            operator = recheck_operator(s, operator, Permission.VIEW_REPORTS)
            if repo.closures(s, kind=kind, period_prefix=period):
                raise CashError("period_already_closed", kind=kind, period=period)
            daily = repo.closures(s, kind="z", period_prefix=period)
            merged = merge_reports(Report.from_json(z.report) for z in daily)
            latest = {z.terminal_id: z for z in daily}
            report = Report(merged.documents, merged.first_number, merged.last_number,
                            merged.figures, merged.net,
                            add_totals(*(Report.from_json(z.report).grand_total
                                         for z in latest.values())), merged.cash)
            return self._write(s, operator, kind, "", period, (0, 0), report, now)[1]

    def closures(self, *, kind: str | None = None, terminal_id: str | None = None,
                 period_prefix: str | None = None) -> tuple[Closure, ...]:
        with self._sessions() as s:
            rows = repo.closures(s, kind=kind, terminal_id=terminal_id,
                                 period_prefix=period_prefix)
            return tuple(_closure(row) for row in rows)

    # ------------------------------------------------------------ inside the transaction

    def _report(self, s: DbSession, scope: repo.DocumentRange,
                previous: repo.ClosureRow | None, cash: list[CashFigures]) -> Report:
        count, first, last = repo.document_span(s, scope)
        grand = Report.from_json(previous.report).grand_total if previous else {}
        return build_report(documents=count, first_number=first, last_number=last,
                            figures=range_figures(s, scope),
                            previous_grand_total=grand, cash=cash)

    def _write(self, s: DbSession, operator: Operator, kind: str, terminal: str, period: str,
               sequences: tuple[int, int], report: Report, now: datetime
               ) -> tuple[int, Closure]:
        previous = repo.last_closure(s)
        head, count = repo.audit_head(s)
        body = ClosureBody(
            number=previous.number + 1 if previous else 1, kind=kind, terminal_id=terminal,
            period=period, closed_at=now.astimezone(UTC).isoformat(), closed_by=operator.username,
            prev_hash=previous.hash if previous else GENESIS, audit_head_hash=head,
            audit_count=count, first_sequence=sequences[0], last_sequence=sequences[1],
            report=report.to_json())
        digest = closure_hash(body)
        signature = self._signer.sign(digest.encode())
        closure_id = repo.insert_closure(s, {
            **body.to_json(), "closed_at": now, "hash": digest, "signature": signature,
            "public_key": self._signer.public_key})
        audit_action(s, operator=operator, action=f"closure_{kind}",
                     subject=f"closure:{body.number}",
                     data={"number": body.number, "hash": digest, "period": period,
                           "terminal": terminal}, now=now)
        row = repo.last_closure(s)
        assert row is not None and row.id == closure_id
        return closure_id, _closure(row)
