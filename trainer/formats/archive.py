"""Reading zip packages from strangers safely.

Every member name is checked before anything is read (no ``..``, no absolute
paths, no folders, no drive letters or backslashes, no NUL or control
characters), and sizes are capped before decompression: the number of members,
each member's expanded size (Anki's own cap for a media file is 100 MiB), the
total, and the ratio of expanded to compressed size. Members are read with a
hard limit too, so a lying header cannot inflate past the cap.
"""

from __future__ import annotations

import re
import zipfile
import zlib
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import IO

from trainer.domain.errors import InputError
from trainer.domain.files import require_regular_file

MIB = 1024 * 1024


@dataclass(frozen=True, slots=True)
class Limits:
    max_members: int = 250_000
    max_member: int = 2048 * MIB
    """The collection itself may be large; media members get ``max_media``."""
    max_media: int = 100 * MIB
    """Anki refuses media files over 100 MiB."""
    max_total: int = 8192 * MIB
    max_ratio: float = 200.0
    """Expanded/compressed, checked for members over ``ratio_floor`` bytes."""
    ratio_floor: int = 4 * MIB


DEFAULT_LIMITS = Limits()
_DAMAGE = (zipfile.BadZipFile, OSError, EOFError, ValueError, zlib.error, NotImplementedError)
_DRIVE = re.compile(r"^[A-Za-z]:")
_CONTROL = re.compile(r"[\x00-\x1f\x7f]")


def bad_name(name: str) -> str | None:
    """Why ``name`` is unsafe as a flat file name, or None if it is fine."""
    if not name:
        return "an empty name"
    if _CONTROL.search(name):
        return "a control character (NUL, newline...)"
    if "/" in name or "\\" in name:
        return "a path separator"
    if _DRIVE.match(name):
        return "a drive letter"
    if name in {".", ".."}:
        return "a relative path"
    return None


def check_name(where: str, name: str, what: str = "member") -> None:
    reason = bad_name(name)
    if reason is not None:
        raise InputError(where, f"unsafe {what} name {name!r} in the package: {reason}")


class SafeZip:
    """A zip file whose names and sizes have been checked; read members with caps."""

    def __init__(self, path: Path, limits: Limits = DEFAULT_LIMITS) -> None:
        self.where = str(path)
        self.limits = limits
        require_regular_file(path, self.where)
        try:
            self._zip = zipfile.ZipFile(path)
        except FileNotFoundError:
            raise InputError(self.where, "no such file") from None
        except (zipfile.BadZipFile, OSError, EOFError, ValueError) as exc:
            raise InputError(self.where, f"not a zip package, or a truncated one ({exc})") from None
        try:
            self._check(self._zip.infolist())
        except BaseException:
            self._zip.close()
            raise
        self.names = {i.filename: i for i in self._zip.infolist()}

    def _check(self, infos: Iterable[zipfile.ZipInfo]) -> None:
        lim = self.limits
        total = 0
        for count, info in enumerate(infos, 1):
            if count > lim.max_members:
                raise InputError(self.where, f"more than {lim.max_members} files in the package")
            check_name(self.where, info.orig_filename)
            if info.flag_bits & 0x1:
                raise InputError(
                    self.where, f"{info.filename!r} is encrypted (Anki packages never are)"
                )
            cap = lim.max_member if info.filename.startswith("collection") else lim.max_media
            if info.file_size > cap:
                raise InputError(
                    self.where,
                    f"{info.filename!r} expands to {info.file_size // MIB} MiB "
                    f"(limit {cap // MIB} MiB)",
                )
            if info.file_size > lim.ratio_floor and info.file_size > lim.max_ratio * max(
                info.compress_size, 1
            ):
                raise InputError(
                    self.where,
                    f"{info.filename!r} is compressed {info.file_size // max(info.compress_size, 1)}"
                    f" to 1 (looks like a zip bomb)",
                )
            total += info.file_size
            if total > lim.max_total:
                raise InputError(
                    self.where, f"the package expands to more than {lim.max_total // MIB} MiB"
                )

    def __enter__(self) -> SafeZip:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        self._zip.close()

    def has(self, name: str) -> bool:
        return name in self.names

    def read(self, name: str) -> bytes:
        info = self.names[name]
        cap = self.limits.max_member if name.startswith("collection") else self.limits.max_media
        try:
            with self._open(name) as fh:
                data = fh.read(cap + 1)
        except _DAMAGE as exc:
            raise InputError(self.where, f"{name!r} is damaged ({exc})") from None
        if len(data) > cap or len(data) != info.file_size:
            raise InputError(self.where, f"{name!r} is not the size its header says")
        return data

    def copy_to(self, name: str, out: IO[bytes]) -> int:
        """Stream member ``name`` into ``out`` under the caps; returns bytes written."""
        info = self.names[name]
        cap = self.limits.max_member
        written = 0
        try:
            with self._open(name) as fh:
                while chunk := fh.read(MIB):
                    written += len(chunk)
                    if written > cap or written > info.file_size:
                        raise InputError(self.where, f"{name!r} is not the size its header says")
                    out.write(chunk)
        except _DAMAGE as exc:
            raise InputError(self.where, f"{name!r} is damaged ({exc})") from None
        if written != info.file_size:
            raise InputError(self.where, f"{name!r} is not the size its header says")
        return written

    def _open(self, name: str) -> IO[bytes]:
        try:
            return self._zip.open(name)
        except _DAMAGE as exc:
            raise InputError(self.where, f"cannot read {name!r}: {exc}") from None
