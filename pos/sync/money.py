"""Wix money values to `Decimal` without ever passing through float arithmetic (wix-api.md §1.5).

eCommerce, V3 catalogue and gift cards send decimal strings (``"12.50"``); only V1 catalogue
prices arrive as JSON numbers, which are read back through ``str()`` (the shortest text that
round-trips, so ``29.9`` stays ``Decimal("29.9")``).
"""

from __future__ import annotations

import math
import re
from decimal import Decimal, InvalidOperation

from pos.sync.wix_orders import WixPayloadError

# Plain decimals; an exponent only appears in str() of a very small or large JSON number.
_DECIMAL = re.compile(r"[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?")


def decimal_amount(value: object, *, path: str, allow_number: bool = False) -> Decimal:
    """A Wix amount as an exact `Decimal`.

    Args:
        value: A decimal string such as ``"12.50"``; with `allow_number`, also a JSON number
            (``int`` or ``float`` as `json` parsed it) or a `Decimal`.
        path: Where the value sits, e.g. ``"products[3].priceData.price"``, for the error.
        allow_number: True only for V1 catalogue prices (``priceData.price``,
            ``discountedPrice``, variant prices), the one place Wix sends numbers.

    Returns:
        The amount, exactly as written (sign and scale kept; no rounding here).

    Raises:
        WixPayloadError: ``amount_is_number`` (a number where a string is due),
            ``wrong_type`` (not a string or number) or ``amount_invalid`` (not a finite
            decimal: ``""``, ``"12,50"``, ``"1_000"``, ``"NaN"``, ``"Infinity"``).
    """
    if isinstance(value, str):
        return _parse(value.strip(), value, path)
    if isinstance(value, bool) or not isinstance(value, int | float | Decimal):
        raise WixPayloadError("wrong_type", path, expected="decimal string", found=_kind(value))
    if not allow_number:
        raise WixPayloadError("amount_is_number", path, found="number", value=value)
    if isinstance(value, float) and not math.isfinite(value):
        raise WixPayloadError("amount_invalid", path, value=value)
    return _parse(str(value), value, path)  # str(float) is its shortest round-trip text


def _parse(text: str, raw: object, path: str) -> Decimal:
    if not _DECIMAL.fullmatch(text):  # Decimal() alone would take "1_000", "NaN", "Infinity"
        raise WixPayloadError("amount_invalid", path, value=raw)
    try:
        return Decimal(text)
    except InvalidOperation:  # pragma: no cover - the pattern only lets decimals through
        raise WixPayloadError("amount_invalid", path, value=raw) from None


def _kind(value: object) -> str:
    names = {dict: "object", list: "array", bool: "boolean", type(None): "null"}
    return names.get(type(value), type(value).__name__)
