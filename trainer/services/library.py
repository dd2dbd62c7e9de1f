"""The article library: every article made into cards, its progress and its outline.

:meth:`LibraryService.articles` lists the stored articles with their themes and
progress (cards, how many were studied, their mean retrievability now, when
one was last answered). :meth:`LibraryService.outline` rebuilds the article's
argument from what the generator finds (sentence functions, sections, lists):
中心论点 → 分论点 → 问题 / 原因 / 危害 / 对策 / 意义, each node with the cards
made from its sentence and their retrievability; :func:`recital_points` and
:func:`grade_recital` turn it into a "recite the structure" exercise graded point
by point like a list card. :meth:`LibraryService.cloze_from_selection` makes a
cloze card of the sentence around a phrase the learner picked while reading.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import TYPE_CHECKING

from sqlalchemy import Connection

from trainer.domain import cloze, notetypes
from trainer.domain.clock import from_epoch, utc
from trainer.domain.errors import TrainerError
from trainer.domain.model import CardState, Note, NoteKind, SourceRef
from trainer.domain.topics import unpack
from trainer.storage import decks_repo, library_repo
from trainer.storage.library_repo import ArticleRecord, CardRecord
from trainer.storage.store import Store

if TYPE_CHECKING:
    from trainer.services.adding import Added
    from trainer.services.grading.results import Grade

__all__ = [
    "ROLES",
    "ArticleSummary",
    "CardInfo",
    "LibraryService",
    "OutlineNode",
    "StoredArticle",
    "grade_recital",
    "recital_points",
]

ROLES = ("问题", "原因", "危害", "对策", "意义")
"""What a 分论点 (or the article itself) is backed by, in the order an answer gives them."""
CLAIM = "中心论点"
SUB_CLAIM = "分论点"
HAND_TAG = "关键词"
"""Tag of a cloze made from a phrase picked while reading (a key term, like the generator's)."""


# -- the list ---------------------------------------------------------------------------
@dataclass(frozen=True, slots=True)
class ArticleSummary:
    id: str
    title: str
    source: str
    date: str
    topics: tuple[str, ...]
    deck: str
    created_at: datetime | None
    chars: int
    cards: int = 0
    studied: int = 0
    """Cards answered at least once (not new)."""
    retention: float | None = None
    """Mean retrievability now of the studied cards; None before any is studied."""
    last_studied: datetime | None = None

    def to_dict(self) -> dict[str, object]:
        return {
            "id": self.id,
            "title": self.title,
            "source": self.source,
            "date": self.date,
            "topics": list(self.topics),
            "deck": self.deck,
            "created": self.created_at.isoformat() if self.created_at else None,
            "characters": self.chars,
            "cards": self.cards,
            "studied": self.studied,
            "retention": None if self.retention is None else round(self.retention, 4),
            "last_studied": self.last_studied.isoformat() if self.last_studied else None,
        }


@dataclass(frozen=True, slots=True)
class StoredArticle:
    id: str
    title: str
    text: str
    source: str
    date: str
    topics: tuple[str, ...]
    deck: str


# -- the outline ------------------------------------------------------------------------
@dataclass(frozen=True, slots=True)
class CardInfo:
    card_id: int
    guid: str
    kind: str
    ord: int
    front: str
    state: CardState
    retention: float | None


@dataclass(frozen=True, slots=True)
class OutlineNode:
    """One node: the claim, a 分论点, a group (``group``: e.g. all 对策 under a
    分论点) or one point (a sentence, or the list item it states)."""

    role: str
    text: str = ""
    """The sentence as written ("" for a group)."""
    point: str = ""
    """What reciting this node asks for: the list item the sentence states, else the sentence."""
    start: int = 0
    end: int = 0
    paragraph: tuple[int, int] = (0, 0)
    """The paragraph holding the sentence (shown on demand)."""
    cards: tuple[CardInfo, ...] = ()
    children: tuple[OutlineNode, ...] = ()
    group: bool = False

    @property
    def retention(self) -> float | None:
        """Mean retrievability of the studied cards here and below."""
        values = [c.retention for c in self.all_cards() if c.retention is not None]
        return sum(values) / len(values) if values else None

    def all_cards(self) -> list[CardInfo]:
        out = list(self.cards)
        for child in self.children:
            out.extend(child.all_cards())
        return out

    def walk(self) -> list[OutlineNode]:
        out = [self]
        for child in self.children:
            out.extend(child.walk())
        return out

    def to_dict(self) -> dict[str, object]:
        return {
            "role": self.role,
            "text": self.text,
            "point": self.point,
            "start": self.start,
            "end": self.end,
            "group": self.group,
            "cards": [
                {
                    "id": c.card_id,
                    "guid": c.guid,
                    "kind": c.kind,
                    "front": c.front,
                    "retention": c.retention,
                }
                for c in self.cards
            ],
            "children": [c.to_dict() for c in self.children],
        }


@dataclass(frozen=True, slots=True)
class ArticleOutline:
    article: StoredArticle
    root: OutlineNode
    loose: tuple[CardInfo, ...] = field(default=())
    """Cards of the article whose sentence is not on the outline."""

    def paragraph_text(self, node: OutlineNode) -> str:
        start, end = node.paragraph
        return self.article.text[start:end]


def _front(note: Note, ord_: int) -> str:
    return notetypes.front_text(note, ord_)


class LibraryService:
    def __init__(self, store: Store) -> None:
        self.store = store

    # -- listing ------------------------------------------------------------------------
    def articles(self, now: datetime, topic: str | None = None) -> list[ArticleSummary]:
        """Stored articles with their progress, newest first (``topic``: one theme only)."""
        pid = self.store.profile.id
        with self.store.read() as conn:
            records = library_repo.articles(conn, topic)
            cards = library_repo.cards_of(conn, pid, [r.id for r in records]) if records else []
            decays = self._decays(conn, {c.deck_id for c in cards})
        by_article: dict[str, list[CardRecord]] = {}
        for c in cards:
            by_article.setdefault(c.note.source.article, []).append(c)
        return [self._summary(r, by_article.get(r.id, []), decays, now) for r in records]

    def _summary(
        self,
        record: ArticleRecord,
        cards: list[CardRecord],
        decays: dict[int, float],
        now: datetime,
    ) -> ArticleSummary:
        studied = [c for c in cards if c.state != int(CardState.NEW)]
        values = [r for c in studied if (r := self._retention(c, decays, now)) is not None]
        last = max((c.last_review for c in studied if c.last_review), default=None)
        return ArticleSummary(
            record.id,
            record.title or record.id,
            record.source,
            record.date,
            unpack(record.topics),
            record.deck,
            from_epoch(record.created_at) if record.created_at else None,
            record.chars,
            len(cards),
            len(studied),
            sum(values) / len(values) if values else None,
            from_epoch(last) if last else None,
        )

    def _decays(self, conn: Connection, deck_ids: set[int]) -> dict[int, float]:
        from trainer.scheduling.fsrs_adapter import decay_of

        out = {}
        for deck_id in deck_ids:
            deck = decks_repo.deck_by_id(conn, deck_id)
            if deck is not None:
                out[deck_id] = decay_of(deck.options)
        return out

    def _retention(self, card: CardRecord, decays: dict[int, float], now: datetime) -> float | None:
        from trainer.scheduling.fsrs_adapter import DEFAULT_PARAMETERS, forgetting_curve

        if card.state == int(CardState.NEW) or not card.stability or not card.last_review:
            return None
        clock = self.store.clock
        elapsed = clock.day(utc(now)) - clock.day(from_epoch(card.last_review))
        decay = decays.get(card.deck_id, float(DEFAULT_PARAMETERS[20]))
        return forgetting_curve(elapsed, float(card.stability), decay)

    def article(self, article_id: str) -> StoredArticle:
        with self.store.read() as conn:
            found = library_repo.article(conn, article_id)
        if found is None:
            raise TrainerError(f"no article {article_id!r} in the library")
        record, text = found
        return StoredArticle(
            record.id,
            record.title or record.id,
            text,
            record.source,
            record.date,
            unpack(record.topics),
            record.deck,
        )

    def find(self, name: str) -> StoredArticle:
        """An article by id, or by title when exactly one has it."""
        with self.store.read() as conn:
            records = library_repo.articles(conn)
        ids = [r.id for r in records if r.id == name]
        if not ids:
            ids = [r.id for r in records if r.title == name]
        if len(ids) != 1:
            what = "no article" if not ids else f"{len(ids)} articles"
            raise TrainerError(f"{what} named {name!r} in the library")
        return self.article(ids[0])

    # -- the outline --------------------------------------------------------------------
    def outline(self, article_id: str, now: datetime) -> ArticleOutline:
        """The article's argument as a tree, each node with its cards and their retention."""
        art = self.article(article_id)
        pid = self.store.profile.id
        with self.store.read() as conn:
            cards = library_repo.cards_of(conn, pid, [article_id])
            decays = self._decays(conn, {c.deck_id for c in cards})
        infos = [
            (
                c,
                CardInfo(
                    c.card_id,
                    c.note.guid,
                    c.note.kind.value,
                    c.ord,
                    _front(c.note, c.ord),
                    CardState(c.state),
                    self._retention(c, decays, now),
                ),
            )
            for c in cards
        ]
        root = build_outline(art.text, art.title)
        return _attach(art, root, infos)

    # -- a cloze from a picked phrase ---------------------------------------------------
    def cloze_from_selection(
        self, article_id: str, start: int, end: int, now: datetime, deck: str | None = None
    ) -> Added:
        """Add a cloze card of the sentence holding ``text[start:end]``, the phrase blanked.

        Goes to ``deck`` or the deck the article's cards were made into; the note
        keeps the article and the sentence's place so it shows its paragraph and
        sits on the outline. Returns the add service's ``Added``.
        """
        from trainer.services.adding import AddService

        art = self.article(article_id)
        text = cloze_text(art.text, start, end)
        sentence = sentence_span(art.text, start, end)
        target = deck or art.deck
        if not target:
            with self.store.read() as conn:
                target = library_repo.home_deck(conn, article_id)
        if not target:
            raise TrainerError(f"{art.title}: no deck to add the card to")
        note = Note(
            guid="",
            kind=NoteKind.CLOZE,
            text=text,
            tags=(article_id, HAND_TAG),
            source=SourceRef(article_id, "", "", sentence[0], sentence[1]),
        )
        return AddService(self.store).add(target, note, now)


# -- building the tree ------------------------------------------------------------------
_LIST_STYLES = frozenset({"ordinal", "headings", "openers", "semicolon", "framed", "colon"})
_LABEL = re.compile(r"^(?:评论|观点|分论点|论点|点评|视角|声音|观察)[一二三四五六七八九十\d]{1,3}$")
_NUMBERED = re.compile(
    r"^(?:[(（][一二三四五六七八九十\d]{1,3}[)）]|[一二三四五六七八九十\d]{1,3}[、.．]|"
    r"第[一二三四五六七八九十]{1,3}[,、:]?)\s*"
)
_NOT_CLAIM = re.compile(
    r"背景|概述|材料|分析|链接|阅读|导读|结语|总结|小结|引言|前言|附录|要求|题目|参考|范文"
)
_PART = re.compile(
    r"(?:问题|原因|成因|根源|症结|对策|建议|措施|举措|路径|办法|意义|作用|价值|影响|危害|后果|现状|表现)$"
)
"""A heading naming a part of the material (当前垃圾分类存在的问题), not a claim."""
_ENDS = "。!?;,:、.…"


def _trimmed(text: str) -> str:
    return _NUMBERED.sub("", text.strip()).strip().rstrip(_ENDS + "。！？；，：").strip()


def _claim_heading(heading: str) -> str:
    """The claim a section heading states ("" when it names a part or asks)."""
    from trainer.generation.detect.enumerations import structural_heading
    from trainer.generation.detect.golden import GOLDEN_SECTION

    label, sep, rest = heading.partition(":")
    text = rest if sep and _LABEL.match(label.strip()) else heading
    if text.strip().endswith(("?", "？")):
        return ""
    text = _trimmed(text)
    if (
        len(text) <= 4
        or _NOT_CLAIM.search(text)
        or _PART.search(text)
        or structural_heading(text)
        or GOLDEN_SECTION.search(text)
    ):
        return ""
    return text


def build_outline(text: str, title: str) -> OutlineNode:
    """The tree (without cards) of an article, from the generator's structure and functions."""
    from trainer.generation.classify.functions import classify
    from trainer.generation.detect.enumerations import find_enumerations
    from trainer.generation.split.structure import outline
    from trainer.generation.text import fold

    folded = fold(text)
    doc = outline(folded, fold(title.strip()))
    functions = classify(doc)
    items: dict[int, str] = {}
    for e in find_enumerations(folded, doc):
        if e.style.value in _LIST_STYLES:
            for it in e.items:
                items.setdefault(it.context.start, text[it.phrase.start : it.phrase.end])
    rows = [
        (sec, para, s, functions.get(s.start, ""))
        for sec in doc.sections
        for para in sec.paragraphs
        for s in para.sentences
    ]
    early = [r for r in rows[:6] if r[3] == "论点"]
    late = [r for r in reversed(rows) if r[3] == "论点"]
    claim_row = early[0] if early else (late[0] if late else None)

    def point_of(start: int, end: int) -> str:
        for at, phrase in items.items():
            if start <= at < end and phrase.strip():
                return phrase.strip()
        return _trimmed(text[start:end])

    def leaf(role: str, sec: object, para: object, s: object) -> OutlineNode:
        start, end = s.start, s.end  # type: ignore[attr-defined]
        p = para.span  # type: ignore[attr-defined]
        return OutlineNode(
            role, text[start:end].strip(), point_of(start, end), start, end, (p.start, p.end)
        )

    heading_claims = {
        sec.index: claim for sec in doc.sections if (claim := _claim_heading(sec.heading))
    }
    by_heading = len(heading_claims) >= 2
    subs: list[tuple[OutlineNode, list[OutlineNode]]] = []
    loose: list[OutlineNode] = []
    current: tuple[OutlineNode, list[OutlineNode]] | None = None
    current_section = -1
    for sec, para, s, fn in rows:
        if claim_row is not None and s.start == claim_row[2].start:
            continue
        if sec.index != current_section:
            current_section = sec.index
            current = None
            if by_heading and sec.index in heading_claims:
                span = sec.span or para.span
                node = OutlineNode(
                    SUB_CLAIM,
                    text[span.start : span.end].strip(),
                    heading_claims[sec.index],
                    span.start,
                    span.end,
                    (span.start, para.span.end),
                )
                current = (node, [])
                subs.append(current)
        if not by_heading and fn == SUB_CLAIM and s is para.sentences[0]:
            current = (leaf(SUB_CLAIM, sec, para, s), [])
            subs.append(current)
            continue
        if fn in ROLES:
            (current[1] if current is not None else loose).append(leaf(fn, sec, para, s))
    if claim_row is not None:
        sec, para, s, _fn = claim_row
        root = leaf(CLAIM, sec, para, s)
    else:
        root = OutlineNode(CLAIM, title, _trimmed(title))
    children = [
        OutlineNode(
            node.role,
            node.text,
            node.point,
            node.start,
            node.end,
            node.paragraph,
            children=_grouped(kids),
        )
        for node, kids in subs
    ]
    children.extend(_grouped(loose))
    return OutlineNode(
        root.role,
        root.text,
        root.point,
        root.start,
        root.end,
        root.paragraph,
        children=tuple(children),
    )


def _grouped(nodes: Sequence[OutlineNode]) -> tuple[OutlineNode, ...]:
    """Points gathered under one group per role (问题, 原因, 危害, 对策, 意义)."""
    out = []
    for role in ROLES:
        mine = tuple(n for n in nodes if n.role == role)
        if mine:
            out.append(
                OutlineNode(role, start=mine[0].start, end=mine[-1].end, children=mine, group=True)
            )
    return tuple(out)


def _attach(
    art: StoredArticle, root: OutlineNode, infos: list[tuple[CardRecord, CardInfo]]
) -> ArticleOutline:
    """Hang each card on the point whose sentence its note starts in (the structure card
    and cards of sentences off the outline: on the root, and in ``loose``)."""
    points = [n for n in root.walk() if not n.group and n.end > n.start]
    placed: dict[int, list[CardInfo]] = {}
    loose: list[CardInfo] = []
    for record, info in infos:
        src = record.note.source
        if src.anchor.endswith("structure"):
            placed.setdefault(id(root), []).append(info)
            continue
        home = next((n for n in points if n.start <= src.start < n.end), None)
        if home is None:
            home = next((n for n in points if src.start < n.end and n.start < src.end), None)
        if home is None:
            loose.append(info)
        else:
            placed.setdefault(id(home), []).append(info)

    def hang(node: OutlineNode) -> OutlineNode:
        return OutlineNode(
            node.role,
            node.text,
            node.point,
            node.start,
            node.end,
            node.paragraph,
            tuple(placed.get(id(node), ())),
            tuple(hang(c) for c in node.children),
            node.group,
        )

    return ArticleOutline(art, hang(root), tuple(loose))


# -- reciting the structure -------------------------------------------------------------
@dataclass(frozen=True, slots=True)
class RecitalPoint:
    role: str
    point: str
    depth: int


def recital_points(node: OutlineNode, depth: int = 0) -> list[RecitalPoint]:
    """What reciting ``node`` asks for, in outline order (groups are headings, not points)."""
    out = []
    if not node.group and node.point:
        out.append(RecitalPoint(node.role, node.point, depth))
    for child in node.children:
        out.extend(recital_points(child, depth + (0 if node.group else 1)))
    return out


def grade_recital(points: Sequence[RecitalPoint], typed: str, *, strict: bool = False) -> Grade:
    """Grade an outline typed from memory point by point, as a list card is graded."""
    from trainer.services.grading import grade

    return grade([p.point for p in points], typed, strict=strict)


# -- a cloze of a picked phrase ---------------------------------------------------------
_SENTENCE_END = "。！？!?；;\n"


def sentence_span(text: str, start: int, end: int) -> tuple[int, int]:
    """The sentence of ``text`` holding ``[start, end)`` (its end mark kept, spaces trimmed)."""
    lo = start
    while lo > 0 and text[lo - 1] not in _SENTENCE_END:
        lo -= 1
    hi = max(start, end)
    while hi < len(text) and text[hi] not in _SENTENCE_END:
        hi += 1
    if hi < len(text) and text[hi] != "\n":
        hi += 1
    while lo < hi and text[lo].isspace():
        lo += 1
    while hi > lo and text[hi - 1].isspace():
        hi -= 1
    return lo, hi


def cloze_text(text: str, start: int, end: int) -> str:
    """The sentence around ``text[start:end]`` with that phrase as deletion c1."""
    start, end = sorted((start, end))
    phrase = text[start:end].strip()
    if not phrase:
        raise TrainerError("select a phrase first")
    if any(ch in _SENTENCE_END for ch in phrase[:-1]):
        raise TrainerError("select a phrase within one sentence")
    lead = len(text[start:end]) - len(text[start:end].lstrip())
    start += lead
    end = start + len(phrase)
    lo, hi = sentence_span(text, start, end)
    if not (lo <= start and end <= hi):
        raise TrainerError("select a phrase within one sentence")
    if "{{" in text[lo:hi] or "}}" in text[lo:hi] or "::" in phrase:
        raise TrainerError("the sentence holds cloze markup ({{ }} or ::); edit a card by hand")
    made = f"{text[lo:start]}{{{{c1::{phrase}}}}}{text[end:hi]}"
    cloze.parse(made)
    return made
