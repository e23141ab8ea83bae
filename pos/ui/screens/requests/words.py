"""Return requests in the counter's words: refusals, reasons, states (context "Requests").

The service refuses with a stable code and parameters (`RequestRefusedError`); this module
words the request codes, and hands every other error to `pos.ui.messages.error_text`.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime

from PySide6.QtCore import QCoreApplication

from pos.ui.format import format_datetime
from pos.ui.messages import QT_TRANSLATE_NOOP, error_text

CONTEXT = "Requests"
# The customer's reasons offered as chips (the returns screen's codes, so reports add up).
REASONS = ("wrong_size", "not_as_expected", "faulty", "changed_mind", "other")
# A manager's common reasons to refuse, as chips; the text field takes any other.
REJECT_REASONS = ("outside_window", "worn", "not_from_us", "final_sale")

# The refusals a counter commit can also meet (an approval expired, used or over-asked between
# the scan and Confirm) are worded in `pos.ui.messages`, where the settle screen reads them.
_REFUSALS: dict[str, str] = {
    "request_state": QT_TRANSLATE_NOOP(
        "Requests", "This request was already decided meanwhile. The list is read again."
    ),
    "request_empty": QT_TRANSLATE_NOOP(
        "Requests", "Nothing is asked yet. Tap + on each item the customer wants to return."
    ),
    "decision_reason_required": QT_TRANSLATE_NOOP(
        "Requests", "Say why the request is refused: tap a reason or write it."
    ),
    "photo_type": QT_TRANSLATE_NOOP(
        "Requests", "A photo is not a JPEG or PNG picture. Leave it out."
    ),
    "photo_too_large": QT_TRANSLATE_NOOP(
        "Requests", "A photo is too large (5 MB at most). Leave it out."
    ),
    "photo_empty": QT_TRANSLATE_NOOP("Requests", "A photo file is empty. Leave it out."),
    "too_many_photos": QT_TRANSLATE_NOOP("Requests", "At most 6 photos per request."),
    "photo_not_found": QT_TRANSLATE_NOOP(
        "Requests", "A photo of this request is no longer there. The list is read again."
    ),
}


def _tr(source: str) -> str:
    return QCoreApplication.translate(CONTEXT, source)


class _Params(dict[str, str]):
    def __missing__(self, key: str) -> str:
        return "?"  # a missing parameter must never hide the sentence


def refusal_text(error: BaseException, locale: str) -> str:
    """What to tell the person about `error` (a request refusal, or any other error)."""
    code = getattr(error, "code", None)
    source = _REFUSALS.get(code) if isinstance(code, str) else None
    if source is None:
        return error_text(error, locale)
    params: Mapping[str, object] = getattr(error, "params", None) or {}
    worded = {key: _worded(value, locale) for key, value in params.items()}
    return _tr(source).format_map(_Params(worded))


def _worded(value: object, locale: str) -> str:
    """A parameter for a sentence: moments (or their ISO text) in the locale's words."""
    if isinstance(value, str) and value[:4].isdigit() and "T" in value:
        try:
            return format_datetime(datetime.fromisoformat(value), locale)
        except ValueError:
            return value
    return format_datetime(value, locale) if isinstance(value, datetime) else str(value)


def has_refusal_text(code: str) -> bool:
    """Whether `code` has its own sentence here."""
    return code in _REFUSALS


_REASONS: dict[str, str] = {
    "wrong_size": QT_TRANSLATE_NOOP("Requests", "Wrong size"),
    "not_as_expected": QT_TRANSLATE_NOOP("Requests", "Not as expected"),
    "faulty": QT_TRANSLATE_NOOP("Requests", "Faulty or damaged"),
    "changed_mind": QT_TRANSLATE_NOOP("Requests", "Changed their mind"),
    "other": QT_TRANSLATE_NOOP("Requests", "Other reason"),
}
_REJECT_REASONS: dict[str, str] = {
    "outside_window": QT_TRANSLATE_NOOP("Requests", "Too late"),
    "worn": QT_TRANSLATE_NOOP("Requests", "Worn or used"),
    "not_from_us": QT_TRANSLATE_NOOP("Requests", "Not bought here"),
    "final_sale": QT_TRANSLATE_NOOP("Requests", "Final sale"),
}


def reason_texts() -> dict[str, str]:
    """The customer's reasons, worded now (the list's detail)."""
    return {code: _tr(text) for code, text in _REASONS.items()}


def reject_reason_texts() -> dict[str, str]:
    """A manager's common reasons to refuse, worded now (chips)."""
    return {code: _tr(text) for code, text in _REJECT_REASONS.items()}


def reason_text(code: str) -> str:
    """A stored reason code worded now (a reason typed by hand stays as it was written)."""
    return reason_texts().get(code) or reject_reason_texts().get(code) or code

