"""Fuzz typed-answer grading: never crashes, scores stay in range, the exact answer passes."""

from __future__ import annotations

from hypothesis import assume, given
from hypothesis import strategies as st

from tests.fuzz.fuzzkit import FUZZ
from trainer.domain.cloze import ClozeError
from trainer.domain.model import Note, NoteKind, Rating
from trainer.services import grading
from trainer.services.grading.text import clauses

_cjk = st.characters(min_codepoint=0x4E00, max_codepoint=0x4FFF)
_mixed = st.text(
    alphabet=st.one_of(
        _cjk,
        st.sampled_from("，。；、！？“”《》（）()1234一二三①②\n\t 　ＡＢａｂ-—…·"),
        st.characters(),
    ),
    max_size=60,
)


@FUZZ
@given(st.lists(_mixed, max_size=6), _mixed)
def test_grade_never_crashes_and_stays_in_range(points: list[str], typed: str) -> None:
    g = grading.grade(points, typed)
    assert 0.0 <= g.coverage <= 1.0 + 1e-9
    assert isinstance(g.suggested, Rating)
    for p in g.points:
        assert 0.0 <= p.score <= 1.0 + 1e-9
        assert isinstance(p.mark, grading.Mark)


@FUZZ
@given(_mixed)
def test_exact_answer_is_recalled(answer: str) -> None:
    assume(grading.normalize(answer))
    g = grading.grade([answer], answer)
    assert g.points[0].mark is grading.Mark.RECALLED
    assert g.suggested in (Rating.GOOD, Rating.EASY)


@FUZZ
@given(_mixed)
def test_normalize_and_clauses_are_total(text: str) -> None:
    norm = grading.normalize(text)
    assert isinstance(norm, str)
    joined, parts = clauses(text)
    assert "".join(c.text for c in parts) == joined
    for c in parts:
        assert c.text and joined[c.start : c.start + len(c.text)] == c.text


@FUZZ
@given(st.lists(_mixed, min_size=1, max_size=4), _mixed, st.booleans(), st.floats(0, 600))
def test_strict_and_timed_grading_stay_in_range(
    points: list[str], typed: str, strict: bool, seconds: float
) -> None:
    g = grading.grade(points, typed, prompt=typed[:5], seconds=seconds, strict=strict)
    assert 0.0 <= g.coverage <= 1.0 + 1e-9
    assert g.reason
    if strict:
        assert all(p.mark is not grading.Mark.RECALLED or p.exact for p in g.points)


@FUZZ
@given(
    st.sampled_from(list(NoteKind)),
    st.lists(_mixed, max_size=4),
    _mixed,
    _mixed,
    st.integers(0, 3),
)
def test_grade_note_for_every_kind(
    kind: NoteKind, items: list[str], answer: str, typed: str, ord_: int
) -> None:
    text = "".join(
        f"{{{{c{i + 1}::{a}}}}}"
        for i, a in enumerate(items)
        if a.strip() and "{{" not in a and "}}" not in a and "::" not in a
    )
    note = Note(guid="g", kind=kind, prompt="问", answer=answer, text=text, items=tuple(items))
    try:
        g = grading.grade_note(note, ord_, typed)
    except ClozeError:
        return
    assert 0.0 <= g.coverage <= 1.0 + 1e-9
