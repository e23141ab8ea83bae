"""The fake Wix HTTP server: loopback, threaded, authenticated, rate-limited, fault-injecting.

HTTP only: routing, authentication, body parsing, the rate limit, faults and the request log.
What each endpoint does lives in catalog.py, inventory*.py, orders.py, drafts.py and
transactions.py; the site itself in state.py.
"""

from __future__ import annotations

import json
import math
import re
import threading
import time
import traceback
import uuid
from collections import deque
from dataclasses import dataclass
from datetime import UTC, datetime
from decimal import Decimal
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qs, urlsplit

from tests.fakes.wix import (
    catalog,
    categories,
    drafts,
    inventory,
    inventory_v1,
    orders,
    transactions,
)
from tests.fakes.wix.errors import WixError, app_error, plain, precondition
from tests.fakes.wix.faults import FaultPlan
from tests.fakes.wix.routing import Request, resolve
from tests.fakes.wix.state import SiteState

TOKEN_PATH = "/oauth2/token"  # a Wix app's access tokens (wix-api.md §1.2)

HANDLER_MODULES = (catalog, categories, drafts, inventory, inventory_v1, orders, transactions)
MEDIA_PREFIX = "/media/"  # the media host (static.wixstatic.com on Wix): public, no API key
_DECIMAL = re.compile(r'"@@dec@@(-?[0-9.]+)@@"')
GARBAGE = b'{"order": {"id": "3f1c2a9e-7b1d-4e0a-9c55-0d4e1f2a3b4c", "lineItems": [{"quant'
WRONG_SHAPE = b'{"unexpected": {"shape": true}, "items": "not-a-list"}'


def dumps(body: Any) -> bytes:
    """JSON where `Decimal` values (V1 catalogue money) become exact JSON numbers."""

    def default(value: Any) -> str:
        if isinstance(value, Decimal):
            return f"@@dec@@{value}@@"
        raise TypeError(f"not JSON serialisable: {type(value).__name__}")

    text = _DECIMAL.sub(r"\1", json.dumps(body, default=default, ensure_ascii=False))
    return text.encode("utf-8", "backslashreplace")  # a lone surrogate goes as JSON's "\ud800"


@dataclass(frozen=True)
class LoggedRequest:
    """One request as the fake saw it. `status` is None when the connection was dropped."""

    method: str
    path: str
    at: float  # time.monotonic() on arrival
    time: datetime
    status: int | None
    request_id: str
    fault: str | None
    throttled: bool
    body: Any


class RequestLog:
    """Every request received, in arrival order; thread-safe."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._entries: list[LoggedRequest] = []

    def add(self, entry: LoggedRequest) -> None:
        with self._lock:
            self._entries.append(entry)

    @property
    def entries(self) -> list[LoggedRequest]:
        with self._lock:
            return sorted(self._entries, key=lambda e: e.at)

    def __len__(self) -> int:
        with self._lock:
            return len(self._entries)

    def matching(self, path: str | None = None, method: str | None = None) -> list[LoggedRequest]:
        """Entries whose path equals `path` (or matches it as a regex) and method `method`."""
        return [
            e
            for e in self.entries
            if (method is None or e.method == method)
            and (path is None or e.path == path or re.fullmatch(path, e.path) is not None)
        ]

    def max_in_window(self, seconds: float = 60.0, *, throttled: bool = True) -> int:
        """The most requests that arrived within any `seconds`-long window."""
        times = [e.at for e in self.entries if throttled or not e.throttled]
        best, start = 0, 0
        for end, moment in enumerate(times):
            while moment - times[start] >= seconds:
                start += 1
            best = max(best, end - start + 1)
        return best

    def clear(self) -> None:
        with self._lock:
            self._entries.clear()


class FakeWix:
    """A Wix site behind a local HTTP server (wix-api.md), for tests and benchmarks.

    Attributes:
        state: The site (`SiteState`): populate with its seed helpers, inspect after.
        faults: The `FaultPlan`: ``fake.faults.next("/ecom/v1/orders/*", "503")``.
        log: The `RequestLog` of every request received.
        errors: Exceptions raised inside handlers (bugs of the fake); `stop` re-raises.
    """

    def __init__(
        self,
        *,
        api_key: str = "test-key",
        site_id: str | None = None,
        catalog: str = "V3",
        location_id: str | None = None,
        currency: str = "EUR",
        rpm_limit: int | None = None,
        rpm_retry_after: bool = False,
        rate_window_s: float = 60.0,
        latency_ms: int = 0,
        client_id: str = "test-app",
        client_secret: str = "test-app-secret",
        token_lifetime_s: float = 14_400.0,
    ) -> None:
        if catalog not in ("V1", "V3"):
            raise ValueError("catalog is 'V1' or 'V3'")
        self.api_key = api_key
        self.site_id = site_id or str(uuid.uuid4())
        # A Wix app installed on the site (OAuth client credentials, wix-api.md §1.2).
        self.client_id, self.client_secret = client_id, client_secret
        self.instance_id = str(uuid.uuid4())
        self.token_lifetime_s = token_lifetime_s
        self.tokens_issued: list[str] = []
        self._token_expiry: dict[str, float] = {}  # access token -> monotonic expiry
        self.state = SiteState(
            site_id=self.site_id,
            catalog=catalog,
            location_id=location_id or str(uuid.uuid4()),
            currency=currency,
        )
        self.faults = FaultPlan()
        self.log = RequestLog()
        self.errors: list[BaseException] = []
        self.rpm_limit, self.rpm_retry_after = rpm_limit, rpm_retry_after
        self.rate_window_s, self.latency_ms = rate_window_s, latency_ms
        self._admitted: deque[float] = deque()
        self._rate_lock = threading.Lock()
        self._server: ThreadingHTTPServer | None = None
        self._thread: threading.Thread | None = None

    # ---------------------------------------------------------------- lifecycle

    def start(self) -> FakeWix:
        server = ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
        server.daemon_threads = True
        server.fake = self  # type: ignore[attr-defined]
        self._server = server
        self._thread = threading.Thread(
            target=server.serve_forever,
            kwargs={"poll_interval": 0.05},
            name="fake-wix",
            daemon=True,
        )
        self._thread.start()
        self.state.media_base = f"{self.base_url}{MEDIA_PREFIX.rstrip('/')}"
        return self

    def stop(self) -> None:
        if self._server is not None:
            self._server.shutdown()
            self._server.server_close()
            assert self._thread is not None
            self._thread.join(timeout=5)
            self._server = None
        if self.errors:
            raise RuntimeError(f"the fake Wix failed: {self.errors[0]!r}") from self.errors[0]

    def __enter__(self) -> FakeWix:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()

    @property
    def base_url(self) -> str:
        assert self._server is not None, "start() the fake first"
        return f"http://127.0.0.1:{self._server.server_address[1]}"

    @property
    def headers(self) -> dict[str, str]:
        """The headers a correctly configured client sends."""
        return {
            "Authorization": self.api_key,
            "wix-site-id": self.site_id,
            "Content-Type": "application/json",
        }

    @property
    def requests(self) -> list[LoggedRequest]:
        return self.log.entries

    # ---------------------------------------------------------------- request pipeline

    def admit(self) -> float | None:
        """None when the request is within the rate limit, else seconds until a slot frees."""
        now = time.monotonic()
        with self._rate_lock:
            while self._admitted and now - self._admitted[0] >= self.rate_window_s:
                self._admitted.popleft()
            if self.rpm_limit is not None and len(self._admitted) >= self.rpm_limit:
                return self.rate_window_s - (now - self._admitted[0])
            self._admitted.append(now)
            return None

    def throttled(self, wait: float) -> WixError:
        error = plain(429, "Too many requests: rate limit exceeded", "TOO_MANY_REQUESTS")
        if self.rpm_retry_after:
            error.headers["Retry-After"] = str(max(1, math.ceil(wait)))
        return error

    def revoke_tokens(self) -> None:
        """Make every access token issued so far invalid (as if revoked or expired early)."""
        with self._rate_lock:
            self._token_expiry.clear()

    def dispatch(self, method: str, target: str, headers: Any, raw: bytes) -> tuple[int, Any]:
        """Authenticate, route, parse and run a handler: (status, JSON body)."""
        try:
            parts = urlsplit(target)
            if parts.path == TOKEN_PATH:
                return 200, self._issue_token(method, headers, raw)
            self._authenticate(headers)
            found, params, known = resolve(method, parts.path)
            if found is None:
                if known:
                    raise app_error(405, "METHOD_NOT_ALLOWED", f"{method} not allowed here")
                raise app_error(404, "NOT_FOUND", f"No such endpoint: {method} {parts.path}")
            body = _parse_body(method, headers, raw)
            request = Request(method, parts.path, params, body, parse_qs(parts.query))
            with self.state.lock:
                if found.catalog and found.catalog != self.state.catalog:
                    raise precondition(
                        "CATALOG_VERSION_MISMATCH",
                        f"This site runs {self.state.catalog}_CATALOG; endpoint needs "
                        f"{found.catalog}_CATALOG",
                    )
                return 200, found.handler(self.state, request)
        except WixError as error:
            return error.status, error
        except Exception as error:  # a bug of the fake: answer 500, fail the test at stop()
            self.errors.append(error)
            traceback.print_exc()
            return 500, plain(500, f"fake Wix bug: {error!r}", "INTERNAL_ERROR")

    def _issue_token(self, method: str, headers: Any, raw: bytes) -> dict[str, Any]:
        """``POST /oauth2/token`` with client credentials -> an access token and its lifetime.

        [INFER] The refusal's status and code are not documented: 400 for a malformed
        request, 401 ``INVALID_CLIENT_CREDENTIALS`` for a wrong ID, secret or instance.
        """
        if method != "POST":
            raise app_error(405, "METHOD_NOT_ALLOWED", f"{method} not allowed here")
        body = _parse_body(method, headers, raw)
        if body.get("grant_type") != "client_credentials":
            raise app_error(400, "INVALID_ARGUMENT", "grant_type must be client_credentials")
        given = (body.get("client_id"), body.get("client_secret"), body.get("instance_id"))
        if given != (self.client_id, self.client_secret, self.instance_id):
            raise app_error(401, "INVALID_CLIENT_CREDENTIALS", "client credentials not valid")
        token = f"OauthNG.JWS.{uuid.uuid4().hex}"
        with self._rate_lock:
            self._token_expiry[token] = time.monotonic() + self.token_lifetime_s
            self.tokens_issued.append(token)
        return {"access_token": token, "expires_in": self.token_lifetime_s}

    def _authenticate(self, headers: Any) -> None:
        key = headers.get("Authorization")
        with self._rate_lock:
            expiry = self._token_expiry.get(key) if key else None
        if expiry is not None or (key and key.startswith("OauthNG.")):  # an app's token
            if expiry is None or time.monotonic() >= expiry:
                raise plain(401, "UNAUTHENTICATED: access token expired or revoked",
                            "UNAUTHENTICATED")  # fmt: skip
            site = headers.get("wix-site-id")
            if site is not None and site != self.site_id:
                raise plain(403, "PERMISSION_DENIED: wix-site-id does not match the app "
                                 "instance's site", "PERMISSION_DENIED")  # fmt: skip
            return
        if not key or key != self.api_key:
            why = (
                "missing"
                if not key
                else ("Bearer is not used" if key.startswith("Bearer ") else "invalid")
            )
            raise plain(401, f"UNAUTHENTICATED: API key {why}", "UNAUTHENTICATED")
        if headers.get("wix-account-id"):
            raise plain(
                403, "PERMISSION_DENIED: site-level call with wix-account-id", "PERMISSION_DENIED"
            )
        site = headers.get("wix-site-id")
        if site != self.site_id:
            why = "missing" if not site else "does not match the API key's site"
            raise plain(403, f"PERMISSION_DENIED: wix-site-id {why}", "PERMISSION_DENIED")


def _parse_body(method: str, headers: Any, raw: bytes) -> dict[str, Any]:
    if method not in ("POST", "PATCH", "PUT"):
        return {}
    content_type = (headers.get("Content-Type") or "").split(";")[0].strip().lower()
    if content_type != "application/json":
        raise app_error(400, "INVALID_ARGUMENT", "Content-Type must be application/json")
    try:
        body = json.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, ValueError):
        raise app_error(400, "INVALID_ARGUMENT", "request body is not valid JSON") from None
    if not isinstance(body, dict):
        raise app_error(400, "INVALID_ARGUMENT", "request body must be a JSON object")
    return body


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    server_version = "FakeWix/1.0"

    def log_message(self, format: str, *args: Any) -> None:  # quiet: tests read fake.log
        return None

    def do_GET(self) -> None:
        self._handle()

    def do_POST(self) -> None:
        self._handle()

    def do_PATCH(self) -> None:
        self._handle()

    def do_DELETE(self) -> None:
        self._handle()

    def do_PUT(self) -> None:
        self._handle()

    def _handle(self) -> None:
        fake: FakeWix = self.server.fake  # type: ignore[attr-defined]
        arrived, wall = time.monotonic(), datetime.now(UTC)
        request_id = str(uuid.uuid4())
        raw = self.rfile.read(int(self.headers.get("Content-Length") or 0))
        path = urlsplit(self.path).path
        try:
            logged_body = json.loads(raw) if raw else None
        except ValueError:
            logged_body = raw.decode("utf-8", "replace")

        def log(status: int | None, fault: str | None = None, throttled: bool = False) -> None:
            fake.log.add(
                LoggedRequest(
                    self.command,
                    path,
                    arrived,
                    wall,
                    status,
                    request_id,
                    fault,
                    throttled,
                    logged_body,
                )
            )

        if path.startswith(MEDIA_PREFIX):  # not the API: no credentials, no rate limit
            return self._media(fake, path, log, request_id)
        wait = fake.admit()
        if wait is not None:
            error = fake.throttled(wait)
            log(429, throttled=True)  # logged before answering: the client may read it next
            return self._send(error.status, dumps(error.body), request_id, error.headers)
        kind = fake.faults.take(self.command, path)
        if kind == "drop-before":
            self.close_connection = True
            return log(None, kind)
        if kind is not None and kind.split("-")[0] in ("429", "500", "502", "503", "504"):
            status = int(kind[:3])
            error = plain(status, f"injected {status}", _CODES[status])
            if kind.startswith("429-retry-after:"):
                error.headers["Retry-After"] = kind.split(":", 1)[1]
            log(status, kind)
            return self._send(status, dumps(error.body), request_id, error.headers)
        if kind in ("garbage", "wrong-shape"):
            log(200, kind)
            return self._send(200, GARBAGE if kind == "garbage" else WRONG_SHAPE, request_id, {})
        status, result = fake.dispatch(self.command, self.path, self.headers, raw)
        if kind == "drop-after":
            self.close_connection = True
            return log(None, kind)
        delay = fake.latency_ms + (int(kind.split(":")[1]) if kind else 0)
        if delay:
            time.sleep(delay / 1000)
        log(status, kind)
        if isinstance(result, WixError):
            self._send(status, dumps(result.body), request_id, result.headers)
        else:
            self._send(status, dumps(result), request_id, {})

    def _media(self, fake: FakeWix, path: str, log: Any, request_id: str) -> None:
        """A picture from the media host; faults apply (``fake.faults.next("/media/*", "503")``)."""
        kind = fake.faults.take(self.command, path)
        if kind in ("drop-before", "drop-after"):
            self.close_connection = True
            return log(None, kind)
        with fake.state.lock:
            data = fake.state.media.get(path[len(MEDIA_PREFIX):])
        status = int(kind[:3]) if kind and kind[:3].isdigit() else (200 if data else 404)
        if kind and kind.startswith("latency:"):
            time.sleep(int(kind.split(":")[1]) / 1000)
        log(status, kind)
        if self.command != "GET" or status != 200 or data is None:
            status = 405 if self.command != "GET" else status
            return self._send(status, b"not found", request_id, {}, "text/plain")
        self._send(200, data, request_id, {}, "image/png")

    def _send(self, status: int, payload: bytes, request_id: str, headers: dict[str, str],
              content_type: str = "application/json; charset=utf-8") -> None:  # fmt: skip
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(payload)))
        self.send_header("X-Wix-Request-Id", request_id)
        for name, value in headers.items():
            self.send_header(name, value)
        self.end_headers()
        self.wfile.write(payload)


_CODES = {
    429: "TOO_MANY_REQUESTS",
    500: "INTERNAL_ERROR",
    502: "BAD_GATEWAY",
    503: "UNAVAILABLE",
    504: "GATEWAY_TIMEOUT",
}
