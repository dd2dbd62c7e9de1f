"""The report's card figures read off ``ix_cards_stats`` (schema 0011) and the one scan
per recall bucket are the figures the former per-card scans gave.

The reference below is the statistics report's three card queries as they were before
(state/queue/interval packed in one key; stability, difficulty and R buckets packed in
another; cards and the sum of R per note group), folded with the same figure functions.
The store holds every kind of card the figures tell apart: new, learning, relearning,
young and mature reviews, suspended, buried and retired cards, memory states at the
bucket edges, a difficulty below 1 and above 10, none at all, and a last answer after
``now``.
"""

from __future__ import annotations

import random
from dataclasses import replace
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import text

from tests.conftest import make_deck, qa_notes
from tests.stats.helpers import answer, card_ids, days, graduate
from trainer.domain.clock import to_epoch
from trainer.domain.model import Rating
from trainer.services.stats import StatsService
from trainer.stats import figures, report
from trainer.stats.types import StatsReport
from trainer.storage import card_groups, report_repo
from trainer.storage.card_stats_sql import DIFFICULTY_BUCKET_COUNT, STABILITY_EDGES
from trainer.storage.store import Store

DAY = 86400
K = 1_000_000


def _tree(expr: str, edges: tuple[int, ...], lo: int = 0, hi: int | None = None) -> str:
    hi = len(edges) if hi is None else hi
    if lo == hi:
        return str(lo)
    mid = (lo + hi) // 2
    return (
        f"CASE WHEN {expr} < {edges[mid]} THEN {_tree(expr, edges, lo, mid)} "
        f"ELSE {_tree(expr, edges, mid + 1, hi)} END"
    )


R = (
    "POWER(1 + :factor * (CASE WHEN c.last_review > :now THEN 0 ELSE "
    f"(:now - c.last_review) / {DAY}.0 END) / c.stability, -:decay)"
)
STUDIED = "c.state != 0 AND c.stability > 0 AND c.last_review IS NOT NULL"


def _reference(store: Store, deck_ids: list[int] | None, now: datetime) -> dict[str, Any]:
    """The card figures as the former queries made them."""
    with store.read() as conn:
        from trainer.services.stats import select_decks

        _decks, opts = select_decks(conn, None)
        cv = report.curve(opts, to_epoch(now))
        decks = "" if deck_ids is None else f"AND c.deck_id IN ({','.join(map(str, deck_ids))})"
        params = {"pid": store.profile.id, **cv.params()}
        ivl = f"(due - last_review + {DAY // 2}) / {DAY}"
        rows = conn.execute(
            text(
                f"SELECT (state * 8 + queue + 3) * {K} + COALESCE({ivl}, -1) + {K // 2} AS k, "
                f"COUNT(*) FROM cards c WHERE +c.profile_id = :pid {decks} GROUP BY k"
            ),
            params,
        ).all()
        counts = []
        for k, n in rows:
            hi, lo = divmod(int(k), K)
            d = lo - K // 2
            counts.append((hi // 8, hi % 8 - 3, None if d == -1 else d, int(n)))
        n_d, n_r = figures.DIFFICULTY_BUCKETS, figures.RETRIEVABILITY_BUCKETS
        # (On SQLite the former query called SQLAlchemy's Python floor() on a NULL
        # difficulty and failed: see test_a_studied_card_without_a_difficulty_...)
        diff_b = (
            f"CASE WHEN c.difficulty IS NULL THEN NULL WHEN c.difficulty >= 10 THEN {n_d - 1} "
            f"ELSE CAST(FLOOR((c.difficulty - 1) * {n_d} / 9.0) AS INTEGER) END"
        )
        stab_b = _tree("c.stability", figures.INTERVAL_EDGES)
        r_b = f"CAST(FLOOR({R} * {n_r}) AS INTEGER)"
        rows = conn.execute(
            text(
                f"SELECT ({stab_b}) * 10000 + (COALESCE({diff_b}, 0) + 50) * 100 + {r_b} AS k, "
                f"COUNT(*) FROM cards c WHERE +c.profile_id = :pid {decks} AND {STUDIED} "
                "AND c.queue != -3 GROUP BY k"
            ),
            params,
        ).all()
        buckets = []
        for k, n in rows:
            sb, rest = divmod(int(k), 10000)
            db, rb = divmod(rest, 100)
            buckets.append((sb, db - 50, rb, int(n)))
        groups = conn.execute(
            text(
                "SELECT n.source_section, n.tags, COUNT(*), "
                f"SUM(CASE WHEN {STUDIED} THEN 1 ELSE 0 END), "
                f"SUM(CASE WHEN {STUDIED} THEN {R} ELSE 0 END) "
                "FROM cards c JOIN notes n ON n.id = c.note_id "
                f"WHERE +c.profile_id = :pid {decks} AND c.queue != -3 "
                "GROUP BY n.source_section, n.tags"
            ),
            params,
        ).all()
    groups = [(s or "", t or "", int(n), int(k or 0), float(r or 0)) for s, t, n, k, r in groups]
    hist = figures.memory_histograms(buckets)
    return {
        "daily_load": figures.daily_load(counts),
        "card_counts": figures.card_counts(figures.counts_with_maturity(counts)),
        "intervals": figures.interval_histogram(counts),
        **hist,
        "knowledge": figures.knowledge(groups),
        "cards_per_group": sorted((s, t, n, k) for s, t, n, k, _r in groups),
        "sum_r_per_group": sorted((s, t, round(r, 9)) for s, t, _n, _k, r in groups),
    }


def _card_figures(rep: StatsReport) -> dict[str, Any]:
    return {
        "daily_load": rep.future_due["daily_load"],
        "card_counts": rep.card_counts,
        "intervals": rep.intervals,
        "stability": rep.stability,
        "difficulty": rep.difficulty,
        "retrievability": rep.retrievability,
        "knowledge": rep.knowledge,
    }


def _varied_store(store: Store, now: datetime) -> None:
    make_deck(store, qa_notes(60), "A")
    make_deck(store, qa_notes(30, prefix="b"), "B")
    ids = card_ids(store)
    rng = random.Random(5)
    for i, cid in enumerate(ids[:40]):  # real answers: learning, young, mature, lapses
        start = now - days(rng.randrange(5, 200))
        due = graduate(store, cid, start)
        if i % 3:
            answer(store, cid, due, Rating.AGAIN if i % 7 == 0 else Rating.GOOD)
    edges = list(STABILITY_EDGES)
    with store.write() as conn:
        # Memory states on and around every bucket edge, odd difficulties, no
        # difficulty, an answer "after" now, and every queue the figures tell apart.
        for j, cid in enumerate(ids[40:80]):
            stability = float(edges[j % len(edges)]) - (0.0 if j % 2 else 1e-9)
            difficulty = [0.5, 1.0, 5.5, 9.999, 10.0, 11.0, None][j % 7]
            last = to_epoch(now) - rng.randrange(0, 400) * DAY + (DAY if j % 11 == 0 else 0)
            queue = [2, 2, 1, -1, -2, -3, 3][j % 7]
            state = {1: 1, 3: 3}.get(queue, 2 if j % 5 else 3)
            conn.execute(
                text(
                    "UPDATE cards SET state = :s, queue = :q, stability = :st, "
                    "difficulty = :d, last_review = :lr, due = :due WHERE id = :id"
                ),
                {
                    "s": state,
                    "q": queue,
                    "st": stability,
                    "d": difficulty,
                    "lr": last,
                    "due": last + int(stability * DAY) - (3 * DAY if j % 13 == 0 else 0),
                    "id": cid,
                },
            )
        conn.execute(text("UPDATE cards SET queue = -1 WHERE id = :id"), {"id": ids[85]})
        conn.execute(text("UPDATE cards SET queue = -3 WHERE id = :id"), {"id": ids[86]})
        conn.execute(text("UPDATE notes SET tags = ' t1 t2 ', source_section = 'S' WHERE id <= 20"))
        # Written here with plain SQL, so their cards are put in the new group as every
        # note-writing function of the storage does (``card_groups``).
        card_groups.regroup(conn, list(range(1, 21)))


def test_card_figures_are_the_former_scans(any_store: Store, now: datetime) -> None:
    store = any_store
    _varied_store(store, now)
    at = now + timedelta(hours=2)
    with store.read() as conn:
        decks = {
            name: [
                i
                for (i,) in conn.execute(text("SELECT id FROM decks WHERE name = :n"), {"n": name})
            ]
            for name in ("A", "B")
        }
    for deck, ids in ((None, None), ("A", decks["A"]), ("B", decks["B"])):
        for range_name in ("1m", "all"):
            rep = StatsService(store).report(deck, range_name, at)
            ref = _reference(store, ids, at)
            got = _card_figures(rep)
            assert got == {k: ref[k] for k in got}, (deck, range_name)
            groups = {(g["name"], g["cards"], g["studied"]) for g in rep.sections}
            assert groups == {(s, n, k) for s, _t, n, k in ref["cards_per_group"]}
            assert sum(g["studied"] for g in rep.sections) == rep.knowledge["cards"]


def test_report_without_sections_then_with_them_is_the_whole_report(
    any_store: Store, now: datetime
) -> None:
    """What the statistics screen shows first (no sections table) and the table added
    to it afterwards are, together, the report built in one go."""
    store = any_store
    _varied_store(store, now)
    at = now + timedelta(hours=2)
    for deck in (None, "A"):
        for range_name in ("1m", "3m", "1y", "all"):
            whole = StatsService(store).report(deck, range_name, at)
            service = StatsService(store)
            first = service.report(deck, range_name, at, sections=False)
            assert first.sections == [] and first.tags == []
            assert replace(first, sections=whole.sections, tags=whole.tags) == whole
            assert service.report(deck, range_name, at) == whole
            assert service.cached(deck, range_name, at) == whole


def test_an_answer_between_the_two_steps_is_in_the_completed_report(
    store: Store, now: datetime
) -> None:
    """An answer given after the report without sections and before its table: the
    table is not pinned onto the older figures; the report is built again."""
    _varied_store(store, now)
    at = now + timedelta(hours=2)
    service = StatsService(store)
    first = service.report(None, "1m", at, sections=False)
    answer(store, card_ids(store)[-1], at)
    whole = service.report(None, "1m", at)
    assert whole.today["reviews"] == first.today["reviews"] + 1
    assert whole == StatsService(store).report(None, "1m", at)


def test_card_buckets_read_the_stats_index_without_sorting(store: Store, now: datetime) -> None:
    """Every card group comes off ``ix_cards_stats`` in order, without visiting a card
    row, for every deck and for some."""
    _varied_store(store, now)
    for ids in (None, [1, 2]):
        keys = ", ".join(report_repo.STATS_INDEX_SQL[1:6])
        decks = "" if ids is None else "AND deck_id IN (1, 2)"
        sql = f"SELECT {keys}, COUNT(*) FROM cards WHERE profile_id = 1 {decks} GROUP BY {keys}"
        with store.read() as conn:
            plan = " | ".join(
                str(r[-1]) for r in conn.exec_driver_sql(f"EXPLAIN QUERY PLAN {sql}").all()
            )
        assert "COVERING INDEX ix_cards_stats" in plan, plan
        assert "TEMP B-TREE" not in plan, plan


def test_the_index_and_the_figures_share_their_buckets() -> None:
    """The index's text is the query's (else SQLite sorts again), and its buckets are the
    figures' (one home: the figures take them from the index's module)."""
    import importlib

    migration = importlib.import_module("trainer.storage.migrations.versions.0011_card_stats_index")
    assert migration.COLUMNS == report_repo.STATS_INDEX_SQL
    assert figures.INTERVAL_EDGES is STABILITY_EDGES
    assert figures.DIFFICULTY_BUCKETS == DIFFICULTY_BUCKET_COUNT


def test_a_studied_card_without_a_difficulty_does_not_break_the_report(
    any_store: Store, now: datetime
) -> None:
    """A card with a stability but no difficulty (a partial memory state) is counted in
    the first difficulty bucket. The report failed on SQLite before ("user-defined
    function raised exception": SQLAlchemy's Python floor() given NULL)."""
    store = any_store
    make_deck(store, qa_notes(3))
    a, b, _c = card_ids(store)
    graduate(store, a, now - days(10))
    graduate(store, b, now - days(10))
    with store.write() as conn:
        conn.execute(text("UPDATE cards SET difficulty = NULL WHERE id = :id"), {"id": a})
    rep = StatsService(store).report(None, "1m", now)
    assert sum(b["count"] for b in rep.difficulty) == 2
    assert rep.difficulty[0]["count"] >= 1
    assert sum(b["count"] for b in rep.retrievability) == 2


# -- the note group of every card (schema 0012, ``card_groups``) ------------------------
def _misgrouped(store: Store) -> list[tuple[object, ...]]:
    """Cards whose group is not their note's (section, tags) as it is now."""
    with store.read() as conn:
        rows = conn.execute(
            text(
                "SELECT c.id, n.source_section, n.tags, g.section, g.tags FROM cards c "
                "JOIN notes n ON n.id = c.note_id LEFT JOIN note_groups g ON g.id = c.group_id "
                "WHERE g.id IS NULL OR g.section != n.source_section OR g.tags != n.tags"
            )
        ).all()
    return [tuple(r) for r in rows]


def test_a_new_decks_cards_are_each_in_their_own_notes_group(
    any_store: Store, now: datetime
) -> None:
    """A deck made now takes its cards' groups from the notes' insert, not a lookup per
    card: pairs interleaved, repeated and in no sorted order all land right."""
    from trainer.domain.model import SourceRef

    sections = ["三、", "一、", "", "二、"]
    tags = [("乙",), (), ("甲", "乙"), ("甲",), ("丙",)]
    notes = [
        replace(n, tags=tags[(i * 3) % 5], source=SourceRef(section=sections[(i * 7) % 4]))
        for i, n in enumerate(qa_notes(40))
    ]
    make_deck(any_store, notes, "A")
    assert _misgrouped(any_store) == []
    with any_store.read() as conn:
        groups = conn.execute(text("SELECT count(DISTINCT group_id) FROM cards")).scalar_one()
    assert groups == len({(n.source.section, n.tags) for n in notes})


def _sections(store: Store, now: datetime) -> dict[str, tuple[int, int]]:
    rep = StatsService(store).report(None, "1m", now)
    return {g["name"]: (g["cards"], g["studied"]) for g in rep.sections + rep.tags}


def test_every_write_of_a_note_keeps_its_cards_group(any_store: Store, now: datetime) -> None:
    """Made, imported again with other sections and tags, tagged and untagged, edited,
    undone, leech-tagged, and given to a second learner: every card is in its note's
    group, and the sections table says so."""
    from trainer.domain.model import SourceRef
    from trainer.services.browse import BrowseService
    from trainer.storage import notes_repo

    store = any_store
    notes = [
        replace(n, tags=("甲",), source=replace(n.source, section="一、") if i < 4 else n.source)
        for i, n in enumerate(qa_notes(10))
    ]
    make_deck(store, notes, "A")
    assert _misgrouped(store) == []
    assert _sections(store, now)["一、"] == (4, 0)

    # Imported again: two notes change section, one its tags.
    again = list(notes)
    again[0] = replace(again[0], source=SourceRef(section="二、"))
    again[5] = replace(again[5], source=SourceRef(section="二、"))
    again[6] = replace(again[6], tags=("乙",))
    make_deck(store, again, "A")
    assert _misgrouped(store) == []
    got = _sections(store, now)
    assert got["一、"] == (3, 0) and got["二、"] == (2, 0) and got["乙"] == (1, 0)

    browse = BrowseService(store)
    ids = card_ids(store)
    tagged = browse.add_tags(ids[:3], ["丙"], now)
    assert _misgrouped(store) == []
    assert _sections(store, now)["丙"] == (3, 0)
    browse.remove_tags(ids[:1], ["丙"], now)
    assert _misgrouped(store) == []
    assert _sections(store, now)["丙"] == (2, 0)
    browse.restore(tagged)
    assert _misgrouped(store) == []
    assert "丙" not in _sections(store, now)

    edited = browse.edit(replace(again[9], tags=("丁",)), now)
    assert _misgrouped(store) == []
    assert _sections(store, now)["丁"] == (1, 0)
    browse.restore(edited)
    assert _misgrouped(store) == []
    assert "丁" not in _sections(store, now)

    with store.write() as conn:  # as the study screen tags a leech
        note_id = conn.execute(text("SELECT note_id FROM cards WHERE id = :c"), {"c": ids[2]})
        notes_repo.set_tags(conn, note_id.scalar_one(), ["甲", "leech"])
    assert _misgrouped(store) == []
    assert _sections(store, now)["leech"] == (1, 0)

    url = str(store.engine.url.render_as_string(hide_password=False))
    other = Store.open(url, profile="second")  # a second learner gets cards for every note
    try:
        assert _misgrouped(other) == []
        assert _sections(other, now) == _sections(store, now)
    finally:
        other.close()


def test_cards_written_by_other_means_are_grouped(any_store: Store, now: datetime) -> None:
    """Cards inserted with plain SQL have no group: the report counts them under their
    note's section and tags all the same, and gives them their group for next time."""
    store = any_store
    make_deck(store, [replace(n, tags=("甲",)) for n in qa_notes(6)], "A")
    want = _sections(store, now)
    with store.write() as conn:
        conn.execute(text("UPDATE cards SET group_id = NULL WHERE id % 2 = 0"))
    with store.read() as conn:  # the scan alone, before any refresh
        rows = report_repo.group_cards(conn, store.profile.id, None, _curve(store, now))
    assert [(s, t, n) for s, t, n, _k, _r in rows] == [("", " 甲 ", 6)]
    assert _sections(store, now) == want
    assert _misgrouped(store) == []


def _curve(store: Store, now: datetime) -> report_repo.Curve:
    from trainer.services.stats import select_decks

    with store.read() as conn:
        _decks, options = select_decks(conn, None)
    return report.curve(options, to_epoch(now))


def test_the_sections_table_reads_the_group_index_without_sorting(
    store: Store, now: datetime
) -> None:
    """Cards per group come off ``ix_cards_group`` in order, from the index alone, for
    every deck and for some; the card buckets still come off ``ix_cards_stats``."""
    import importlib

    from sqlalchemy import event

    from trainer.storage.card_stats_sql import GROUP_INDEX_COLUMNS

    _varied_store(store, now)
    cv = _curve(store, now)
    captured: list[tuple[str, Any]] = []

    def capture(_c: Any, _cur: Any, sql: str, params: Any, _ctx: Any, _many: bool) -> None:
        if sql.startswith("SELECT c.group_id"):
            captured.append((sql, params))

    event.listen(store.engine, "before_cursor_execute", capture)
    try:
        for ids in (None, [1, 2]):
            with store.read() as conn:
                report_repo.group_cards(conn, store.profile.id, ids, cv)
    finally:
        event.remove(store.engine, "before_cursor_execute", capture)
    assert len(captured) == 2
    with store.read() as conn:
        for sql, params in captured:
            rows = conn.exec_driver_sql(f"EXPLAIN QUERY PLAN {sql}", params).all()
            plan = " | ".join(str(r[-1]) for r in rows)
            assert "COVERING INDEX ix_cards_group" in plan, plan
            assert "TEMP B-TREE" not in plan, plan
    migration = importlib.import_module("trainer.storage.migrations.versions.0012_card_groups")
    assert migration.INDEX_COLUMNS == GROUP_INDEX_COLUMNS
