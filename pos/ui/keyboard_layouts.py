"""The on-screen keyboard's pages (which key sits where, AZERTY or QWERTY) and shift states.

No Qt. A row is a string of keys separated by spaces: a key of one character types it;
`{name}` is a special key (backspace, enter, shift, space, hide, page_<page>) and `{name:3}`
one three columns wide. Every row adds up to `COLUMNS` columns: a page's keys line up.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum, StrEnum

COLUMNS = 12


class Layout(StrEnum):
    """The letters page's arrangement; the interface language picks it (`LAYOUTS`)."""

    AZERTY = "azerty"
    QWERTY = "qwerty"


LAYOUTS = {"fr": Layout.AZERTY}  # other languages: QWERTY
_LETTERS = {
    Layout.AZERTY: (
        "a z e r t y u i o p {backspace:2}",
        "q s d f g h j k l m {enter:2}",
        "{shift:2} w x c v b n ' - . @",
    ),
    Layout.QWERTY: (
        "q w e r t y u i o p {backspace:2}",
        "a s d f g h j k l ' {enter:2}",
        "{shift:2} z x c v b n m - . @",
    ),
}


class Page(StrEnum):
    """What the keys type: letters, digits and symbols ("?123"), or accented letters."""

    LETTERS = "letters"
    SYMBOLS = "symbols"
    ACCENTS = "accents"


PAGE_LABELS = {"page_letters": "ABC", "page_symbols": "?123", "page_accents": "àé"}
# The same bottom row on every page: the three pages, space, and hide the keyboard.
_BOTTOM = "{page_letters} {page_symbols} {page_accents} {space:6} {hide:3}"
# What e-mail addresses and phone numbers need first: @ . - _ + ' then the rest.
_SYMBOLS = (
    "1 2 3 4 5 6 7 8 9 0 {backspace:2}",
    "@ . - _ + ' / : ( ) {enter:2}",
    '& # % * = , ; ! ? " € $',
)
# French accents first (é è ê ë à â ç ù û; î ï ô œ), then those of neighbouring languages.
_ACCENTS = (
    "é è ê ë à â ä ç ù û {backspace:2}",
    "î ï ô ö œ æ ü ÿ ñ ' {enter:2}",
    "{shift:2} á í ó ú ã õ å ø ò ì",
)


class Shift(Enum):
    """The shift key: one-shot, tapped again it locks the capitals, a third tap frees them."""

    OFF = "off"
    ONCE = "once"  # the next character only
    LOCKED = "locked"  # caps lock

    def tapped(self) -> Shift:
        return {Shift.OFF: Shift.ONCE, Shift.ONCE: Shift.LOCKED}.get(self, Shift.OFF)


@dataclass(frozen=True, slots=True)
class KeySpec:
    """One key: a character to type, or a special key's name; `span` columns wide."""

    name: str
    span: int = 1

    @property
    def is_character(self) -> bool:
        return len(self.name) == 1


def key_code(character: str) -> int:
    """Qt's key code for a character's key: its capital's code point (Key_A = ord("A"),
    Key_Eacute = ord("É"), Key_At = ord("@")), as a keyboard reports it."""
    upper = character.upper()
    return ord(upper) if len(upper) == 1 else ord(character)


def layout_for(language: str) -> Layout:
    """The letters layout for an interface language ("fr" -> AZERTY, "en" -> QWERTY)."""
    return LAYOUTS.get(language.split("_")[0].lower(), Layout.QWERTY)


def page_rows(page: Page, layout: Layout) -> tuple[tuple[KeySpec, ...], ...]:
    """The rows of `page` (the letters in `layout`), top to bottom, bottom row included."""
    rows = {Page.LETTERS: _LETTERS[layout], Page.SYMBOLS: _SYMBOLS, Page.ACCENTS: _ACCENTS}[page]
    return tuple(_parse(row) for row in (*rows, _BOTTOM))


def _parse(row: str) -> tuple[KeySpec, ...]:
    keys = []
    for token in row.split():
        if token.startswith("{"):
            name, _, span = token.strip("{}").partition(":")
            keys.append(KeySpec(name, int(span or 1)))
        else:
            keys.append(KeySpec(token))
    return tuple(keys)
