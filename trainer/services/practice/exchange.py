"""Practice history in the deck file: its own ``[[practice]]`` section, never in notes.

An export carries the learner's attempts on the deck's articles; an import adds
the attempts not already kept (same question, same time) for the importing
learner, so exporting and importing again changes nothing.
"""

from __future__ import annotations

from sqlalchemy import Connection

from trainer.formats.deckfile import PracticeEntry
from trainer.storage import practice_repo
from trainer.storage.practice_repo import Attempt


def to_entry(a: Attempt) -> PracticeEntry:
    return PracticeEntry(
        a.article,
        a.question_key,
        a.question_type,
        a.question,
        a.answer,
        a.time_used_ms,
        a.time_limit_s,
        a.char_count,
        a.char_limit,
        a.coverage,
        a.points_total,
        a.missed,
        a.rating,
        a.answered_at,
        a.due_at,
    )


def to_attempt(p: PracticeEntry) -> Attempt:
    return Attempt(
        p.article,
        p.key,
        p.type,
        p.question,
        p.answer,
        p.time_used_ms,
        p.time_limit_s,
        p.chars,
        p.limit,
        p.coverage,
        p.points,
        p.missed,
        p.rating,
        p.answered_at,
        p.due_at,
    )


def export_practice(
    conn: Connection, profile_id: int, articles: list[str]
) -> tuple[PracticeEntry, ...]:
    if not articles:
        return ()
    return tuple(to_entry(a) for a in practice_repo.attempts(conn, profile_id, articles=articles))


def import_practice(conn: Connection, profile_id: int, entries: tuple[PracticeEntry, ...]) -> int:
    return practice_repo.merge_attempts(conn, profile_id, [to_attempt(p) for p in entries])
