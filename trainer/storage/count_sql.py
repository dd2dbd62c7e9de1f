"""The due-count queries, as plain SQL both count paths run.

``cards_repo.count_queue`` / ``reviews_repo.done_today`` run them through
SQLAlchemy (``exec_driver_sql``, any backend) and ``fastcount`` through the
standard library's ``sqlite3`` (``trainer due`` must not import SQLAlchemy), so
the fast path cannot drift from the repository's counts. Parameters are ``?``
(``storage.driver.driver_sql`` adapts them for PostgreSQL). No imports: this
module is loaded on the fast path.
"""

from __future__ import annotations

_BOUNDED = (
    "SELECT count(*) FROM (SELECT id FROM cards WHERE profile_id = ? AND deck_id = ? "
    "AND queue = ?{due} LIMIT ?) AS bounded"
)

BOUNDED_COUNT = _BOUNDED.format(due="")
"""Cards of (profile, deck, queue), counting no further than a cap:
parameters profile id, deck id, queue, cap."""
BOUNDED_COUNT_DUE = _BOUNDED.format(due=" AND due < ?")
"""As ``BOUNDED_COUNT``, only cards due before a time: parameters profile id,
deck id, queue, due before (epoch seconds), cap."""

DONE_TODAY = (
    "SELECT deck_id, state_before, count(DISTINCT card_id) FROM reviews "
    "WHERE profile_id = ? AND day = ? AND state_before IN (0, 2) "
    "GROUP BY deck_id, state_before"
)
"""Per deck, the new cards (state before 0) and review cards (2) answered on a
study day: parameters profile id, study day."""


def bounded_count(due: bool) -> str:
    return BOUNDED_COUNT_DUE if due else BOUNDED_COUNT
