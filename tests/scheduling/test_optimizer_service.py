"""Optimising from a real store's review log (SQLite and PostgreSQL) and the item builder."""

from __future__ import annotations

from datetime import date

from tests.conftest import make_deck, qa_notes
from tests.scheduling.test_optimizer import simulate
from tests.stats.helpers import card_ids
from trainer.scheduling import optimizer
from trainer.services.planning import PlanningService
from trainer.storage import reviews_repo
from trainer.storage.reviews_repo import ReviewRecord
from trainer.storage.store import Store

DAY_MS = 86_400_000


def _reviews(items: list[object]) -> list[str]:
    return [repr(i.reviews) for i in items]  # type: ignore[attr-defined]


def _reference_items(histories: list[tuple[int, list[tuple[int, int, int]]]]) -> list[str]:
    """The first version's item builder (one FSRSItem per later-day answer, filtered by
    fsrs-rs's own long_term_review_cnt), written out plainly."""
    import fsrs_rs_python as rs

    out = []
    for _cid, history in histories:
        start = -1
        for i in range(len(history) - 1, -1, -1):
            if history[i][2] in (0, 1):
                start = i
            elif start != -1:
                break
        h = history[start:] if start != -1 else []
        reviews = []
        last = h[0][0] if h else 0
        for day, rating, _ in h:
            reviews.append(rs.FSRSReview(rating, day - last))
            if day - last > 0:
                item = rs.FSRSItem(list(reviews))
                if item.long_term_review_cnt() > 0:
                    out.append(repr(item.reviews))
            last = day
    return out


def test_items_from_rows_matches_build_items() -> None:
    histories = simulate(200, 11)
    # A card reset to new part-way, a card with one answer, a card with no learning answer.
    histories.append((900, [(1, 3, 0), (3, 3, 2), (9, 1, 2), (9, 3, 0), (10, 3, 1), (14, 3, 2)]))
    histories.append((901, [(5, 3, 0)]))
    histories.append((902, [(5, 3, 2), (9, 3, 2)]))
    items, ids = optimizer.build_items(histories)
    rows = [(cid, d, r, s) for cid, h in histories for d, r, s in h]
    fast, fast_ids = optimizer.items_from_rows(rows)
    assert fast_ids == ids and _reviews(fast) == _reviews(items) == _reference_items(histories)
    assert len(optimizer.items_for(histories[-3][1])) == 2  # from the reset on day 9


def test_sample_is_even_and_bounded() -> None:
    items = list(range(1000))
    assert optimizer.sample(items, 2000) is items  # type: ignore[arg-type]
    picked = optimizer.sample(items, 100)  # type: ignore[arg-type]
    assert len(picked) == 100 and picked[0] == 0 and picked[-1] == 990


def test_fit_judges_on_a_sample_when_large() -> None:
    items, ids = optimizer.build_items(simulate(120, 5))
    fit = optimizer.fit(items, ids, eval_sample=300)
    assert fit.items == len(items) == 960 and fit.evaluated == 300
    ll, rmse = optimizer.evaluate(fit.parameters, optimizer.sample(items, 300))
    assert abs(ll - fit.log_loss_after) < 1e-6 and abs(rmse - fit.rmse_after) < 1e-6


def test_service_optimize_reads_the_log(any_store: Store) -> None:
    store = any_store
    deck = make_deck(store, qa_notes(60), name="申论::模拟")
    make_deck(store, qa_notes(5, prefix="z"), name="其他")
    ids = card_ids(store, deck)
    histories = simulate(len(ids), 3)
    today = date(2026, 3, 1).toordinal()
    rows = []
    for (_, history), cid in zip(histories, ids, strict=True):
        for day, rating, state in history:
            d = today - 200 + day
            rows.append(
                ReviewRecord(
                    card_id=cid,
                    profile_id=store.profile.id,
                    deck_id=deck,
                    rating=rating,
                    reviewed_at=(d - date(1970, 1, 1).toordinal()) * DAY_MS,
                    day=d,
                    duration_ms=0,
                    state_before=state,
                    interval_days=1.0,
                    undo="",
                )
            )
    with store.write() as conn:
        reviews_repo.insert_many(conn, rows)
    svc = PlanningService(store)
    with store.read() as conn:
        got = svc.review_rows(conn, None)
        assert got == svc.review_rows(conn, [deck])
        assert svc.review_rows(conn, [deck + 1]) == []
    assert got == [
        (cid, today - 200 + d, r, s)
        for (_, h), cid in sorted(zip(histories, ids, strict=True), key=lambda x: x[1])
        for d, r, s in h
    ]
    result = svc.optimize("申论::模拟", save=True)
    assert result.items == 480 and result.evaluated == 480
    items, _ = optimizer.build_items(histories)
    before = optimizer.evaluate(optimizer.DEFAULT_PARAMETERS, items)
    assert abs(before[0] - result.log_loss_before) < 1e-6
    assert abs(before[1] - result.rmse_before) < 1e-6
    better = result.log_loss_after < result.log_loss_before and (
        result.rmse_after <= result.rmse_before + 1e-9
    )
    assert result.saved == better
    with store.read() as conn:
        from trainer.services.stats import select_decks

        (d,), _ = select_decks(conn, "申论::模拟")
    assert (d.options.fsrs_parameters == result.parameters) == better
