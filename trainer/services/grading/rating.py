"""The rating a tutor would suggest for a graded answer, and why."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Protocol

from trainer.domain.model import Rating

MOST = 0.5
"""Share of the points above which, missed, the suggestion is Again rather than
Hard: two of three, three of four; one of two or two of four is Hard, and so is
any answer whose points are all at least partly recalled."""
EASY_POINTS = 4
"""An answer of this many points or more, every one recalled, typed quickly and
at about the points' length (:data:`EASY_LENGTH`), may have most of them said
in other words and still be Easy: a tutor who sees four or more full points
all there, quickly, reads them as the reference's wording (the grader's
"exact" asks for the wording itself). Fewer points must all be exact."""
EASY_IN_OTHER_WORDS = 0.75
"""… as long as at least one point in four is word for word."""
EASY_LENGTH = 0.6
"""… and the answer is at least this share of the points' length: headings
alone (管理民主、生产科学… for five long points) or points cut short are
not all of them. Over every tutor-labelled set, with each point's mark from
the point model trained on the other sets, these three raise rating-equal
from 0.703 to 0.724 (the sets of the last six rounds, whose tutors give Easy
to full answers in their own words, most)."""
ALL_BUT_ONE = 4
"""An answer of this many points or more with every point but one recalled is
Good, the one left out or half said: the tutors of the last eight rounds give it
Good (the first seven rounds' gave Hard)."""
GOOD_SHARE = 2 / 3
"""… and so is one of six points or more with two thirds of them recalled (two
of six left out or half said): "答出四条" of six is Good to the tutors (with each
point's mark from the point model trained on the other sets, 19 of 34 such
answers; Hard 9, Again 3, Easy 3, ten sets), Hard only where fewer than two
thirds are there (three of five: Hard 35 of 41)."""
QUICK_BASE = 10.0
"""Seconds an Easy answer may take: this much for thinking …"""
QUICK_PER_CHAR = 1.0
"""… plus this many seconds per character of the expected points, however
long they are: a reference answer of five long points typed word for word at
about a character a second (140 characters in 135 s) is Easy to a tutor, 30
characters in 40 s is not."""


class Graded(Protocol):
    @property
    def recalled(self) -> bool: ...
    @property
    def partial(self) -> bool: ...
    @property
    def exact(self) -> bool: ...


def quick(seconds: float | None, chars: int) -> bool:
    """Answered quickly for an answer this long."""
    limit = QUICK_BASE + QUICK_PER_CHAR * chars
    return seconds is not None and seconds < limit


def _count(n: int, word: str) -> str:
    return f"{n} {word}" if n == 1 else f"{n} {word}s"


def suggest(
    points: Sequence[Graded],
    seconds: float | None,
    chars: int,
    *,
    extra: int = 0,
    typed: int | None = None,
) -> tuple[Rating, str]:
    """Easy: every point exact (in an answer of :data:`EASY_POINTS` or more,
    typed in full, most may be in other words) and quick, nothing added; Good: every point,
    or every point but one of :data:`ALL_BUT_ONE` or more, or two thirds of six or
    more (:data:`GOOD_SHARE`); Hard: half of them at least
    partly; else Again.

    ``extra`` is how many typed points the card does not ask for: a tutor does
    not call an answer with a wrong point added Easy. ``typed`` is how many
    characters were typed (None: as many as the points have)."""
    n = len(points)
    if n == 0:
        return Rating.GOOD, "nothing to check"
    hit = sum(p.recalled for p in points)
    part = sum(p.partial for p in points)
    if hit == n:
        inexact = n - sum(p.exact for p in points)
        if inexact == 0 and quick(seconds, chars) and not extra:
            return Rating.EASY, f"all {n} exact, in {seconds:.0f} s"
        full = typed is None or typed >= EASY_LENGTH * chars
        if (
            n >= EASY_POINTS
            and 0 < inexact <= EASY_IN_OTHER_WORDS * n
            and full
            and quick(seconds, chars)
            and not extra
        ):
            return Rating.EASY, f"all {n} recalled, {inexact} in other words, in {seconds:.0f} s"
        if inexact == 0:
            why = "all exact" if n > 1 else "exact"
            if extra:
                why += f", but {_count(extra, 'point')} added"
            elif seconds is not None and not quick(seconds, chars):
                why += f", but {seconds:.0f} s is not quick"
            return Rating.GOOD, why
        return Rating.GOOD, f"all {n} recalled, {inexact} in other words"
    missed = n - hit - part
    if n >= ALL_BUT_ONE and hit == n - 1:
        lone = "partly recalled" if part else "missed"
        return Rating.GOOD, f"{hit}/{n} recalled, one {lone}"
    if n >= ALL_BUT_ONE and hit >= GOOD_SHARE * n:
        rest = (
            f"{part} partly, {missed} missed"
            if part and missed
            else (f"{part} partly" if part else f"{missed} missed")
        )
        return Rating.GOOD, f"{hit}/{n} recalled, {rest}"
    said = [f"{hit}/{n} recalled"]
    if part:
        said.append(f"{part} partly")
    if missed:
        said.append(f"{missed} missed")
    why = ", ".join(said)
    if missed <= MOST * n:
        return Rating.HARD, why
    return Rating.AGAIN, why
