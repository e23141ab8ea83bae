"""PIN hashing: a slow, salted scrypt hash, so a stolen database does not give away PINs.

A stored hash reads `scrypt$<n>$<r>$<p>$<salt base64>$<hash base64>`; the cost parameters
travel with it, so raising them later keeps every existing PIN verifiable. PINs are never
logged, never part of an exception message, and compared in constant time.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import hmac
import secrets

SCHEME = "scrypt"
N, R, P = 2**14, 8, 1  # OWASP's scrypt minimum (n=2^14 with r=8 uses 16 MiB per check)
SALT_BYTES = 16
HASH_BYTES = 32
# The largest cost a stored hash may ask for: a tampered row must not make a check eat the RAM.
_MAX_N, _MAX_R, _MAX_P = 2**20, 16, 16


def _scrypt(pin: str, salt: bytes, n: int, r: int, p: int, dklen: int = HASH_BYTES) -> bytes:
    # maxmem: what these parameters need (128·r·n bytes and change), so OpenSSL's 32 MiB
    # default never refuses a legitimate hash.
    return hashlib.scrypt(
        pin.encode("utf-8"),
        salt=salt,
        n=n,
        r=r,
        p=p,
        maxmem=128 * r * (n + p + 2) + 1024 * 1024,
        dklen=dklen,
    )


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def hash_pin(pin: str, *, salt: bytes | None = None) -> str:
    """The storable hash of `pin`, with a fresh random salt.

    Args:
        pin: the PIN as typed (digits, normally).
        salt: only for reproducible fixtures such as the demo shop; real users always get a
            random salt.

    Returns:
        "scrypt$16384$8$1$<salt b64>$<hash b64>".
    """
    if not isinstance(pin, str):
        raise TypeError("pin must be a str")
    salt = secrets.token_bytes(SALT_BYTES) if salt is None else salt
    digest = _scrypt(pin, salt, N, R, P)
    return f"{SCHEME}${N}${R}${P}${_b64(salt)}${_b64(digest)}"


def _parse(stored: str) -> tuple[int, int, int, bytes, bytes] | None:
    parts = stored.split("$") if isinstance(stored, str) else []
    if len(parts) != 6 or parts[0] != SCHEME:
        return None
    try:
        n, r, p = (int(part) for part in parts[1:4])
        salt = base64.b64decode(parts[4], validate=True)
        digest = base64.b64decode(parts[5], validate=True)
    except (ValueError, binascii.Error):
        return None
    if not (1 < n <= _MAX_N and n & (n - 1) == 0 and 0 < r <= _MAX_R and 0 < p <= _MAX_P):
        return None
    if not salt or not digest:
        return None
    return n, r, p, salt, digest


def verify_pin(pin: str, stored: str) -> bool:
    """Whether `pin` matches the `stored` hash. A malformed hash never matches, never raises."""
    parsed = _parse(stored)
    if parsed is None or not isinstance(pin, str):
        return False
    n, r, p, salt, digest = parsed
    candidate = _scrypt(pin, salt, n, r, p, dklen=len(digest))
    return hmac.compare_digest(candidate, digest)
