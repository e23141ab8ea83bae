"""PIN hashes: slow, salted, self-describing, and checked in constant time."""

from __future__ import annotations

import base64
import logging

import pytest

from pos.domain.pins import hash_pin, verify_pin


@pytest.fixture(scope="module")
def stored() -> str:
    return hash_pin("1234")  # scrypt is slow on purpose: hash once for the module


def test_hash_has_the_documented_format(stored: str) -> None:
    scheme, n, r, p, salt, digest = stored.split("$")
    assert (scheme, n, r, p) == ("scrypt", "16384", "8", "1")
    assert len(base64.b64decode(salt)) == 16
    assert len(base64.b64decode(digest)) == 32
    assert "1234" not in stored


def test_the_right_pin_verifies_and_others_do_not(stored: str) -> None:
    assert verify_pin("1234", stored)
    assert not verify_pin("1235", stored)
    assert not verify_pin("", stored)
    assert not verify_pin("12345", stored)


def test_each_hash_has_its_own_salt(stored: str) -> None:
    other = hash_pin("1234")
    assert other != stored
    assert verify_pin("1234", other)


def test_an_explicit_salt_makes_the_hash_reproducible() -> None:
    salt = b"0123456789abcdef"
    assert hash_pin("9876", salt=salt) == hash_pin("9876", salt=salt)
    assert verify_pin("9876", hash_pin("9876", salt=salt))


@pytest.mark.parametrize(
    "garbage",
    [
        "",
        "1234",
        "scrypt$16384$8$1$",
        "bcrypt$16384$8$1$AAAA$AAAA",
        "scrypt$abc$8$1$AAAA$AAAA",
        "scrypt$16384$8$1$not base64!$AAAA",
        "scrypt$1000$8$1$AAAA$AAAA",  # n not a power of two
        "scrypt$1073741824$8$1$AAAA$AAAA",  # a cost that would exhaust memory
        "scrypt$16384$8$1$$AAAA",
    ],
)
def test_a_malformed_hash_never_matches_and_never_raises(garbage: str) -> None:
    assert verify_pin("1234", garbage) is False


def test_non_string_input_is_refused_quietly(stored: str) -> None:
    assert verify_pin(1234, stored) is False  # type: ignore[arg-type]
    assert verify_pin("1234", None) is False  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        hash_pin(1234)  # type: ignore[arg-type]


def test_nothing_is_logged(stored: str, caplog: pytest.LogCaptureFixture) -> None:
    with caplog.at_level(logging.DEBUG):
        hash_pin("4321")
        verify_pin("4321", stored)
    assert caplog.records == []
