"""Pushing counter documents to Wix exactly once, without idempotency keys (DESIGN §7).

`Pusher.run_once` drains the ``wix`` outbox (every kind but ``wix.stock_delta``, which
`pos.sync.stock_push` sends), oldest first per object. For each message:

1. **Prepare**: read what the read-back will need from Wix (the baseline) and what the step
   should produce; journal it and mark the message in flight in its own committed transaction.
2. **Send** once with `WixClient.write` (never retried by the client).
3. **Record**: success → done, with what Wix returned (refund id, new order id and number...);
   429/503 → pending again after a capped, jittered backoff that honours ``Retry-After``;
   another refusal → parked with Wix's reason (a draft already committed is done); unknown
   outcome (timeout, drop, 500/502/504, unreadable answer) or a message found in flight at the
   start (a crash) → read Wix back: applied → done, not applied → sent again later, cannot
   tell → ``needs_review`` with the numbers in the journal and the reason in plain words.

Run one pusher per shop (the sync leader): two pushers reading back each other's attempts
could both decide "not applied".
"""

from __future__ import annotations

import logging
import random
from collections import Counter
from dataclasses import dataclass, fields
from datetime import timedelta
from typing import Any

from pos.db import outbox, sync_outbox, sync_review
from pos.db.engine import SessionFactory
from pos.db.outbox import DONE, NEEDS_REVIEW, PARKED, PENDING
from pos.domain.clock import Clock
from pos.domain.wix_steps import NEEDS_REPLACEMENT, StepKind
from pos.sync.client import (
    WixAmbiguousError,
    WixAuthError,
    WixBusyError,
    WixClient,
    WixError,
    WixRefusedError,
    WixResponseError,
)
from pos.sync.problems import CANNOT_READ_BACK, Problem
from pos.sync.push_readback import (
    APPLIED,
    NOT_APPLIED,
    READ_BACK,
    UNDECIDED,
    PushPayloadError,
    StepContext,
    Verdict,
    order_result,
    orders_with_external_id,
    read_back,
)
from pos.sync.push_steps import PushStep, build_step

log = logging.getLogger(__name__)

WIX = "wix"
STOCK_KIND = StepKind.STOCK_DELTA  # sent by pos.sync.stock_push, coalesced per variant

DRAFTS_UNKNOWN = "drafts_unknown"  # a `sync.*` mark: see pos.sync.status
RETRY_BASE = timedelta(seconds=15)
RETRY_CAP = timedelta(minutes=15)


@dataclass(frozen=True, slots=True)
class PushReport:
    """What one `run_once` did, one count per message.

    Attributes:
        sent: Sent and confirmed by Wix's answer.
        done_by_readback: Found applied on Wix (after an unknown outcome, a crash, a 409
            "already committed", or already there before sending).
        retried: Put back for a later attempt (busy Wix, or read back as not applied).
        parked: Refused for good (malformed payload, a 4xx): a person must look.
        needs_review: Wix cannot tell whether it was applied: a manager decides.
    """

    sent: int = 0
    done_by_readback: int = 0
    retried: int = 0
    parked: int = 0
    needs_review: int = 0

    def __add__(self, other: PushReport) -> PushReport:
        return PushReport(*(getattr(self, f.name) + getattr(other, f.name) for f in fields(self)))


@dataclass(frozen=True, slots=True)
class _Job:
    message_id: int
    kind: str
    object_key: str
    document_id: str | None
    payload: dict[str, Any]
    journal: dict[str, Any]
    attempts: int


def _note(step: PushStep, ctx: StepContext) -> str:
    """Why Wix could not be told everything (kept on the done message), or ""."""
    return str(ctx.journal.get("note") or step.note or "")


def _job(record: Any) -> _Job:
    payload = record.payload if isinstance(record.payload, dict) else {}
    return _Job(record.id, record.kind, record.object_key,
                record.document_id or payload.get("document_id"), payload,
                dict(record.journal or {}), record.attempts)  # fmt: skip


class Pusher:
    """Sends the outbox's Wix write-back steps; all of its state lives in the database."""

    def __init__(
        self,
        *,
        client: WixClient,
        sessions: SessionFactory,
        clock: Clock,
        rng: random.Random | None = None,
    ) -> None:
        self._client, self._sessions, self._clock = client, sessions, clock
        self._rng = rng or random.Random()

    def run_once(self, *, limit: int = 50) -> PushReport:
        """Settle the attempts left in flight, then try up to `limit` due messages once each.

        A message whose step succeeded lets the next step of its object go out in the same
        run; a message is never tried twice in one run.

        Returns:
            The count of each outcome.
        """
        tally: Counter[str] = Counter()
        for job in self._jobs(in_flight=True):
            tally[self._recover(job)] += 1
        tried: set[int] = set()
        while len(tried) < limit:
            jobs = [
                j for j in self._jobs(in_flight=False, limit=limit) if j.message_id not in tried
            ]
            if not jobs:
                break
            for job in jobs[: limit - len(tried)]:
                tried.add(job.message_id)
                tally[self._push(job)] += 1
        return PushReport(**{f.name: tally[f.name] for f in fields(PushReport)})

    def _jobs(self, *, in_flight: bool, limit: int = 0) -> list[_Job]:
        with self._sessions() as session:
            if in_flight:
                records = sync_outbox.in_flight_messages(
                    session, destination=WIX, exclude_kinds=(STOCK_KIND,)
                )
            else:
                records = sync_outbox.due_messages(
                    session, destination=WIX, exclude_kinds=(STOCK_KIND,),
                    now=self._clock.now(), limit=limit)  # fmt: skip
            return [_job(record) for record in records]

    # ---------------------------------------------------------------- one message

    def _push(self, job: _Job) -> str:
        try:
            step = self._step(job)
        except PushPayloadError as error:
            return self._park(job, f"not sent: {error}")
        except WixAuthError:
            raise
        except WixError as error:  # the replacement order could not be looked up: later
            return self._retry(job, error)
        ctx = self._context(job)
        try:
            early = step.prepare(ctx)
        except WixBusyError as error:
            return self._retry(job, error)
        except WixAuthError:  # every message would fail alike: the round stops, none is parked
            raise
        except WixRefusedError as error:
            return self._park(job, f"not sent: {error.message}")
        except WixError as error:  # unreadable or unknown: nothing was sent, try later
            return self._retry(job, error)
        if early is not None:
            return self._settle(job, early, note=_note(step, ctx))
        with self._sessions.begin() as session:
            taken = outbox.start_attempt(session, job.message_id, now=self._clock.now(),
                                          journal=ctx.journal)  # fmt: skip
        if not taken:
            return "skipped"  # another sender took it meanwhile
        return self._send(job, step, ctx)

    def _send(self, job: _Job, step: PushStep, ctx: StepContext) -> str:
        try:
            result = step.send(ctx)
        except WixBusyError as error:
            return self._retry(job, error)
        except WixAuthError as error:  # not applied; back to the queue, and the round stops
            self._retry(job, error)
            raise
        except WixRefusedError as error:
            if step.refused(error) == READ_BACK:
                return self._resolve(job, step, ctx, cause=error.message)
            return self._park(job, error.message)
        except (WixAmbiguousError, WixResponseError, PushPayloadError) as error:
            return self._resolve(job, step, ctx, cause=str(getattr(error, "message", error)))
        with self._sessions.begin() as session:
            sync_outbox.update_journal(session, job.message_id, result)
            outbox.settle(session, job.message_id, DONE, now=self._clock.now())
            sync_outbox.set_note(session, job.message_id, _note(step, ctx), now=self._clock.now())
            if job.kind == StepKind.DELETE_DRAFT:
                sync_review.add_to_mark(session, sync_review.DRAFTS_DELETED_MARK, 1,
                                        now=self._clock.now())  # fmt: skip
        log.info("Wix step %s of %s sent", job.kind, job.object_key)
        return "sent"

    def _recover(self, job: _Job) -> str:
        """A message found in flight (its sender crashed): read back, never resend blindly."""
        try:
            step = self._step(job)
        except PushPayloadError as error:
            return self._review(job, Verdict(UNDECIDED, f"cannot be read back: {error}",
                                             problem=Problem(CANNOT_READ_BACK,
                                                             {"detail": str(error)})))
        except WixAuthError:
            raise
        except WixError:
            return "waiting"  # the next run reads back again
        return self._resolve(job, step, self._context(job), cause="interrupted while in flight")

    def _resolve(self, job: _Job, step: PushStep, ctx: StepContext, *, cause: str) -> str:
        try:
            verdict = read_back(step, ctx)
        except WixError as error:  # stays in flight: the next run reads back again
            with self._sessions.begin() as session:
                sync_outbox.update_journal(
                    session,
                    job.message_id,
                    {"read_back_error": f"{cause}; Wix could not be read back: {error.message}"},
                )
            log.warning("Wix step %s of %s: read-back failed (%s)", job.kind, job.object_key,
                        error.message)  # fmt: skip
            return "waiting"
        return self._settle(job, verdict, cause=cause, note=_note(step, ctx))

    # ---------------------------------------------------------------- outcomes

    def _settle(self, job: _Job, verdict: Verdict, *, cause: str = "", note: str = "") -> str:
        if verdict.orphan_drafts:
            with self._sessions.begin() as session:
                sync_review.add_to_mark(session, DRAFTS_UNKNOWN, verdict.orphan_drafts,
                                        now=self._clock.now())  # fmt: skip
        if verdict.outcome == APPLIED:
            with self._sessions.begin() as session:
                sync_outbox.update_journal(
                    session, job.message_id, {**verdict.journal, "read_back_error": None}
                )
                outbox.settle(session, job.message_id, DONE, now=self._clock.now())
                sync_outbox.set_note(session, job.message_id, note, now=self._clock.now())
                if job.kind == StepKind.DELETE_DRAFT and "kept" not in verdict.journal:
                    sync_review.add_to_mark(session, sync_review.DRAFTS_DELETED_MARK, 1,
                                            now=self._clock.now())  # fmt: skip
            log.info("Wix step %s of %s found applied on Wix", job.kind, job.object_key)
            return "done_by_readback"
        if verdict.outcome == NOT_APPLIED:
            when = self._clock.now() + self._delay(job.attempts + 1, None)
            with self._sessions.begin() as session:
                sync_outbox.update_journal(
                    session, job.message_id, {**verdict.journal, "read_back_error": None}
                )
                outbox.settle(session, job.message_id, PENDING, now=self._clock.now(),
                              next_attempt_at=when,
                              error=f"{cause}; Wix shows it was not applied: it will be "
                              "sent again")  # fmt: skip
            return "retried"
        return self._review(job, verdict)

    def _review(self, job: _Job, verdict: Verdict) -> str:
        reason = f"Wix cannot tell whether this step was applied: {verdict.reason}"
        with self._sessions.begin() as session:
            sync_outbox.update_journal(
                session,
                job.message_id,
                {**verdict.journal, "review": verdict.reason, "read_back_error": None,
                 **_coded(verdict.problem)},
            )
            outbox.settle(session, job.message_id, NEEDS_REVIEW, now=self._clock.now(),
                          error=reason)  # fmt: skip
        log.warning("Wix step %s of %s needs review: %s", job.kind, job.object_key, reason)
        return NEEDS_REVIEW

    def _retry(self, job: _Job, error: WixError) -> str:
        when = self._clock.now() + self._delay(job.attempts + 1, error.retry_after)
        with self._sessions.begin() as session:
            outbox.settle(session, job.message_id, PENDING, now=self._clock.now(),
                          error=error.message, next_attempt_at=when)  # fmt: skip
        log.info("Wix step %s of %s: %s; next try at %s", job.kind, job.object_key,
                 error.message, when.isoformat(timespec="seconds"))  # fmt: skip
        return "retried"

    def _park(self, job: _Job, reason: str) -> str:
        with self._sessions.begin() as session:
            outbox.settle(session, job.message_id, PARKED, now=self._clock.now(), error=reason)
        log.warning("Wix step %s of %s parked: %s", job.kind, job.object_key, reason)
        return "parked"

    # ---------------------------------------------------------------- helpers

    def _delay(self, attempt: int, retry_after: float | None) -> timedelta:
        """Wix's ``Retry-After`` when it gave one, else capped doubling with equal jitter."""
        if retry_after is not None:
            return timedelta(seconds=max(retry_after, 0.0))
        ceiling: timedelta = min(RETRY_CAP, RETRY_BASE * 2 ** max(attempt - 1, 0))
        return ceiling / 2 + ceiling / 2 * self._rng.random()

    def _step(self, job: _Job) -> PushStep:
        replacement = None
        if job.kind in NEEDS_REPLACEMENT and job.document_id:
            with self._sessions() as session:
                replacement = sync_outbox.done_step_journal(
                    session, document_id=str(job.document_id), kind=StepKind.REPLACEMENT_ORDER
                )
            if replacement is not None and not replacement.get("order_id"):
                replacement = self._find_replacement(job, replacement)
        return build_step(job.kind, job.payload, replacement)

    def _find_replacement(self, job: _Job, replacement: dict[str, Any]) -> dict[str, Any]:
        """A replacement order a manager marked done: found on Wix by the exchange's id.

        Raises:
            WixError: Wix could not be read (the message is tried again later).
        """
        if replacement.get("resolution") != "done":
            return replacement
        found = orders_with_external_id(self._client, str(job.document_id))
        if len(found) != 1:
            return replacement  # the dependents are parked "not recorded as created"
        result = order_result(found[0])
        with self._sessions.begin() as session:
            sync_outbox.update_done_step_journal(
                session,
                document_id=str(job.document_id),
                kind=StepKind.REPLACEMENT_ORDER,
                entries=result,
            )
        return {**replacement, **result}

    def _context(self, job: _Job) -> StepContext:
        journal = dict(job.journal)

        def save(entries: dict[str, Any]) -> None:
            with self._sessions.begin() as session:
                sync_outbox.update_journal(session, job.message_id, entries)
            journal.update(entries)

        return StepContext(self._client, journal, save)


def _coded(problem: Problem | None) -> dict[str, Any]:
    """The journal keys that let the screen word a review in its language."""
    if problem is None:
        return {}
    return {"review_code": problem.code, "review_params": problem.params}
