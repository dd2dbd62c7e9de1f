"""A synthetic store: 100,000 cards in 50 decks with 1,000,000 review logs.

Built through the real migrations (so the schema is the product's), then filled
with executemany in one transaction per table. Deterministic for a given seed.
Run as ``python -m bench.synth PATH`` or call ``build(path)``.
"""

from __future__ import annotations

import json
import random
import sqlite3
import sys
import time
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

NOW = datetime(2026, 11, 27, 9, 0, tzinfo=UTC)
DAY = 86400


def build(
    path: Path | str,
    cards: int = 100_000,
    decks: int = 50,
    reviews: int = 1_000_000,
    seed: int = 7,
    now: datetime = NOW,
) -> Path:
    """Create (replacing) a store at ``path``; returns the path."""
    from trainer.storage import card_groups, reviews_repo
    from trainer.storage.reviews_repo import ReviewRecord
    from trainer.storage.store import Store

    path = Path(path)
    for suffix in ("", "-wal", "-shm"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)
    store = Store.open(str(path))
    store.close()
    rng = random.Random(seed)
    now_s = int(now.timestamp())
    con = sqlite3.connect(path)
    con.execute("PRAGMA synchronous=OFF")
    con.execute("UPDATE profiles SET timezone='UTC'")
    with con:
        con.executemany(
            "INSERT INTO decks (id, name, description, options, created_at, modified_at) "
            "VALUES (?, ?, '', ?, ?, ?)",
            [
                (d + 1, f"合成::{d + 1:02d}", json.dumps({"enable_fuzz": False}), now_s, now_s)
                for d in range(decks)
            ],
        )
        con.executemany(
            "INSERT INTO notes (id, guid, deck_id, kind, prompt, answer, text, items, tags, extra, "
            "source_article, source_anchor, source_section, source_start, source_end, position, "
            "retired, modified_at) VALUES (?, ?, ?, 'qa', ?, ?, '', '[]', ?, '', 'synth', ?, ?, "
            "0, 0, ?, 0, ?)",
            (
                (
                    i + 1,
                    f"syn{i:08d}",
                    i % decks + 1,
                    f"问题 {i}:申论材料中的第 {i % 7 + 1} 个要点是什么?",
                    f"答案 {i}",
                    f" 评论{i % 5 + 1} ",
                    f"s{i % 9}/p{i}",
                    f"评论{i % 5 + 1}",
                    i // decks,
                    now_s,
                )
                for i in range(cards)
            ),
        )
        card_rows = []
        reviewed: list[tuple[int, int]] = []
        for i in range(cards):
            deck_id = i % decks + 1
            kind = rng.random()
            if kind < 0.2:
                card_rows.append((i + 1, deck_id, 0, 0, 0, None, None, None, 0, 0, i // decks))
                continue
            if kind < 0.25:
                state, queue = 1, 1
                due = now_s + rng.randint(-3600, 3600)
                stability = rng.uniform(0.1, 3)
            else:
                state, queue = 2, 2
                due = now_s + rng.randint(-20 * DAY, 200 * DAY)
                stability = rng.uniform(1, 300)
            difficulty = rng.uniform(1, 10)
            card_rows.append(
                (
                    i + 1,
                    deck_id,
                    state,
                    queue,
                    due,
                    stability,
                    difficulty,
                    due - int(stability * DAY),
                    5,
                    rng.randint(0, 3),
                    i // decks,
                )
            )
            reviewed.append((i + 1, deck_id))
        con.executemany(
            "INSERT INTO cards (id, profile_id, note_id, deck_id, ord, state, queue, due, step, "
            "stability, difficulty, last_review, reps, lapses, position, buried_until, added_at) "
            "VALUES (?1, 1, ?1, ?2, 0, ?3, ?4, ?5, 0, ?6, ?7, ?8, ?9, ?10, ?11, 0, "
            f"{now_s - 400 * DAY} + ?1 * 300)",
            card_rows,
        )
        # Cards written with plain SQL get their note group as the storage gives it.
        con.execute(card_groups.FILL_GROUPS)
        con.execute(card_groups.FILL_CARDS)
    con.close()
    year_ms = 365 * DAY * 1000
    end_ms = now_s * 1000

    def review_rows() -> Iterator[ReviewRecord]:
        for n in range(reviews):
            card_id, deck_id = reviewed[n % len(reviewed)]
            at = end_ms - rng.randrange(year_ms)
            rating = rng.choices((1, 2, 3, 4), (10, 10, 70, 10))[0]
            day = datetime.fromtimestamp(at / 1000 - 4 * 3600, UTC).date().toordinal()
            yield ReviewRecord(
                card_id=card_id,
                profile_id=1,
                deck_id=deck_id,
                rating=rating,
                reviewed_at=at,
                day=day,
                duration_ms=rng.randint(2000, 20000),
                state_before=2 if n >= len(reviewed) else 0,
                interval_days=rng.uniform(0.01, 100.0),
            )

    store = Store.open(str(path))
    with store.write() as conn:
        reviews_repo.insert_many(conn, review_rows())
    store.close()
    con = sqlite3.connect(path)
    con.execute("ANALYZE")
    con.close()
    return path


def main() -> None:
    target = Path(sys.argv[1]) if len(sys.argv) > 1 else Path("bench/.data/synth.sqlite3")
    target.parent.mkdir(parents=True, exist_ok=True)
    t = time.perf_counter()
    build(target)
    print(f"built {target} in {time.perf_counter() - t:.1f} s")


if __name__ == "__main__":
    main()
