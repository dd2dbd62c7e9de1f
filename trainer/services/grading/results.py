"""What grading a typed answer gives: each point's mark, the answer's grade."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from trainer.domain.model import Rating


class Mark(StrEnum):
    """How well one expected point was recalled."""

    RECALLED = "✓"
    PARTIAL = "◐"
    MISSED = "✗"


class DiffKind(StrEnum):
    SAME = "same"
    MISSING = "missing"
    """In the answer, not typed."""
    EXTRA = "extra"
    """Typed, not in the answer."""


@dataclass(frozen=True, slots=True)
class PointResult:
    expected: str
    typed: str
    """The typed text aligned with this point ('' when none was)."""
    score: float
    mark: Mark
    exact: bool = False
    """Typed in the point's own words (punctuation, width and script aside; a
    light word may be left out, none put in another's place)."""
    why: str = ""
    """Why it is not exact: other words, a slip, negated, a different term …"""

    @property
    def recalled(self) -> bool:
        return self.mark is Mark.RECALLED

    @property
    def partial(self) -> bool:
        return self.mark is Mark.PARTIAL


@dataclass(frozen=True, slots=True)
class Grade:
    points: tuple[PointResult, ...]
    coverage: float
    """Mean credit over points: 1 for ✓, the score for ◐, 0 for ✗."""
    suggested: Rating
    diff: tuple[tuple[DiffKind, str], ...] = ()
    """Character diff (normalised) for short single-point answers; else empty."""
    reason: str = ""
    """Why this rating is suggested."""

    @property
    def recalled(self) -> int:
        return sum(p.mark is Mark.RECALLED for p in self.points)
