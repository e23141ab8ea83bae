"""Access tokens of a Wix app (OAuth client credentials, wix-api.md §1.2).

The app's client ID, secret and instance ID are traded at ``POST /oauth2/token`` for an
access token that is sent raw as ``Authorization`` (no ``wix-site-id``: the instance implies
the site). A token is kept until `REFRESH_MARGIN` seconds before it expires, then a new one
is asked for; a 401 on a call makes the client forget the token and ask once more (a token
revoked early). The token request changes nothing on Wix, so any failure of it means the
call it was for was never sent.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from typing import Any

from pos.sync.credentials import WixAppCredentials

TOKEN_PATH = "/oauth2/token"
REFRESH_MARGIN = 60.0  # seconds: a token this close to expiring is replaced before use
MIN_LIFETIME = 1.0  # seconds: a token is used at least for the call it was fetched for

Fetch = Callable[[dict[str, str]], dict[str, Any]]  # POSTs the body to TOKEN_PATH, answers JSON


class TokenAnswerError(ValueError):
    """The token endpoint answered 2xx without a usable ``access_token`` / ``expires_in``."""


class AccessTokens:
    """The current access token of one Wix app, fetched when missing or about to expire.

    Thread-safe: the sync thread and a settings "test connection" may share a client.
    """

    def __init__(
        self, credentials: WixAppCredentials, *, monotonic: Callable[[], float] = time.monotonic
    ) -> None:
        self._credentials = credentials
        self._monotonic = monotonic
        self._lock = threading.RLock()  # `secrets` is asked while a fetch holds it
        self._token: str | None = None
        self._renew_at = 0.0
        self.fetched = 0  # how many tokens were asked for (tests, benchmarks)

    def current(self, fetch: Fetch) -> str:
        """The token to send now, fetching a new one through `fetch` when needed.

        Raises:
            TokenAnswerError: Wix's answer held no token or no lifetime.
            Whatever `fetch` raises (the client's `WixError`s).
        """
        with self._lock:
            if self._token is None or self._monotonic() >= self._renew_at:
                answer = fetch(self._request_body())
                token, lifetime = _parse(answer)
                self.fetched += 1
                self._token = token
                self._renew_at = self._monotonic() + max(MIN_LIFETIME, lifetime - REFRESH_MARGIN)
            return self._token

    def forget(self, token: str) -> None:
        """Wix refused `token` (401): the next call fetches a new one."""
        with self._lock:
            if self._token == token:
                self._token = None

    def secrets(self) -> tuple[str, ...]:
        """The texts no log line or error message may show."""
        with self._lock:
            current = (self._token,) if self._token else ()
        return (self._credentials.client_secret, *current)

    def _request_body(self) -> dict[str, str]:
        credentials = self._credentials
        return {
            "grant_type": "client_credentials",
            "client_id": credentials.client_id,
            "client_secret": credentials.client_secret,
            "instance_id": credentials.instance_id,
        }


def _parse(answer: dict[str, Any]) -> tuple[str, float]:
    token, lifetime = answer.get("access_token"), answer.get("expires_in")
    if not isinstance(token, str) or not token.strip():
        raise TokenAnswerError("the token answer has no access_token")
    if isinstance(lifetime, bool) or not isinstance(lifetime, int | float | str):
        raise TokenAnswerError("the token answer has no expires_in")
    try:
        seconds = float(lifetime)
    except ValueError:
        raise TokenAnswerError(f"expires_in is not a number of seconds: {lifetime!r}") from None
    if not seconds > 0:
        raise TokenAnswerError(f"expires_in is not a positive number of seconds: {lifetime!r}")
    return token.strip(), seconds
