"""Anki cloze markup: ``{{c1::answer}}`` and ``{{c1::answer::hint}}``.

Parsed here, once, so the deck-file reader, the exporters and the study screen
agree on what a cloze note means and reject the same malformed text.
"""

from __future__ import annotations

import re
from typing import NamedTuple, NoReturn

from trainer.domain.errors import TrainerError

_OPEN = "{{c"
MAX_NUMBER = 9999
"""Each cloze number is a card; more than this is a damaged or hostile note (and a
number past 2**63 does not fit a database integer)."""
_DELETION = re.compile(r"\{\{c(\d+)::(.*?)(?:::(.*?))?\}\}", re.DOTALL)


class ClozeError(TrainerError):
    """Cloze markup that does not parse."""


class Deletion(NamedTuple):
    """One ``{{cN::answer::hint}}``; a tuple because imports parse tens of thousands."""

    number: int
    answer: str
    hint: str
    start: int
    end: int


def parse(text: str) -> list[Deletion]:
    """Return the deletions in ``text`` or raise ClozeError saying what is wrong.

    Imports parse every cloze note, so the common case (well-formed deletions) is
    checked in one pass with no per-deletion calls; text without ``{{c`` has none.
    """
    if _OPEN not in text:
        return []
    deletions: list[Deletion] = []
    pos = 0
    find = text.find
    make = tuple.__new__
    # A deletion ends at the first ``}}`` after its opener: none can end past the
    # last one, so an opener after it is never scanned to the end of the text (with
    # many unclosed openers that was quadratic, and worse once per ``::``).
    last_close = text.rfind("}}")
    for match in _DELETION.finditer(text, 0, last_close + 2 if last_close >= 0 else 0):
        start, end = match.span()
        if find(_OPEN, pos, start) >= 0:
            _check_plain(text, pos, start)
        digits, answer, hint = match.groups()
        number = int(digits) if len(digits) <= len(str(MAX_NUMBER)) else MAX_NUMBER + 1
        if number > MAX_NUMBER or number < 1 or "{{" in answer or not answer.strip():
            _refuse(match.group(0), number, answer)
        deletions.append(make(Deletion, (number, answer, hint or "", start, end)))
        pos = end
    if find(_OPEN, pos) >= 0:
        _check_plain(text, pos, len(text))
    return deletions


def _refuse(markup: str, number: int, answer: str) -> NoReturn:
    if number > MAX_NUMBER:
        raise ClozeError(f"cloze number is larger than {MAX_NUMBER}: {markup[:40]!r}")
    if number < 1:
        raise ClozeError(f"cloze number must be 1 or more: {markup!r}")
    if not answer.strip():
        raise ClozeError(f"empty cloze answer: {markup[:60]!r}")
    raise ClozeError(f"nested cloze deletions are not supported: {markup[:60]!r}")


def _check_plain(text: str, start: int, end: int) -> None:
    at = text.find(_OPEN, start, end)
    if at >= 0:
        raise ClozeError(f"unclosed or malformed cloze at character {at}: {text[at : at + 20]!r}")


def numbers(text: str) -> list[int]:
    """Distinct cloze numbers in order; each becomes one card."""
    return sorted({d.number for d in parse(text)})


def render(text: str, active: int, *, reveal: bool) -> str:
    """Plain text of one card: the active deletion as ``[...]``/``[hint]`` or its answer."""
    out: list[str] = []
    pos = 0
    for d in parse(text):
        out.append(text[pos : d.start])
        if d.number == active and not reveal:
            out.append(f"[{d.hint}]" if d.hint else "[...]")
        else:
            out.append(d.answer)
        pos = d.end
    out.append(text[pos:])
    return "".join(out)


def answers(text: str, active: int) -> list[str]:
    return [d.answer for d in parse(text) if d.number == active]


def plain(text: str) -> str:
    """The sentence with every deletion filled in."""
    return render(text, 0, reveal=True)
