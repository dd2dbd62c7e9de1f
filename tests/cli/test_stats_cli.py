"""``trainer stats``, ``optimize``, ``exam`` and ``cram`` as a user runs them: exit codes,
JSON, and one-line errors (no tracebacks) for bad input."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

import trainer.cli.commands  # noqa: F401  (registers the sub-commands)
from tests.conftest import make_deck, qa_notes
from tests.scheduling.test_optimizer import simulate
from tests.stats.helpers import card_ids
from trainer.cli import app
from trainer.storage import reviews_repo
from trainer.storage.reviews_repo import ReviewRecord
from trainer.storage.store import Store

DAY_MS = 86_400_000


@pytest.fixture
def db(tmp_path: Path) -> Path:
    path = tmp_path / "cli.sqlite3"
    store = Store.open(str(path))
    make_deck(store, qa_notes(30), name="申论::测试")
    make_deck(store, qa_notes(10, prefix="o"), name="其他")
    store.close()
    return path


def cli(db: Path, *args: str, stdin: str = "") -> tuple[int, str, str]:
    """Run in-process; returns (exit code, stdout, stderr)."""
    runner = CliRunner()
    result = runner.invoke(app, [*args], env={"TRAINER_DB": str(db)}, input=stdin)
    if result.exception and not isinstance(result.exception, SystemExit):
        raise result.exception
    return result.exit_code, result.stdout, result.stderr


def one_line_error(code: int, err: str, *words: str) -> None:
    assert code == 1
    lines = err.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("trainer: "), err
    assert "Traceback" not in err
    for w in words:
        assert w in lines[0]


def answer_some(db: Path, n: int = 5) -> None:
    from trainer.domain.model import Rating
    from trainer.services.study import StudyService

    store = Store.open(str(db))
    now = datetime.now(UTC)
    for cid in card_ids(store)[:n]:
        StudyService(store).answer(cid, Rating.EASY, now - timedelta(days=3))
    store.close()


# -- stats ---------------------------------------------------------------------------
def test_stats_json_and_ranges(db: Path) -> None:
    answer_some(db)
    for rng in ("1m", "3m", "1y", "all"):
        code, out, err = cli(db, "stats", "--json", "--range", rng)
        assert code == 0, err
        data = json.loads(out)
        assert data["meta"]["range"] == rng and data["exam"] is None
        assert data["card_counts"]["total"] == 40
        assert sum(d["learn"] for d in data["reviews"]["days"]) == 5
    code, out, _ = cli(db, "stats", "申论::测试", "--json")
    assert code == 0 and json.loads(out)["meta"]["decks"] == ["申论::测试"]


def test_stats_text(db: Path) -> None:
    answer_some(db)
    code, out, err = cli(db, "stats")
    assert code == 0, err
    assert "Statistics: all decks" in out and "True retention" in out


def test_stats_bad_range_and_unknown_deck(db: Path) -> None:
    one_line_error(*cli(db, "stats", "--range", "2w")[::2], "--range")
    one_line_error(*cli(db, "stats", "没有这个", "--json")[::2], "没有这个")


def test_stats_process_has_no_traceback(db: Path) -> None:
    env = {**os.environ, "TRAINER_DB": str(db), "TZ": "UTC"}
    out = subprocess.run(
        [sys.executable, "-m", "trainer", "stats", "nope", "--json"],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert out.returncode == 1 and out.stdout == ""
    assert out.stderr.strip() == "trainer: no deck named 'nope'"


# -- optimize ------------------------------------------------------------------------
def test_optimize_too_little_history(db: Path) -> None:
    answer_some(db)
    code, _out, err = cli(db, "optimize")
    one_line_error(code, err, "at least 400", "more needed")


def test_optimize_unknown_deck(db: Path) -> None:
    one_line_error(*cli(db, "optimize", "没有")[::2], "没有")


def _simulated_history(db: Path, cards: int = 60) -> None:
    """Write a simulated user's answers (days before today) straight into the review log."""
    store = Store.open(str(db))
    make_deck(store, qa_notes(cards, prefix="sim"), name="申论::模拟")
    ids = card_ids(store)[-cards:]
    deck_id = next(d.id for d in _decks(store) if d.name == "申论::模拟")
    today = date.today().toordinal()
    rows = []
    for (_, history), cid in zip(simulate(len(ids), 7), ids, strict=True):
        last = history[-1][0]
        for day, rating, state in history:
            d = today - 1 - (last - day)
            rows.append(
                ReviewRecord(
                    card_id=cid,
                    profile_id=store.profile.id,
                    deck_id=deck_id,
                    rating=rating,
                    reviewed_at=(d - date(1970, 1, 1).toordinal()) * DAY_MS + 12 * 3_600_000,
                    day=d,
                    duration_ms=1000,
                    state_before=state,
                    interval_days=1.0,
                    undo="",
                )
            )
    with store.write() as conn:
        reviews_repo.insert_many(conn, rows)
    store.close()


def _decks(store: Store) -> list[Any]:
    from trainer.storage import decks_repo

    with store.read() as conn:
        return list(decks_repo.all_decks(conn))


def test_optimize_on_simulated_history(db: Path) -> None:
    _simulated_history(db)
    code, out, err = cli(db, "optimize", "申论::模拟", "--dry-run", "--json")
    assert code == 0, err
    data = json.loads(out)
    assert data["reviews_used"] == 60 * 8 and data["evaluated_on"] == 480
    assert data["saved"] is False and len(data["parameters"]) == 21
    for side in ("before", "after"):
        assert 0 < data[side]["log_loss"] < 2 and 0 <= data[side]["rmse_bins"] < 1
    code, out, err = cli(db, "optimize")  # every deck; saves if the fit is better
    assert code == 0, err
    assert "reviews used" in out and "before: log loss" in out and "after:" in out


# -- exam ----------------------------------------------------------------------------
def test_exam_set_show_clear(db: Path) -> None:
    answer_some(db)
    when = (date.today() + timedelta(days=40)).isoformat()
    code, out, err = cli(db, "exam", "set", when, "--target", "0.85")
    assert code == 0, err
    assert f"exam on {when}, target 85%, for 2 decks" in out
    code, out, err = cli(db, "exam", "show", "--json")
    assert code == 0, err
    data = json.loads(out)
    assert data["exam_date"] == when and data["target"] == 0.85 and data["cards"] == 40
    assert data["plan"]["days"] and data["plan"]["new_per_day"] >= 1
    code, out, _ = cli(db, "exam", "show")
    assert code == 0 and out.startswith(f"Exam {when} in ") and "Plan:" in out
    code, out, _ = cli(db, "stats", "--json")
    assert json.loads(out)["exam"]["exam_date"] == when
    code, out, _ = cli(db, "exam", "clear", "--deck", "其他")
    assert code == 0 and "cleared on 1 deck" in out
    code, out, _ = cli(db, "exam", "clear")
    assert code == 0
    one_line_error(*cli(db, "exam", "show")[::2], "no exam date set")


def test_exam_bad_input(db: Path) -> None:
    one_line_error(*cli(db, "exam", "set", "2027-13-40")[::2], "YYYY-MM-DD", "2027-13-40")
    one_line_error(*cli(db, "exam", "set", "next week")[::2], "YYYY-MM-DD")
    future = (date.today() + timedelta(days=30)).isoformat()
    one_line_error(*cli(db, "exam", "set", future, "--target", "1.5")[::2], "0.7 and 0.99")
    one_line_error(*cli(db, "exam", "set", future, "--target", "0.2")[::2], "0.7 and 0.99")
    one_line_error(*cli(db, "exam", "set", "2020-01-01")[::2], "after today")
    one_line_error(*cli(db, "exam", "set", future, "--deck", "无")[::2], "无")
    one_line_error(*cli(db, "exam", "show", "--deck", "无")[::2], "无")
    code, _out, err = cli(db, "exam", "set", future, "--target", "abc")
    assert code == 2 and "Traceback" not in err


# -- cram ----------------------------------------------------------------------------
def test_cram(db: Path) -> None:
    code, out, _ = cli(db, "cram")
    assert code == 0 and "nothing to cram" in out
    answer_some(db, 3)
    code, out, err = cli(db, "cram", "--limit", "2", stdin="\n\n")
    assert code == 0, err
    assert "[1/2]" in out and "[2/2]" in out and "答案" in out
    one_line_error(*cli(db, "cram", "--limit", "0")[::2], "--limit")
    one_line_error(*cli(db, "cram", "没有")[::2], "没有")
