"""Where the Wix API key and site ID come from: the OS keyring, else the environment (DESIGN §7).

Never from the database, a config file or a log line; the key never shows in a `repr`.
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
API_KEY_ENV = "COMPTOIR_WIX_API_KEY"
SITE_ID_ENV = "COMPTOIR_WIX_SITE_ID"
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


def load_credentials(
    environ: Mapping[str, str] = os.environ, *, keyring_get: KeyringGet | None = None
) -> WixCredentials:
    """The Wix credentials: each value from the OS keyring, else from the environment.

    Args:
        environ: The process environment or a test's mapping.
        keyring_get: `keyring.get_password` by default; injectable for tests. Keyring
            service ``comptoir-wix``, usernames ``api-key`` and ``site-id``.

    Returns:
        The credentials, stripped of surrounding whitespace.

    Raises:
        WixConfigError: A value is in neither place; the message names the keyring entries
            and the environment variables to set.
    """
    api_key = _keyring(KEYRING_API_KEY, keyring_get) or environ.get(API_KEY_ENV, "").strip()
    site_id = _keyring(KEYRING_SITE_ID, keyring_get) or environ.get(SITE_ID_ENV, "").strip()
    missing = [
        f"the {what} (keyring `{KEYRING_SERVICE}` / `{user}`, or {env})"
        for what, user, env, value in (
            ("Wix API key", KEYRING_API_KEY, API_KEY_ENV, api_key),
            ("Wix site ID", KEYRING_SITE_ID, SITE_ID_ENV, site_id),
        )
        if not value
    ]
    if missing:
        raise WixConfigError(
            "Comptoir cannot connect to Wix: missing "
            + " and ".join(missing)
            + f". Save it with `keyring set {KEYRING_SERVICE} <name>` or set the variable."
        )
    return WixCredentials(api_key=api_key, site_id=site_id)


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
