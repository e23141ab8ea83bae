"""Every refusal of the returns desk in words a cashier understands, with what to do next.

The domain and the services raise a stable `code` with `params` (docs/returns-rules.md);
this module is the one place that turns them into translated sentences (context
"Messages"). Amounts are formatted for the locale; unknown errors get a safe sentence and
are logged, since they are bugs rather than refusals.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable
from datetime import date, datetime

from PySide6.QtCore import QCoreApplication

from pos.domain.money import Money
from pos.ui.format import format_date, format_datetime, format_money

log = logging.getLogger(__name__)

CONTEXT = "Messages"


def QT_TRANSLATE_NOOP(context: str, source: str) -> str:
    """Mark `source` for translation in `context` (lupdate finds the call); return it as is.

    The same as PySide6's, which its stubs type as returning `object`.
    """
    return source


_TEXTS: dict[str, str] = {
    "authorisation_expired": QT_TRANSLATE_NOOP(
        "Messages",
        "Return authorisation {number} expired on {expires_at}. A manager can record a new "
        "request for this order.",
    ),
    "authorisation_used": QT_TRANSLATE_NOOP(
        "Messages", "Return authorisation {number} was already used: its items came back."
    ),
    "authorisation_rejected": QT_TRANSLATE_NOOP(
        "Messages", "Return request {number} was refused by a manager: nothing to take back."
    ),
    "authorisation_pending": QT_TRANSLATE_NOOP(
        "Messages",
        "This return request is still waiting for a manager's decision. Ask a manager to "
        "approve it first.",
    ),
    "authorisation_unknown": QT_TRANSLATE_NOOP(
        "Messages",
        "No return authorisation has this number. Check the number, or search the order.",
    ),
    "request_not_found": QT_TRANSLATE_NOOP(
        "Messages", "This request is no longer there. The list is read again."
    ),
    "request_other_order": QT_TRANSLATE_NOOP(
        "Messages", "Return authorisation {number} is for another order. Open that order."
    ),
    "request_over_approved": QT_TRANSLATE_NOOP(
        "Messages",
        "Only {approved} unit(s) of this item were approved ({requested} asked). Lower the "
        "quantity.",
    ),
    # check_draft (rule 10)
    "empty_draft": QT_TRANSLATE_NOOP(
        "Messages", "Nothing is selected yet. Tap + on each item the customer brings back."
    ),
    "nothing_returned": QT_TRANSLATE_NOOP(
        "Messages", "Nothing is coming back yet. Tap + on each item the customer brings back."
    ),
    "exchange_without_new_items": QT_TRANSLATE_NOOP(
        "Messages",
        "An exchange needs a replacement item. Search or scan the new item, "
        "or make a refund instead.",
    ),
    "new_items_not_allowed": QT_TRANSLATE_NOOP(
        "Messages",
        "New items can only be given in an exchange. Remove them, or start an exchange.",
    ),
    "cancellation_of_fulfilled_order": QT_TRANSLATE_NOOP(
        "Messages",
        "Order {order} has already been shipped or handed over, so it cannot be cancelled. "
        "Make a refund instead.",
    ),
    "cancellation_of_pending_order": QT_TRANSLATE_NOOP(
        "Messages",
        "Order {order} is still waiting for its payment on Wix, and Wix cannot cancel it yet. "
        "Try again once the payment has gone through, or make a refund.",
    ),
    "cancellation_of_rejected_order": QT_TRANSLATE_NOOP(
        "Messages",
        "The payment of order {order} was declined on Wix: it was never paid, and Wix cannot "
        "cancel it. Nothing is to be refunded.",
    ),
    "nothing_to_cancel": QT_TRANSLATE_NOOP(
        "Messages", "Everything in order {order} has already come back: nothing is left to cancel."
    ),
    "quantity_not_positive": QT_TRANSLATE_NOOP(
        "Messages", "A quantity must be at least 1. Set it again with + and −."
    ),
    "unknown_line": QT_TRANSLATE_NOOP(
        "Messages", "This item is no longer part of the order. Go back and open the order again."
    ),
    "over_return": QT_TRANSLATE_NOOP(
        "Messages",
        "Only {returnable} × “{name}” can still come back ({requested} asked). Lower the quantity.",
    ),
    "currency_mismatch": QT_TRANSLATE_NOOP(
        "Messages",
        "“{name}” is priced in {currency} but the order was paid in {expected}. "
        "Choose another item or call a manager.",
    ),
    "price_negative": QT_TRANSLATE_NOOP(
        "Messages",
        "“{name}” has a negative price ({price}). Remove it and ask a manager to fix the "
        "catalogue.",
    ),
    "tax_rate_invalid": QT_TRANSLATE_NOOP(
        "Messages",
        "“{name}” has an invalid tax rate ({rate}). Remove it and ask a manager to fix the "
        "catalogue.",
    ),
    "reason_required": QT_TRANSLATE_NOOP(
        "Messages", "Choose a reason for every item that comes back."
    ),
    "note_required": QT_TRANSLATE_NOOP(
        "Messages", "Write a note for the customer explaining the cancellation."
    ),
    "no_shipping_to_refund": QT_TRANSLATE_NOOP(
        "Messages", "This order had no shipping charge: there is no shipping to refund."
    ),
    "shipping_already_refunded": QT_TRANSLATE_NOOP(
        "Messages", "Shipping ({shipping}) was already refunded for this order."
    ),
    "shipping_refund_without_refund": QT_TRANSLATE_NOOP(
        "Messages", "Shipping can only be refunded when the cancellation gives money back."
    ),
    # settle (rules 8-9)
    "tender_currency_mismatch": QT_TRANSLATE_NOOP(
        "Messages",
        "A payment is in {currency} but the balance is in {expected}. Remove it and enter it "
        "again.",
    ),
    "tender_not_positive": QT_TRANSLATE_NOOP(
        "Messages", "An amount must be more than zero. Enter the amount again."
    ),
    "no_tender_expected": QT_TRANSLATE_NOOP(
        "Messages",
        "Nothing is due either way. Remove the payments entered ({tendered}) and confirm.",
    ),
    "method_not_for_refund": QT_TRANSLATE_NOOP(
        "Messages",
        "This cannot be used for a refund. Choose the original payment, cash, a gift card "
        "or store credit.",
    ),
    "refund_store_credit_only": QT_TRANSLATE_NOOP(
        "Messages",
        "An item brought back is refunded only as store credit. Refund it to a new gift "
        "card or as store credit.",
    ),
    "method_not_for_collect": QT_TRANSLATE_NOOP(
        "Messages", "This cannot be used to take a payment. Choose cash, card or a gift card."
    ),
    "more_than_one_cash_tender": QT_TRANSLATE_NOOP(
        "Messages", "Enter cash only once: remove the extra cash line and enter the total given."
    ),
    "tenders_do_not_match_balance": QT_TRANSLATE_NOOP(
        "Messages",
        "The payments entered ({tendered}) do not match the amount due ({due}): {difference} "
        "is still open. Add or remove a payment.",
    ),
    "original_payment_not_chosen": QT_TRANSLATE_NOOP(
        "Messages", "Choose which payment of the order gets the refund."
    ),
    "unknown_payment": QT_TRANSLATE_NOOP(
        "Messages", "This payment is not part of the order. Go back and open the order again."
    ),
    "payment_not_refundable": QT_TRANSLATE_NOOP(
        "Messages",
        "This payment was already refunded in full. Refund in cash, to a gift card or as "
        "store credit.",
    ),
    "refund_exceeds_payment": QT_TRANSLATE_NOOP(
        "Messages",
        "At most {refundable} can go back to this payment ({asked} asked). Refund the rest "
        "another way.",
    ),
    "gift_card_refund_must_be_whole": QT_TRANSLATE_NOOP(
        "Messages",
        "A gift-card payment can only be refunded whole ({refundable}). Refund all of it, "
        "or use cash or a new gift card.",
    ),
    "gift_card_payment_exceeds_refund": QT_TRANSLATE_NOOP(
        "Messages",
        "The gift-card payment ({refundable}) is more than the refund ({due}) and can only "
        "be refunded whole. Refund in cash or to a new gift card.",
    ),
    "non_cash_exceeds_due": QT_TRANSLATE_NOOP(
        "Messages",
        "Card and gift-card payments ({tendered}) are more than what is due ({due}). Lower "
        "them: only cash gives change.",
    ),
    "cash_not_needed": QT_TRANSLATE_NOOP(
        "Messages",
        "The other payments already cover {due}, so the cash ({cash}) is not needed. Remove it.",
    ),
    "gift_card_code_missing": QT_TRANSLATE_NOOP(
        "Messages", "Type or scan the gift card's code first."
    ),
    "unknown_gift_card": QT_TRANSLATE_NOOP(
        "Messages", "Gift card {gift_card_code} was not found. Check the code or scan it again."
    ),
    "gift_card_not_found": QT_TRANSLATE_NOOP(
        "Messages", "Gift card {code} was not found. Check the code or scan it again."
    ),
    "customer_not_found": QT_TRANSLATE_NOOP(
        "Messages", "This customer is no longer in the sales history. Choose another one."
    ),
    "gift_card_currency_mismatch": QT_TRANSLATE_NOOP(
        "Messages",
        "Gift card {gift_card_code} is in {currency} and cannot pay this. Choose another way "
        "to pay.",
    ),
    "gift_card_expired": QT_TRANSLATE_NOOP(
        "Messages",
        "Gift card {code} was valid until {valid_until}: it has expired and can no longer pay. "
        "Remove it and choose another way to pay.",
    ),
    "gift_card_insufficient": QT_TRANSLATE_NOOP(
        "Messages",
        "Gift card {gift_card_code} holds only {balance} ({asked} asked). Lower the amount "
        "and take the rest another way.",
    ),
    # policy settings
    "policy_setting_unknown": QT_TRANSLATE_NOOP(
        "Messages", "The return policy has a setting this till does not know. Call a manager."
    ),
    "policy_setting_invalid": QT_TRANSLATE_NOOP(
        "Messages", "The return policy setting “{key}” is not valid. Call a manager."
    ),
    # ReturnsService
    "order_not_found": QT_TRANSLATE_NOOP(
        "Messages", "This order is no longer in the sales history. Search for it again."
    ),
    "order_cancelled": QT_TRANSLATE_NOOP(
        "Messages", "Order {number} is cancelled: nothing more can be returned on it."
    ),
    "variant_not_found": QT_TRANSLATE_NOOP(
        "Messages", "No item has the code “{code}”. Check the code, or search by name."
    ),
    "gift_card_code_taken": QT_TRANSLATE_NOOP(
        "Messages", "The code {code} is already on another card. Use another card."
    ),
    "gift_card_code_invalid": QT_TRANSLATE_NOOP(
        "Messages", "“{code}” is not a gift-card code. Scan the card again."
    ),
    "not_enough_stock": QT_TRANSLATE_NOOP(
        "Messages",
        "Not enough “{name}” in stock for {requested}. Choose another size or colour, or "
        "lower the quantity.",
    ),
    # users and approvals
    "permission_denied": QT_TRANSLATE_NOOP(
        "Messages", "Your role may not do this. Ask a manager to do it or to approve it."
    ),
    "approval_required": QT_TRANSLATE_NOOP(
        "Messages", "A manager must approve this first: {rules}. Ask a manager for their PIN."
    ),
    "unknown_user": QT_TRANSLATE_NOOP(
        "Messages", "Nobody is called “{username}” on this till. Choose a name from the list."
    ),
    "user_disabled": QT_TRANSLATE_NOOP(
        "Messages", "{username}'s account is switched off. Ask another manager."
    ),
    "invalid_user": QT_TRANSLATE_NOOP(
        "Messages", "The approval could not be recorded. Try again, or call a manager."
    ),
    # the person logged in, re-read by the service (pos.services.access.confirm_operator)
    "operator_disabled": QT_TRANSLATE_NOOP(
        "Messages",
        "{username}'s account has been switched off: nothing was saved. Log out and ask a "
        "manager.",
    ),
    "operator_unknown": QT_TRANSLATE_NOOP(
        "Messages",
        "The account {username} no longer exists on this till: nothing was saved. Log out and "
        "log in again.",
    ),
    "pin_locked": QT_TRANSLATE_NOOP(
        "Messages",
        "Too many wrong PINs: this account is locked until {until}. Ask another manager.",
    ),
    # card terminal
    "card_declined": QT_TRANSLATE_NOOP(
        "Messages", "The card was declined. Ask for another card or another way to pay."
    ),
    "card_terminal_timeout": QT_TRANSLATE_NOOP(
        "Messages",
        "The terminal did not answer. Check on the terminal whether the payment went "
        "through before trying again.",
    ),
    "card_cancelled": QT_TRANSLATE_NOOP(
        "Messages", "The card payment was cancelled: nothing was charged. Try again if needed."
    ),
    "approval_code_invalid": QT_TRANSLATE_NOOP(
        "Messages",
        "The approval code must be 4 to 12 letters or digits, as printed by the terminal. "
        "Enter it again.",
    ),
    "card_terminal_error": QT_TRANSLATE_NOOP(
        "Messages", "The terminal gave an answer this till does not understand. Call a manager."
    ),
    # the database (pos.db.engine.DatabaseUnavailableError): locked, disk full, server down
    "database_unavailable": QT_TRANSLATE_NOOP(
        "Messages",
        "The shop's database cannot be used right now (busy, full or out of reach): nothing "
        "was saved. Everything is still on screen: try again in a moment; if it keeps "
        "failing, call a manager.",
    ),
    # returns without a receipt (pos.domain.no_receipt, pos.services.no_receipt)
    "no_receipt_not_sold": QT_TRANSLATE_NOOP(
        "Messages",
        "“{sku}” has not sold in the last {days} days, so it has no price to take it back "
        "at without a receipt. Call a manager.",
    ),
    "no_receipt_final_sale": QT_TRANSLATE_NOOP(
        "Messages", "“{sku}” is a final-sale item: it cannot come back without a receipt."
    ),
    "no_receipt_quantity": QT_TRANSLATE_NOOP(
        "Messages", "Nothing is coming back yet. Scan the item or find it in the catalogue."
    ),
    "no_receipt_customer_limit": QT_TRANSLATE_NOOP(
        "Messages",
        "Over this customer's limit without a receipt: {left} is left, {asked} asked. "
        "Take fewer items back.",
    ),
    "no_receipt_day_limit": QT_TRANSLATE_NOOP(
        "Messages",
        "Over the shop's limit for today without a receipt: {left} is left, {asked} asked. "
        "Take fewer items back, or come back tomorrow.",
    ),
    "no_receipt_reason_required": QT_TRANSLATE_NOOP(
        "Messages", "Choose why the item comes back (for “Other reason”, say it in words)."
    ),
    "no_receipt_customer_required": QT_TRANSLATE_NOOP(
        "Messages",
        "Choose the customer, or note a new one with a name and a phone or an e-mail.",
    ),
    "no_receipt_refund_method": QT_TRANSLATE_NOOP(
        "Messages",
        "Without a receipt the refund is only store credit or a new gift card. Choose one.",
    ),
    "no_receipt_disposition": QT_TRANSLATE_NOOP(
        "Messages", "An item without a receipt goes back to stock or is damaged. Choose one."
    ),
    "no_cash_session": QT_TRANSLATE_NOOP(
        "Messages",
        "The drawer of this counter is not open: nothing was saved. Open it on the Closing "
        "screen first.",
    ),
}

_NO_RECEIPT_DAY_COUNT = QT_TRANSLATE_NOOP(
    "Messages",
    "The shop has taken back today all the returns without a receipt it allows. Come back "
    "tomorrow, or call a manager.",
)
_WRONG_PIN_ONE = QT_TRANSLATE_NOOP(
    "Messages", "Wrong PIN. One more wrong try locks this account: check it carefully."
)
_WRONG_PIN_MANY = QT_TRANSLATE_NOOP(
    "Messages", "Wrong PIN. {attempts_left} tries are left. Enter it again."
)
_WRONG_PIN_NONE = QT_TRANSLATE_NOOP(
    "Messages", "Wrong PIN. This account is now locked: ask another manager."
)
_UNEXPECTED = QT_TRANSLATE_NOOP(
    "Messages",
    "Something went wrong and nothing was saved. Try again; if it keeps failing, call a manager.",
)

_RULES: dict[str, str] = {
    "over_threshold": QT_TRANSLATE_NOOP("Messages", "refund above the limit"),
    "outside_window": QT_TRANSLATE_NOOP("Messages", "outside the return window"),
    "final_sale": QT_TRANSLATE_NOOP("Messages", "final-sale item"),
    "exchange_only": QT_TRANSLATE_NOOP("Messages", "refund of an exchange-only item"),
    "shipping_refund": QT_TRANSLATE_NOOP("Messages", "shipping refund"),
    "cancellation": QT_TRANSLATE_NOOP("Messages", "order cancellation"),
    "price_override": QT_TRANSLATE_NOOP("Messages", "price changed by hand"),
    "approval_already_used": QT_TRANSLATE_NOOP("Messages", "a fresh approval"),
    "no_receipt": QT_TRANSLATE_NOOP("Messages", "return without a receipt"),
    "return_requests": QT_TRANSLATE_NOOP("Messages", "return requests (read, record, decide)"),
}


def _tr(source: str) -> str:
    return QCoreApplication.translate(CONTEXT, source)


class _Params(dict[str, str]):
    def __missing__(self, key: str) -> str:
        return "?"  # a missing parameter must never hide the sentence


def _value(value: object, locale: str) -> str:
    if isinstance(value, Money):
        return format_money(value, locale)
    if isinstance(value, datetime):
        return format_datetime(value, locale)
    if isinstance(value, date):  # a day, such as a card's last valid one
        return format_date(value, locale)
    if isinstance(value, str) and value[:4].isdigit() and "T" in value:  # a moment, ISO text
        try:
            return format_datetime(datetime.fromisoformat(value), locale)
        except ValueError:
            return value
    return str(value)


def has_text(code: str) -> bool:
    """Whether `code` has its own sentence here (the tests check every documented code)."""
    return code in _TEXTS or code == "wrong_pin"


def rule_text(rule: str) -> str:
    """A manager-approval rule (`ApprovalRule` value) in the cashier's words."""
    source = _RULES.get(str(rule))
    return _tr(source) if source else str(rule).replace("_", " ")


def code_text(code: str, params: dict[str, object] | None = None, locale: str = "fr_FR") -> str:
    """The sentence for `code`, its `params` filled in and formatted for `locale`."""
    params = dict(params or {})
    if code == "wrong_pin":
        left = int(str(params.get("attempts_left", 0)))
        source = _WRONG_PIN_NONE if left <= 0 else _WRONG_PIN_ONE if left == 1 else _WRONG_PIN_MANY
        return _tr(source).format_map(_Params(attempts_left=str(left)))
    if code == "no_receipt_day_limit" and str(params.get("count_left")) == "0":
        return _tr(_NO_RECEIPT_DAY_COUNT)  # the day's count, not its amount, is used up
    if code == "approval_required":
        rules = params.get("rules") or ()
        named = rules if isinstance(rules, Iterable) else ()
        params["rules"] = ", ".join(rule_text(str(r)) for r in named)
    template = _TEXTS.get(code)
    if template is None:
        return _tr(_UNEXPECTED)
    return _tr(template).format_map(_Params({k: _value(v, locale) for k, v in params.items()}))


def error_text(error: BaseException, locale: str = "fr_FR") -> str:
    """What to tell the cashier about `error`; bugs are logged and get a safe sentence."""
    code = getattr(error, "code", None)
    params = dict(getattr(error, "params", None) or {})
    until = getattr(error, "until", None)
    if isinstance(until, datetime):
        params["until"] = until
    if isinstance(code, str) and has_text(code):
        return code_text(code, params, locale)
    log.error("unexpected error at the returns desk", exc_info=error)
    return _tr(_UNEXPECTED)
