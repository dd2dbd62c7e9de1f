"""A learner's scheduling as Anki stores it: card columns, ``cards.data`` and the review log.

The inverse of the import (``services/anki_history``, ``apkg_read``), so that a
package exported with scheduling and imported back gives the same cards:

* review cards are due on a day counted from the collection's creation
  (``crt``, which is put at the start of a fixed study day, so Anki's calendar
  day of ``crt`` and our study day agree); learning cards due within the study
  day of their last answer are due at an epoch second (queue 1), later ones on
  a day (queue 3, Anki's "day learning"); new cards' due is their new-queue
  position;
* suspended cards are queue -1, buried ones (until a day after today) -2 when
  another card of the note was answered on the day of the burying (a buried
  sibling), else -3 (buried by hand), as Anki tells them apart;
* review and relearning cards carry the SM-2 ease Anki would have kept for
  their answers (``_eases``), so a learner who goes back to SM-2 keeps it;
* FSRS memory goes to ``cards.data`` as Anki writes it
  (``{"pos", "s", "d", "dr", "decay", "lrt"}``);
* each answer is one ``revlog`` row: id = answer time in ms (kept unique: a
  clash moves the later row on by a millisecond), ease = rating, ivl in days
  (negative seconds for a step under a day), lastIvl, factor (FSRS difficulty
  as Anki writes it, ``((d - 1) / 9 + 0.1) * 1000``), time, and type 0 learn /
  1 review / 2 relearn; a reset to new (``reset_at``) is a manual row (type 4,
  no ease, no factor), as Anki's "Forget".

Pure: rows in, rows out; ``apkg_write`` puts them into the package.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from operator import itemgetter
from typing import TYPE_CHECKING, Any, NamedTuple

from trainer.domain.clock import DayClock, from_epoch, to_epoch
from trainer.domain.model import CardState, DeckOptions, Queue

if TYPE_CHECKING:
    from trainer.storage.schedule_repo import AnswerRow, CardRow

CRT_DAY = date(2014, 9, 19).toordinal()
"""The study day the exported collection was 'created' (genanki's own ``crt`` day)."""
DEFAULT_EASE = 2500
"""Anki's SM-2 ease for a card that has left the new queue (its default starting ease)."""
MIN_EASE = 1300
EASE_STEP = {1: -200, 2: -150, 3: 0, 4: 150}
"""How Anki's SM-2 ease moves with the answer to a review card (FSRS or not, Anki keeps
it up to date): Again -0.2 (down to 1.3), Hard -0.15, Easy +0.15."""
REVLOG_TYPE = {
    CardState.NEW: 0,
    CardState.LEARNING: 0,
    CardState.REVIEW: 1,
    CardState.RELEARNING: 2,
}
MANUAL = 4
SIBLING_BURIED, USER_BURIED = -2, -3
"""Anki's queues for a card buried because its sibling was answered, and by hand."""
MAX_INT32 = 2_147_483_647


class AnkiCardState(NamedTuple):
    """One card's scheduling columns in Anki's ``cards`` table; ``ord`` is Anki's."""

    guid: str
    ord: int
    type: int
    queue: int
    due: int
    ivl: int
    factor: int
    reps: int
    lapses: int
    left: int
    data: str


class RevlogRow(NamedTuple):
    """One ``revlog`` row, its card named by note GUID and Anki ord."""

    guid: str
    ord: int
    id: int
    ease: int
    ivl: int
    last_ivl: int
    factor: int
    time: int
    type: int


@dataclass(frozen=True, slots=True)
class Scheduling:
    """What a package carries of one learner's scheduling of a deck."""

    crt: int
    conf: dict[str, Any]
    """Collection config keys that make Anki count days as the learner does."""
    cards: tuple[AnkiCardState, ...]
    revlog: tuple[RevlogRow, ...]
    options: DeckOptions = field(default_factory=DeckOptions)
    """The deck's options, written as the deck's preset."""

    @property
    def scheduled(self) -> int:
        """Cards that are not plain new cards (studied, suspended or buried)."""
        return sum(1 for c in self.cards if c.type != 0 or c.queue != 0)

    @property
    def answers(self) -> int:
        return sum(1 for r in self.revlog if r.ease)


def anki_ord(ord_: int) -> int:
    """Our card ord as Anki's: cloze n is Anki's n - 1; a Q&A or list card is 0."""
    return max(ord_ - 1, 0)


def collection_start(clock: DayClock) -> tuple[int, dict[str, Any]]:
    """``crt`` and the config that make Anki's day count equal ours.

    Anki (v2 timing with ``creationOffset``) counts days from ``crt``'s calendar
    date in the creation offset, rolling over at ``rollover``; ``crt`` is the
    start of study day ``CRT_DAY`` here, so its calendar date is that day.
    """
    start = clock.day_start(CRT_DAY)
    offset = clock.local(start).utcoffset()
    minutes_west = -int(offset.total_seconds() // 60) if offset is not None else 0
    conf = {"schedVer": 2, "rollover": clock.rollover_hour, "creationOffset": minutes_west}
    return to_epoch(start), conf


def _memory(row: CardRow, options: DeckOptions, decay: float) -> str:
    if row.stability is None or row.difficulty is None or row.state == CardState.NEW:
        return ""
    data: dict[str, Any] = {
        "pos": row.position,
        "s": round(row.stability, 4),
        "d": round(row.difficulty, 3),
        "dr": round(options.desired_retention, 4),
        "decay": round(decay, 4),
    }
    if row.last_review is not None:
        data["lrt"] = row.last_review
    return json.dumps(data, separators=(",", ":"))


def _eases(answers: Sequence[AnswerRow], resets: dict[tuple[str, int], int]) -> dict[Any, int]:
    """Each answered card's SM-2 ease as Anki keeps it: the starting ease when it leaves
    learning (or after a reset to new), moved by each answer given to it as a review card.
    A learner who schedules with SM-2 in Anki gets the ease they had back."""
    out: dict[Any, int] = {}
    review = int(CardState.REVIEW)
    for guid, ord_, at, rating, _took, before, _days, _d in answers:
        key = (guid, ord_)
        if at < resets.get(key, 0):
            continue
        ease = out.get(key, DEFAULT_EASE)
        if before == review:
            ease = max(MIN_EASE, ease + EASE_STEP.get(rating, 0))
        out[key] = ease
    return out


def _card(
    row: CardRow,
    clock: DayClock,
    today: int,
    options: DeckOptions,
    decay: float,
    ease: int = DEFAULT_EASE,
    sibling_buried: bool = False,
) -> AnkiCardState | None:
    queue = Queue(row.queue)
    if queue is Queue.RETIRED:
        return None
    state = CardState(row.state)
    buried = queue is Queue.BURIED and row.buried_until > today
    due_s = row.original_due if row.original_deck_id and row.original_due else row.due
    extra: int | None = None
    if queue is Queue.SUSPENDED:
        extra = -1
    elif buried:
        extra = SIBLING_BURIED if sibling_buried else USER_BURIED
    memory = _memory(row, options, decay)
    if state is CardState.NEW:
        return AnkiCardState(
            row.guid, anki_ord(row.ord), 0, extra or 0, row.position, 0, 0, row.reps,
            row.lapses, 0, "",
        )  # fmt: skip
    if state is CardState.REVIEW:
        due_day = clock.day(from_epoch(due_s))
        last = row.last_review if row.last_review is not None else due_s
        ivl = max(1, due_day - clock.day(from_epoch(last)))
        return AnkiCardState(
            row.guid, anki_ord(row.ord), 2, 2 if extra is None else extra, due_day - CRT_DAY, ivl,
            ease, row.reps, row.lapses, 0, memory,
        )  # fmt: skip
    steps = options.learning_steps if state is CardState.LEARNING else options.relearning_steps
    left = max(1, len(steps) - (row.step or 0))
    intraday = row.last_review is None or from_epoch(due_s) < clock.next_day_start(
        from_epoch(row.last_review)
    )
    queue_n, due = (1, due_s) if intraday else (3, clock.day(from_epoch(due_s)) - CRT_DAY)
    if state is CardState.LEARNING:
        type_, ivl, factor = 1, 0, 0
    else:
        type_, factor = 3, ease
        ivl = max(1, round(row.stability or 1.0))
    return AnkiCardState(
        row.guid, anki_ord(row.ord), type_, queue_n if extra is None else extra, due, ivl,
        factor, row.reps, row.lapses, left, memory,
    )  # fmt: skip


def _revlog_ivl(days: float) -> int:
    """Anki's revlog interval: days, or negative seconds for a step under a day."""
    if days >= 1:
        return min(round(days), MAX_INT32)
    return -min(round(max(days, 0.0) * 86400), MAX_INT32)


def _revlog(answers: Sequence[AnswerRow], resets: dict[tuple[str, int], int]) -> list[RevlogRow]:
    rows: list[RevlogRow] = []
    append = rows.append
    make = RevlogRow._make
    kinds = {int(k): v for k, v in REVLOG_TYPE.items()}
    last_key: tuple[str, int] | None = None
    last_ivl = 0
    for guid, ord_, at, rating, took, before, days, difficulty in answers:
        if (guid, ord_) != last_key:
            last_key, last_ivl = (guid, ord_), 0
        kind = kinds[before]
        ivl = _revlog_ivl(days)
        if difficulty is not None:
            factor = round(((difficulty - 1) / 9 + 0.1) * 1000)
        else:
            factor = DEFAULT_EASE if kind else 0
        took = min(max(int(took), 0), MAX_INT32)
        append(make((guid, anki_ord(ord_), at, rating, ivl, last_ivl, factor, took, kind)))
        last_ivl = ivl
    for (guid, ord_), at in resets.items():
        append(RevlogRow(guid, anki_ord(ord_), at, 0, 0, 0, 0, 0, MANUAL))
    rows.sort(key=itemgetter(2, 0, 1, 3))
    taken = -1
    for i, r in enumerate(rows):  # revlog ids are unique: a clash moves the later row on
        if r.id <= taken:
            rows[i] = r = r._replace(id=taken + 1)
        taken = r.id
    return rows


def scheduling_of(
    cards: Sequence[CardRow],
    answers: Sequence[AnswerRow],
    *,
    clock: DayClock,
    today: int,
    options: DeckOptions,
    decay: float,
) -> Scheduling:
    """One learner's cards and answers of a deck as Anki stores them."""
    crt, conf = collection_start(clock)
    resets = {(r.guid, r.ord): r.reset_at for r in cards if r.reset_at}
    eases = _eases(answers, resets)
    buried = {(r.guid, r.buried_until - 1) for r in cards if r.queue == Queue.BURIED}
    answered_on: dict[tuple[str, int], set[int]] = {}  # (note, day) -> ords answered
    for a in answers:
        if buried and (a.guid, day := clock.day(from_epoch(a.reviewed_at / 1000))) in buried:
            answered_on.setdefault((a.guid, day), set()).add(a.ord)
    mapped = [
        _card(
            row,
            clock,
            today,
            options,
            decay,
            eases.get((row.guid, row.ord), DEFAULT_EASE),
            bool(answered_on.get((row.guid, row.buried_until - 1), set()) - {row.ord}),
        )
        for row in cards
    ]
    return Scheduling(
        crt,
        conf,
        tuple(c for c in mapped if c is not None),
        tuple(_revlog(answers, resets)),
        options,
    )
