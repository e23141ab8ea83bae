"""A throwaway PostgreSQL server on loopback for the test session.

`COMPTOIR_TEST_POSTGRES_URL` names an existing server to use instead (a superuser URL such as
`postgresql://postgres@127.0.0.1:5432/postgres`). Otherwise the server binaries are looked up
on PATH and in Debian's `/usr/lib/postgresql/*/bin`, a cluster is made in a temporary
directory and started on a free port; as root the server runs as the `postgres` user, since
PostgreSQL refuses to run as root.
"""

from __future__ import annotations

import glob
import os
import shutil
import socket
import subprocess
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

ENV_URL = "COMPTOIR_TEST_POSTGRES_URL"


class PostgresUnavailableError(RuntimeError):
    pass


def _bin_dir() -> Path:
    found = shutil.which("pg_ctl")
    candidates = [str(Path(found).resolve().parent)] if found else []
    candidates += sorted(glob.glob("/usr/lib/postgresql/*/bin"), reverse=True)
    for candidate in candidates:
        if (Path(candidate) / "initdb").exists() and (Path(candidate) / "postgres").exists():
            return Path(candidate)
    raise PostgresUnavailableError(
        "PostgreSQL server binaries not found (install Debian's 'postgresql' package, "
        f"or set {ENV_URL})"
    )


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@dataclass
class PostgresServer:
    url: str  # superuser URL to the maintenance database
    stop: callable  # type: ignore[valid-type]


def start() -> PostgresServer:
    if os.environ.get(ENV_URL):
        return PostgresServer(os.environ[ENV_URL], lambda: None)
    bindir = _bin_dir()
    root = Path(tempfile.mkdtemp(prefix="comptoir-pg-"))
    data = root / "data"
    as_root = os.geteuid() == 0
    prefix: list[str] = ["runuser", "-u", "postgres", "--"] if as_root else []
    if as_root:
        shutil.chown(root, "postgres", "postgres")
    port = _free_port()
    user = "postgres" if as_root else (os.environ.get("USER") or "postgres")
    subprocess.run(
        [
            *prefix,
            str(bindir / "initdb"),
            "-D",
            str(data),
            "-U",
            user,
            "-A",
            "trust",
            "-E",
            "UTF8",
            "--no-sync",
        ],
        check=True,
        capture_output=True,
    )
    options = (
        f"-c listen_addresses=127.0.0.1 -c port={port} -c unix_socket_directories={root} "
        "-c fsync=off -c synchronous_commit=off -c full_page_writes=off "
        "-c max_connections=60 -c shared_buffers=256MB"
    )
    subprocess.run(
        [
            *prefix,
            str(bindir / "pg_ctl"),
            "-D",
            str(data),
            "-o",
            options,
            "-l",
            str(root / "log"),
            "-w",
            "-t",
            "60",
            "start",
        ],
        check=True,
        capture_output=True,
    )

    def stop() -> None:
        subprocess.run(
            [*prefix, str(bindir / "pg_ctl"), "-D", str(data), "-m", "immediate", "stop"],
            capture_output=True,
        )
        # A suite leaves a thousand databases (one per test, never dropped: cheaper than
        # DROP DATABASE each time); removing their files took minutes on a busy disk, with
        # the run's result already known. `rm` finishes it after pytest has exited.
        subprocess.run(["sh", "-c", 'rm -rf "$1" &', "sh", str(root)], check=False,
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)  # fmt: skip

    url = f"postgresql+psycopg://{user}@127.0.0.1:{port}/postgres"
    deadline = time.monotonic() + 30
    while True:
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=1):
                break
        except OSError:
            if time.monotonic() > deadline:
                stop()
                raise
            time.sleep(0.1)
    return PostgresServer(url, stop)
