"""Provenance beside the note: the rule in ``--json`` and ``--explain``, Extra for the learner."""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

from gen_scoring import ARTICLES, SEED
from typer.testing import CliRunner

import trainer.cli.commands  # noqa: F401  (registers the commands)
from trainer.cli import app
from trainer.domain.model import Note, NoteKind, SourceRef
from trainer.formats.deckfile import write_deck
from trainer.generation import generate
from trainer.generation.provenance import LEGACY_LABELS, without_label
from trainer.generation.read.reader import read_article
from trainer.services.decks import DeckService
from trainer.storage.store import Store

runner = CliRunner()
ARTICLE = str(ARTICLES / "zhonggong-duice.txt")


def test_no_generated_note_holds_an_internal_label_as_extra() -> None:
    for path in [SEED, *sorted(ARTICLES.glob("*.txt"))]:
        made = generate(read_article(str(path)), path.stem)
        assert made.notes
        assert all(n.extra == "" for n in made.notes), path.name
        assert len(made.origins) == len(made.notes)
        assert all(o.rule for o in made.origins)


def test_json_names_each_cards_rule_and_function() -> None:
    result = runner.invoke(app, ["make", ARTICLE, "--json"])
    assert result.exit_code == 0, result.output
    cards = json.loads(result.stdout)["cards"]
    rules = {c["rule"].split(".")[0] for c in cards}
    assert rules >= {"list", "cloze"}
    assert all(c["rule"] and "function" in c for c in cards)


def test_explain_prints_each_card_with_its_rule() -> None:
    result = runner.invoke(app, ["make", ARTICLE, "--explain"])
    assert result.exit_code == 0, result.output
    made = json.loads(runner.invoke(app, ["make", ARTICLE, "--json"]).stdout)["cards"]
    assert result.stdout.count("rule=") == len(made)
    assert "function=" in result.stdout


def test_reimport_drops_the_labels_older_decks_stored_as_extra(
    tmp_path: Path, any_store: Store
) -> None:
    src = SourceRef("a", "s1/p2/cloze3", "", 0, 10)
    old = [
        Note("g1", NoteKind.CLOZE, text="{{c1::守正}}创新", source=src, extra="golden"),
        Note(
            "g2",
            NoteKind.LIST,
            prompt="哪些?",
            answer="甲\n乙",
            items=("甲", "乙"),
            source=replace(src, anchor="s1/p2/list1"),
            extra="inline",
            tags=("a", "列举"),
        ),
        Note("g3", NoteKind.QA, prompt="问", answer="答", extra="term"),  # not generated
        Note("g4", NoteKind.CLOZE, text="{{c1::甲}}", source=src, extra="出自《论语》"),
    ]
    path = tmp_path / "d.toml"
    write_deck(path, "旧", old)
    DeckService(any_store).import_deck_file(path)
    extras = {n.guid: n.extra for n in DeckService(any_store).notes("旧")}
    assert extras == {"g1": "", "g2": "", "g3": "term", "g4": "出自《论语》"}


def test_without_label_keeps_learner_text() -> None:
    n = Note("g", NoteKind.CLOZE, text="x", source=SourceRef("a", "s0/p1/cloze1"), extra="说明")
    assert without_label(n) is n
    assert "golden" in LEGACY_LABELS


def test_exports_and_the_study_back_carry_no_provenance() -> None:
    """The rule and function stay beside the note: not in a deck file, an Anki field,
    the Anki text export or the back the learner studies; the learner's own Extra does."""
    from trainer.domain import notetypes
    from trainer.formats.anki_text import text_bytes
    from trainer.formats.apkg_write import anki_fields
    from trainer.formats.deckfile import DeckFile, deck_to_toml

    made = generate(read_article(str(SEED)), SEED.stem)
    labels = {o.rule for o in made.origins if "." in o.rule}  # functions are also tags
    assert labels
    toml = deck_to_toml(DeckFile("d", made.notes))
    anki = [f for n in made.notes for f in anki_fields(n).fields]
    text = text_bytes("d", made.notes).decode("utf-8")
    for label in labels:
        assert label not in toml and label not in text, label
        assert not any(label in f for f in anki), label
    assert "extra =" not in toml
    for n in made.notes:
        meta = anki_fields(n).fields[-1]
        assert "rule" not in meta and "function" not in meta
        for ord_ in notetypes.of(n).card_ords(n.text):
            back = notetypes.back(n, ord_)
            assert not any(r.role is notetypes.Role.EXTRA for r in back)
    own = replace(made.notes[0], extra="出自《人民日报》")
    fields = anki_fields(own).fields
    assert "出自《人民日报》" in fields[:-1] and "出自" not in fields[-1]
    assert notetypes.back(own, 1)[-1] == notetypes.Run("出自《人民日报》", notetypes.Role.EXTRA)
