"""Practice questions from an article, grading, memory links, saving and scheduling."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime, timedelta
from pathlib import Path

import pytest

from tests.conftest import REPO, make_deck
from trainer.domain.errors import InputError, TrainerError
from trainer.domain.model import DeckOptions, Note, NoteKind, Rating, SourceRef
from trainer.formats.deckfile import read_deck
from trainer.services.decks import DeckService
from trainer.services.practice import PracticeService, build_questions
from trainer.services.practice.schedule import interval_days
from trainer.services.study import StudyService
from trainer.storage import decks_repo
from trainer.storage.practice_repo import Attempt
from trainer.storage.store import Store

ARTICLE = (REPO / "tests" / "data" / "articles" / "zhonggong-duice.txt").read_text(encoding="utf-8")
ART = "duice"


def _store_article(store: Store) -> None:
    with store.write() as conn:
        decks_repo.save_article(conn, ART, "", ARTICLE, "test")
    notes = [
        Note(
            "term1",
            NoteKind.CLOZE,
            text="要{{c1::完善配套设施}}，合理布局分类投放点。",
            tags=("关键词",),
            source=SourceRef(ART, "s1/p1/cloze1"),
        ),
        Note(
            "quote1",
            NoteKind.CLOZE,
            text="推进垃圾分类,既要靠{{c1::制度约束}},又要靠{{c2::文明自觉}}。",
            tags=("金句",),
            source=SourceRef(ART, "s1/p2/cloze1"),
        ),
        Note(
            "term2",
            NoteKind.CLOZE,
            text="要{{c1::健全收运体系}}，杜绝混装混运。",
            tags=("关键词",),
            source=SourceRef(ART, "s1/p3/cloze1"),
        ),
    ]
    make_deck(store, notes, "垃圾分类", DeckOptions(enable_fuzz=False, bury_siblings=False))


def _study_all(store: Store, now: datetime) -> None:
    study = StudyService(store)
    for card in study.queue(now, "垃圾分类", limit=10):
        study.answer(card.id, Rating.GOOD, now)


def test_questions_come_from_the_articles_lists() -> None:
    qs = build_questions(ART, "", ARTICLE)
    kinds = [q.kind for q in qs]
    assert kinds[:2] == ["问题", "对策"]
    problem = qs[0]
    assert problem.text == "概括材料中垃圾分类存在的问题（不超过100字）"
    assert "居民分类意识淡薄" in problem.points
    assert problem.model_answer.startswith("一是")
    assert all(p in problem.model_answer for p in problem.points)
    assert any(s.point >= 0 for s in problem.material)
    duice = qs[1]
    assert duice.text.startswith("针对垃圾分类存在的问题，提出对策")
    understanding = [q for q in qs if q.kind == "理解"]
    assert understanding and understanding[0].text.startswith("谈谈你对“")


def test_no_chinese_no_questions() -> None:
    assert build_questions("x", "", "hello world") == []


def test_grade_save_rate_and_schedule(store: Store, now: datetime) -> None:
    _store_article(store)
    _study_all(store, now)
    service = PracticeService(store)
    q = service.questions("垃圾分类", "对策", now)[0]
    answer = "一是加强宣传教育；\n二是完善配套设施，既要靠制度约束。"
    result = service.grade(q, answer, seconds=300)
    marks = {p.expected: p.mark.value for p in result.grade.points}
    assert marks["加强宣传教育"] == "✓"
    assert marks["完善配套设施"] == "✓"
    assert marks["健全收运体系"] == "✗"
    assert 0 < result.grade.coverage < 1
    assert result.count.cells == 25 + result.count.chars - len("一是加强宣传教育；")
    assert result.over == 0
    assert "完善配套设施" in result.memory.used_terms
    assert any("制度约束" in quote for quote in result.memory.used_quotes)
    fits = dict(result.memory.fits)
    assert "健全收运体系" in fits["健全收运体系"]
    saved = service.save(result, now, 600)
    assert saved.attempt_id > 0
    rated = service.rate(saved, Rating.GOOD)
    # Good, but under 80 % covered: at most 3 days.
    assert rated.due_at == int(now.timestamp()) + 3 * 86400
    (kept,) = service.history(q.key)
    assert kept.rating == 3 and kept.answer == answer and kept.time_used_ms == 300_000
    assert kept.missed == saved.missed and "健全收运体系" in kept.missed
    # Not due yet: a question never tried comes first; once due, this one comes first.
    order = [x.key for x in service.questions("垃圾分类", None, now)]
    assert order[0] != q.key
    later = [x.key for x in service.questions("垃圾分类", None, now + timedelta(days=4))]
    assert later[0] == q.key


def test_over_the_limit_is_flagged(store: Store) -> None:
    _store_article(store)
    service = PracticeService(store)
    q = service.questions(ART)[0]
    result = service.grade(q, "字" * (q.limit + 7))
    assert result.over == 7


def test_points_missed_again_come_back_the_next_day() -> None:
    before = [Attempt("a", "k", "问题", "", "", 0, 0, 0, 0, 0.9, 3, ("X",), 3, 0, 0)]
    assert interval_days(3, 0.9, ("X",), before) == 1
    assert interval_days(3, 0.9, ("Y",), before) == 14  # a good streak doubles
    assert interval_days(3, 0.9, (), []) == 7
    assert interval_days(4, 0.3, (), []) == 1
    assert interval_days(1, 1.0, (), []) == 1


def test_unknown_target_and_type(store: Store) -> None:
    service = PracticeService(store)
    with pytest.raises(TrainerError, match="no deck, stored article"):
        service.questions("没有这个")
    with pytest.raises(TrainerError, match="--type"):
        service.questions(None, "作文")


def test_practice_history_survives_export_and_import(
    store: Store, now: datetime, tmp_path: Path
) -> None:
    _store_article(store)
    service = PracticeService(store)
    for kind, answer in (("问题", "居民分类意识淡薄"), ("对策", "加强宣传教育")):
        q = service.questions(ART, kind, now)[0]
        service.rate(service.save(service.grade(q, answer, seconds=61), now, 600), Rating.HARD)
    exported = tmp_path / "deck.toml"
    DeckService(store).export_deck_file("垃圾分类", exported)
    parsed = read_deck(exported)
    assert len(parsed.practice) == 2
    assert all(n.tags for n in parsed.notes)  # notes untouched by the practice section
    other = Store.open(str(tmp_path / "other.sqlite3"))
    try:
        report = DeckService(other).import_deck_file(exported)
        assert report.practice == 2
        again = DeckService(other).import_deck_file(exported)
        assert again.practice == 0
        mine = sorted(service.history(), key=lambda a: a.question_key)
        theirs = sorted(PracticeService(other).history(), key=lambda a: a.question_key)
        assert [replace(a, id=0) for a in theirs] == [replace(a, id=0) for a in mine]
    finally:
        other.close()


def test_a_bad_practice_section_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "bad.toml"
    path.write_text(
        'format = "trainer-deck"\nversion = 1\n[deck]\nname = "x"\n'
        '[[practice]]\nkey = "a#问题"\ntype = "问题"\ncoverage = 2.0\n',
        encoding="utf-8",
    )
    with pytest.raises(InputError, match="practice 1: coverage"):
        read_deck(path)
