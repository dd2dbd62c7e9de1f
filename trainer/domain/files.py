"""Reading files named by the user or by a file from a stranger, safely.

Only regular files are read (a FIFO would block forever, ``/dev/zero`` never
ends, a folder is no file), and never more than the limit plus one byte, so a
file that grows while it is read cannot exhaust memory either. A FIFO is opened
without blocking, so even the check cannot hang.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

from trainer.domain.errors import InputError

_KINDS = (
    (stat.S_ISDIR, "is a directory, not a file"),
    (stat.S_ISFIFO, "is a pipe (FIFO), not a regular file"),
    (stat.S_ISCHR, "is a device, not a regular file"),
    (stat.S_ISBLK, "is a device, not a regular file"),
    (stat.S_ISSOCK, "is a socket, not a regular file"),
)


def _not_regular(mode: int) -> str | None:
    if stat.S_ISREG(mode):
        return None
    return next((why for test, why in _KINDS if test(mode)), "is not a regular file")


def _size(n: int) -> str:
    return f"{n / 2**20:.1f} MiB" if n >= 2**20 else f"{n:,} bytes"


def _os_problem(exc: OSError) -> str:
    if isinstance(exc, FileNotFoundError):
        return "no such file"
    if isinstance(exc, IsADirectoryError):
        return "is a directory, not a file"
    if isinstance(exc, PermissionError):
        return "permission denied"
    return f"cannot read: {exc.strerror or exc}"


def require_regular_file(path: Path, where: str | None = None) -> os.stat_result:
    """Stat ``path`` (following links); InputError unless it is a regular file."""
    where = str(path) if where is None else where
    try:
        info = os.stat(path)
    except OSError as exc:
        raise InputError(where, _os_problem(exc)) from None
    why = _not_regular(info.st_mode)
    if why:
        raise InputError(where, why)
    return info


def read_bounded(path: Path, limit: int, where: str | None = None) -> bytes:
    """The bytes of the regular file ``path``, refused if it holds more than ``limit``."""
    where = str(path) if where is None else where
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0)
    try:
        fd = os.open(path, flags)
    except OSError as exc:
        raise InputError(where, _os_problem(exc)) from None
    try:
        info = os.fstat(fd)
        why = _not_regular(info.st_mode)
        if why:
            raise InputError(where, why)
        if info.st_size > limit:
            raise InputError(where, f"file is {_size(info.st_size)}; the limit is {_size(limit)}")
        chunks: list[bytes] = []
        got = 0
        while got <= limit:
            chunk = os.read(fd, min(1 << 20, limit + 1 - got))
            if not chunk:
                break
            chunks.append(chunk)
            got += len(chunk)
    except OSError as exc:
        raise InputError(where, _os_problem(exc)) from None
    finally:
        os.close(fd)
    if got > limit:
        raise InputError(where, f"file is larger than the limit of {_size(limit)}")
    return b"".join(chunks)
