"""Timed answer practice: questions from stored articles, graded, saved, scheduled.

The CLI (``trainer practice``) and the TUI practice screen both go through
:class:`PracticeService`: pick the questions of a deck or an article (due ones
first), grade an answer point by point with the typed-answer grader
(:mod:`trainer.services.grading`), count it on the answer sheet
(:mod:`trainer.domain.grid`), link it to what the learner has studied
(:mod:`.memory`), save the attempt and schedule the question (:mod:`.schedule`).
"""

from __future__ import annotations

import math
from dataclasses import dataclass, replace
from datetime import datetime
from pathlib import Path

from sqlalchemy import Connection

from trainer.domain.clock import to_epoch
from trainer.domain.errors import TrainerError
from trainer.domain.grid import GridCount
from trainer.domain.grid import count as grid_count
from trainer.domain.model import Rating
from trainer.services.grading import Grade, Mark, grade
from trainer.services.practice import schedule
from trainer.services.practice.memory import MemoryLinks, link_memory
from trainer.services.practice.questions import Question, build_questions
from trainer.services.practice_stats import KINDS, KindScore, practice_report, practice_scores
from trainer.storage import decks_repo, practice_repo
from trainer.storage.practice_repo import Attempt
from trainer.storage.store import Store

__all__ = [
    "KINDS",
    "Attempt",
    "MemoryLinks",
    "PracticeResult",
    "PracticeService",
    "Question",
    "build_questions",
    "practice_report",
]


@dataclass(frozen=True, slots=True)
class PracticeResult:
    question: Question
    answer: str
    grade: Grade
    count: GridCount
    limit: int
    seconds: float
    timed_out: bool
    memory: MemoryLinks
    attempt_id: int = 0
    due_at: int = 0

    @property
    def over(self) -> int:
        """Cells beyond the limit (0 within it)."""
        return self.count.over(self.limit)

    @property
    def missed(self) -> tuple[str, ...]:
        return tuple(p.expected for p in self.grade.points if p.mark is Mark.MISSED)


class PracticeService:
    def __init__(self, store: Store) -> None:
        self.store = store

    # -- which articles and questions ------------------------------------------------------
    def articles(self, target: str | None = None) -> list[tuple[str, str, str]]:
        """(id, title, text) of the articles ``target`` names: a deck (with its sub-decks),
        a stored article's id, or an article file; all stored articles for None."""
        with self.store.read() as conn:
            if target is None:
                return [a for a in practice_repo.all_articles(conn) if a[2].strip()]
            found = self._deck_articles(conn, target)
            if found is not None:
                return found
            stored = decks_repo.article_text(conn, target)
            if stored is not None:
                return [(target, stored[0], stored[1])]
        path = Path(target)
        if path.exists() or path.is_symlink():  # a FIFO, device or folder says what it is
            from trainer.generation.read.reader import read_article

            article = read_article(target)
            return [(path.stem, article.title, article.text)]
        raise TrainerError(
            f"{target}: no deck, stored article or article file of that name "
            "(an article is stored when its cards are added to a deck)"
        )

    def _deck_articles(self, conn: Connection, target: str) -> list[tuple[str, str, str]] | None:
        from trainer.services.decks import subtree

        decks = decks_repo.all_decks(conn)
        chosen = subtree(decks, target)
        if not chosen:
            return None
        ids = [d.id for d in chosen]
        article_ids = practice_repo.articles_of_decks(conn, ids)
        out = []
        for art in article_ids:
            stored = decks_repo.article_text(conn, art)
            if stored is not None and stored[1].strip():
                out.append((art, stored[0], stored[1]))
        return out

    def questions(
        self, target: str | None = None, kind: str | None = None, now: datetime | None = None
    ) -> list[Question]:
        """The questions of ``target``: due ones first (most overdue first), then ones never
        tried, then the rest by due time."""
        if kind is not None and kind not in KINDS:
            raise TrainerError(f"--type {kind!r}: use one of {', '.join(KINDS)}")
        found: list[Question] = []
        for art_id, title, text in self.articles(target):
            found += [q for q in build_questions(art_id, title, text) if kind in (None, q.kind)]
        with self.store.read() as conn:
            due = practice_repo.latest_due(conn, self.store.profile.id)
        now_s = to_epoch(now) if now is not None else None

        def order(item: tuple[int, Question]) -> tuple[int, int, int]:
            i, q = item
            at = due.get(q.key)
            if at is None:
                return (1, 0, i)
            if now_s is not None and at <= now_s:
                return (0, at, i)
            return (2, at, i)

        return [q for _, q in sorted(enumerate(found), key=order)]

    # -- answering --------------------------------------------------------------------------
    def grade(
        self,
        question: Question,
        answer: str,
        *,
        seconds: float = 0.0,
        limit: int | None = None,
        timed_out: bool = False,
    ) -> PracticeResult:
        graded = grade(list(question.points), answer, prompt=question.subject)
        with self.store.read() as conn:
            studied = practice_repo.studied_cloze_notes(conn, self.store.profile.id)
        memory = link_memory(question, answer, graded, studied)
        return PracticeResult(
            question,
            answer,
            graded,
            grid_count(answer),
            limit or question.limit,
            seconds,
            timed_out,
            memory,
        )

    def save(self, result: PracticeResult, now: datetime, time_limit_s: int = 0) -> PracticeResult:
        """Keep the attempt, rated as suggested until :meth:`rate` is called."""
        answered_at = to_epoch(now)
        rating = int(result.grade.suggested)
        q = result.question
        pid = self.store.profile.id
        with self.store.write() as conn:
            before = practice_repo.attempts(conn, pid, question_key=q.key, newest_first=True)
            due = schedule.next_due(
                answered_at, rating, result.grade.coverage, result.missed, before
            )
            attempt = Attempt(
                q.article,
                q.key,
                q.kind,
                q.text,
                result.answer,
                math.floor(result.seconds * 1000),
                time_limit_s,
                result.count.cells,
                result.limit,
                result.grade.coverage,
                len(q.points),
                result.missed,
                rating,
                answered_at,
                due,
            )
            attempt_id = practice_repo.add_attempt(conn, pid, attempt)
        return replace(result, attempt_id=attempt_id, due_at=due)

    def rate(self, result: PracticeResult, rating: Rating) -> PracticeResult:
        """The learner's own rating of a saved attempt; the question's due time follows it."""
        if not result.attempt_id:
            raise TrainerError("the answer was not saved")
        pid = self.store.profile.id
        with self.store.write() as conn:
            mine = practice_repo.attempts(
                conn, pid, question_key=result.question.key, newest_first=True
            )
            this = next((a for a in mine if a.id == result.attempt_id), None)
            if this is None:
                raise TrainerError(f"no practice attempt {result.attempt_id}")
            before = [a for a in mine if a.id != this.id and a.answered_at <= this.answered_at]
            due = schedule.next_due(
                this.answered_at, int(rating), this.coverage, this.missed, before
            )
            practice_repo.set_rating(conn, pid, this.id, int(rating), due)
        return replace(result, due_at=due)

    # -- history ----------------------------------------------------------------------------
    def history(self, question_key: str | None = None) -> list[Attempt]:
        with self.store.read() as conn:
            return practice_repo.attempts(conn, self.store.profile.id, question_key=question_key)

    def scores(self) -> list[KindScore]:
        """Practice scores over time per question type (for ``trainer stats``)."""
        return practice_scores(self.history(), self.store.clock)
