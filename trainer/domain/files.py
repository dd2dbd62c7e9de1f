"""Reading files named by the user or by a file from a stranger, safely.

Only regular files are read (a FIFO would block forever, ``/dev/zero`` never
ends, a folder is no file), and never more than the limit plus one byte, so a
file that grows while it is read cannot exhaust memory either. A FIFO is opened
without blocking, so even the check cannot hang.
"""

from __future__ import annotations

import json
import os
import re
import stat
from collections.abc import Sequence
from pathlib import Path
from typing import Any

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


CHINESE_LEGACY = ("gb18030", "big5")
"""Encodings other than UTF-8 a Chinese learner's files come in (GB18030 covers GBK
and GB2312)."""
_REFUSE = "not text in UTF-8, GB18030/GBK or Big5 (a binary file?)"


def decode_text(
    raw: bytes,
    where: str,
    *,
    legacy: Sequence[str] = CHINESE_LEGACY,
    refuse: str = _REFUSE,
    line: bool = False,
) -> str:
    """The one text decoder for every file format: bytes to text, or InputError.

    UTF-8 with or without a BOM first. Then, unless ``legacy`` is empty (a format
    that is UTF-8 by definition), UTF-16 with a BOM (Excel's "Unicode text") and
    the ``legacy`` encodings: the one that fits, or when several do the one
    charset-normalizer picks among them, else the one whose text holds the most
    common Chinese characters. Refused with ``refuse`` (at the line of the first
    bad byte when ``line``). Binary-file checks are the caller's: they differ by
    format (a tab-separated export may hold a NUL, an article may not).
    """
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        bad_line = raw[: exc.start].count(b"\n") + 1
    if not legacy:
        raise InputError(where, refuse, bad_line if line else None)
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return raw.decode("utf-16")
        except UnicodeDecodeError:
            raise InputError(where, refuse, bad_line if line else None) from None
    fits = []
    for codec in legacy:
        try:
            fits.append((codec, raw.decode(codec)))
        except (UnicodeDecodeError, LookupError):
            continue
    if len(fits) == 1:
        return fits[0][1]
    if fits:
        from charset_normalizer import from_bytes

        best = from_bytes(raw, cp_isolation=list(legacy)).best()
        chosen = best.encoding if best is not None else ""
        for codec, text in fits:
            if codec == chosen or (chosen in {"gbk", "gb2312"} and codec == "gb18030"):
                return text
        return max(fits, key=lambda f: _common_score(f[1]))[1]
    raise InputError(where, refuse, bad_line if line else None)


# Very common characters; their share tells a right decoding from mojibake.
_COMMON = set(
    "的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动同工也能下过子说产种面而方后多定行学法所民得经十三之进着等部度家电力里如水化高自二理起小物现实加量都两体制机当使点从业本去把性好应开它合还因由其些然前外天政四日那社义事平形相全表间样与关各重新线内数正心反你明看原又么利比或但质气第向道命此变条只没结解问意建月公无系军很情者最立代想已通并提直题党程展五果料象员革位入常文总次品式活设及管特件长求老头基资边流路级少图山统接知较将组见计别她手角期根论运农指几九区强放决西被干做必战先回则任取据处队南给色光门即保治北造百规热领七海口东导器压志世金增争济阶油思术极交受联什认六共权收证改清己美再采转更单风切打白教速花带安场身车例真务具万每目至达走积示议声报斗完类八离华名确才科张信马节话米整空元况今集温传土许步群广石记需段研界拉林律叫且究观越织装影算低持音众书布复容儿须际商非验连断深难近矿千周委素技备半办青省列习响约支般史感劳便团往酸历市克何除消构府称太准精值号率族维划选标写存候毛亲快效斯院查江型眼王按格养易置派层片始却专状育厂京识适属圆包火住调满县局照参红细引听该铁价严龙飞"
)


def _common_score(text: str) -> float:
    chars = [c for c in text if "\u4e00" <= c <= "\u9fff"]
    return sum(c in _COMMON for c in chars) / (len(chars) or 1)


_LONE_SURROGATE = re.compile("[\ud800-\udfff]")
_SURROGATE_ESCAPE = re.compile(r"\\u[dD][89a-fA-F]")
"""A JSON escape that could spell a surrogate (``\\ud800``)."""


def _may_hold_surrogate(text: str) -> bool:
    """Whether ``json.loads(text)`` could return a string holding a surrogate: the text
    holds one, or an escape that could spell one. Cheap checks first (an import reads
    thousands of these): a substring test and an encode, both in C."""
    if "\\u" in text and _SURROGATE_ESCAPE.search(text) is not None:
        return True
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return True
    return False


def loads_json(text: str) -> Any:
    """JSON from a stranger's file, parsed; the one place such JSON is read.

    JSON may spell a lone surrogate (``"\\ud800"``), which no UTF-8 file, store
    or terminal can hold: every string in the result (keys too) has them as
    U+FFFD instead, so they fail nowhere later. A surrogate pair stays the one
    character it spells. Raises ValueError or RecursionError as ``json.loads``.
    """
    data = json.loads(text)
    if not _may_hold_surrogate(text):
        return data
    if not isinstance(data, dict | list):
        return _scalar(data)
    root: list[Any] = [data]
    stack: list[Any] = [data]
    while stack:
        node = stack.pop()
        if isinstance(node, dict):
            items = list(node.items())
            if any(isinstance(k, str) and _LONE_SURROGATE.search(k) for k, _ in items):
                node.clear()
                node.update((_scalar(k), v) for k, v in items)
            for key, value in node.items():
                if isinstance(value, dict | list):
                    stack.append(value)
                elif isinstance(value, str):
                    node[key] = _scalar(value)
        else:
            for i, value in enumerate(node):
                if isinstance(value, dict | list):
                    stack.append(value)
                elif isinstance(value, str):
                    node[i] = _scalar(value)
    return root[0]


def _scalar(value: Any) -> Any:
    if isinstance(value, str) and _LONE_SURROGATE.search(value):
        return _LONE_SURROGATE.sub("\ufffd", value)
    return value
