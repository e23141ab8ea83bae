"""`comptoir audit verify` on entries written outside Comptoir: named, exit 1, no traceback."""

from __future__ import annotations

import pytest

from pos.cli import main
from pos.db.engine import SessionFactory
from tests.services.test_audit import MALFORMED, append_some, write_malformed


@pytest.mark.parametrize("kind", MALFORMED)
def test_verify_names_a_malformed_entry_and_exits_1(
    db_url: str, sessions: SessionFactory, kind: str, capsys: pytest.CaptureFixture[str]
) -> None:
    ids = append_some(sessions, 3)
    write_malformed(sessions, ids[1], kind)
    code = main(["audit", "verify", "--db", db_url])
    out, err = capsys.readouterr()
    assert "Traceback" not in out + err
    assert (code, out) == (1, "")
    assert err.startswith(f"audit chain broken at entry {ids[1]}: ")
    assert err.rstrip().endswith("1 entries before it verified")
    if "yesterday" not in kind:  # PostgreSQL takes 'yesterday' as a date: an altered entry
        assert "it cannot be read" in err
