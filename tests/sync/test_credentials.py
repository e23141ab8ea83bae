"""Wix credentials: keyring first, then the environment; the key never shows."""

from __future__ import annotations

import logging

import pytest

from pos.sync.credentials import (
    DEFAULT_BASE_URL,
    WixConfigError,
    WixCredentials,
    base_url,
    load_credentials,
)

KEY = "IST.secret-7c1e"
SITE = "9a1b2c3d-0000-4000-8000-000000000001"
ENV = {"COMPTOIR_WIX_API_KEY": KEY, "COMPTOIR_WIX_SITE_ID": SITE}


def no_keyring(service: str, username: str) -> str | None:
    return None


def test_from_the_environment():
    assert load_credentials(ENV, keyring_get=no_keyring) == WixCredentials(KEY, SITE)


def test_the_keyring_wins_over_the_environment():
    stored = {("comptoir-wix", "api-key"): "from-keyring", ("comptoir-wix", "site-id"): "site-k"}
    creds = load_credentials(ENV, keyring_get=lambda s, u: stored.get((s, u)))
    assert creds == WixCredentials("from-keyring", "site-k")


def test_each_value_falls_back_on_its_own():
    stored = {("comptoir-wix", "api-key"): " keyring-key \n"}
    creds = load_credentials(
        {"COMPTOIR_WIX_SITE_ID": f"  {SITE} "}, keyring_get=lambda s, u: stored.get((s, u))
    )
    assert creds == WixCredentials("keyring-key", SITE)


def test_a_broken_keyring_means_the_environment(caplog: pytest.LogCaptureFixture):
    def broken(service: str, username: str) -> str | None:
        raise RuntimeError("no recommended backend")

    with caplog.at_level(logging.INFO):
        assert load_credentials(ENV, keyring_get=broken) == WixCredentials(KEY, SITE)
    assert "environment" in caplog.text and KEY not in caplog.text


def test_missing_everything_names_both_variables():
    with pytest.raises(WixConfigError) as caught:
        load_credentials({}, keyring_get=no_keyring)
    text = str(caught.value)
    assert "COMPTOIR_WIX_API_KEY" in text and "COMPTOIR_WIX_SITE_ID" in text
    assert "comptoir-wix" in text


def test_missing_site_only_names_the_site():
    with pytest.raises(WixConfigError) as caught:
        load_credentials(
            {"COMPTOIR_WIX_API_KEY": KEY, "COMPTOIR_WIX_SITE_ID": " "}, keyring_get=no_keyring
        )
    assert "COMPTOIR_WIX_SITE_ID" in str(caught.value)
    assert "COMPTOIR_WIX_API_KEY" not in str(caught.value) and KEY not in str(caught.value)


def test_repr_and_str_hide_the_key():
    creds = WixCredentials(KEY, SITE)
    for text in (repr(creds), str(creds), f"{creds}", repr([creds])):
        assert KEY not in text and SITE in text


def test_base_url():
    assert base_url({}) == DEFAULT_BASE_URL == "https://www.wixapis.com"
    assert base_url({"COMPTOIR_WIX_BASE_URL": "http://127.0.0.1:8080/ "}) == "http://127.0.0.1:8080"
    with pytest.raises(WixConfigError, match="COMPTOIR_WIX_BASE_URL"):
        base_url({"COMPTOIR_WIX_BASE_URL": "www.wixapis.com"})
