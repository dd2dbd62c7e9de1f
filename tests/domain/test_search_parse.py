"""The search language: parse → print → parse gives the same tree; faults name their place."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from trainer.domain import search as s
from trainer.domain.search import SearchError, parse, to_text

_CHARS = st.sampled_from([*list('申论直播带货金句abcXYZ019 :-()"*_.,!?\t'), "\\\\", "\\*", "\\_"])


def _pattern() -> st.SearchStrategy[str]:
    return st.lists(_CHARS, min_size=1, max_size=8).map("".join).filter(_ok)


def _ok(p: str) -> bool:
    return bool(p)


_LEAVES = st.one_of(
    _pattern().map(s.Text),
    _pattern().map(s.DeckIs),
    _pattern().map(s.TagIs),
    st.builds(s.FieldIs, st.sampled_from(s.FIELDS), _pattern()),
    st.sampled_from(s.STATES).map(s.StateIs),
    st.sampled_from(s.KINDS).map(s.NoteKindIs),
    st.integers(1, 30).map(s.CardNumber),
    st.lists(st.integers(1, 10**9), min_size=1, max_size=3).map(lambda x: s.CardIds(tuple(x))),
    st.builds(
        s.Prop,
        st.sampled_from(s.PROPS),
        st.sampled_from(s.OPS),
        st.one_of(st.integers(-500, 500).map(float), st.floats(-1e6, 1e6, allow_nan=False)),
    ),
    st.builds(s.Rated, st.integers(1, 400), st.one_of(st.none(), st.integers(1, 4))),
    st.integers(1, 400).map(s.Added),
    st.integers(1, 400).map(s.Introduced),
)


def _flat_and(nodes: list[s.Node]) -> s.Node:
    out: list[s.Node] = []
    for n in nodes:
        out.extend(n.nodes if isinstance(n, s.And) else [n])
    return s.And(tuple(out))


def _flat_or(nodes: list[s.Node]) -> s.Node:
    out: list[s.Node] = []
    for n in nodes:
        out.extend(n.nodes if isinstance(n, s.Or) else [n])
    return s.Or(tuple(out))


_TREES = st.recursive(
    _LEAVES,
    lambda inner: st.one_of(
        inner.map(s.Not),
        st.lists(inner, min_size=2, max_size=4).map(_flat_and),
        st.lists(inner, min_size=2, max_size=4).map(_flat_or),
    ),
    max_leaves=12,
)


@settings(deadline=None, max_examples=400)
@given(_TREES)
def test_print_then_parse_gives_the_same_tree(tree: s.Node) -> None:
    printed = to_text(tree)
    assert parse(printed) == tree
    assert to_text(parse(printed)) == printed


@settings(deadline=None, max_examples=300)
@given(st.text(alphabet=st.sampled_from(list('ab 申:-()"\\*or')), max_size=20))
def test_any_text_parses_or_fails_with_a_position(query: str) -> None:
    try:
        tree = parse(query)
    except SearchError as exc:
        assert 1 <= exc.position <= len(query) + 1
        assert str(exc).startswith(f"bad search at position {exc.position}: ")
        return
    assert parse(to_text(tree)) == tree


@pytest.mark.parametrize(
    ("query", "tree"),
    [
        ("", s.All()),
        ("直播带货", s.Text("直播带货")),
        ("申论 直播", s.And((s.Text("申论"), s.Text("直播")))),
        ('"a b"', s.Text("a b")),
        ("a or b c", s.Or((s.Text("a"), s.And((s.Text("b"), s.Text("c")))))),
        ("a OR b", s.Or((s.Text("a"), s.Text("b")))),
        ("a and b", s.And((s.Text("a"), s.Text("b")))),
        ("-(a or b)", s.Not(s.Or((s.Text("a"), s.Text("b"))))),
        ("deck:申论*", s.DeckIs("申论*")),
        ('deck:"申论 二"', s.DeckIs("申论 二")),
        ('"deck:申论 二"', s.DeckIs("申论 二")),
        ("Tag:金句", s.TagIs("金句")),
        ("is:DUE", s.StateIs("due")),
        ("card:2", s.CardNumber(2)),
        ("prop:ivl>=10", s.Prop("ivl", ">=", 10)),
        ("prop:due<3", s.Prop("due", "<", 3)),
        ("prop:due>-2", s.Prop("due", ">", -2)),
        ("rated:7", s.Rated(7)),
        ("rated:7:1", s.Rated(7, 1)),
        ("added:30", s.Added(30)),
        ("introduced:7", s.Introduced(7)),
        ("answer:*直播*", s.FieldIs("answer", "*直播*")),
        ("a\\:b", s.Text("a:b")),
        ('"or"', s.Text("or")),
        ("cid:3,4", s.CardIds((3, 4))),
    ],
)
def test_queries_read_as_anki_reads_them(query: str, tree: s.Node) -> None:
    assert parse(query) == tree


@pytest.mark.parametrize(
    ("query", "position", "words"),
    [
        ("a (b", 3, "never closed"),
        ("a b)", 4, "without a matching"),
        ("()", 1, "empty parentheses"),
        ('a "bc', 3, "unclosed quote"),
        ("or a", 1, "before it"),
        ("a or", 3, "after it"),
        ("a - b", 3, "negates"),
        ("is:old", 4, "is: takes"),
        ("deck:", 6, "needs a value"),
        ("prop:ivl>>3", 10, "needs a number"),
        ("prop:ease>3", 6, "prop: takes"),
        ("prop:ivl3", 9, "comparison"),
        ("rated:x", 7, "whole number"),
        ("rated:7:5", 9, "1-4"),
        ("card:0", 6, "1 or more"),
        ("nope:x", 1, "unknown search keyword"),
        ("a\\q", 2, "unknown escape"),
        ('""', 1, "empty phrase"),
    ],
)
def test_malformed_queries_name_the_position(query: str, position: int, words: str) -> None:
    with pytest.raises(SearchError) as info:
        parse(query)
    assert info.value.position == position
    assert words in str(info.value)
