"""`scripts/dev` on a machine where set-up cannot go on by itself: it says what to do.

Each test runs a copy of the script (so its `.venv` is made in a temporary folder) with a
`PATH` of stand-ins: `id` says who we are, `dpkg` which packages are there, `apt-get`,
`apt-cache` and the Pythons record what they were asked.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
# Real tools the script needs besides the ones faked here.
REAL_TOOLS = ("dirname", "grep", "env", "touch", "cat", "mkdir", "chmod", "mv")


class Machine:
    """A pretend machine: a project copy and a `bin` folder that is the whole `PATH`."""

    def __init__(self, tmp: Path) -> None:
        self.project, self.bin, self.log = tmp / "project", tmp / "bin", tmp / "calls.log"
        (self.project / "scripts").mkdir(parents=True)
        shutil.copy(ROOT / "scripts" / "dev", self.project / "scripts" / "dev")
        (self.project / "pyproject.toml").write_text("[project]\nname = 'x'\n")
        self.bin.mkdir()
        for tool in REAL_TOOLS:
            found = shutil.which(tool)
            assert found, tool
            (self.bin / tool).symlink_to(found)
        self.user(uid=1000)
        self.tool("dpkg", "exit 1")  # every package missing

    def tool(self, name: str, body: str, *, folder: Path | None = None) -> None:
        path = (folder or self.bin) / name
        path.write_text(f'#!/bin/bash\necho "{name} $*" >> {self.log}\n{body}\n')
        path.chmod(0o755)

    def user(self, *, uid: int) -> None:
        self.tool("id", f'case "$1" in -u) echo {uid} ;; *) echo camille ;; esac')

    def python(self, name: str, version: str, *, usable: bool, folder: Path | None = None) -> None:
        """A stand-in interpreter: answers the script's checks; `-m venv DIR` makes a venv
        whose python accepts every pip call."""
        venv_python = f'#!/bin/bash\\necho \\"venv-python \\$*\\" >> {self.log}\\n'
        self.tool(name, f"""
case "$*" in
  *"sys.version_info < (3, 11)"*) exit {0 if usable else 1} ;;
  *"without venv"*) echo {version} ;;
  --version) echo "Python {version}" ;;
  "-m venv "*) mkdir -p "$3/bin"; printf "{venv_python}" > "$3/bin/python"; \
chmod +x "$3/bin/python" ;;
esac""", folder=folder)

    def run(self, *args: str, **env: str) -> subprocess.CompletedProcess[str]:
        environ = {"PATH": str(self.bin), "HOME": str(self.project)} | env
        return subprocess.run(["/bin/bash", str(self.project / "scripts" / "dev"), *args],
                              env=environ, capture_output=True, text=True, timeout=60)  # fmt: skip

    def calls(self) -> str:
        return self.log.read_text() if self.log.exists() else ""


@pytest.fixture
def machine(tmp_path: Path) -> Machine:
    if not Path("/bin/bash").exists():
        pytest.skip("needs bash")
    return Machine(tmp_path)


def test_without_root_or_sudo_it_says_what_to_do_and_the_exact_apt_line(
    machine: Machine,
) -> None:
    result = machine.run("install")

    assert result.returncode == 1
    assert "command not found" not in result.stderr
    assert "this user is not root and sudo is not installed" in result.stderr
    assert "run scripts/dev as root" in result.stderr
    assert "apt-get install sudo && adduser camille sudo" in result.stderr
    script = (ROOT / "scripts" / "dev").read_text()
    first, last = "python3 python3-venv python3-pip", "fonts-dejavu-core postgresql"
    assert first in script and "libusb-1.0-0" in script
    line = next(row for row in result.stderr.splitlines() if "apt-get install -y" in row)
    assert line.strip().startswith(f"apt-get update && apt-get install -y "
                                   f"--no-install-recommends {first} ")  # fmt: skip
    assert line.strip().endswith(last)
    assert "apt-get" not in machine.calls()  # nothing was tried


def test_with_sudo_the_packages_go_through_it(machine: Machine) -> None:
    machine.tool("sudo", '"$@"')
    machine.tool("apt-get", "exit 0")
    machine.python("python3", "3.11.2", usable=True)

    result = machine.run("install")

    assert result.returncode == 0, result.stderr
    calls = machine.calls()
    assert "sudo env DEBIAN_FRONTEND=noninteractive apt-get update -qq" in calls
    assert "apt-get install -y -qq --no-install-recommends python3 python3-venv" in calls


def test_no_python_at_all_stops_at_once_with_what_is_needed(machine: Machine) -> None:
    result = machine.run("install", COMPTOIR_SKIP_APT="1")

    assert result.returncode == 1
    assert "Comptoir needs Python 3.11 or newer with its venv module; found: none." in (
        result.stderr)
    assert not (machine.project / ".venv").exists()


def test_an_older_python_is_named_and_nothing_is_installed_with_it(machine: Machine) -> None:
    machine.python("python3", "3.10.12", usable=False)
    machine.python("python3.11", "3.11.0 without venv", usable=False)

    result = machine.run("install", COMPTOIR_SKIP_APT="1")

    assert result.returncode == 1
    assert "found: python3.11 3.11.0 without venv, python3 3.10.12." in result.stderr
    assert "not looked at (COMPTOIR_SKIP_APT=1)" in result.stderr
    assert "-m venv" not in machine.calls()


def test_an_older_python_brings_the_distributions_newer_one(machine: Machine) -> None:
    # Ubuntu 22.04 as root: python3 is 3.10; the archive offers python3.11 and its venv.
    machine.user(uid=0)
    machine.tool("dpkg", "exit 0")
    machine.python("python3", "3.10.12", usable=False)
    machine.tool("apt-cache", """
case "$2" in
  python3.11-venv) echo "  Candidate: 3.11.0-1~22.04" ;;
  *) echo "  Candidate: (none)" ;;
esac""")
    archive = machine.bin.parent / "archive"  # what `apt-get install python3.11` brings
    archive.mkdir()
    machine.python("python3.11", "3.11.0", usable=True, folder=archive)
    machine.tool("apt-get", f'[ "$1" = install ] && mv {archive}/* {machine.bin}/; exit 0')

    result = machine.run("install")

    assert result.returncode == 0, result.stderr
    calls = machine.calls()
    assert ("apt-get install -y -qq --no-install-recommends python3.11 python3.11-venv"
            in calls)  # fmt: skip
    assert f"python3.11 -m venv {machine.project}/.venv" in calls
    assert "venv-python -m pip install -q -e" in calls
    assert os.path.exists(machine.project / ".venv" / ".comptoir-installed")


def test_no_newer_python_in_the_distribution_stops_with_the_versions_found(
    machine: Machine,
) -> None:
    machine.user(uid=0)
    machine.tool("dpkg", "exit 0")
    machine.tool("apt-get", "exit 0")
    machine.tool("apt-cache", 'echo "  Candidate: (none)"')
    machine.python("python3", "3.9.2", usable=False)

    result = machine.run("install")

    assert result.returncode == 1
    assert "found: python3 3.9.2." in result.stderr
    assert "offers no python3.11, python3.12 or python3.13 package" in result.stderr
