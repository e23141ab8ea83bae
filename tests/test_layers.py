"""The layering of STYLE.md, checked with import-linter's contracts from pyproject.toml."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_import_contracts_hold() -> None:
    exe = shutil.which("lint-imports", path=str(Path(sys.executable).parent)) or "lint-imports"
    result = subprocess.run([exe], cwd=ROOT,
                            capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "Contracts: 8 kept, 0 broken." in result.stdout


def test_domain_imports_only_the_standard_library_and_itself() -> None:
    allowed_roots = set(sys.stdlib_module_names) | {"pos"}
    for path in (ROOT / "pos" / "domain").rglob("*.py"):
        for line in path.read_text(encoding="utf-8").splitlines():
            words = line.split()
            if len(words) >= 2 and words[0] in ("import", "from"):
                root = words[1].split(".")[0]
                assert root in allowed_roots, f"{path.name} imports {words[1]}"
                if root == "pos":
                    assert words[1].startswith("pos.domain"), f"{path.name} imports {words[1]}"


def test_code_passes_the_linter() -> None:
    exe = shutil.which("ruff", path=str(Path(sys.executable).parent)) or "ruff"
    result = subprocess.run([exe, "check", "pos", "tests", "benchmarks"], cwd=ROOT,
                            capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stdout + result.stderr
