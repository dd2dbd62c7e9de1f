"""The article library service, themes, outlines, recitation and banks on real articles."""

from __future__ import annotations

from datetime import datetime, timedelta
from pathlib import Path

import pytest

from trainer.domain.errors import TrainerError
from trainer.domain.model import Rating
from trainer.domain.topics import date_of, pack, topics_of, unpack
from trainer.generation import generate
from trainer.generation.read.reader import read_article
from trainer.services import banks
from trainer.services.decks import DeckService
from trainer.services.library import (
    LibraryService,
    cloze_text,
    grade_recital,
    recital_points,
    sentence_span,
)
from trainer.services.study import StudyService
from trainer.storage.store import Store

ARTICLES = Path(__file__).resolve().parents[1] / "data" / "articles"


def _make(store: Store, name: str, deck: str = "申论::测试") -> str:
    art = read_article(str(ARTICLES / name))
    stem = Path(name).stem
    made = generate(art, stem)
    DeckService(store).add_article_notes(
        deck, list(made.notes), article_id=stem, title=made.title, text=art.text, source=stem
    )
    return stem


def test_themes_come_from_the_lexicon_title_weighing_most() -> None:
    text = "养老服务要跟上。老年人需要助餐，社区养老要补短板。"
    assert topics_of(text) == ("养老",)
    assert topics_of("学校要减轻学生作业负担，让教育回归课堂。", "") == ("教育",)
    assert topics_of("今天天气很好。") == ()
    both = topics_of("农村学校的老师。乡村振兴先振兴乡村教育，教育是乡村的未来。")
    assert set(both) == {"乡村振兴", "教育"}
    assert pack(("乡村振兴", "教育")) == " 乡村振兴 教育 " and unpack(" 乡村振兴 教育 ") == (
        "乡村振兴",
        "教育",
    )
    assert pack(()) == ""


def test_an_article_names_its_own_date() -> None:
    assert date_of("发布时间：2023年5月12日 10:00\n正文") == "2023-05-12"
    assert date_of("人民网 2022-11-03 讯 正文") == "2022-11-03"
    assert date_of("没有日期的文章，只说了2023年的事。") == ""
    assert date_of("日期：2023-02-30") == ""  # no such day


def test_made_articles_are_kept_with_themes_deck_and_progress(store: Store, now: datetime) -> None:
    stem = _make(store, "rmsp-shuzi-laoren.txt")
    lib = LibraryService(store)
    [row] = lib.articles(now)
    assert row.id == stem and "养老" in row.topics
    assert row.deck == "申论::测试"
    assert row.cards > 5 and row.studied == 0 and row.retention is None
    assert lib.articles(now, topic="粮食安全") == []
    # Study two of its cards: studied, retention and last studied follow.
    study = StudyService(store)
    for _ in range(2):
        item = study.next_item(now)
        assert item is not None
        study.answer(item.card.id, Rating.GOOD, now)
    later = now + timedelta(days=3)
    [row] = lib.articles(later)
    assert row.studied == 2
    assert row.last_studied is not None and abs(row.last_studied - now) < timedelta(seconds=2)
    assert row.retention is not None and 0 < row.retention < 1


def test_outline_follows_the_argument_and_carries_the_cards(store: Store, now: datetime) -> None:
    stem = _make(store, "zhonggong-duice.txt")
    made = LibraryService(store).outline(stem, now)
    root = made.root
    assert root.role == "中心论点" and root.point
    roles = [n.role for n in root.walk()]
    assert "对策" in roles
    every = [c.card_id for n in root.walk() for c in n.cards] + [c.card_id for c in made.loose]
    assert len(every) == len(set(every)), "each card hangs on one node"
    with store.read() as conn:
        from trainer.storage import library_repo

        total = len(library_repo.cards_of(conn, store.profile.id, [stem]))
    assert len(every) == total
    for node in root.walk():
        if not node.group and node.end > node.start:
            assert made.article.text[node.start : node.end].strip() == node.text
            para = made.paragraph_text(node)
            assert node.text in para


def test_reciting_grades_each_point_like_a_list_card(store: Store, now: datetime) -> None:
    stem = _make(store, "zhonggong-duice.txt")
    root = LibraryService(store).outline(stem, now).root
    points = recital_points(root)
    assert points[0].role == "中心论点" and points[0].depth == 0
    typed = "\n".join(p.point for p in points[1:])
    result = grade_recital(points, typed)
    marks = [r.mark.value for r in result.points]
    assert marks[0] == "✗" and set(marks[1:]) == {"✓"}
    strict = grade_recital(points, typed.replace("的", "之"), strict=True)
    assert strict.coverage < result.coverage


def test_cloze_of_a_picked_phrase_blanks_it_in_its_sentence() -> None:
    text = "第一句。要提升政府的公信力，赢得群众信任！第三句"
    at = text.index("公信力")
    assert sentence_span(text, at, at + 3) == (text.index("要"), text.index("！") + 1)
    assert cloze_text(text, at, at + 3) == "要提升政府的{{c1::公信力}}，赢得群众信任！"
    assert cloze_text(text, len(text) - 2, len(text)) == "第{{c1::三句}}"
    with pytest.raises(TrainerError, match="select a phrase"):
        cloze_text(text, at, at)
    with pytest.raises(TrainerError, match="one sentence"):
        cloze_text(text, 1, at)


def test_cloze_from_selection_adds_a_note_on_the_outline(store: Store, now: datetime) -> None:
    stem = _make(store, "zhonggong-duice.txt")
    lib = LibraryService(store)
    text = lib.article(stem).text
    target = next(n for n in lib.outline(stem, now).root.walk() if n.role == "对策" and n.text)
    phrase = target.text[2:6]
    at = text.index(phrase, target.start)
    added = lib.cloze_from_selection(stem, at, at + len(phrase), now)
    assert added.deck == "申论::测试"
    assert f"{{{{c1::{phrase}}}}}" in added.note.text
    again = lib.outline(stem, now)
    holder = next(n for n in again.root.walk() if n.start == target.start and not n.group)
    assert added.note.guid in {c.guid for c in holder.cards}
    assert any(e.text == phrase for e in banks.terms(store))


def test_term_bank_from_generated_cards_dedupes_and_drills(store: Store) -> None:
    _make(store, "rmsp-shuzi-laoren.txt", "申论::一")
    _make(store, "renmin-shiping.txt", "申论::二")
    entries = banks.terms(store)
    assert entries
    keys = [banks._key(e.text) for e in entries]
    assert len(keys) == len(set(keys))
    for e in entries:
        assert all(banks._key(e.text) in banks._key(s.sentence) for s in e.sources)
    forward = banks.drills(entries, "cloze")
    assert forward and all(banks.BLANK in d.prompt for d in forward)
    right = banks.grade_drill(forward[0], forward[0].expected[0], strict=True)
    assert right.coverage == 1.0
    back = banks.drills(entries, "recall")
    assert back and back[0].prompt == back[0].entry.text
    loose = banks.grade_drill(back[0], back[0].expected[0][:-1])
    assert loose.coverage > 0


def test_cloze_goes_to_the_articles_deck_when_its_first_deck_is_unknown(
    store: Store, now: datetime
) -> None:
    from sqlalchemy import update

    from trainer.storage.models import ARTICLES

    stem = _make(store, "zhonggong-duice.txt", "申论::垃圾分类")
    with store.write() as conn:
        conn.execute(update(ARTICLES).values(deck_id=0))
    lib = LibraryService(store)
    assert lib.article(stem).deck == ""
    text = lib.article(stem).text
    at = text.index("垃圾分类", 40)
    assert lib.cloze_from_selection(stem, at, at + 4, now).deck == "申论::垃圾分类"
