"""Fuzz the deck-file parser: any text either parses or raises a one-line InputError."""

from __future__ import annotations

from typing import Any

import tomli_w
from hypothesis import example, given
from hypothesis import strategies as st

from tests.fuzz.fuzzkit import FUZZ, assert_clear
from trainer.domain.errors import InputError
from trainer.formats.deckfile import DeckFile, deck_to_toml, parse_deck

WHERE = "fuzz.toml"

_scalar = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(min_value=-(2**63), max_value=2**63 - 1),
    st.floats(allow_nan=True),
    st.text(max_size=30),
    st.sampled_from(
        ["cloze", "qa", "list", "", "{{c1::答案}}", "{{c0::x}}", "{{c1::}}", "{{c1::a"]
    ),
    # Control characters and numeric extremes (issue 17).
    st.sampled_from(
        [
            "{{c9223372036854775808::x}}",
            "{{c" + "9" * 5000 + "::x}}",
            "{{c10000::x}}",
            "a\x1b]52;c;aGk=\x07b",
            "\x1b[2J",
            "\x00",
            "\r\n",
            "\x9b1m",
        ]
    ),
    st.integers(min_value=2**63, max_value=2**70),
    st.integers(max_value=-(2**63) - 1, min_value=-(2**70)),
    st.text(alphabet=st.characters(max_codepoint=0x9F), max_size=10),
)
_value = st.recursive(
    _scalar,
    lambda inner: st.one_of(
        st.lists(inner, max_size=4), st.dictionaries(st.text(max_size=8), inner, max_size=4)
    ),
    max_leaves=12,
)
_note_keys = st.sampled_from(
    ["guid", "kind", "prompt", "answer", "text", "items", "tags", "source", "extra", "bogus"]
)
_note = st.dictionaries(_note_keys, _value, max_size=8)
_option_keys = st.sampled_from(
    ["desired_retention", "learning_steps", "new_per_day", "enable_fuzz", "leech_action", "x"]
)
_deck = st.fixed_dictionaries(
    {},
    optional={
        "name": st.one_of(st.text(max_size=20), _value),
        "description": _value,
        "options": st.dictionaries(_option_keys, _value, max_size=4),
    },
)
_doc = st.fixed_dictionaries(
    {},
    optional={
        "format": st.sampled_from(["trainer-deck", "other", ""]),
        "version": st.one_of(st.integers(-2, 3), _scalar),
        "deck": st.one_of(_deck, _value),
        "notes": st.one_of(st.lists(_note, max_size=5), _value),
        "articles": st.lists(
            st.dictionaries(st.sampled_from(["id", "title", "text", "file"]), _value, max_size=4),
            max_size=2,
        ),
    },
)


def _toml(doc: dict[str, Any]) -> str | None:
    def clean(v: Any) -> Any:
        if isinstance(v, dict):
            return {str(k): clean(x) for k, x in v.items() if x is not None}
        if isinstance(v, list):
            return [clean(x) for x in v if x is not None]
        return v

    try:
        return tomli_w.dumps(clean(doc))
    except (TypeError, ValueError):
        return None


def _check(text: str) -> DeckFile | None:
    try:
        deck = parse_deck(text, WHERE)
    except InputError as exc:
        assert_clear(exc, WHERE)
        return None
    assert isinstance(deck, DeckFile)
    return deck


@FUZZ
@given(st.text(max_size=400))
@example("")
@example(
    'format = "trainer-deck"\nversion = 1\n[deck]\nname = "x"\n[[notes]]\nguid = "a"\nkind = "cloze"\ntext = "{{c1::{{c2::x}}}}"\n'
)
def test_any_text(text: str) -> None:
    _check(text)


@FUZZ
@given(st.integers(1, 6000), st.sampled_from(["[", "{a=", "x=[{y="]))
@example(5000, "[")
@example(3000, "x=[{y=")
def test_deep_nesting(depth: int, opener: str) -> None:
    closer = {"[": "]", "{a=": "}", "x=[{y=": "}]"}[opener]
    _check('format = "trainer-deck"\nversion = 1\nx = ' + opener * depth + "1" + closer * depth)


@FUZZ
@given(_doc)
def test_structured_documents(doc: dict[str, Any]) -> None:
    text = _toml(doc)
    if text is not None:
        _check(text)


@FUZZ
@given(_doc, st.data())
def test_mutated_documents(doc: dict[str, Any], data: st.DataObject) -> None:
    """Byte-level damage to a well-formed document: cut, duplicate, insert junk."""
    base = _toml({"format": "trainer-deck", "version": 1, "deck": {"name": "D"}, **doc}) or ""
    n = len(base)
    i = data.draw(st.integers(0, n))
    j = data.draw(st.integers(i, n))
    junk = data.draw(st.text(alphabet="[]{}=\",\n\\#'x1.:", max_size=6))
    mutated = data.draw(
        st.sampled_from([base[:i] + base[j:], base[:j] + base[i:], base[:i] + junk + base[i:]])
    )
    _check(mutated)


@FUZZ
@given(_doc)
def test_what_parses_writes_back_and_parses_the_same(doc: dict[str, Any]) -> None:
    text = _toml(doc)
    deck = _check(text) if text is not None else None
    if deck is not None and not deck.articles:
        again = parse_deck(deck_to_toml(deck), WHERE)
        assert again.notes == deck.notes
        assert again.name == deck.name
