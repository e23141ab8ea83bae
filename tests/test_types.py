"""The types of `pos`, checked by mypy with the `[tool.mypy]` settings of pyproject.toml.

Strict on every package: an error fails the suite with mypy's own lines, and a
`# type: ignore` is allowed only with its error code and a comment naming the library that
forces it.
"""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

# `# type: ignore[code]  # <why: the library that forces it>`
_IGNORE = re.compile(r"#\s*type:\s*ignore(?P<codes>\[[a-z0-9, -]+\])?(?P<rest>.*)$")


def test_pos_passes_mypy_strict() -> None:
    # The files, strictness and cache directory (git-ignored) come from pyproject.toml.
    result = subprocess.run([sys.executable, "-m", "mypy"], cwd=ROOT,
                            capture_output=True, text=True, timeout=600)
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout.startswith("Success: no issues found"), result.stdout


def test_mypy_is_strict_on_every_package() -> None:
    import tomllib

    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["mypy"]
    assert config["strict"] is True
    assert config["files"] == ["pos"]
    relaxed = [override for override in config.get("overrides", [])
               if set(override) - {"module", "ignore_missing_imports"}]
    assert not relaxed, f"strictness relaxed by {relaxed}"
    untyped = {m for o in config.get("overrides", []) for m in o["module"]}
    assert not any(m == "pos" or m.startswith("pos.") for m in untyped)


def test_qt_constructors_take_properties_and_stay_typed(tmp_path: Path) -> None:
    # tests/support/mypy_pyside6.py: keywords such as objectName pass, positional arguments
    # are still checked, and the widget keeps its type (an error would make it Any).
    snippet = tmp_path / "snippet.py"
    snippet.write_text(
        "from PySide6.QtWidgets import QPushButton, QWidget\n"
        "button = QPushButton('Save', objectName='save', checkable=True)\n"
        "page = QWidget(objectName='page')\n"
        "number: int = button\n"
        "QPushButton(42, objectName='bad')\n",
        encoding="utf-8",
    )
    result = subprocess.run([sys.executable, "-m", "mypy", str(snippet)], cwd=ROOT,
                            capture_output=True, text=True, timeout=600)
    errors = [line.split(": error: ")[0].rsplit(":", 1)[1]
              for line in result.stdout.splitlines() if ": error: " in line]
    assert errors == ["4", "5"], result.stdout


def test_every_type_ignore_names_its_code_and_the_library_that_forces_it() -> None:
    bare = []
    for path in sorted((ROOT / "pos").rglob("*.py")):
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            match = _IGNORE.search(line)
            if match is None:
                continue
            why = match.group("rest").strip().lstrip("#").strip()
            if not match.group("codes") or not why:
                bare.append(f"{path.relative_to(ROOT)}:{number}: {line.strip()}")
    assert not bare, "type: ignore without [code] and a reason:\n" + "\n".join(bare)
