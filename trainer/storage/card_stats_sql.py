"""The card groups of the statistics report, as SQL expressions shared by the query
(``report_repo.card_buckets``) and the index that orders them (``ix_cards_stats``,
schema 0011). Plain strings, no SQLAlchemy: ``models`` builds the index from them.
"""

from __future__ import annotations

from collections.abc import Sequence

DAY = 86400


def tree_bucket(expr: str, edges: Sequence[float], lo: int = 0, hi: int | None = None) -> str:
    """Bucket number of ``expr`` in ``edges`` as a balanced CASE (about log2 comparisons)."""
    hi = len(edges) if hi is None else hi
    if lo == hi:
        return str(lo)
    mid = (lo + hi) // 2
    return (
        f"CASE WHEN {expr} < {edges[mid]} THEN {tree_bucket(expr, edges, lo, mid)} "
        f"ELSE {tree_bucket(expr, edges, mid + 1, hi)} END"
    )


STABILITY_EDGES: tuple[int, ...] = (
    1,
    2,
    3,
    4,
    5,
    6,
    7,
    10,
    14,
    21,
    30,
    60,
    90,
    180,
    365,
    730,
    1825,
    3650,
)
"""Stability and interval bucket edges in days: the index groups by them and the
statistics label their histograms with them (``figures.INTERVAL_EDGES``)."""
DIFFICULTY_BUCKET_COUNT = 10
"""Difficulty buckets (``figures.DIFFICULTY_BUCKETS``)."""

INTERVAL_SQL = f"((due - last_review + {DAY // 2}) / {DAY})"
"""Whole-day interval of a card (NULL when never answered)."""
STABILITY_BUCKET_SQL = (
    f"(CASE WHEN stability > 0 THEN {tree_bucket('stability', STABILITY_EDGES)} ELSE -1 END)"
)
"""Stability bucket of a card with a memory state, -1 without one."""
DIFFICULTY_BUCKET_SQL = (
    "(CASE WHEN difficulty IS NULL THEN NULL "
    f"WHEN difficulty >= 10 THEN {DIFFICULTY_BUCKET_COUNT - 1} ELSE "
    f"{tree_bucket(f'(difficulty - 1) * {DIFFICULTY_BUCKET_COUNT} / 9.0', range(1, DIFFICULTY_BUCKET_COUNT))}"
    " END)"
)
"""Difficulty bucket (NULL without a difficulty): FLOOR((D - 1) * 10 / 9) up to 9, as
comparisons of that very quotient with 1..9 (below 1 it is 0, which is where the
histogram counts anything below its first bucket). No function: an index on it must
evaluate the same on every connection (SQLAlchemy replaces SQLite's ``floor`` with
Python's on its own, called once per row and an error on NULL), and a card write must
not depend on SQLite's optional math functions."""
STATS_INDEX_SQL = (
    "profile_id",
    "state",
    "queue",
    INTERVAL_SQL,
    STABILITY_BUCKET_SQL,
    DIFFICULTY_BUCKET_SQL,
    "deck_id",
    "due",
    "last_review",
    "stability",
    "difficulty",
)
"""The columns of ``ix_cards_stats`` (schema 0011): what ``card_buckets`` groups by,
in that order, so SQLite reads the groups off the index instead of sorting every
card; then the deck (the filter) and the columns the expressions read, so no card
row is visited (SQLite 3.40 recomputes an indexed expression from its columns).
The expressions must stay word for word those of the index."""

GROUP_INDEX_COLUMNS = (
    "group_id",
    "profile_id",
    "deck_id",
    "queue",
    "state",
    "stability",
    "last_review",
)
"""The columns of ``ix_cards_group`` (schema 0012): the card's note group first, so
``report_repo.group_cards`` reads the groups in order (and a card without a group,
NULL, is found in one probe), then what it filters and computes recall from, so no
card row is read. It does not start with ``profile_id``: SQLite would then weigh it
against ``ix_cards_stats`` for ``card_buckets``, whose groups only that one gives in
order."""
