"""Notes from the analysed article: anchors, GUIDs, tags, source offsets.

A note's anchor is its structural address, ``s{section}/p{paragraph}/{role}{n}``,
so its GUID (:func:`trainer.domain.identity.note_guid`) survives edits to the
wording. Offsets are into the article text as read.
"""

from __future__ import annotations

import re
from dataclasses import replace

from trainer.domain.identity import note_guid
from trainer.domain.model import Note, NoteKind, SourceRef
from trainer.generation.classify.address import addresses
from trainer.generation.classify.functions import function_at
from trainer.generation.detect.enumtypes import Enumeration
from trainer.generation.lexicon import kind_words
from trainer.generation.pick.clozes import Cloze, fragment, markup
from trainer.generation.provenance import Origin
from trainer.generation.split.structure import Outline, Section
from trainer.generation.text import Span, fold, widen_punct
from trainer.generation.word import lists
from trainer.generation.word.argument import argument, asks_alone, complete

_COMMENT_LABEL = re.compile(
    r"^(?:评论|观点|分论点|论点|点评|视角|声音|观察)[一二三四五六七八九十\d]{1,3}$"
)
_POINTS = 4


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
    """A note of the article. Its one home for punctuation: what the generator words
    from folded text (prompt, answer, items) is given full-width marks here. A cloze
    keeps its sentence as the article has it: its text is the source at its offsets."""
    for name in ("prompt", "answer"):
        if isinstance(fields.get(name), str):
            fields[name] = widen_punct(str(fields[name]))
    items = fields.get("items")
    if isinstance(items, tuple):
        fields["items"] = tuple(widen_punct(str(item)) for item in items)
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
    source_id: str,
    original: str,
    found: list[Enumeration],
    functions: dict[int, str],
    title: str = "",
) -> list[Made]:
    """``functions`` maps a sentence's start offset to its function; ``title`` names
    the subject of a list whose lead-in names none."""
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
            prompt=lists.prompt(e, _kind(e, functions), title),
            answer=lists.answer(e, original),
            items=tuple(original[it.phrase.start : it.phrase.end] for it in e.items),
        )
        notes.append((note, Origin("list." + e.style, function_at(functions, e.start))))
    return notes


def _kind(e: Enumeration, functions: dict[int, str]) -> str:
    """What most of the list's items do (对策, 问题…), if most do the same."""
    fs = [function_at(functions, it.context.start) for it in e.items]
    best = max(set(fs), key=fs.count) if fs else ""
    return best if fs.count(best) * 2 > len(fs) else ""


def cloze_notes(
    source_id: str,
    original: str,
    found: list[Cloze],
    functions: dict[int, str],
    lists_found: list[Enumeration] = (),  # type: ignore[assignment]
) -> list[Made]:
    """Cloze notes; a sentence that leans on what came before (一是……, 它……) opens
    with its list's lead-in or the sentence before, in 〔〕 (rubric: FRAG)."""
    return [
        (
            _note(
                source_id,
                f"s{c.section.index}/p{c.paragraph.index}/cloze{c.index}"
                + ("/series" if c.rule == "series" else ""),
                NoteKind.CLOZE,
                c.section,
                c.sentence.start,
                c.sentence.end,
                "金句" if c.role == "golden" else "关键词",
                text=_referent(original, c, lists_found) + markup(original, c),
            ),
            Origin(
                "cloze." + c.rule,
                "金句" if c.role == "golden" else function_at(functions, c.sentence.start),
            ),
        )
        for c in found
    ]


_SPEAKER_MAX = 20
_BEFORE_SPEAKER = re.compile(r"[。！？；!?;”]")


def _quotation_opening(original: str, c: Cloze) -> str:
    """The opening of the quotation a card's sentence stands inside (its paragraph
    opened it in an earlier sentence: 曹文君说,“……。只有……才能……”): who speaks and
    the opening mark, so the card does not open in the middle of someone's words."""
    start = c.paragraph.span.start
    before = original[start : c.sentence.start]
    if before.count("“") <= before.count("”"):
        return ""
    lead = before[: before.rfind("“")]
    speaker = _BEFORE_SPEAKER.split(lead)[-1].strip().rstrip(",:，：")
    if not speaker or len(speaker) > _SPEAKER_MAX:
        return "〔“……〕"
    return f"〔{speaker}：“……〕"


def _referent(original: str, c: Cloze, lists_found: list[Enumeration]) -> str:
    opening = _quotation_opening(original, c)
    if opening:
        return opening
    if not fragment(c.sentence.text):
        return ""
    for e in lists_found:
        if (
            e.lead is not None
            and e.lead.end <= c.sentence.start
            and any(it.context.start <= c.sentence.start < it.context.end for it in e.items)
        ):
            return f"〔{complete(original[e.lead.start : e.lead.end])}〕"
    before = [s for s in c.paragraph.sentences if s.end <= c.sentence.start]
    if before:
        return f"〔{complete(original[before[-1].start : before[-1].end])}〕"
    if c.section.heading:
        return f"〔{c.section.heading}〕"
    return ""


def qa_notes(
    source_id: str,
    original: str,
    doc: Outline,
    found: list[Enumeration],
    functions: dict[int, str],
) -> list[Made]:
    """The viewpoint of each commentary and the answer points of question headings."""
    notes: list[Made] = []
    for sec in doc.sections:
        if sec.span is None or not sec.paragraphs:
            continue
        label, sep, claim = sec.heading.partition(":")
        if sep and _COMMENT_LABEL.match(label) and claim:
            title = doc.title.strip()
            question = (
                f"《{title}》{label}的核心观点是什么?" if title else f"{label}的核心观点是什么?"
            )
            head = _first_sentence(claim)
            origin = Origin("qa.viewpoint", "分论点")
            body = _numbered(_own_points(_points(original, sec, found, functions), head))
        elif sec.heading.endswith("?"):
            question = _ORDINAL.sub("", sec.heading).strip()
            if not asks_alone(question):
                continue
            head = ""
            origin = Origin("qa.question", "问题")
            if _JUDGE.search(sec.heading):
                body = _judged(original, sec, found, functions) or _numbered(
                    _points(original, sec, found, functions)
                )
                origin = Origin("qa.judge", "论点")
            else:
                body = _defined(original, sec, question) or _numbered(
                    _points(original, sec, found, functions)
                )
            body = _answers(body)
            if not _answerable(question, body):
                continue
        else:
            continue
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


_WHAT_IS = re.compile(r"^(?:什么是|何为|何谓)(.{2,20}?)[?]$|^(.{2,20}?)是什么[?]$")
"""A question asking what something is (什么是挑山工精神?): the section's definition answers it."""


def _defined(original: str, sec: Section, question: str) -> str:
    """The sentence of ``sec`` that defines what ``question`` asks about:
    ``……,这就是X`` or ``X是……`` (whole, never cut), else empty."""
    m = _WHAT_IS.match(fold(question).strip())
    if m is None:
        return ""
    subject = m.group(1) or m.group(2)
    for para in sec.paragraphs:
        for s in para.sentences:
            text = fold(original[s.start : s.end]).strip()
            said = text.rstrip("。!;")
            if len(said) > _ANSWER_MAX or said.endswith("?"):
                continue
            if said.endswith(("这就是" + subject, "就是" + subject)) or said.startswith(
                subject + "是"
            ):
                return original[s.start : s.end].strip().rstrip("。")
    return ""


def _first_sentence(claim: str) -> str:
    """A heading's claim up to its first full stop (a note's heading runs on into its
    commentary: ``深入实际、深入群众。论述论点,强调……``)."""
    head, sep, _rest = fold(claim).partition("。")
    return claim[: len(head) + len(sep)].strip() if sep and len(head) >= 2 else claim.strip()


def _own_points(points: list[str], head: str) -> list[str]:
    """The points of one commentary: not another's heading (``论点2:坚持……``), not its
    own claim again, each once."""
    out: list[str] = []
    seen = {_bare_point(head)}
    labelled = {_bare_point(fold(p).partition(":")[2]) for p in points if _labelled(p)}
    for p in points:
        key = _bare_point(p)
        if _labelled(p) or key in labelled or key in seen:
            continue
        seen.add(key)
        out.append(p)
    return out


def _labelled(text: str) -> bool:
    label, sep, _rest = fold(text).partition(":")
    return bool(sep) and _COMMENT_LABEL.match(label.strip()) is not None


def _bare_point(text: str) -> str:
    return "".join(ch for ch in fold(text) if ch.isalnum())


_ASKED_POINT = re.compile(r"^\d+\.\s*(.*)$")
_SPOKEN_QUESTION = re.compile(r"[吗么呢吧][?？]$")
_ANSWER_MIN = 8
"""CJK characters an answer needs to say anything (``1. 这三种展示中`` says nothing)."""


def _answers(body: str) -> str:
    """``body`` without points that are themselves questions (the article's other
    headings taken for its answer), renumbered."""
    points = []
    for line in body.splitlines():
        m = _ASKED_POINT.match(line)
        if m is None:
            points.append(line)
        elif not m.group(1).rstrip().endswith(("?", "？")):
            points.append(m.group(1))
    if all(_ASKED_POINT.match(line) for line in body.splitlines()):
        return _numbered(points)
    return "\n".join(points)


_ORDINAL = re.compile(
    r"^(?:[(（][一二三四五六七八九十\d]{1,3}[)）]|[一二三四五六七八九十]{1,3}[、.．]|\d{1,2}[、.．](?!\d))\s*"
)
"""The outline number before a question heading (二、为什么……?): not part of the question."""


def _answerable(question: str, body: str) -> bool:
    """A question heading worth a card (rubric: QAA, PRM): not a line of dialogue
    (``……够么?``, ``……明知故犯?`` with nothing after it) and with an answer that says
    something."""
    if _SPOKEN_QUESTION.search(question):
        return False
    return sum(1 for ch in body if "\u4e00" <= ch <= "\u9fff") >= _ANSWER_MIN


_JUDGE = re.compile(r"(?:怎样|如何|怎么)(?:看待|认识|评价|理解)")
"""A 怎样看待 question: its answer covers the good, the problems and what to do."""
_SIDES = (
    ("积极作用", frozenset({"意义"})),
    ("问题", frozenset({"问题", "危害"})),
    ("对策", frozenset({"对策"})),
)
_LIST_STYLES = frozenset(
    {"ordinal", "openers", "paragraphs", "parallel", "semicolon", "headings", "framed", "colon"}
)


def _numbered(points: list[str]) -> str:
    return "\n".join(f"{k}. {p}" for k, p in enumerate(points, 1))


def _judged(
    original: str, sec: Section, found: list[Enumeration], functions: dict[int, str]
) -> str:
    """积极作用 / 问题 / 对策, each from the section's lists or sentences of that function."""
    blocks = []
    for name, wanted in _SIDES:
        points: list[str] = []
        for e in found:
            if e.section is sec and e.style in _LIST_STYLES:
                fs = {function_at(functions, it.context.start) for it in e.items}
                if fs & wanted:
                    points = [original[it.phrase.start : it.phrase.end] for it in e.items]
                    break
        if not points:
            points = [
                complete(_unlinked(original[s.start : s.end]), _ANSWER_MAX)
                for p in sec.paragraphs
                for s in p.sentences
                if functions.get(s.start) in wanted
                and len(_unlinked(original[s.start : s.end])) <= _ANSWER_MAX
            ][:3]
        if points:
            blocks.append(f"{name}:" + ";".join(points))
    return "\n".join(blocks) if len(blocks) >= 2 else ""


def _points(
    original: str, sec: Section, found: list[Enumeration], functions: dict[int, str]
) -> list[str]:
    own = [
        e for e in found if e.section is sec and e.style in _LIST_STYLES and e.style != "headings"
    ]  # the headings from this one on are the article's outline, not this section's answer
    if own:
        best = max(own, key=lambda e: len(e.items))
        return [original[it.phrase.start : it.phrase.end] for it in best.items]
    points: list[str] = []
    for para in sec.paragraphs:
        if len(points) == _POINTS:
            break
        for s in para.sentences:
            if functions.get(s.start, "") in _POINT_FUNCTIONS:
                text = original[s.start : s.end]
                if _stands_alone(text):  # else the paragraph states no point by itself
                    points.append(complete(text, _ANSWER_MAX))
                break
    return points


_ANSWER_MAX = 60
"""The longest sentence an answer point quotes whole; a longer one is left out rather
than cut off mid-thought (``……咱不冲在前``: rubric QAA, truncated)."""


def _unlinked(text: str) -> str:
    """A sentence without the linking word it opens on (``但是,`` ``并且,``)."""
    text = text.strip()
    head, sep, rest = text.partition("，" if "，" in text[:6] else ",")
    if sep and head in kind_words("answer_openers", "links"):
        return rest.strip()
    return text


def _stands_alone(text: str) -> bool:
    """A sentence that makes a point by itself: short enough to quote whole, opening
    neither on a word that leans on the sentence before (才能……, 但……) nor on a
    background cue (今年……, 近年来……)."""
    head = fold(text).strip()
    if len(head.rstrip("。!;,")) > _ANSWER_MAX:
        return False
    if head.startswith(kind_words("answer_openers", "leans")):
        return False
    return not head.startswith(kind_words("functions", "背景"))


_POINT_FUNCTIONS = frozenset({"论点", "分论点", "问题", "原因", "危害", "意义", "对策"})


def structure_note(
    source_id: str, original: str, doc: Outline, found: list[Enumeration], functions: dict[int, str]
) -> Made | None:
    """The argument-structure card: 中心论点 → 分论点 → 对策, one per article
    (what it says is :func:`trainer.generation.word.argument.argument`'s)."""
    sections = [s for s in doc.sections if s.paragraphs]
    if not sections:
        return None
    said = argument(original, doc, found, functions)
    title = doc.title.strip()
    if len(said.points) < 2 and not said.measures:
        return None  # no claim found: no card rather than a title or a greeting as one
    if said.thesis:
        lines = [f"中心论点:{said.thesis}"]
    elif (
        title
        and not addresses(title)
        and (len(said.points) >= 2 or len(said.measures) >= 2)
        and not any(fold(p).rstrip().endswith("?") for p in said.points)
        and (len(said.measures) >= 2 or sum(bool(s.heading.strip()) for s in sections) >= 2)
    ):
        # A title naming a topic (……问题, 如何看待……) over claims and measures of its own:
        # the card stands under that topic, never passing the title off as a claim.
        # Its points must be the article's headings or measures: without a thesis,
        # a headingless body's opening sentences are as likely to report as to claim.
        lines = [f"论题:{title}"]
    else:
        return None
    if said.points:
        lines.append("分论点:" + ";".join(said.points))
    if said.problems:
        lines.append("问题:" + ";".join(said.problems))
    if said.measures:
        lines.append("对策:" + ";".join(said.measures))
    # The prompt asks for the parts the answer gives, in its order (rubric: QAA).
    asked = "、".join(line.partition(":")[0] for line in lines)
    first, last = sections[0], sections[-1]
    start = first.span.start if first.span else first.paragraphs[0].span.start
    note = Note(
        guid=note_guid(source_id, "s0/structure", NoteKind.QA.value),
        kind=NoteKind.QA,
        prompt=widen_punct(
            f"《{title}》的论证结构是怎样的?({asked})"
            if title
            else f"本文的论证结构是怎样的?({asked})"
        ),
        answer=widen_punct("\n".join(lines)),
        tags=(source_id, "section::全文", "结构") if source_id else ("section::全文", "结构"),
        source=SourceRef(source_id, "s0/structure", "", start, last.paragraphs[-1].span.end),
    )
    return note, Origin("struct.argument", "论点")


_OUTCOMES_MAX = 2
_OUTCOME_LEN = 80
"""The longest 成效 sentence a card carries whole (a longer one is no single result)."""


_CLAUSE_ENDS = frozenset(",，;；。!！?？、:：")


def _whole(original: str, phrase: Span) -> bool:
    """A measure item that ends where its clause ends, or one worded anew from its
    verb and head noun: never one cut short at a length (修建了占地 650 平)."""
    if phrase.text != original[phrase.start : phrase.end]:
        return True
    rest = original[phrase.end : phrase.end + 1]
    return not rest or rest in _CLAUSE_ENDS or rest.isspace()


def _outcomes(original: str, e: Enumeration) -> list[str]:
    """The sentences after the first of ``e``'s measures, in its section, that tell a
    result (``data/material_outcomes.txt``), whole; none that speaks, asks or plans."""
    taken = [(it.context.start, it.context.end) for it in e.items]
    results = kind_words("material_outcomes", "results")
    not_result = kind_words("material_outcomes", "not_result")
    out: list[str] = []
    for para in e.section.paragraphs:
        for s in para.sentences:
            if s.start < e.start or any(a <= s.start < b for a, b in taken):
                continue
            text = original[s.start : s.end].strip()
            folded = fold(text)
            if len(text) > _OUTCOME_LEN or any(w in folded for w in not_result):
                continue
            if any(w in folded for w in results):
                out.append(text)
    return out[:_OUTCOMES_MAX]


def material_notes(
    source_id: str,
    original: str,
    found: list[Enumeration],
    functions: dict[int, str] | None = None,
) -> list[Made]:
    """The structure cards of a 给定资料: the question an exam asks of it, answered in
    its own words. What its place did (做法, the measures one actor takes across its
    sentences) and what that brought (成效, when a result follows): one card per run
    of measures; else, what goes wrong there (问题, a list whose items name flaws) and
    why (原因, a list of causes), when the material lists them. Narration or a story
    tells neither and gets none: no card rather than one invented."""
    made: list[Made] = []
    for n, e in enumerate(x for x in found if x.style == "measures"):
        items = [it.phrase.text for it in e.items if _whole(original, it.phrase)]
        if len(items) < 2:
            continue
        outcomes = _outcomes(original, e)
        actor = e.shared or "材料中"
        if outcomes:
            prompt = f"{actor}的做法及成效是什么?"
            answer = "做法:" + ";".join(items) + "。\n成效:" + "".join(outcomes)
        else:
            prompt = f"{actor}采取了哪些做法?"
            answer = "做法:" + ";".join(items) + "。"
        anchor = f"s{e.section.index}/material{n}"
        made.append(_material_note(source_id, e, anchor, prompt, answer, "做法"))
    if made:
        return made
    problems = _problem_run(original, found)
    if problems is None:
        run = _clause_measures(original, found)
        if run is None:
            return []
        answer = "做法:" + ";".join(_point_texts(original, run)) + "。"
        anchor = f"s{run.section.index}/{_CLAUSES_ANCHOR}"
        return [_material_note(source_id, run, anchor, "材料中采取了哪些做法?", answer, "做法")]
    causes = _cause_run(original, found, functions or {}, problems)
    subject = _subject(original, problems)
    prompt = f"{subject}存在哪些问题?"
    answer = "问题:" + ";".join(_point_texts(original, problems)) + "。"
    if causes is not None:
        prompt += "原因是什么?"
        answer += "\n原因:" + ";".join(_point_texts(original, causes)) + "。"
    anchor = f"s{problems.section.index}/material-problems"
    return [_material_note(source_id, problems, anchor, prompt, answer, "问题")]


_CLAUSES_ANCHOR = "material-clauses"
_CLAUSE_STYLES = frozenset({"clauses", "semicolon"})
_CLAUSE_ITEMS_MIN = 3


def _clause_measures(original: str, found: list[Enumeration]) -> Enumeration | None:
    """A run of measures inside one sentence of a material (打造……, 引导……, 推动……):
    three whole clauses or more, each opening on a measure verb (``data/material_measures.txt``
    or ``data/policy_verbs.txt``, kind verbs), none inside a quotation (a speaker's
    plan is no 做法 of the place). The first such run, else none."""
    verbs = tuple(
        sorted(
            {*kind_words("material_measures", "verbs"), *kind_words("policy_verbs", "verbs")},
            key=len,
            reverse=True,
        )
    )
    for e in found:
        if e.style not in _CLAUSE_STYLES or len(e.items) < _CLAUSE_ITEMS_MIN:
            continue
        texts = _point_texts(original, e)
        if any(len(t) < _POINT_MIN or not t.startswith(verbs) for t in texts):
            continue
        if not all(_whole(original, it.phrase) for it in e.items):
            continue
        before = original[: e.items[0].phrase.start]
        para = before[before.rfind("\n") + 1 :]
        if para.count("“") > para.count("”") or para.count('"') % 2:
            continue
        return e
    return None


def one_card_a_run(material: list[Made], made: list[Made]) -> list[Made]:
    """``made`` with the structure cards of a material, one card per run of points:
    a list card holding just the measures a clause run's 做法 card answers stands for
    it, tagged 结构 (its prompt naming how many, its GUID and history kept), rather
    than the run being asked twice."""
    out = list(made)
    ahead: list[Made] = []
    for note, origin in material:
        head, _sep, body = fold(note.answer).partition(":")
        points = {p.strip() for p in body.rstrip("。").split(";")} if "\n" not in body else set()
        at = next(
            (
                i
                for i, (n, _o) in enumerate(out)
                if points and {fold(it).strip().rstrip("。;,") for it in n.items} == points
            ),
            None,
        )
        if at is None or not head or not note.source.anchor.endswith(_CLAUSES_ANCHOR):
            ahead.append((note, origin))
            continue
        listed, how = out.pop(at)
        tags = listed.tags if "结构" in listed.tags else (*listed.tags, "结构")
        ahead.append((replace(listed, tags=tags), how))
    return ahead + out


def _material_note(
    source_id: str, e: Enumeration, anchor: str, prompt: str, answer: str, function: str
) -> Made:
    note = Note(
        guid=note_guid(source_id, anchor, NoteKind.QA.value),
        kind=NoteKind.QA,
        prompt=widen_punct(prompt),
        answer=widen_punct(answer),
        tags=(source_id, section_tag(e.section), "结构")
        if source_id
        else (section_tag(e.section), "结构"),
        source=SourceRef(source_id, anchor, "", e.start, e.end),
    )
    return note, Origin("struct.material", function)


_POINT_MIN = 4
"""Characters at least of a material's point (护理人员缺乏); a shorter one is a bare word."""
_NOT_POINT_LISTS = frozenset({"quoted", "measures"})
"""Quoted names (“引不来、留不住”) and the runs of measures are no list of flaws or causes."""


def _point_texts(original: str, e: Enumeration) -> list[str]:
    return [original[it.phrase.start : it.phrase.end].strip().rstrip("。;,，；") for it in e.items]


def _points_of(original: str, e: Enumeration) -> list[str]:
    """The items of ``e`` as points of a material: empty when one is a bare word or a
    series of words (不科学、不合理: words to write with, no point of a place)."""
    texts = _point_texts(original, e)
    if len(texts) < 2 or e.style in _NOT_POINT_LISTS:
        return []
    if any(len(t) < _POINT_MIN or "、" in t for t in texts):
        return []
    return texts


def _problem_run(original: str, found: list[Enumeration]) -> Enumeration | None:
    """The list of a material whose items name flaws (缺乏……, ……滞后, ……单一;
    ``data/item_heads.txt`` kind problem): half of them and two at least; of several,
    the one with most such items."""
    flaws = kind_words("item_heads", "problem")
    best: Enumeration | None = None
    best_held = 0
    for e in found:
        texts = _points_of(original, e)
        held = sum(any(w in fold(t) for w in flaws) for t in texts)
        if held >= 2 and held * 2 >= len(texts) and held > best_held:
            best, best_held = e, held
    return best


def _cause_run(
    original: str, found: list[Enumeration], functions: dict[int, str], problems: Enumeration
) -> Enumeration | None:
    """The list of a material's causes: after its problems, items most of whose sentences
    tell a cause (原因, 导致: the classifier's 原因) or whose lead-in names them."""
    for e in found:
        if e is problems or e.start < problems.end or not _points_of(original, e):
            continue
        fs = [function_at(functions, it.context.start) for it in e.items]
        lead = fold(original[e.lead.start : e.lead.end]) if e.lead is not None else ""
        causes = kind_words("material_questions", "causes")
        if fs.count("原因") * 2 > len(fs) or any(w in lead for w in causes):
            return e
    return None


_SUBJECT_MAX = 16


def _subject(original: str, problems: Enumeration) -> str:
    """Who or what has the problems: the clause before 存在 or 面临 in the list's lead-in
    (当地养老服务存在以下问题; ``data/material_questions.txt``), else the material."""
    if problems.lead is not None:
        lead = fold(original[problems.lead.start : problems.lead.end])
        for verb in kind_words("material_questions", "has"):
            head, sep, _rest = lead.partition(verb)
            clause = re.split(r"[,;:。]", head)[-1].strip() if sep else ""
            if 2 <= len(clause) <= _SUBJECT_MAX:
                return clause
    return "材料中"
