"""A small declarative validator for request bodies, reporting Wix ``fieldViolations``.

Strict by design: unknown fields are refused (``FIELD_NOT_ALLOWED``), types are exact (an
int is not a bool, money is a decimal *string*), and the documented limits are enforced.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from typing import Any

from tests.fakes.wix.errors import invalid, violation

Violations = list[dict[str, Any]]


def _kind(value: object) -> str:
    names = {dict: "object", list: "array", str: "string", bool: "boolean", type(None): "null"}
    return names.get(type(value), "number")


class Spec:
    """Base class: `check` appends violations for `value` found at `path`."""

    def check(self, value: Any, path: str, out: Violations) -> None:
        raise NotImplementedError


@dataclass(frozen=True)
class Str(Spec):
    min_len: int | None = None
    max_len: int | None = None
    enum: tuple[str, ...] | None = None

    def check(self, value: Any, path: str, out: Violations) -> None:
        if not isinstance(value, str):
            out.append(violation(path, f"expected string, got {_kind(value)}", "VALIDATION"))
        elif self.enum is not None and value not in self.enum:
            out.append(violation(path, f"'{value}' is not a valid value", "INVALID_ENUM_VALUE"))
        elif self.min_len is not None and len(value) < self.min_len:
            out.append(violation(path, f"length must be >= {self.min_len}", "MIN_LENGTH"))
        elif self.max_len is not None and len(value) > self.max_len:
            out.append(violation(path, f"length must be <= {self.max_len}", "MAX_LENGTH"))


@dataclass(frozen=True)
class Int(Spec):
    low: int | None = None
    high: int | None = None

    def check(self, value: Any, path: str, out: Violations) -> None:
        if isinstance(value, bool) or not isinstance(value, int):
            out.append(violation(path, f"expected integer, got {_kind(value)}", "VALIDATION"))
        elif self.low is not None and value < self.low:
            out.append(violation(path, f"must be >= {self.low}", "MIN", min=self.low))
        elif self.high is not None and value > self.high:
            out.append(violation(path, f"must be <= {self.high}", "MAX", max=self.high))


@dataclass(frozen=True)
class Bool(Spec):
    def check(self, value: Any, path: str, out: Violations) -> None:
        if not isinstance(value, bool):
            out.append(violation(path, f"expected boolean, got {_kind(value)}", "VALIDATION"))


@dataclass(frozen=True)
class DecimalStr(Spec):
    """A decimal number sent as a JSON string, e.g. ``"12.50"`` (never a JSON number)."""

    low: Decimal = Decimal(0)
    high: Decimal = Decimal("1e15")
    max_scale: int = 3

    def check(self, value: Any, path: str, out: Violations) -> None:
        if not isinstance(value, str):
            out.append(violation(path, "must be a decimal string", "FORMAT", found=_kind(value)))
            return
        try:
            number = Decimal(value)
        except InvalidOperation:
            number = Decimal("NaN")
        if not number.is_finite():
            out.append(violation(path, f"'{value}' is not a decimal", "FORMAT"))
        elif number < self.low:
            out.append(violation(path, f"must be >= {self.low}", "DECIMAL_GTE"))
        elif number > self.high:
            out.append(violation(path, f"must be <= {self.high}", "DECIMAL_LTE"))
        elif -number.as_tuple().exponent > self.max_scale:  # type: ignore[operator]
            out.append(violation(path, f"scale must be <= {self.max_scale}", "DECIMAL_MAX_SCALE"))


@dataclass(frozen=True)
class AnyValue(Spec):
    def check(self, value: Any, path: str, out: Violations) -> None:
        return None


@dataclass(frozen=True)
class AnyObject(Spec):
    """A JSON object whose content the fake stores without checking."""

    def check(self, value: Any, path: str, out: Violations) -> None:
        if not isinstance(value, dict):
            out.append(violation(path, f"expected object, got {_kind(value)}", "VALIDATION"))


@dataclass(frozen=True)
class Arr(Spec):
    item: Spec
    min_size: int | None = None
    max_size: int | None = None

    def check(self, value: Any, path: str, out: Violations) -> None:
        if not isinstance(value, list):
            out.append(violation(path, f"expected array, got {_kind(value)}", "VALIDATION"))
            return
        if self.min_size is not None and len(value) < self.min_size:
            out.append(violation(path, f"size must be >= {self.min_size}", "MIN_SIZE"))
            return
        if self.max_size is not None and len(value) > self.max_size:
            out.append(
                violation(path, f"size must be <= {self.max_size}", "MAX_SIZE", max=self.max_size)
            )
            return
        for index, item in enumerate(value):
            self.item.check(item, f"{path}[{index}]", out)


@dataclass(frozen=True)
class Obj(Spec):
    """An object with declared fields; `required` names must be present and not null.

    `one_of` groups: at most one of each group may be set (``ONE_OF_ALIGNMENT``); a group whose
    name set is in `required_one_of` must have exactly one (``REQUIRED_ONE_OF_FIELD``).
    """

    fields: Mapping[str, Spec]
    required: frozenset[str] = frozenset()
    one_of: tuple[frozenset[str], ...] = ()
    required_one_of: tuple[frozenset[str], ...] = field(default=())

    def check(self, value: Any, path: str, out: Violations) -> None:
        if not isinstance(value, dict):
            out.append(violation(path or "$", f"expected object, got {_kind(value)}"))
            return
        prefix = f"{path}." if path else ""
        for name, item in value.items():
            spec = self.fields.get(name)
            if spec is None:
                out.append(violation(prefix + name, "unknown field", "FIELD_NOT_ALLOWED"))
            elif item is not None:
                spec.check(item, prefix + name, out)
        for name in sorted(self.required):
            if value.get(name) is None:
                out.append(violation(prefix + name, "is required", "REQUIRED_FIELD"))
        for group in (*self.one_of, *self.required_one_of):
            present = sorted(name for name in group if value.get(name) is not None)
            names = "|".join(sorted(group))
            if len(present) > 1:
                out.append(violation(prefix + names, "only one may be set", "ONE_OF_ALIGNMENT"))
            elif not present and group in self.required_one_of:
                out.append(violation(prefix + names, "one is required", "REQUIRED_ONE_OF_FIELD"))


def validate(spec: Spec, body: Any) -> None:
    """Raise a 400 `WixError` listing every violation of `spec` in `body`."""
    out: Violations = []
    spec.check(body, "", out)
    if out:
        raise invalid(out)


def obj(required: str = "", **fields: Spec) -> Obj:
    """Shorthand: ``obj("a b", a=Str(), b=Int(), c=Bool())``."""
    return Obj(fields, frozenset(required.split()))


PRICE = obj(amount=DecimalStr(), formattedAmount=Str())
CURSOR_PAGING = obj(limit=Int(0, 100), cursor=Str(max_len=16000))
SORT = obj("fieldName", fieldName=Str(), order=Str(enum=("ASC", "DESC")))


def cursor_paging(limit: int) -> Obj:
    return obj(limit=Int(0, limit), cursor=Str(max_len=16000))


def query_spec(limit: int, sort_max: int, *, offset_paging: bool = False, **extra: Spec) -> Obj:
    """A V3/eCommerce `query`/`search` object with cursor (and optionally offset) paging."""
    fields: dict[str, Spec] = {
        "cursorPaging": cursor_paging(limit),
        "filter": AnyObject(),
        "sort": Arr(SORT, max_size=sort_max),
        **extra,
    }
    groups: tuple[frozenset[str], ...] = ()
    if offset_paging:
        fields["paging"] = obj(limit=Int(0, limit), offset=Int(0))
        groups = (frozenset({"cursorPaging", "paging"}),)
    return Obj(fields, one_of=groups)
