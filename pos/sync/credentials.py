"""Where the Wix credentials come from: the OS keyring, else the environment (DESIGN §7).

Two ways to sign in (wix-api.md §1.2): the site owner's API key with the site ID, or a Wix
app's client ID, client secret and instance ID (OAuth client credentials: the client trades
them for short-lived access tokens, `pos.sync.oauth`). The API key wins when both are
complete. Never from the database, a config file or a log line; secrets never show in a
`repr`.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field

import keyring

log = logging.getLogger(__name__)

KEYRING_SERVICE = "comptoir-wix"
KEYRING_API_KEY = "api-key"
KEYRING_SITE_ID = "site-id"
KEYRING_CLIENT_ID = "client-id"
KEYRING_CLIENT_SECRET = "client-secret"
KEYRING_INSTANCE_ID = "instance-id"
API_KEY_ENV = "COMPTOIR_WIX_API_KEY"
SITE_ID_ENV = "COMPTOIR_WIX_SITE_ID"
CLIENT_ID_ENV = "COMPTOIR_WIX_CLIENT_ID"
CLIENT_SECRET_ENV = "COMPTOIR_WIX_CLIENT_SECRET"
INSTANCE_ID_ENV = "COMPTOIR_WIX_INSTANCE_ID"
BASE_URL_ENV = "COMPTOIR_WIX_BASE_URL"
DEFAULT_BASE_URL = "https://www.wixapis.com"

KeyringGet = Callable[[str, str], str | None]


class WixConfigError(ValueError):
    """The Wix settings are missing or unusable; the message says which and how to fix it."""


@dataclass(frozen=True, slots=True)
class WixCredentials:
    """A site owner's API key and the site's GUID (wix-api.md §1.2).

    Attributes:
        api_key: Sent raw as ``Authorization``; hidden from `repr` and `str`.
        site_id: Sent as ``wix-site-id``.
    """

    api_key: str = field(repr=False)
    site_id: str

    def __repr__(self) -> str:
        return f"WixCredentials(api_key=<hidden>, site_id={self.site_id!r})"

    __str__ = __repr__


@dataclass(frozen=True, slots=True)
class WixAppCredentials:
    """A Wix app installed on the site: OAuth client credentials (wix-api.md §1.2).

    Attributes:
        client_id: The app's ID.
        client_secret: The app's secret key; hidden from `repr` and `str`.
        instance_id: The app's installation on this site (it implies the site).
    """

    client_id: str
    client_secret: str = field(repr=False)
    instance_id: str

    def __repr__(self) -> str:
        return (
            f"WixAppCredentials(client_id={self.client_id!r}, client_secret=<hidden>, "
            f"instance_id={self.instance_id!r})"
        )

    __str__ = __repr__


AnyWixCredentials = WixCredentials | WixAppCredentials

_API_KEY_ITEMS = (
    ("Wix API key", KEYRING_API_KEY, API_KEY_ENV),
    ("Wix site ID", KEYRING_SITE_ID, SITE_ID_ENV),
)
_APP_ITEMS = (
    ("Wix app client ID", KEYRING_CLIENT_ID, CLIENT_ID_ENV),
    ("Wix app client secret", KEYRING_CLIENT_SECRET, CLIENT_SECRET_ENV),
    ("Wix app instance ID", KEYRING_INSTANCE_ID, INSTANCE_ID_ENV),
)


def load_credentials(
    environ: Mapping[str, str] = os.environ, *, keyring_get: KeyringGet | None = None
) -> AnyWixCredentials:
    """The Wix credentials: each value from the OS keyring, else from the environment.

    The API key and site ID when both are found; else the app's client ID, secret and
    instance ID when all three are.

    Args:
        environ: The process environment or a test's mapping.
        keyring_get: `keyring.get_password` by default; injectable for tests. Keyring
            service ``comptoir-wix``, usernames ``api-key``, ``site-id`` (or ``client-id``,
            ``client-secret``, ``instance-id``).

    Returns:
        The credentials, stripped of surrounding whitespace.

    Raises:
        WixConfigError: Neither set is complete; the message names the missing keyring
            entries and environment variables of the set that was started (the API key's
            when none was).
    """

    def values(items: tuple[tuple[str, str, str], ...]) -> list[str]:
        return [_keyring(user, keyring_get) or environ.get(env, "").strip()
                for _, user, env in items]  # fmt: skip

    api_key, site_id = values(_API_KEY_ITEMS)
    if api_key and site_id:
        return WixCredentials(api_key=api_key, site_id=site_id)
    app = values(_APP_ITEMS)
    if all(app):
        client_id, client_secret, instance_id = app
        return WixAppCredentials(client_id, client_secret, instance_id)
    started_app = any(app) and not (api_key or site_id)
    items, found = (_APP_ITEMS, app) if started_app else (_API_KEY_ITEMS, [api_key, site_id])
    missing = [
        f"the {what} (keyring `{KEYRING_SERVICE}` / `{user}`, or {env})"
        for (what, user, env), value in zip(items, found, strict=True)
        if not value
    ]
    other = "an API key" if started_app else "a Wix app's client ID, secret and instance ID"
    raise WixConfigError(
        "Comptoir cannot connect to Wix: missing "
        + " and ".join(missing)
        + f". Save it with `keyring set {KEYRING_SERVICE} <name>` or set the variable"
        + f" (or use {other} instead)."
    )


def base_url(environ: Mapping[str, str] = os.environ) -> str:
    """The Wix API host: ``COMPTOIR_WIX_BASE_URL`` (tests, a proxy), else www.wixapis.com.

    Raises:
        WixConfigError: The variable is set but is not an http(s) URL.
    """
    url = environ.get(BASE_URL_ENV, "").strip() or DEFAULT_BASE_URL
    if not url.startswith(("https://", "http://")):
        raise WixConfigError(f"{BASE_URL_ENV} must start with https:// (found {url!r})")
    return url.rstrip("/")


def _keyring(username: str, keyring_get: KeyringGet | None) -> str:
    """The stored value, or "" when there is none or no keyring backend is usable."""
    getter = keyring.get_password if keyring_get is None else keyring_get
    try:
        value = getter(KEYRING_SERVICE, username)
    except Exception as error:  # any keyring failure (no backend, locked): use the environment
        log.info("no usable keyring for Wix (%s); using the environment", type(error).__name__)
        return ""
    return (value or "").strip()
