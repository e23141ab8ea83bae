"""The sync's problems in the interface language: the last error and why a change is stuck.

The sync stores a code and its parameters (`pos.sync.problems`, copied into
`Problem`); these functions word them. Rows written before codes carry English words only:
they are shown as recorded, under a translated heading. Third-party words (Wix's refusal, a
transport error) are quoted as they came.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from PySide6.QtCore import QCoreApplication

from pos.services.sync_port import Problem, ReviewItem, SyncStatus


def _t(text: str) -> str:
    return QCoreApplication.translate("SyncProblems", text)


def _waiting(one: str, many: str) -> Callable[[Mapping[str, Any]], str]:
    def word(params: Mapping[str, Any]) -> str:
        n = params.get("pending", 0)
        return (_t(one) if n == 1 else _t(many)).format(n=n, detail=params.get("detail", ""))

    return word


_LAST_ERROR: dict[str, Callable[[Mapping[str, Any]], str]] = {
    "unreachable": _waiting(
        "Wix cannot be reached (no network?) — 1 change waits and will be sent when it is back.",
        "Wix cannot be reached (no network?) — {n} changes wait and will be sent when it is back.",
    ),
    "busy": _waiting(
        "Wix asks Comptoir to slow down (too busy) — 1 change waits and will be sent shortly.",
        "Wix asks Comptoir to slow down (too busy) — {n} changes wait and will be sent shortly.",
    ),
    "unreadable": _waiting(
        "Wix answered with something Comptoir cannot read — 1 change waits.",
        "Wix answered with something Comptoir cannot read — {n} changes wait.",
    ),
    "no_answer": _waiting(
        "Wix did not answer properly ({detail}) — 1 change waits; anything unanswered is "
        "checked on Wix before it is sent again.",
        "Wix did not answer properly ({detail}) — {n} changes wait; anything unanswered is "
        "checked on Wix before it is sent again.",
    ),
    "config": lambda p: _t("The Wix settings need fixing: {detail}").format(**_quoted(p)),
    "refused": lambda p: _t("Wix refused: {detail}").format(**_quoted(p)),
}


def last_error_text(status: SyncStatus | None) -> str:
    """The last sync problem in the interface language ("" when there is none)."""
    if status is None or not status.last_error:
        return ""
    word = _LAST_ERROR.get(status.last_problem.code) if status.last_problem else None
    if word is None or status.last_problem is None:  # stored before codes: English words
        return _t("Last problem (as recorded): {text}").format(text=status.last_error)
    return word(status.last_problem.params)


def review_reason_text(item: ReviewItem) -> str:
    """Why a change waits for a manager, in the interface language."""
    if item.problem is not None:
        words = _review_words(item.problem, dict(item.numbers))
        if words:
            return _t("Why: {reason}").format(reason=words)
    if item.state == "parked":  # Wix's own words
        return _t("Wix's answer: {reason}").format(reason=item.reason)
    return _t("Why (as recorded): {reason}").format(reason=item.reason)


def _quoted(params: Mapping[str, Any]) -> dict[str, Any]:
    return {"detail": "", **params}


def _cause(params: Mapping[str, Any]) -> str:
    causes = {
        "interrupted": _t("The previous sync stopped before Wix answered"),
        "no_result": _t("Wix gave no result for this item"),
    }
    cause = causes.get(str(params.get("cause")))
    return cause or _t("Wix's answer was lost ({detail})").format(**_quoted(params))


def _review_words(problem: Problem, numbers: Mapping[str, Any]) -> str:
    p = dict(problem.params)
    if numbers.get("sku"):  # the variant by its reference, in the screen's words
        p["name"] = _t("SKU {sku}").format(sku=numbers["sku"])
    delta = numbers.get("delta")
    stock = {
        "found": numbers.get("found_quantity"),
        "expected": numbers.get("expected_quantity"),
        "before": numbers.get("quantity_before"),
        "delta": f"{delta:+d}" if isinstance(delta, int) else delta,
    }
    applied = _t("Wix cannot tell whether this step was applied: {why}.")
    words: dict[str, Callable[[], str]] = {
        "stock_out_of_range": lambda: _t(
            "Wix shows {found} of {name}; the change {delta} would make {expected}, "
            "which Wix refuses."
        ).format(**p, **stock),
        "stock_gone": lambda: _t("{cause}, and {name} is no longer on Wix.").format(
            **{**p, "cause": _cause(p)}
        ),
        "stock_changed": lambda: _t(
            "{cause}, and the count of {name} also changed on Wix meanwhile: expected "
            "{expected} ({before} {delta}), Wix shows {found}. Check the shelf, then mark it "
            "done, resend or drop."
        ).format(**{**p, **stock, "cause": _cause(p)}),
        "stock_not_linked": lambda: _t(
            "{name} is not linked to Wix (no Wix product or variant); its stock change stays "
            "in the shop."
        ).format(**p),
        "stock_no_record": lambda: _t(
            "Wix has no stock record of {name} at the shop's location; its stock change stays "
            "in the shop."
        ).format(**p),
        "stock_not_counted": lambda: _t(
            "Wix does not count the stock of {name} (in stock / out of stock only); nothing "
            "was sent."
        ).format(**p),
        "not_recorded": lambda: applied.format(why=_not_recorded(str(p.get("what")))),
        "several_refunds": lambda: applied.format(why=_t(
            "{count} refunds of {total} for these lines appeared on order {order} since the "
            "first attempt; one was expected").format(**p)),
        "other_refund": lambda: applied.format(why=_t(
            "a refund of {total} for other lines appeared on order {order} since the first "
            "attempt").format(**p)),
        "several_orders": lambda: applied.format(why=_t(
            "{count} Wix orders carry this exchange's id {external_id}; one was expected"
        ).format(**p)),
        "other_payments": lambda: applied.format(why=_t(
            "other payments than the expected ({expected}) appeared on order {order} since "
            "the first attempt").format(**p)),
        "repeated_comment": lambda: applied.format(why=_t(
            "the comment appears {times} times on order {order}; once was expected"
        ).format(**p)),
        "cannot_read_back": lambda: applied.format(
            why=_t("it cannot be read back ({detail})").format(**_quoted(p))),
    }  # fmt: skip
    word = words.get(problem.code)
    try:
        return word() if word is not None else ""
    except (KeyError, IndexError, TypeError, ValueError):  # parameters missing: the words
        return ""


def _not_recorded(what: str) -> str:
    return {
        "refunds": _t("the refunds on Wix before the attempt were not recorded"),
        "payments": _t("the payments on Wix before the attempt were not recorded"),
        "comments": _t("the comments on Wix before the attempt were not recorded"),
    }.get(what, what)
