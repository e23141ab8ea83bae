"""Route registry: handler modules declare ``@route("POST", "/ecom/v1/orders/{id}/cancel")``."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from tests.fakes.wix.errors import bad_field


@dataclass
class Request:
    """A parsed request as handlers see it."""

    method: str
    path: str
    params: dict[str, str]
    body: dict[str, Any] = field(default_factory=dict)
    query: dict[str, list[str]] = field(default_factory=dict)

    def same_id(self, body_field: str, param: str) -> str:
        """The path ID; a copy of it in the body (wix-api.md §1.6) must agree with it."""
        value = self.params[param]
        sent = self.body.get(body_field)
        if sent is not None and sent != value:
            raise bad_field(body_field, "does not match the ID in the path", "OTHER")
        return value


Handler = Callable[[Any, Request], dict[str, Any]]


@dataclass(frozen=True)
class Route:
    method: str
    template: str
    regex: re.Pattern[str]
    handler: Handler
    catalog: str | None  # "V1" / "V3": only on sites of that catalogue version (else 428)


ROUTES: list[Route] = []


def route(
    method: str, template: str, *, catalog: str | None = None
) -> Callable[[Handler], Handler]:
    pattern = re.sub(r"\{(\w+)\}", r"(?P<\1>[^/]+)", template)

    def register(handler: Handler) -> Handler:
        ROUTES.append(Route(method, template, re.compile(f"^{pattern}$"), handler, catalog))
        return handler

    return register


def resolve(method: str, path: str) -> tuple[Route | None, dict[str, str], bool]:
    """(route, path params, path known with another method)."""
    known = False
    for candidate in ROUTES:
        found = candidate.regex.match(path)
        if found is None:
            continue
        if candidate.method == method:
            return candidate, found.groupdict(), True
        known = True
    return None, {}, known
