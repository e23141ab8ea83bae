"""A printer setting checked before it is saved: tcp, usb, serial, file or virtual.

Pure and strict (no I/O): the settings screen refuses a URI the hardware layer could not
open, with a reason code the UI turns into words. The grammar is the one
`pos.hardware.transports.parse_printer_uri` reads (docs/printing.md).
"""

from __future__ import annotations

from urllib.parse import parse_qsl, urlsplit

from pos.domain.errors import DomainError

SCHEMES = ("tcp", "usb", "serial", "file", "virtual")
MAX_LENGTH = 300


class PrinterUriError(DomainError):
    """The printer URI is unusable. `reason` is a code; `uri` the text as typed.

    Reasons: ``empty``, ``too_long``, ``unknown_scheme``, ``no_host``, ``bad_port``,
    ``bad_usb_ids``, ``no_path``, ``bad_baudrate``.
    """

    def __init__(self, reason: str, uri: str) -> None:
        super().__init__("printer_uri_invalid", reason=reason, uri=uri)
        self.reason, self.uri = reason, uri


def normalise_printer_uri(uri: str) -> str:
    """`uri` stripped and checked; "virtual" for any spelling of the virtual printer.

    Raises:
        PrinterUriError: the URI names no known transport or is incomplete.
    """
    text = uri.strip()
    if not text:
        raise PrinterUriError("empty", uri)
    if len(text) > MAX_LENGTH:
        raise PrinterUriError("too_long", text[:40])
    if text in ("virtual", "virtual:", "virtual://"):
        return "virtual"
    if text.startswith("virtual://"):
        return text
    parts = urlsplit(text)
    checks = {"tcp": _check_tcp, "usb": _check_usb, "serial": _check_path, "file": _check_path}
    if parts.scheme not in checks:
        raise PrinterUriError("unknown_scheme", text)
    checks[parts.scheme](text)
    return text


def _check_tcp(text: str) -> None:
    parts = urlsplit(text)
    if not parts.hostname:
        raise PrinterUriError("no_host", text)
    try:
        port = parts.port
    except ValueError:
        raise PrinterUriError("bad_port", text) from None
    if port == 0:
        raise PrinterUriError("bad_port", text)


def _check_usb(text: str) -> None:
    vendor, _, product = urlsplit(text).netloc.partition(":")
    try:
        ids = [int(part, 16) for part in (vendor, product)]
    except ValueError:
        raise PrinterUriError("bad_usb_ids", text) from None
    if not all(0 <= value <= 0xFFFF for value in ids):
        raise PrinterUriError("bad_usb_ids", text)


def _check_path(text: str) -> None:
    parts = urlsplit(text)
    if not parts.path:
        raise PrinterUriError("no_path", text)
    if parts.scheme == "serial":
        baudrate = dict(parse_qsl(parts.query)).get("baudrate", "19200")
        if not baudrate.isdecimal() or int(baudrate) <= 0:
            raise PrinterUriError("bad_baudrate", text)
