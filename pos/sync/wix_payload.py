"""Reading Wix JSON safely: typed, path-reporting access and the bounds a value must keep.

JSON that parses can still be hostile: a lone surrogate (``"\\ud800"``) or a NUL character in a
string, a year-1 or year-9999 date, an amount no database column holds. Every string, amount
and time read through `Node`, `parse_amount` or `parse_timestamp` is checked here, so such a
value becomes a `WixPayloadError` naming its field, before anything reaches the database
(docs/api.md, "Errors"; docs/money.md, "The bound").
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from decimal import Decimal, DecimalException
from typing import Any, Literal, overload

from pos.domain.money import MAX_MINOR, Money, exponent

MAX_AMOUNT = Decimal("1e15")  # wix-api.md §1.5: Price.amount is 0..1e15
# Times outside this window are refused: before 1970 an order's search key would be negative
# (never found, even by its number); near year 9999 date arithmetic overflows.
EARLIEST = datetime(1970, 1, 1, tzinfo=UTC)
LATEST = datetime(2100, 1, 1, tzinfo=UTC)
# A lone surrogate cannot be encoded (UTF-8, SQLite, PostgreSQL); PostgreSQL refuses NUL in text.
_UNSTORABLE = re.compile("[\x00\ud800-\udfff]")

_HINTS = {  # plain words for logs, the pull's rejections and developers; the UI maps `code`
    "amount_is_number": 'money must be a decimal string such as "12.50", not a JSON number',
    "tax_rate_out_of_range": "a Wix tax rate is a fraction between 0 and 1",
    "tax_rate_too_precise": "a Wix tax rate has at most 6 decimals (8.875 % is 0.08875)",
    "invalid_text": "the text holds a NUL character or a broken Unicode character",
    "too_long": "the text is longer than Comptoir keeps for this field",
    "timestamp_out_of_range": "the date is before 1970 or after 2099",
    "amount_out_of_range": "the amount is above what Comptoir records (10^17 minor units)",
    "discount_exceeds_price": "the discount is larger than the line's price",
    "tax_exceeds_paid": "the tax is larger than what the line paid",
    "refund_exceeds_payment": "the refunds add up to more than the payment",
    "invalid_number": "the order number has no letter or digit",
}


class WixPayloadError(ValueError):
    """A Wix payload Comptoir cannot read: `code` says what, `path` says where.

    Attributes:
        code: Stable snake_case identifier, e.g. ``"amount_is_number"``.
        path: The field, e.g. ``"order.lineItems[0].price.amount"``.
        params: ``{"path": path, ...}`` plus what was found, for logs and the UI.
    """

    def __init__(self, code: str, path: str, **found: object) -> None:
        self.code, self.path = code, path
        self.params: dict[str, object] = {"path": path, **found}
        detail = "".join(f", {key}={value!r}" for key, value in found.items())
        super().__init__(f"Wix payload: {self.summary}{detail}")

    @property
    def summary(self) -> str:
        """``code at path`` and, when there is one, what it means in plain words."""
        hint = f" ({_HINTS[self.code]})" if self.code in _HINTS else ""
        return f"{self.code} at {self.path}{hint}"


def load_json(text: str | bytes) -> dict[str, Any]:
    """Parse a Wix response body, refusing truncated or non-object JSON.

    Raises:
        WixPayloadError: ``invalid_json`` at ``$`` (with line and column) or ``wrong_type``.
    """
    try:
        value = json.loads(text)
    except (ValueError, TypeError) as error:
        where = ({"line": error.lineno, "column": error.colno}
                 if isinstance(error, json.JSONDecodeError) else {})
        raise WixPayloadError("invalid_json", "$", **where) from None
    if not isinstance(value, dict):
        raise WixPayloadError("wrong_type", "$", expected="object", found=kind(value))
    return value


def kind(value: object) -> str:
    """The JSON type name of a decoded value (``"object"``, ``"string"``, ``"number"``…)."""
    names = {dict: "object", list: "array", str: "string", bool: "boolean", type(None): "null"}
    return names.get(type(value), "number")


def storable(text: str) -> bool:
    """True when `text` holds no NUL and no lone surrogate: both databases can store it."""
    return _UNSTORABLE.search(text) is None


def check_text(text: str, path: str, *, limit: int | None = None) -> str:
    """`text` when both databases can store it (and it fits `limit` characters).

    Raises:
        WixPayloadError: ``invalid_text`` or ``too_long``.
    """
    if not storable(text):
        raise WixPayloadError("invalid_text", path)
    if limit is not None and len(text) > limit:
        raise WixPayloadError("too_long", path, length=len(text), limit=limit)
    return text


def check_minor(minor: int, path: str) -> int:
    """`minor` when it is within the recorded bound (docs/money.md, "The bound").

    Raises:
        WixPayloadError: ``amount_out_of_range``.
    """
    if not -MAX_MINOR <= minor <= MAX_MINOR:
        raise WixPayloadError("amount_out_of_range", path, minor=minor, bound=MAX_MINOR)
    return minor


@dataclass(frozen=True, slots=True)
class Node:
    """A JSON object and its path, with typed, path-reporting accessors."""

    data: Mapping[str, Any]
    path: str

    def at(self, name: str) -> str:
        return f"{self.path}.{name}"

    def _get(self, name: str, types: tuple[type, ...], expected: str, required: bool) -> Any:
        value = self.data.get(name)
        if value is None:
            if required:
                raise WixPayloadError("missing", self.at(name))
            return None
        if not isinstance(value, types) or (isinstance(value, bool) and bool not in types):
            raise WixPayloadError(
                "wrong_type", self.at(name), expected=expected, found=kind(value)
            )
        if isinstance(value, str):
            check_text(value, self.at(name))
        return value

    @overload
    def obj(self, name: str, *, required: Literal[True]) -> Node: ...
    @overload
    def obj(self, name: str, *, required: bool = False) -> Node | None: ...
    def obj(self, name: str, *, required: bool = False) -> Node | None:
        value = self._get(name, (dict,), "object", required)
        return None if value is None else Node(value, self.at(name))

    def need(self, name: str) -> Node:
        return self.obj(name, required=True)

    def dig(self, *names: str) -> Node | None:
        """The object at `names` (e.g. "billingInfo", "contactDetails"), None if absent."""
        node: Node | None = self
        for name in names:
            node = node.obj(name) if node is not None else None
        return node

    @overload
    def text(self, name: str, *, required: Literal[True], limit: int | None = None) -> str: ...
    @overload
    def text(self, name: str, *, required: bool = False, limit: int | None = None
             ) -> str | None: ...
    def text(self, name: str, *, required: bool = False, limit: int | None = None) -> str | None:
        """A string field; `limit` refuses one longer than its column (``too_long``)."""
        value: str | None = self._get(name, (str,), "string", required)
        if value is not None and limit is not None:
            check_text(value, self.at(name), limit=limit)
        return value

    def flag(self, name: str, default: bool = False) -> bool:
        value: bool | None = self._get(name, (bool,), "boolean", False)
        return default if value is None else value

    def count(self, name: str, *, low: int, high: int, default: int | None = None) -> int:
        value: int | None = self._get(name, (int,), "integer", default is None)
        if value is None:
            assert default is not None  # without a default, _get raised `missing`
            return default
        if not low <= value <= high:
            raise WixPayloadError(
                "quantity_out_of_range", self.at(name), value=value, low=low, high=high
            )
        return value

    def items(self, name: str, *, required: bool = False) -> list[Node]:
        values = self._get(name, (list,), "array", required) or []
        nodes = []
        for index, value in enumerate(values):
            if not isinstance(value, dict):
                raise WixPayloadError(
                    "wrong_type", f"{self.at(name)}[{index}]", expected="object", found=kind(value)
                )
            nodes.append(Node(value, f"{self.at(name)}[{index}]"))
        return nodes

    @overload
    def money(self, name: str, currency: str, *, required: Literal[True]) -> Money: ...
    @overload
    def money(self, name: str, currency: str, *, required: bool = False) -> Money | None: ...
    def money(self, name: str, currency: str, *, required: bool = False) -> Money | None:
        """A Wix `Price` object (``{"amount": "12.50", ...}``) as `Money`."""
        price = self.obj(name, required=required)
        if price is None:
            return None
        raw = price.data.get("amount")
        if raw is None or raw == "":
            if required:
                raise WixPayloadError("missing", price.at("amount"))
            return None
        return parse_amount(raw, currency, price.at("amount"))

    def need_money(self, name: str, currency: str) -> Money:
        return self.money(name, currency, required=True)

    def time(self, name: str, *, required: bool = False) -> datetime | None:
        raw = self.text(name, required=required)
        return None if raw is None else parse_timestamp(raw, self.at(name))


def parse_amount(raw: object, currency: str, path: str) -> Money:
    """A Wix decimal-string amount as `Money`; floats and sub-minor precision are refused.

    Raises:
        WixPayloadError: ``amount_is_number``, ``amount_invalid``, ``amount_negative``,
            ``amount_out_of_range`` (above 1e15, or above `MAX_MINOR` minor units) or
            ``amount_too_precise``.
    """
    if isinstance(raw, bool) or not isinstance(raw, str):
        code = "amount_is_number" if isinstance(raw, int | float) else "wrong_type"
        raise WixPayloadError(code, path, found=kind(raw))
    value = parse_decimal(raw)
    if value is None:
        raise WixPayloadError("amount_invalid", path, value=raw[:40])
    if value < 0:
        raise WixPayloadError("amount_negative", path, value=raw[:40])
    if value > MAX_AMOUNT:
        raise WixPayloadError("amount_out_of_range", path, value=raw[:40])
    try:
        minor = value.scaleb(exponent(currency))
        exact = minor == minor.to_integral_value()
    except DecimalException:  # an exponent beyond the decimal context
        raise WixPayloadError("amount_invalid", path, value=raw[:40]) from None
    if not exact:
        raise WixPayloadError("amount_too_precise", path, value=raw[:40], currency=currency)
    money = Money.from_decimal(value, currency)
    check_minor(money.minor, path)
    return money


def parse_decimal(raw: str) -> Decimal | None:
    """A finite `Decimal` from `raw`, None when it is not one."""
    try:
        value = Decimal(raw.strip())
    except DecimalException:
        return None
    return value if value.is_finite() else None


def parse_timestamp(raw: str, path: str) -> datetime:
    """An ISO-8601 timestamp such as ``2024-05-01T10:15:30.123Z``; it must carry its zone.

    Raises:
        WixPayloadError: ``invalid_timestamp`` (not such a time), ``timestamp_out_of_range``
            (before 1970-01-01 or from 2100-01-01 on, UTC).
    """
    try:
        moment = datetime.fromisoformat(raw.strip())
    except ValueError:
        raise WixPayloadError("invalid_timestamp", path, value=raw[:40]) from None
    if moment.tzinfo is None:
        raise WixPayloadError("invalid_timestamp", path, value=raw[:40])
    try:
        utc = moment.astimezone(UTC)
    except (OverflowError, ValueError):  # year 1 east of UTC, year 9999 west of it
        utc = None
    if utc is None or not EARLIEST <= utc < LATEST:
        raise WixPayloadError("timestamp_out_of_range", path, value=raw[:40])
    return moment
