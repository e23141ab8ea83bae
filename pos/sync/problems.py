"""Sync problems as a code and parameters, so the screen words them in its own language.

The engine and the pushers keep an English sentence for the log and the command line, and
store beside it a `Problem` (``code`` + ``params``) that the UI turns into French or English.
Rows written before codes existed carry the sentence only; the UI shows that as it is.
"""

from __future__ import annotations

from pos.services.sync_port import Problem  # the one type, in the services' read model

__all__ = ["Problem"]

# The sync's last error (mark ``last_error_code``).
UNREACHABLE = "unreachable"  # params: pending
BUSY = "busy"  # params: pending
UNREADABLE = "unreadable"  # params: pending
NO_ANSWER = "no_answer"  # params: pending, detail (Wix's or the transport's words)
CONFIG = "config"  # params: detail (what to fix, from the credentials)
REFUSED = "refused"  # params: detail (Wix's words)

# Why a stock change needs review (journal ``review_code``); params: name, cause, numbers.
STOCK_OUT_OF_RANGE = "stock_out_of_range"
STOCK_GONE = "stock_gone"
STOCK_CHANGED = "stock_changed"
# Why a stock change was parked (journal ``review_code``); params: name. Nothing was sent.
STOCK_NOT_LINKED = "stock_not_linked"  # the variant has no Wix product or variant id
STOCK_NO_RECORD = "stock_no_record"  # Wix has no stock record at the shop's location
STOCK_NOT_COUNTED = "stock_not_counted"  # Wix tracks in stock / out of stock only
# What left a stock change's outcome unknown (param ``cause``).
CAUSE_INTERRUPTED = "interrupted"
CAUSE_NO_RESULT = "no_result"
CAUSE_LOST = "lost"  # param ``detail``: Wix's words
STOCK_CAUSES = {
    "the previous run stopped before the answer": CAUSE_INTERRUPTED,
    "Wix gave no result for these items": CAUSE_NO_RESULT,
}

# Why a document step needs review (journal ``review_code``): Wix's read-back cannot tell.
NOT_RECORDED = "not_recorded"  # params: what ("refunds", "payments", "comments")
SEVERAL_REFUNDS = "several_refunds"  # params: count, total, order
OTHER_REFUND = "other_refund"  # params: total, order
SEVERAL_ORDERS = "several_orders"  # params: count, external_id
OTHER_PAYMENTS = "other_payments"  # params: expected, order
REPEATED_COMMENT = "repeated_comment"  # params: times, order
CANNOT_READ_BACK = "cannot_read_back"  # params: detail
