"""Each figure from hand-made rows with known answers."""

from __future__ import annotations

from trainer.stats import figures


def test_today_counts_kinds_again_and_mature_rate() -> None:
    row = {
        "learn_n": 3,
        "young_n": 2,
        "mature_n": 4,
        "relearn_n": 1,
        "learn_ms": 3000,
        "mature_ms": 1000,
        "learn_b1": 2,
        "mature_b1": 1,
        "mature_b3": 3,
    }
    t = figures.today_figure(row)
    assert t["reviews"] == 10 and t["time_ms"] == 4000
    assert t["again"] == 3 and t["correct_rate"] == 0.7
    assert (t["learn"], t["review"], t["relearn"]) == (3, 6, 1)
    assert t["mature_correct"] == 3 and t["mature_correct_rate"] == 0.75
    assert figures.today_figure(None)["correct_rate"] is None


def test_true_retention_periods() -> None:
    today = 1000
    by_day = {
        1000: {"tr_young_pass": 3, "tr_young_fail": 1},
        999: {"tr_mature_pass": 9, "tr_mature_fail": 1},
        990: {"tr_young_pass": 1},
        900: {"tr_mature_fail": 2},
        500: {"tr_mature_pass": 1},
    }
    tr = figures.true_retention(by_day, today)
    assert tr["today"]["young"] == {"passed": 3, "failed": 1, "retention": 0.75}
    assert tr["today"]["mature"]["retention"] is None
    assert tr["yesterday"]["mature"] == {"passed": 9, "failed": 1, "retention": 0.9}
    assert tr["week"]["all"]["passed"] == 12
    assert tr["month"]["young"]["passed"] == 4
    assert tr["year"]["mature"]["failed"] == 3
    assert tr["all"]["mature"]["passed"] == 10


def test_card_counts_separate_suspended_buried_retired() -> None:
    rows = [
        (0, 0, False, 5),
        (1, 1, False, 2),
        (3, 1, False, 1),
        (2, 2, False, 4),
        (2, 2, True, 6),
        (2, -1, True, 1),
        (0, -2, False, 2),
        (2, -3, False, 3),
    ]
    c = figures.card_counts(rows)
    assert c == {
        "new": 5,
        "learning": 2,
        "relearning": 1,
        "young": 4,
        "mature": 6,
        "suspended": 1,
        "buried": 2,
        "retired": 3,
        "total": 24,
    }


def test_future_due_overdue_counts_today_and_horizon() -> None:
    fd = figures.future_due([(-3, 2), (0, 1), (1, 4), (40, 7)], 30)
    assert fd["days"] == [{"day": 0, "due": 3}, {"day": 1, "due": 4}]
    assert fd["overdue"] == 2 and fd["due_tomorrow"] == 4 and fd["total"] == 7


def test_reviews_per_day_calendar_and_summary() -> None:
    by_day = {
        98: {"learn_n": 1, "learn_ms": 10},
        100: {"young_n": 2, "mature_n": 1, "young_ms": 5},
        -300: {"learn_n": 9},
    }
    days = figures.reviews_per_day(by_day, 71, 100)
    assert [d["day"] for d in days] == [-2, 0]
    s = figures.review_summary(days, 30)
    assert s["total"] == 4 and s["days_studied"] == 2 and s["average_per_studied_day"] == 2.0
    assert figures.calendar(by_day, 100) == [{"day": -2, "reviews": 1}, {"day": 0, "reviews": 3}]


def test_hours_and_buttons() -> None:
    totals = {"h09": 4, "hp09": 3, "h23": 1, "young_b1": 1, "young_b3": 3, "learn_b4": 2}
    hrs = figures.hours(totals)
    assert hrs[9] == {"hour": 9, "reviews": 4, "correct": 3, "correct_rate": 0.75}
    assert hrs[23]["correct_rate"] == 0.0 and hrs[0]["correct_rate"] is None
    b = figures.buttons(totals)
    assert b["young"] == {"again": 1, "hard": 0, "good": 3, "easy": 0, "correct_rate": 0.75}
    assert b["learn"]["easy"] == 2 and b["mature"]["correct_rate"] is None


def test_buckets_and_groups() -> None:
    edges = (1, 2, 7, 21)
    assert figures.bucket_labels(edges) == ["<1d", "1d", "2-6d", "7-20d", ">=21d"]
    assert [figures.bucket_of(v, edges) for v in (0.5, 1, 6.9, 21, 400)] == [0, 1, 2, 4, 4]
    g = figures.group_table(
        [("评论一", " a b ", 2, 2, 1.5), ("评论二", " b ", 1, 1, 0.5)],
        [("评论一", " a b ", 4, 3), ("评论二", " b ", 2, 1)],
    )
    sections = {r["name"]: r for r in g["sections"]}
    assert (
        sections["评论一"]["mean_retrievability"] == 0.75
        and sections["评论一"]["retention"] == 0.75
    )
    tags = {r["name"]: r for r in g["tags"]}
    assert tags["b"]["cards"] == 3 and tags["b"]["mean_retrievability"] == round(2.0 / 3, 4)
    assert tags["b"]["retention"] == round(4 / 6, 4)
    assert g["sections"][0]["name"] == "评论二"  # weakest first
