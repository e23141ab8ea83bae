"""The shop's Ed25519 key that signs every closure and archive (docs/closing.md).

The private key is created at first use and kept in the OS keyring (service
`comptoir-closing`); a terminal without a keyring keeps it in `closing-key.pem` in the data
directory, readable by its user only (0600). The public key is not secret: it is stored with
every closure, shown in Settings and written into every archive, so anyone can check them.
"""

from __future__ import annotations

import base64
import logging
import os
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

if TYPE_CHECKING:  # cryptography loads at the first signature, not when the app starts
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

KEYRING_SERVICE = "comptoir-closing"
KEYRING_USER = "ed25519"
KEY_FILE = "closing-key.pem"

_log = logging.getLogger(__name__)


class Signer(Protocol):
    """Signs closures; `public_key` is the raw Ed25519 public key in hex."""

    @property
    def public_key(self) -> str: ...

    def sign(self, message: bytes) -> str:
        """The signature of `message`, in hex."""
        ...


class Ed25519Signer:
    """A signer over one private key."""

    def __init__(self, key: Ed25519PrivateKey) -> None:
        from cryptography.hazmat.primitives import serialization  # noqa: PLC0415

        self._key = key
        raw = key.public_key().public_bytes(serialization.Encoding.Raw,
                                            serialization.PublicFormat.Raw)
        self._public = raw.hex()

    @property
    def public_key(self) -> str:
        return self._public

    def sign(self, message: bytes) -> str:
        return self._key.sign(message).hex()


def verify_signature(public_key_hex: str, message: bytes, signature_hex: str) -> bool:
    """Whether `signature_hex` is `public_key_hex`'s Ed25519 signature of `message`."""
    from cryptography.exceptions import InvalidSignature  # noqa: PLC0415
    from cryptography.hazmat.primitives.asymmetric.ed25519 import (  # noqa: PLC0415
        Ed25519PublicKey,
    )

    try:
        key = Ed25519PublicKey.from_public_bytes(bytes.fromhex(public_key_hex))
        key.verify(bytes.fromhex(signature_hex), message)
    except (InvalidSignature, ValueError):
        return False
    return True


def _pem(key: Ed25519PrivateKey) -> bytes:
    from cryptography.hazmat.primitives import serialization  # noqa: PLC0415

    return key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                             serialization.NoEncryption())


def _load(pem: bytes) -> Ed25519PrivateKey:
    from cryptography.hazmat.primitives import serialization  # noqa: PLC0415
    from cryptography.hazmat.primitives.asymmetric.ed25519 import (  # noqa: PLC0415
        Ed25519PrivateKey,
    )

    key = serialization.load_pem_private_key(pem, password=None)
    if not isinstance(key, Ed25519PrivateKey):
        raise ValueError("the closing key is not an Ed25519 key")
    return key


def file_signer(directory: Path) -> Ed25519Signer:
    """The key in `directory/closing-key.pem`, created (mode 0600) at first use."""
    from cryptography.hazmat.primitives.asymmetric.ed25519 import (  # noqa: PLC0415
        Ed25519PrivateKey,
    )

    path = directory / KEY_FILE
    if path.exists():
        return Ed25519Signer(_load(path.read_bytes()))
    directory.mkdir(parents=True, exist_ok=True)
    key = Ed25519PrivateKey.generate()
    descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(descriptor, "wb") as handle:
        handle.write(_pem(key))
    return Ed25519Signer(key)


def keyring_signer(fallback_directory: Path) -> Ed25519Signer:
    """The key in the OS keyring, created there at first use; the 0600 file where none works."""
    import keyring  # noqa: PLC0415 — loaded when a closure is signed, not at start-up
    from cryptography.hazmat.primitives.asymmetric.ed25519 import (  # noqa: PLC0415
        Ed25519PrivateKey,
    )
    from keyring.errors import KeyringError  # noqa: PLC0415

    try:
        stored = keyring.get_password(KEYRING_SERVICE, KEYRING_USER)
        if stored:
            return Ed25519Signer(_load(base64.b64decode(stored)))
        if (fallback_directory / KEY_FILE).exists():
            return file_signer(fallback_directory)
        key = Ed25519PrivateKey.generate()
        keyring.set_password(KEYRING_SERVICE, KEYRING_USER, base64.b64encode(_pem(key)).decode())
        return Ed25519Signer(key)
    except (KeyringError, RuntimeError) as error:
        _log.info("no usable keyring for the closing key (%s): using the key file",
                  type(error).__name__)
        return file_signer(fallback_directory)


class LazySigner:
    """The keyring's (or the key file's) signer, looked up at the first closure, not before.

    Opening a shop must not touch the keyring: a till that never closes a day (a script, a
    read-only look-up) never creates a key.
    """

    def __init__(self, directory: Callable[[], Path]) -> None:
        self._directory = directory
        self._signer: Ed25519Signer | None = None

    def _get(self) -> Ed25519Signer:
        if self._signer is None:
            self._signer = keyring_signer(self._directory())
        return self._signer

    @property
    def public_key(self) -> str:
        return self._get().public_key

    def sign(self, message: bytes) -> str:
        return self._get().sign(message)
