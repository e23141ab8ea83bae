"""The one door to the Wix REST API: authenticated httpx calls, rate limit, retries, paging.

Reads (GET, query/search POSTs) are safe and retried on 429/503/5xx/timeouts/drops with capped,
jittered backoff that honours ``Retry-After``. Writes are sent exactly once: their failures are
raised as `WixRefusedError` (not applied), `WixBusyError` (not applied, later),
`WixAmbiguousError` (unknown: read back before re-sending, DESIGN §7) or `WixResponseError`.
"""

from __future__ import annotations

import json
import logging
import random
import time
from collections.abc import Callable, Iterable, Iterator, Mapping
from typing import Any

import httpx

from pos.sync.credentials import AnyWixCredentials, WixConfigError, WixCredentials
from pos.sync.errors import (
    FieldViolation,
    WixAmbiguousError,
    WixAuthError,
    WixBusyError,
    WixError,
    WixRefusedError,
    WixResponseError,
    WixUnreachableError,
    error_from_response,
)
from pos.sync.oauth import TOKEN_PATH, AccessTokens, TokenAnswerError
from pos.sync.paging import shape_error, walk_cursor, walk_offset
from pos.sync.rate_limit import RateLimiter

__all__ = [
    "FieldViolation",
    "RateLimiter",
    "WixAmbiguousError",
    "WixAuthError",
    "WixBusyError",
    "WixClient",
    "WixConfigError",
    "WixCredentials",
    "WixError",
    "WixRefusedError",
    "WixResponseError",
    "WixUnreachableError",
]

log = logging.getLogger(__name__)

CATALOG_VERSIONS = frozenset({"V1_CATALOG", "V3_CATALOG"})
SAFE_METHODS = frozenset({"GET", "POST"})  # POST only for query/search/list reads
BACKOFF_BASE = 1.0  # seconds, doubled per attempt, for 5xx, timeouts, drops and 503
BACKOFF_CAP = 30.0
BUSY_BASE = 10.0  # 429 without Retry-After: Wix says "wait about a minute" (wix-api.md §1.4)
BUSY_CAP = 60.0
MAX_RETRY_AFTER = 120.0  # a longer Retry-After is handed to the caller instead of slept
USER_AGENT = "Comptoir (Wix Stores returns desk)"

Sleep = Callable[[float], None]
_UNKNOWN = "it is not known whether the change was made"
_TRANSPORT_FAILURES: tuple[tuple[tuple[type[Exception], ...], type[WixError], str, str], ...] = (
    # A connect-phase failure sent nothing (offline, DNS, TLS): definitely not applied.
    ((httpx.ConnectError, httpx.ConnectTimeout, httpx.PoolTimeout), WixUnreachableError,
     "UNREACHABLE", "Cannot reach Wix (no connection); nothing was sent, it will be tried later"),
    ((httpx.TimeoutException,), WixAmbiguousError, "TIMEOUT",
     f"Wix did not answer in time; {_UNKNOWN}"),
    ((httpx.TransportError,), WixAmbiguousError, "CONNECTION_LOST",
     f"The connection to Wix was lost; {_UNKNOWN}"),
)  # fmt: skip


class WixClient:
    """Authenticated calls to one Wix site (wix-api.md §1).

    Every request carries ``Authorization`` and, with a body, ``Content-Type:
    application/json``: with an API key, the raw key and ``wix-site-id``; with a Wix app, an
    access token (`pos.sync.oauth`), asked for when needed — a 401 makes the client fetch a
    new token and send the same request once more (401: not applied). `requests_made` counts
    HTTP attempts, retries and token requests included.
    """

    def __init__(
        self,
        *,
        base_url: str,
        credentials: AnyWixCredentials,
        timeout: float = 10.0,
        limiter: RateLimiter | None = None,
        sleep: Sleep = time.sleep,
        rng: random.Random | None = None,
        max_read_attempts: int = 5,
        monotonic: Callable[[], float] = time.monotonic,
    ) -> None:
        if isinstance(credentials, WixCredentials):
            self._key: str | None = credentials.api_key
            self.site_id: str | None = credentials.site_id
            self.tokens: AccessTokens | None = None
            auth = {"Authorization": credentials.api_key, "wix-site-id": credentials.site_id}
        else:  # a Wix app: the instance implies the site; tokens are added per request
            self._key, self.site_id, auth = None, None, {}
            self.tokens = AccessTokens(credentials, monotonic=monotonic)
        self.base_url = base_url.rstrip("/")
        self._sleep = sleep
        self._limiter = limiter if limiter is not None else RateLimiter(sleep=sleep)
        self._rng = rng if rng is not None else random.Random()
        self.max_read_attempts = max(1, max_read_attempts)
        self.requests_made = 0
        self._catalog_version: str | None = None
        self._location_id: str | None = None
        self._http = httpx.Client(
            base_url=self.base_url,
            timeout=httpx.Timeout(timeout, connect=min(timeout, 5.0)),
            headers={**auth, "Accept": "application/json", "User-Agent": USER_AGENT},
            follow_redirects=False,
        )

    def __repr__(self) -> str:
        return f"WixClient(base_url={self.base_url!r}, site_id={self.site_id!r})"

    def close(self) -> None:
        """Close the connection pool."""
        self._http.close()

    def __enter__(self) -> WixClient:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # ------------------------------------------------------------------ requests

    def read(
        self,
        method: str,
        path: str,
        body: dict[str, Any] | None = None,
        *,
        params: Mapping[str, Any] | None = None,
        expect: Iterable[str] = (),
    ) -> dict[str, Any]:
        """A safe call (GET, or a query/search POST), retried until it succeeds or gives up.

        Args:
            method: ``GET`` or ``POST`` (reads only; writes go through `write`).
            path: Path under the API host, e.g. ``/ecom/v1/orders/search``.
            body: JSON body for a POST (``{}`` when None).
            params: Query-string parameters.
            expect: Top-level keys the answer must hold, else `WixResponseError`.

        Returns:
            The JSON object Wix answered.

        Raises:
            WixRefusedError: A 4xx refusal (never retried), or `WixBusyError` when 429/503
                outlasted the attempts or Wix asked to wait longer than `MAX_RETRY_AFTER`.
            WixAmbiguousError: 5xx, timeouts or drops on every attempt.
            WixResponseError: A 2xx whose body is unreadable.
        """
        method = method.upper()
        if method not in SAFE_METHODS:
            raise ValueError(f"{method} is not a read; use write()")
        if method == "POST" and body is None:
            body = {}
        for attempt in range(1, self.max_read_attempts + 1):
            try:
                return self._send(method, path, body, params, tuple(expect))
            except (WixBusyError, WixAmbiguousError) as error:
                if attempt >= self.max_read_attempts:
                    raise
                self._wait_before_retry(attempt, error)
        raise AssertionError("unreachable")  # pragma: no cover

    def write(
        self,
        method: str,
        path: str,
        body: dict[str, Any] | None = None,
        *,
        expect: Iterable[str] = (),
    ) -> dict[str, Any]:
        """A change, sent once and never retried here (no idempotency keys, wix-api.md §1.8).

        Args:
            method: ``POST``, ``PATCH``, ``PUT`` or ``DELETE``.
            path: Path under the API host.
            body: JSON body (none sent when None).
            expect: Top-level keys the answer must hold, else `WixResponseError`.

        Returns:
            The JSON object Wix answered (``{}`` for an empty 2xx body).

        Raises:
            WixRefusedError: Not applied (4xx); `WixBusyError` for 429/503 (retry later) and
                its `WixUnreachableError` when no connection could be made.
            WixAmbiguousError: Unknown whether applied (timeout, drop, 500/502/504).
            WixResponseError: 2xx but unreadable: Wix probably applied it; read back.
        """
        return self._send(method.upper(), path, body, None, tuple(expect))

    def _send(
        self,
        method: str,
        path: str,
        body: dict[str, Any] | None,
        params: Mapping[str, Any] | None,
        expect: tuple[str, ...],
    ) -> dict[str, Any]:
        """One HTTP attempt (two when a Wix app's token was refused), mapped to a `WixError`."""
        content = None if body is None else json.dumps(body, ensure_ascii=False).encode()
        headers = {"Content-Type": "application/json"} if content is not None else {}
        token = self._current_token()
        response = self._request(method, path, content, {**headers, **self._auth(token)}, params)
        if response.status_code == 401 and token is not None and self.tokens is not None:
            self.tokens.forget(token)  # revoked or expired early; 401 means nothing was done
            token = self._current_token()
            response = self._request(method, path, content, {**headers, **self._auth(token)},
                                     params)  # fmt: skip
        if not response.is_success:
            raise self._refusal(response, method, path)
        return _decode(response, method, path, expect)

    @staticmethod
    def _auth(token: str | None) -> dict[str, str]:
        return {} if token is None else {"Authorization": token}

    def _request(
        self, method: str, path: str, content: bytes | None, headers: dict[str, str],
        params: Mapping[str, Any] | None,
    ) -> httpx.Response:  # fmt: skip
        """One HTTP attempt, rate-limited and logged without secrets."""
        self._limiter.acquire()
        self.requests_made += 1
        started = time.monotonic()
        lost: WixError | None = None
        try:
            response = self._http.request(
                method, path, content=content, headers=headers, params=params
            )
        except httpx.HTTPError as failure:
            lost = _transport_error(failure, method, path)
            log.info("Wix %s %s: %s (%s)", method, path, lost.code, type(failure).__name__)
        if lost is not None:  # raised outside `except`: the httpx error holds the key
            raise lost
        log.debug(
            "Wix %s %s -> %d in %.0f ms (request %s)", method, path, response.status_code,
            (time.monotonic() - started) * 1000, response.headers.get("X-Wix-Request-Id"),
        )  # fmt: skip
        return response

    def _fetch_token(self, body: dict[str, str]) -> dict[str, Any]:
        """Ask Wix for an access token. Nothing changes on Wix, so every failure is "not sent".

        Raises:
            WixAuthError: Wix refused the app's client ID, secret or instance ID (4xx).
            WixBusyError: Wix was busy, failed, answered nonsense or could not be reached
                (`WixUnreachableError`): the call waits for the next attempt.
        """
        content = json.dumps(body).encode()
        headers = {"Content-Type": "application/json"}
        try:
            response = self._request("POST", TOKEN_PATH, content, headers, None)
        except WixError as error:
            raise WixUnreachableError(
                "Comptoir could not get a Wix access token (no connection?); nothing was sent, "
                "it will be tried later", code=error.code, path=TOKEN_PATH, method="POST",
            ) from None  # fmt: skip
        if not response.is_success:
            refusal = self._refusal(response, "POST", TOKEN_PATH)
            if isinstance(refusal, WixBusyError):
                raise refusal
            if 400 <= response.status_code < 500:
                raise WixAuthError(
                    "Wix refused the app's client ID, secret or instance ID; check the Wix "
                    "app in Settings", status=refusal.status, code=refusal.code,
                    request_id=refusal.request_id, path=TOKEN_PATH, method="POST",
                )  # fmt: skip
            raise WixBusyError(
                "Wix could not issue an access token; nothing was sent, it will be tried later",
                status=refusal.status, code=refusal.code, request_id=refusal.request_id,
                path=TOKEN_PATH, method="POST",
            )  # fmt: skip
        try:
            return _decode(response, "POST", TOKEN_PATH, ())
        except WixResponseError as error:
            raise TokenAnswerError(error.wix_message) from None

    def _current_token(self) -> str | None:
        """The access token to send (None with an API key), fetched when needed."""
        if self.tokens is None:
            return None
        try:
            return self.tokens.current(self._fetch_token)
        except TokenAnswerError as error:
            raise WixBusyError(
                "Wix answered the token request with something Comptoir cannot read; nothing "
                "was sent, it will be tried later", code="INVALID_RESPONSE", path=TOKEN_PATH,
                method="POST", wix_message=str(error),
            ) from None  # fmt: skip

    def _refusal(self, response: httpx.Response, method: str, path: str) -> WixError:
        error = error_from_response(
            response.status_code, response.content, response.headers,
            method=method, path=path, redact=self._redact,
        )  # fmt: skip
        if error.status == 428:  # may be "wrong catalogue version": look again next time
            self._catalog_version = None
        return error

    def _wait_before_retry(self, attempt: int, error: WixError) -> None:
        wait = self._backoff(attempt - 1, error)
        log.info(
            "Wix %s %s: %s; retry %d of %d in %.1f s", error.method, error.path, error.code,
            attempt, self.max_read_attempts - 1, wait,
        )  # fmt: skip
        self._sleep(wait)

    def _backoff(self, attempt: int, error: WixError) -> float:
        """Seconds before the next read attempt: Retry-After, else capped equal-jitter doubling.

        Raises:
            WixBusyError: Wix asked for a wait longer than `MAX_RETRY_AFTER` (the caller
                schedules a later run instead of blocking the sync thread).
        """
        if error.retry_after is not None:
            if error.retry_after > MAX_RETRY_AFTER:
                raise error
            return error.retry_after
        base, cap = (BUSY_BASE, BUSY_CAP) if error.status == 429 else (BACKOFF_BASE, BACKOFF_CAP)
        ceiling: float = min(cap, base * 2**attempt)
        return ceiling / 2 + self._rng.uniform(0, ceiling / 2)

    def _redact(self, text: str) -> str:
        secrets: tuple[str, ...] = (self._key,) if self._key else ()
        if self.tokens is not None:
            secrets = self.tokens.secrets()
        for secret in secrets:
            text = text.replace(secret, "<hidden>")
        return text

    # ------------------------------------------------------------------ paging

    def cursor_pages(
        self,
        path: str,
        body: dict[str, Any],
        *,
        items_key: str,
        limit: int,
        meta_key: str = "pagingMetadata",
    ) -> Iterator[list[dict[str, Any]]]:
        """Walk a cursor-paged query or search (wix-api.md §1.6), one list per page.

        The first request is `body` with ``cursorPaging.limit`` set inside its ``query`` or
        ``search`` object; follow-ups carry only ``cursorPaging {limit, cursor}`` there (plus
        `body`'s other top-level keys, e.g. ``fields``), never filter or sort again.

        Args:
            path: E.g. ``/ecom/v1/orders/search``.
            body: ``{"search": {...}}`` or ``{"query": {...}}`` with filter/sort.
            items_key: The list in each answer (``orders``, ``products``, ...).
            limit: Page size (the method's maximum is usually best).
            meta_key: ``pagingMetadata``, or ``metadata`` for orders.

        Yields:
            Each page's items, in order (the last page may be empty).

        Raises:
            WixError: As `read`; `WixResponseError` for a page without items or metadata,
                or a cursor that repeats.
        """
        return walk_cursor(
            self.read, path, body, items_key=items_key, limit=limit, meta_key=meta_key
        )

    def offset_pages(
        self, path: str, body: dict[str, Any], *, items_key: str, limit: int
    ) -> Iterator[list[dict[str, Any]]]:
        """Walk an offset-paged query (V1: ``{"query": {"paging": {"limit", "offset"}}}``).

        V1 filters and sorts are JSON *strings* (wix-api.md §1.7); `body` is sent as given
        apart from ``query.paging``. Stops on a short page or when the total is reached.

        Args:
            path: E.g. ``/stores-reader/v1/products/query``.
            body: ``{"query": {"filter": "...", "sort": "..."}, "includeVariants": true}``.
            items_key: The list in each answer (``products``, ``inventoryItems``).
            limit: Page size (100 at most on V1).

        Yields:
            Each page's items, in order.

        Raises:
            WixError: As `read`; `WixResponseError` for a page of the wrong shape.
        """
        return walk_offset(self.read, path, body, items_key=items_key, limit=limit)

    # ------------------------------------------------------------------ site facts

    def catalog_version(self, *, refresh: bool = False) -> str:
        """``"V1_CATALOG"`` or ``"V3_CATALOG"``, asked once per client (wix-api.md §1.9).

        Forgotten after any 428 answer (a site may have moved to V3) or with `refresh`.

        Raises:
            WixRefusedError: ``STORES_NOT_INSTALLED``: the site has no Wix Stores.
            WixResponseError: Any other answer.
        """
        if self._catalog_version is None or refresh:
            path = "/stores/v3/provision/version"
            version = self.read("GET", path).get("catalogVersion")
            if version == "STORES_NOT_INSTALLED":
                raise WixRefusedError(
                    "Wix Stores is not installed on this Wix site",
                    code="STORES_NOT_INSTALLED", path=path, method="GET",
                )  # fmt: skip
            if version not in CATALOG_VERSIONS:
                raise shape_error(path, f"unknown catalogue version {version!r}", "GET")
            self._catalog_version = version
        return self._catalog_version

    def default_location_id(self, *, refresh: bool = False) -> str:
        """The site's default stock location (V3 sites), asked once per client.

        Raises:
            WixResponseError: The answer holds no ``location.id``.
        """
        if self._location_id is None or refresh:
            path = "/stores/v3/locations/default"
            location = self.read("GET", path).get("location")
            location_id = location.get("id") if isinstance(location, dict) else None
            if not isinstance(location_id, str) or not location_id:
                raise shape_error(path, "no location.id in the answer", "GET")
            self._location_id = location_id
        return self._location_id


def _transport_error(failure: httpx.HTTPError, method: str, path: str) -> WixError:
    for kinds, error_class, code, words in _TRANSPORT_FAILURES:
        if isinstance(failure, kinds):
            return error_class(words, code=code, path=path, method=method)
    return WixRefusedError(  # InvalidURL, too many redirects...: our configuration
        "Comptoir could not send the request to Wix (check the Wix address)",
        code="INVALID_REQUEST", path=path, method=method,
    )  # fmt: skip


def _decode(
    response: httpx.Response, method: str, path: str, expect: tuple[str, ...]
) -> dict[str, Any]:
    request_id = response.headers.get("X-Wix-Request-Id")
    if not response.content.strip():
        data: Any = {}
    else:
        try:
            data = json.loads(response.content)
        except (ValueError, UnicodeDecodeError):
            data = None
    missing = [key for key in expect if not isinstance(data, dict) or data.get(key) is None]
    if isinstance(data, dict) and not missing:
        return data
    what = "is not a JSON object" if not isinstance(data, dict) else f"lacks {', '.join(missing)}"
    raise WixResponseError(
        "Wix answered with something Comptoir cannot read",
        status=response.status_code,
        code="INVALID_RESPONSE",
        request_id=request_id,
        path=path,
        method=method,
        wix_message=f"the answer {what}",
    )
