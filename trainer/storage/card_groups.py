"""The note group of every card: its note's (source section, tags), as one integer.

The statistics report counts cards, studied cards and their recall per note section
and per tag. Joining every card to its note and sorting on those two texts was a
third of the whole report; instead each distinct (section, tags) pair has a row in
``note_groups`` and each card carries its note's pair's id in ``cards.group_id``
(schema 0012), so the report reads the cards in ``ix_cards_group`` order, one
integer key, no note and no sort (``report_repo.group_cards``).

This module is the one place that writes them:

- a card is made with its note's group (``GROUP_OF_NOTE``, in the card insert of
  ``cards_repo``), so a note's pair gets its row when the note is written
  (``ensure``, called by ``notes_repo.insert_notes``, which returns the notes' group
  ids: the cards of a deck made just now take them from there, not by a lookup per card);
- whatever changes a note's section or tags calls ``regroup`` with the note ids
  (``notes_repo.update_notes`` and ``set_tags``, ``browse_repo.update_note``);
- cards written by other means (a tool's own SQL, an older build) have none (NULL):
  ``ungrouped`` finds them through the index in one probe and ``fill`` gives them
  theirs (``StatsService`` does both before a report).

Rows of ``note_groups`` are never removed: a pair no card is in any more shows
nowhere (the report lists the groups of the cards it reads).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from trainer.storage.driver import DriverConn, driver_sql

Pair = tuple[str, str]
"""(source section, tags column) of a note, as stored."""

GROUP_OF_NOTE = (
    "(SELECT g.id FROM notes n JOIN note_groups g "
    "ON g.section = n.source_section AND g.tags = n.tags WHERE n.id = ?)"
)
"""The group id of the note whose id is the parameter (NULL if its pair has no row)."""

_CHUNK = 400


def ensure(conn: DriverConn, pairs: Iterable[Pair]) -> dict[Pair, int]:
    """The id of every pair, adding a row for those that have none."""
    wanted = sorted(set(pairs))
    out: dict[Pair, int] = {}
    for i in range(0, len(wanted), _CHUNK):
        chunk = wanted[i : i + _CHUNK]
        tags = sorted({t for _s, t in chunk})
        sql = f"SELECT id, section, tags FROM note_groups WHERE tags IN ({', '.join('?' * len(tags))})"
        want = set(chunk)
        for gid, section, tag in conn.exec_driver_sql(driver_sql(conn, sql), tuple(tags)):
            if (section, tag) in want:
                out[(section, tag)] = int(gid)
    missing = [p for p in wanted if p not in out]
    if missing:
        insert = "INSERT INTO note_groups (section, tags) VALUES (?, ?)"
        conn.exec_driver_sql(driver_sql(conn, insert), missing)
        out.update(ensure(conn, missing))
    return out


def regroup(conn: DriverConn, note_ids: Sequence[int]) -> None:
    """Give the cards of ``note_ids`` the group of their note's section and tags now."""
    _regroup(conn, "id", sorted(set(note_ids)))


def regroup_guids(conn: DriverConn, guids: Sequence[str]) -> None:
    """``regroup`` for the notes with these GUIDs."""
    _regroup(conn, "guid", sorted(set(guids)))


def _regroup(conn: DriverConn, column: str, keys: Sequence[int] | Sequence[str]) -> None:
    for i in range(0, len(keys), _CHUNK):
        chunk = tuple(keys[i : i + _CHUNK])
        sql = (
            "SELECT id, source_section, tags FROM notes "
            f"WHERE {column} IN ({', '.join('?' * len(chunk))})"
        )
        rows = [
            (int(n), section or "", tags or "")
            for n, section, tags in conn.exec_driver_sql(driver_sql(conn, sql), chunk)
        ]
        groups = ensure(conn, [(s, t) for _n, s, t in rows])
        update = (
            "UPDATE cards SET group_id = ? WHERE note_id = ? "
            "AND (group_id IS NULL OR group_id != ?)"
        )
        params = [(groups[(s, t)], n, groups[(s, t)]) for n, s, t in rows]
        if params:
            conn.exec_driver_sql(driver_sql(conn, update), params)


UNGROUPED = "SELECT 1 FROM cards WHERE group_id IS NULL LIMIT 1"
"""Is there a card without a group? One probe of ``ix_cards_group`` (group id first)."""

FILL_GROUPS = (
    "INSERT INTO note_groups (section, tags) SELECT DISTINCT n.source_section, n.tags "
    "FROM notes n JOIN cards c ON c.note_id = n.id WHERE c.group_id IS NULL "
    "AND NOT EXISTS (SELECT 1 FROM note_groups g "
    "WHERE g.section = n.source_section AND g.tags = n.tags)"
)
FILL_CARDS = (
    "UPDATE cards SET group_id = ("
    "SELECT g.id FROM notes n JOIN note_groups g "
    "ON g.section = n.source_section AND g.tags = n.tags WHERE n.id = cards.note_id) "
    "WHERE group_id IS NULL"
)


def ungrouped(conn: DriverConn) -> bool:
    """True when some card has no group (written other than through this module)."""
    return conn.exec_driver_sql(UNGROUPED).first() is not None


def fill(conn: DriverConn) -> int:
    """Give every card without a group its note's; returns how many were given one."""
    conn.exec_driver_sql(FILL_GROUPS)
    return int(conn.exec_driver_sql(FILL_CARDS).rowcount)
