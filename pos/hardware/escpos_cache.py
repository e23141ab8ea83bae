"""python-escpos's printer profiles cached in Comptoir's cache directory, nothing left in /tmp.

`escpos.capabilities` (python-escpos 3.1) parses a 1 MB YAML file of printer profiles when it
is imported (~0.15 s) and caches the result as a pickle in ``$ESCPOS_CAPABILITIES_PICKLE_DIR``,
else in a new ``mkdtemp()`` folder — one folder left in /tmp per process, and the pickle never
reused. Its line is ``environ.get("ESCPOS_CAPABILITIES_PICKLE_DIR", mkdtemp())``: the default is
evaluated first, so setting the variable alone still leaves an empty folder behind.

`use_cache_dir` (called by the app, the CLI and the tests before anything imports python-escpos)
installs an import hook for that one module. While the module runs, on the importing thread
only, ``mkdtemp()`` makes no folder and names ``<cache>/escpos-<version>/``, where the pickle goes:
written in a scratch folder there and renamed into place, so two processes starting together
never read half a pickle. Later starts load the pickle (~0.01 s instead of 0.15 s).
A ``ESCPOS_CAPABILITIES_PICKLE_DIR`` set by the user is respected.
"""

from __future__ import annotations

import importlib.abc
import importlib.machinery
import os
import platform
import shutil
import sys
import tempfile
import threading
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from types import ModuleType

PICKLE_DIR_ENV = "ESCPOS_CAPABILITIES_PICKLE_DIR"
CAPABILITIES_FILE_ENV = "ESCPOS_CAPABILITIES_FILE"
MODULE = "escpos.capabilities"


def use_cache_dir(cache_dir: Path) -> None:
    """Have python-escpos keep its profile cache in `cache_dir` (made when first needed).

    Idempotent; without effect once python-escpos's profiles are loaded.
    """
    if MODULE in sys.modules:
        return
    for finder in sys.meta_path:
        if isinstance(finder, _CapabilitiesFinder):
            finder.cache_dir = cache_dir
            return
    sys.meta_path.insert(0, _CapabilitiesFinder(cache_dir))


def pickle_dir(cache_dir: Path) -> Path:
    """Where the pickle of this python-escpos version is kept under `cache_dir`."""
    from importlib import metadata  # noqa: PLC0415  (only when the profiles load)

    try:
        version = metadata.version("python-escpos")
    except metadata.PackageNotFoundError:
        version = "unknown"
    return cache_dir / f"escpos-{version}"


class _CapabilitiesFinder(importlib.abc.MetaPathFinder):
    """Finds `escpos.capabilities` as usual and wraps its loader in `_CachingLoader`."""

    def __init__(self, cache_dir: Path) -> None:
        self.cache_dir = cache_dir

    def find_spec(
        self, fullname: str, path: Sequence[str] | None = None, target: ModuleType | None = None
    ) -> importlib.machinery.ModuleSpec | None:
        if fullname != MODULE:
            return None
        spec = importlib.machinery.PathFinder.find_spec(fullname, path)
        if spec is None or spec.loader is None:
            return spec
        spec.loader = _CachingLoader(spec.loader, self.cache_dir)
        return spec


class _CachingLoader(importlib.abc.Loader):
    def __init__(self, inner: importlib.abc.Loader, cache_dir: Path) -> None:
        self._inner, self._cache_dir = inner, cache_dir

    def create_module(self, spec: importlib.machinery.ModuleSpec) -> ModuleType | None:
        return self._inner.create_module(spec)

    def exec_module(self, module: ModuleType) -> None:
        chosen = os.environ.get(PICKLE_DIR_ENV)
        if chosen:  # the user's choice
            with _no_temp_folder(chosen):
                self._inner.exec_module(module)
            return
        target = pickle_dir(self._cache_dir)
        target.mkdir(parents=True, exist_ok=True)
        name = f"{platform.python_version()}.capabilities.pickle"
        if _fresh(target / name):
            with _no_temp_folder(str(target)):
                self._inner.exec_module(module)
            return
        scratch = Path(tempfile.mkdtemp(prefix=".writing-", dir=target))
        try:
            with _no_temp_folder(str(scratch)):
                self._inner.exec_module(module)
            os.replace(scratch / name, target / name)  # whole, or not at all
        finally:
            shutil.rmtree(scratch, ignore_errors=True)


def _fresh(pickle: Path) -> bool:
    """Whether python-escpos will load `pickle` rather than re-write it (its own test)."""
    source = os.environ.get(CAPABILITIES_FILE_ENV)
    if source is None:
        spec = importlib.machinery.PathFinder.find_spec("escpos")
        if spec is None or not spec.submodule_search_locations:
            return False
        source = os.path.join(next(iter(spec.submodule_search_locations)), "capabilities.json")
    try:
        return pickle.stat().st_mtime >= os.stat(source).st_mtime
    except OSError:
        return False


@contextmanager
def _no_temp_folder(answer: str) -> Iterator[None]:
    """While the module runs, its ``mkdtemp()`` (argument-less, on this thread) makes no folder
    and answers `answer`: the pickle folder when ``ESCPOS_CAPABILITIES_PICKLE_DIR`` is unset.

    python-escpos binds ``from tempfile import mkdtemp`` as it runs and calls it once; other
    threads calling `tempfile.mkdtemp` meanwhile get the real one. The environment is not
    touched (setting a variable while other threads may read theirs is not safe in C).
    """
    real, importing = tempfile.mkdtemp, threading.get_ident()

    def mkdtemp(suffix: str | None = None, prefix: str | None = None,
                dir: str | None = None) -> str:  # noqa: A002  (tempfile's own name)  # fmt: skip
        if threading.get_ident() == importing and (suffix, prefix, dir) == (None, None, None):
            return answer
        return real(suffix, prefix, dir)

    tempfile.mkdtemp = mkdtemp  # type: ignore[assignment]  # typeshed: mkdtemp's str|bytes overloads
    try:
        yield
    finally:
        tempfile.mkdtemp = real
