"""Notes from the analysed article: anchors, GUIDs, tags, source offsets.

A note's anchor is its structural address, ``s{section}/p{paragraph}/{role}{n}``,
so its GUID (:func:`trainer.domain.identity.note_guid`) survives edits to the
wording. Offsets are into the article text as read.
"""

from __future__ import annotations

import re

from trainer.domain.identity import note_guid
from trainer.domain.model import Note, NoteKind, SourceRef
from trainer.generation import lists
from trainer.generation.clozes import Cloze, markup
from trainer.generation.enumtypes import Enumeration
from trainer.generation.provenance import Origin
from trainer.generation.structure import Outline, Section

_COMMENT_LABEL = re.compile(
    r"^(?:评论|观点|分论点|论点|点评|视角|声音|观察)[一二三四五六七八九十\d]{1,3}$"
)
_POINTS = 4
_POINT_MAX = 60


def section_tag(section: Section) -> str:
    name = lists.section_label(section.heading) if section.heading else "正文"
    return "section::" + re.sub(r"\s+", "_", name)[:24]


def _note(
    source_id: str,
    anchor: str,
    kind: NoteKind,
    section: Section,
    start: int,
    end: int,
    role: str,
    **fields: object,
) -> Note:
    return Note(
        guid=note_guid(source_id, anchor, kind.value),
        kind=kind,
        tags=(source_id, section_tag(section), role) if source_id else (section_tag(section), role),
        source=SourceRef(source_id, anchor, section.heading, start, end),
        **fields,  # type: ignore[arg-type]
    )


Made = tuple[Note, Origin]
"""A note and where it came from (kept beside the note, never in its Extra)."""


def list_notes(
    source_id: str, original: str, found: list[Enumeration], functions: dict[int, str]
) -> list[Made]:
    """``functions`` maps a sentence's start offset to its function."""
    notes: list[Made] = []
    ordinals: dict[tuple[int, int], int] = {}
    for e in found:
        key = (e.section.index, e.paragraph)
        ordinals[key] = ordinals.get(key, 0) + 1
        anchor = f"s{e.section.index}/p{e.paragraph}/list{ordinals[key]}"
        note = _note(
            source_id,
            anchor,
            NoteKind.LIST,
            e.section,
            e.start,
            e.end,
            "列举",
            prompt=lists.prompt(e),
            answer=lists.answer(e, original),
            items=tuple(original[it.phrase.start : it.phrase.end] for it in e.items),
        )
        notes.append((note, Origin("list." + e.style, _function_at(functions, e.start))))
    return notes


def _function_at(functions: dict[int, str], offset: int) -> str:
    """The function of the sentence holding ``offset`` (the last one starting at or before it)."""
    starts = [s for s in functions if s <= offset]
    return functions[max(starts)] if starts else ""


def cloze_notes(
    source_id: str, original: str, found: list[Cloze], functions: dict[int, str]
) -> list[Made]:
    return [
        (
            _note(
                source_id,
                f"s{c.section.index}/p{c.paragraph.index}/cloze{c.index}",
                NoteKind.CLOZE,
                c.section,
                c.sentence.start,
                c.sentence.end,
                "金句" if c.role == "golden" else "关键词",
                text=markup(original, c),
            ),
            Origin(
                "cloze." + c.rule,
                "金句" if c.role == "golden" else _function_at(functions, c.sentence.start),
            ),
        )
        for c in found
    ]


def qa_notes(source_id: str, original: str, doc: Outline, found: list[Enumeration]) -> list[Made]:
    """The viewpoint of each commentary and the answer points of question headings."""
    notes: list[Made] = []
    for sec in doc.sections:
        if sec.span is None or not sec.paragraphs:
            continue
        label, sep, claim = sec.heading.partition(":")
        if sep and _COMMENT_LABEL.match(label) and claim:
            question = f"{label}的核心观点是什么?"
            head = claim
            origin = Origin("qa.viewpoint", "分论点")
        elif sec.heading.endswith("?"):
            question = sec.heading
            head = ""
            origin = Origin("qa.question", "问题")
        else:
            continue
        points = _points(original, sec, found)
        body = "\n".join(f"{k}. {p}" for k, p in enumerate(points, 1))
        note = _note(
            source_id,
            f"s{sec.index}/qa",
            NoteKind.QA,
            sec,
            sec.span.start,
            sec.paragraphs[-1].span.end,
            "观点",
            prompt=question,
            answer=f"{head}\n{body}".strip(),
        )
        notes.append((note, origin))
    return notes


def _points(original: str, sec: Section, found: list[Enumeration]) -> list[str]:
    own = [e for e in found if e.section is sec and e.style != "inline"]
    if own:
        best = max(own, key=lambda e: len(e.items))
        return [original[it.phrase.start : it.phrase.end] for it in best.items]
    points = []
    for para in sec.paragraphs[:_POINTS]:
        if para.sentences:
            s = para.sentences[0]
            text = original[s.start : s.end].strip()
            points.append(text if len(text) <= _POINT_MAX else text[:_POINT_MAX] + "…")
    return points
