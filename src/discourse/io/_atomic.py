"""Atomic file writes: a failed or killed write never leaves a half-written file."""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import IO, Any, Literal, overload

__all__ = ["atomic_path", "atomic_write"]


@overload
def atomic_write(
    path: Path, mode: Literal["w"] = "w"
) -> contextlib.AbstractContextManager[IO[str]]: ...
@overload
def atomic_write(
    path: Path, mode: Literal["wb"]
) -> contextlib.AbstractContextManager[IO[bytes]]: ...
def atomic_write(path: Path, mode: str = "w") -> contextlib.AbstractContextManager[IO[Any]]:
    """Open a temporary file beside ``path``; on success it replaces ``path``.

    The data is flushed and fsynced before :func:`os.replace`, which is atomic
    on POSIX and Windows, so readers see either the old or the new complete
    file. On an exception the temporary file is removed and ``path`` is left
    as it was.
    """
    return _atomic(path, mode)


@contextlib.contextmanager
def _atomic(path: Path, mode: str) -> Iterator[IO[Any]]:
    with atomic_path(path) as tmp:
        if "b" in mode:
            with open(tmp, "wb") as fb:
                yield fb
                fb.flush()
                os.fsync(fb.fileno())
        else:
            with open(tmp, "w", encoding="utf-8", newline="\n") as ft:
                yield ft
                ft.flush()
                os.fsync(ft.fileno())


@contextlib.contextmanager
def atomic_path(path: Path) -> Iterator[Path]:
    """Yield a temporary path beside ``path``; on success move it over ``path``.

    For writers that need a path rather than a file object (e.g. SQLite).
    The caller must have closed the file before the block ends.
    """
    path = Path(path)
    directory = path.parent if str(path.parent) else Path(".")
    fd, name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=directory)
    os.close(fd)
    tmp = Path(name)
    try:
        yield tmp
        if path.exists():
            with contextlib.suppress(OSError):
                os.chmod(tmp, path.stat().st_mode & 0o777)
        else:
            with contextlib.suppress(OSError):
                umask = os.umask(0)
                os.umask(umask)
                os.chmod(tmp, 0o666 & ~umask)
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            tmp.unlink()
        raise
    with contextlib.suppress(OSError):  # make the rename itself durable
        dfd = os.open(directory, os.O_RDONLY)
        try:
            os.fsync(dfd)
        finally:
            os.close(dfd)
