"""``trainer library``, ``outline``, ``terms`` and ``quotes`` as a user runs them."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.cli.test_cli import run
from tests.conftest import make_deck
from trainer.domain.model import Note, NoteKind, SourceRef
from trainer.storage import decks_repo
from trainer.storage.store import Store

QUOTE = "让群众有更多获得感、幸福感、安全感。"


def _article(i: int, theme: str) -> str:
    return (
        f"第{i}篇评论\n\n{theme}，关键在于提升政府的公信力。"
        f"各地要坚持问题导向，{QUOTE}\n"
        "只有久久为功，才能取得实效。"
    )


@pytest.fixture
def db(tmp_path: Path) -> Path:
    """Five articles (three on 乡村振兴, two on 教育) that share one term and one 金句."""
    path = tmp_path / "library.sqlite3"
    store = Store.open(str(path))
    themes = ["乡村振兴要靠农村人才和农民", "乡村振兴需要农业产业", "乡村振兴离不开农村治理"]
    themes += ["教育要回归学校课堂", "教育减负要减学生的作业"]
    try:
        for i, theme in enumerate(themes, 1):
            text = _article(i, theme)
            art = f"art{i}"
            deck = make_deck(
                store,
                [
                    Note(
                        f"{art}-term",
                        NoteKind.CLOZE,
                        text=f"{theme}，关键在于提升政府的{{{{c1::公信力}}}}。",
                        tags=(art, "关键词"),
                        source=SourceRef(art, "p1/c1", "", text.index(theme), text.index("各地")),
                    ),
                    Note(
                        f"{art}-quote",
                        NoteKind.CLOZE,
                        text="让群众有更多{{c1::获得感}}、{{c2::幸福感}}、安全感。",
                        tags=(art, "金句"),
                        source=SourceRef(art, "p1/c2", "", text.index(QUOTE), text.index("只有")),
                    ),
                ],
                f"申论::第{i}篇",
            )
            with store.write() as conn:
                decks_repo.save_article(conn, art, f"第{i}篇评论", text, "test", deck_id=deck)
    finally:
        store.close()
    return path


def test_terms_json_is_one_entry_with_every_source(db: Path) -> None:
    out = run(["terms", "--json"], db)
    assert out.returncode == 0, out.stderr
    terms = json.loads(out.stdout)["terms"]
    assert [t["text"] for t in terms] == ["公信力"]
    entry = terms[0]
    assert entry["articles"] == 5 and len(entry["sources"]) == 5
    assert {s["article"] for s in entry["sources"]} == {f"art{i}" for i in range(1, 6)}
    assert set(entry["topics"]) >= {"乡村振兴", "教育"}
    assert all("公信力" in s["sentence"] for s in entry["sources"])
    only = json.loads(run(["terms", "--topic", "教育", "--json"], db).stdout)["terms"]
    assert len(only) == 1 and only[0]["text"] == "公信力"
    none = json.loads(run(["terms", "--topic", "养老", "--json"], db).stdout)["terms"]
    assert none == []


def test_quotes_json_dedupes_across_articles(db: Path) -> None:
    out = run(["quotes", "--json"], db)
    assert out.returncode == 0, out.stderr
    quotes = json.loads(out.stdout)["quotes"]
    assert len(quotes) == 1
    assert quotes[0]["text"] == QUOTE
    assert quotes[0]["keys"] == ["获得感", "幸福感"]
    assert quotes[0]["articles"] == 5
    text = run(["quotes"], db).stdout
    assert QUOTE in text and "5 articles" in text


def test_library_json_lists_articles_with_topics_and_progress(db: Path) -> None:
    out = run(["library", "--json"], db)
    assert out.returncode == 0, out.stderr
    arts = json.loads(out.stdout)["articles"]
    assert {a["id"] for a in arts} == {f"art{i}" for i in range(1, 6)}
    by_id = {a["id"]: a for a in arts}
    assert by_id["art1"]["topics"][0] == "乡村振兴"
    assert by_id["art5"]["topics"][0] == "教育"
    assert by_id["art2"]["deck"] == "申论::第2篇"
    assert by_id["art1"]["cards"] == 3  # one term card, two quote cards
    assert by_id["art1"]["studied"] == 0 and by_id["art1"]["retention"] is None
    edu = json.loads(run(["library", "--topic", "教育", "--json"], db).stdout)["articles"]
    assert {a["id"] for a in edu} == {"art4", "art5"}
    lines = run(["library"], db).stdout.splitlines()
    assert lines[0].startswith("article\ttitle") and len(lines) == 6


def test_outline_names_an_unknown_article_in_one_line(db: Path) -> None:
    out = run(["outline", "nothing-here"], db)
    assert out.returncode == 1
    assert out.stderr.strip().splitlines() == [
        "trainer: no article named 'nothing-here' in the library"
    ]


def test_topic_search_finds_cards_of_articles_on_a_theme(db: Path) -> None:
    data = json.loads(run(["cards", "topic:教育", "--json"], db).stdout)
    assert {d["deck"] for d in data} == {"申论::第4篇", "申论::第5篇"}
    assert (
        run(["cards", "topic:教*", "--json"], db).stdout
        == run(["cards", "topic:教育", "--json"], db).stdout
    )


def test_empty_store_says_so(tmp_path: Path) -> None:
    path = tmp_path / "empty.sqlite3"
    Store.open(str(path)).close()
    assert json.loads(run(["terms", "--json"], path).stdout) == {"terms": []}
    assert json.loads(run(["quotes", "--json"], path).stdout) == {"quotes": []}
    assert json.loads(run(["library", "--json"], path).stdout) == {"articles": []}
    assert "no articles" in run(["library"], path).stdout


def test_an_article_made_with_make_o_and_imported_is_in_the_library(tmp_path: Path) -> None:
    """The command-line way in (make -o, then import) keeps the article as the app does."""
    article = (
        Path(__file__).resolve().parents[1] / "data" / "articles" / "fenbi-xiangcun-wenhua.txt"
    )
    path = tmp_path / "made.sqlite3"
    Store.open(str(path)).close()
    deck_file = tmp_path / "made.toml"
    assert run(["make", str(article), "-o", str(deck_file)], path).returncode == 0
    assert run(["import", str(deck_file)], path).returncode == 0
    listed = json.loads(run(["library", "--json"], path).stdout)["articles"]
    assert [a["id"] for a in listed] == ["fenbi-xiangcun-wenhua"]
    assert listed[0]["cards"] > 0
    outline = run(["outline", "fenbi-xiangcun-wenhua"], path)
    assert outline.returncode == 0, outline.stderr
    # Making it again into the same file keeps one entry for the article.
    assert run(["make", str(article), "-o", str(deck_file)], path).returncode == 0
    assert deck_file.read_text(encoding="utf-8").count("[[articles]]") == 1
