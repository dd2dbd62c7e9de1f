"""One home for each card kind: nothing outside ``trainer/domain/notetypes`` branches on it.

Everything that depends on what kind a note is asks its note type
(``notetypes.of(note)``). These tests read the product code and fail on a
comparison with a particular kind, a ``match`` on a kind or a table keyed by
kinds anywhere else, so a new kind never has to be threaded through a dozen
modules again.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from trainer.domain import notetypes
from trainer.domain.model import Note, NoteKind, SourceRef

ROOT = Path(__file__).resolve().parents[1] / "trainer"
HOME = ROOT / "domain" / "notetypes"

_KIND = r"(?:NoteKind\.[A-Z_]+(?:\.value)?|[\"'](?:cloze|qa|list|reversed)[\"'])"
_OP = r"(?:==|!=|\bis\s+not\b|\bis\b|\bnot\s+in\b|\bin\b)"
BRANCHES = (
    re.compile(rf"\w*kind(?:\.value)?\s*{_OP}\s*[\(\[\{{]?\s*{_KIND}"),
    re.compile(rf"{_KIND}\s*{_OP}\s*[\w.]*\bkind\b"),
    re.compile(r"^\s*match\s+[\w.]*kind\b"),
    re.compile(r"[\{,]\s*NoteKind\.[A-Z_]+(?:\.value)?\s*:"),
)


def branches_on_kind(root: Path, home: Path) -> dict[str, list[str]]:
    """Product modules outside ``home`` with a line that branches on a particular kind."""
    found: dict[str, list[str]] = {}
    for path in sorted(root.rglob("*.py")):
        if path.is_relative_to(home):
            continue
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            code = line.split("#", 1)[0]
            if any(p.search(code) for p in BRANCHES):
                found.setdefault(str(path.relative_to(root.parent)), []).append(f"{n}: {line}")
    return found


def test_no_product_module_outside_the_home_branches_on_the_kind() -> None:
    found = branches_on_kind(ROOT, HOME)
    assert found == {}, "ask trainer.domain.notetypes instead of testing the kind:\n" + "\n".join(
        f"{path}:{line}" for path, lines in found.items() for line in lines
    )


@pytest.mark.parametrize(
    "line",
    [
        "    if note.kind is NoteKind.CLOZE:",
        "    if kind == NoteKind.CLOZE.value:",
        '    if note_kind == "cloze":',
        '        cloze = NOTES.c.kind == "cloze"',
        '        if n.kind.value == "cloze":',
        "    elif note.kind in (NoteKind.QA, NoteKind.LIST):",
        "    match note.kind:",
        "STYLE = {NoteKind.CLOZE: 'x', NoteKind.QA: 'y'}",
    ],
)
def test_the_guard_sees_the_usual_ways_of_branching(tmp_path: Path, line: str) -> None:
    (tmp_path / "m.py").write_text(line + "\n", encoding="utf-8")
    assert branches_on_kind(tmp_path, tmp_path / "home") != {}


@pytest.mark.parametrize(
    "line",
    [
        '        if tok.kind == "close":',
        '            if action.kind == "answer":',
        "    if old.kind is not note.kind:",
        "    note = Note(guid, NoteKind.QA, prompt=p)",
    ],
)
def test_the_guard_leaves_other_kinds_and_construction_alone(tmp_path: Path, line: str) -> None:
    (tmp_path / "m.py").write_text(line + "\n", encoding="utf-8")
    assert branches_on_kind(tmp_path, tmp_path / "home") == {}


def test_every_kind_has_one_registered_note_type() -> None:
    assert sorted(notetypes.kinds()) == sorted(NoteKind)
    for kind in NoteKind:
        assert notetypes.of(kind).kind is kind
        assert notetypes.of(kind.value) is notetypes.of(kind)


def test_sides_are_plain_runs_the_front_ends_only_style() -> None:
    note = Note("g", NoteKind.LIST, prompt="哪三点？", items=("甲", "乙", "丙"), extra="注")
    front = notetypes.front(note, 0)
    assert notetypes.plain(front) == "哪三点？\n(3 points)"
    assert notetypes.front_text(note, 0) == "哪三点？"
    back = notetypes.back(note, 0)
    assert [r.text for r in back if r.role is notetypes.Role.ITEM] == ["甲", "乙", "丙"]
    assert back[-1] == notetypes.Run("注", notetypes.Role.EXTRA)
    cz = Note("c", NoteKind.CLOZE, text="要{{c1::守正}}更要{{c2::创新::动词}}", source=SourceRef())
    assert notetypes.of(cz).card_ords(cz.text) == [1, 2]
    assert notetypes.front_text(cz, 2) == "要守正更要[动词]"
    assert [r.role for r in notetypes.front(cz, 2)].count(notetypes.Role.BLANK) == 1
