"""Exam dates, readiness, the daily plan, cramming, FSRS optimisation and rescheduling.

Front ends (CLI, TUI) call these; each use case is one transaction.
"""

from __future__ import annotations

import time
from dataclasses import dataclass, replace
from datetime import date, datetime
from typing import Any

from sqlalchemy import Connection, bindparam, text

from trainer.domain.errors import TrainerError
from trainer.domain.model import Card, Deck, DeckOptions, Note
from trainer.scheduling import exam, fsrs_adapter
from trainer.services.stats import select_decks
from trainer.storage import cards_repo, decks_repo, notes_repo
from trainer.storage.store import Store

DAY = 86400


@dataclass(frozen=True, slots=True)
class OptimizeResult:
    deck: str
    items: int
    log_loss_before: float
    rmse_before: float
    log_loss_after: float
    rmse_after: float
    saved: bool
    rescheduled: int
    parameters: tuple[float, ...]
    evaluated: int = 0
    """Items the before/after figures were computed on (all, or an even sample)."""

    def to_dict(self) -> dict[str, Any]:
        return {
            "deck": self.deck,
            "reviews_used": self.items,
            "evaluated_on": self.evaluated,
            "before": {"log_loss": self.log_loss_before, "rmse_bins": self.rmse_before},
            "after": {"log_loss": self.log_loss_after, "rmse_bins": self.rmse_after},
            "saved": self.saved,
            "rescheduled": self.rescheduled,
            "parameters": list(self.parameters),
        }


class PlanningService:
    def __init__(self, store: Store) -> None:
        self.store = store

    # -- exam settings ---------------------------------------------------------------
    def set_exam(self, when: date, target: float = 0.9, deck: str | None = None) -> list[Deck]:
        """Set the exam date and target on the deck (with sub-decks), or on every deck."""
        if not 0.7 <= target <= 0.99:
            raise TrainerError("the exam target must be between 0.7 and 0.99")
        return self._update(deck, lambda o: replace(o, exam_date=when, exam_target=target))

    def clear_exam(self, deck: str | None = None) -> list[Deck]:
        return self._update(deck, lambda o: replace(o, exam_date=None))

    def _update(self, deck: str | None, change: Any) -> list[Deck]:
        out = []
        with self.store.write() as conn:
            decks, _ = select_decks(conn, deck)
            for d in decks:
                changed = Deck(d.id, d.name, d.description, change(d.options))
                decks_repo.update_deck(conn, changed, int(time.time()))
                out.append(changed)
        return out

    def apply_plan(self, deck: str | None, now: datetime) -> tuple[exam.Plan, list[Deck]] | None:
        """Set the decks' new cards a day so they follow the exam plan (None: no exam date).

        The plan's daily new cards are shared out among the decks in proportion
        to the new cards each still has (at least one a day for a deck that has
        any); a deck with no new cards keeps its limit.
        """
        import math

        from trainer.domain.model import Queue
        from trainer.storage import cards_repo

        plan = self.plan(deck, now)
        if plan is None:
            return None
        out = []
        with self.store.write() as conn:
            decks, _ = select_decks(conn, deck)
            fresh = cards_repo.count_by_deck(
                conn, self.store.profile.id, [d.id for d in decks], Queue.NEW, None
            )
            total = sum(fresh.values())
            for d in decks:
                left = fresh.get(d.id, 0)
                if not left or not total:
                    continue
                share = max(1, math.ceil(plan.new_per_day * left / total))
                changed = Deck(d.id, d.name, d.description, replace(d.options, new_per_day=share))
                decks_repo.update_deck(conn, changed, int(time.time()))
                out.append(changed)
        return plan, out

    def exam_options(self, conn: Connection, deck: str | None) -> tuple[list[Deck], DeckOptions]:
        decks, options = select_decks(conn, deck)
        dated = [d for d in decks if d.options.exam_date is not None]
        if dated:
            options = min(dated, key=lambda d: d.options.exam_date or date.max).options
        return decks, options

    # -- cards as the planner sees them ----------------------------------------------
    def memory_cards(
        self, conn: Connection, deck_ids: list[int], now: datetime
    ) -> list[exam.MemoryCard]:
        from trainer.storage.studydays import StudyDays

        clock = self.store.clock
        days = StudyDays(clock, clock.day(now))
        rows = conn.execute(
            text(
                "SELECT c.id, c.state, c.stability, c.difficulty, c.last_review, c.due, "
                "n.source_section, n.tags FROM cards c JOIN notes n ON n.id = c.note_id "
                "WHERE +c.profile_id = :pid AND c.deck_id IN :decks AND c.queue NOT IN (-1, -3)"
            ).bindparams(bindparam("decks", expanding=True)),
            {"pid": self.store.profile.id, "decks": deck_ids or [-1]},
        )

        day_of = days.day  # study days, DST changes included
        out = []
        for cid, state, s, d, last, due, section, tags in rows:
            groups: tuple[str, ...] = (f"section:{section}",) if section else ()
            groups += tuple(f"tag:{t}" for t in (tags or "").split())
            studied = state != 0 and s is not None and last is not None
            out.append(
                exam.MemoryCard(
                    cid,
                    float(s) if studied else None,
                    float(d) if studied and d is not None else None,
                    day_of(last) if studied else None,
                    day_of(due) if studied else None,
                    groups,
                )
            )
        return out

    # -- readiness and plan ----------------------------------------------------------
    def readiness(self, deck: str | None, now: datetime) -> exam.Readiness | None:
        with self.store.read() as conn:
            decks, options = self.exam_options(conn, deck)
            if options.exam_date is None:
                return None
            cards = self.memory_cards(conn, [d.id for d in decks], now)
        return exam.readiness(
            cards,
            options.exam_date.toordinal(),
            self.store.clock.day(now),
            options.exam_target,
            fsrs_adapter.decay_of(options),
        )

    def readiness_summary(self, deck: str | None, now: datetime) -> dict[str, Any] | None:
        r = self.readiness(deck, now)
        if r is None:
            return None
        return {
            "exam_date": date.fromordinal(r.exam_day).isoformat(),
            "days_left": r.days_left,
            "target": r.target,
            "cards": r.cards,
            "new_cards": r.new_cards,
            "projected_mean_r": round(r.mean_r, 4),
            "below_target": r.below_target,
            "by_group": [
                {"name": g, "cards": n, "projected_mean_r": round(m, 4), "below_target": b}
                for g, (n, m, b) in sorted(r.by_group.items(), key=lambda kv: kv[1][1])
            ],
        }

    def plan(self, deck: str | None, now: datetime) -> exam.Plan | None:
        from trainer.scheduling import optimizer

        with self.store.read() as conn:
            decks, options = self.exam_options(conn, deck)
            if options.exam_date is None:
                return None
            cards = self.memory_cards(conn, [d.id for d in decks], now)
        params = tuple(options.fsrs_parameters or fsrs_adapter.DEFAULT_PARAMETERS)

        def step(s: float, d: float, elapsed: int) -> tuple[float, float]:
            return optimizer.good_after(params, s, d, elapsed)

        return exam.plan(
            cards,
            options.exam_date.toordinal(),
            self.store.clock.day(now),
            options.exam_target,
            fsrs_adapter.decay_of(options),
            step,
            optimizer.first_good(params),
        )

    # -- cramming --------------------------------------------------------------------
    def cram(self, deck: str | None, now: datetime, limit: int = 50) -> list[tuple[Card, Note]]:
        """The weakest studied cards (lowest R now); answering them here writes nothing."""
        with self.store.read() as conn:
            decks, options = select_decks(conn, deck)
            cards = self.memory_cards(conn, [d.id for d in decks], now)
            order = exam.cram_order(
                cards, self.store.clock.day(now), fsrs_adapter.decay_of(options)
            )
            out = []
            for cid in order[:limit]:
                card = cards_repo.get_card(conn, cid)
                note = notes_repo.note_by_guid(conn, card.note_guid) if card else None
                if card is not None and note is not None:
                    out.append((card, note))
        return out

    # -- optimisation and rescheduling -----------------------------------------------
    def review_rows(
        self, conn: Connection, deck_ids: list[int] | None
    ) -> list[tuple[int, int, int, int]]:
        """(card id, study day, rating, state before) for every answer, by card then time.

        One lean query on the driver's own cursor (no SQLAlchemy rows: a million
        answers read in well under a second); ``deck_ids`` None means every deck.
        Ids are integers from the store, so they are written into the SQL.
        """
        where = f"profile_id = {int(self.store.profile.id)}"
        if deck_ids is not None:
            where += f" AND deck_id IN ({', '.join(str(int(d)) for d in deck_ids) or '-1'})"
        sql = (
            f"SELECT card_id, day, rating, state_before FROM reviews WHERE {where} "
            "ORDER BY card_id, reviewed_at, id"
        )
        cursor = conn.connection.dbapi_connection.cursor()  # type: ignore[union-attr]
        try:
            cursor.execute(sql)
            return list(cursor.fetchall())
        finally:
            cursor.close()

    def histories(
        self, conn: Connection, deck_ids: list[int]
    ) -> list[tuple[int, list[tuple[int, int, int]]]]:
        """Each card's answers in order: (card id, [(day, rating, state before), ...])."""
        out: list[tuple[int, list[tuple[int, int, int]]]] = []
        current = None
        for cid, day, rating, state in self.review_rows(conn, deck_ids):
            if cid != current:
                out.append((cid, []))
                current = cid
            out[-1][1].append((day, rating, state))
        return out

    def optimize(
        self, deck: str | None, *, save: bool = True, reschedule: bool = True
    ) -> OptimizeResult:
        """Fit the deck's FSRS parameters to its history; save (and reschedule) only if better."""
        from trainer.scheduling import optimizer

        with self.store.read() as conn:
            decks, options = select_decks(conn, deck)
            rows = self.review_rows(conn, None if deck is None else [d.id for d in decks])
        items, ids = optimizer.items_from_rows(rows)
        del rows
        try:
            fit = optimizer.fit(items, ids, options.fsrs_parameters)
        except optimizer.NotEnoughHistory as exc:
            raise TrainerError(str(exc)) from None
        saved = save and fit.better
        moved = 0
        if saved:
            self._update(deck, lambda o: replace(o, fsrs_parameters=fit.parameters))
            if reschedule:
                moved = self.reschedule(deck)
        return OptimizeResult(
            deck or "all decks",
            fit.items,
            fit.log_loss_before,
            fit.rmse_before,
            fit.log_loss_after,
            fit.rmse_after,
            saved,
            moved,
            fit.parameters,
            fit.evaluated,
        )

    def reschedule(self, deck: str | None) -> int:
        """Rebuild every studied card's state from its review log with the deck's current
        options (after new parameters or a new desired retention); returns cards changed."""
        from trainer.services.reschedule import rebuild

        with self.store.write() as conn:
            decks, _ = select_decks(conn, deck)
            by_id = {d.id: d.options for d in decks}
            done = rebuild(conn, self.store.profile.id, self.store.clock, by_id, sorted(by_id))
        return done.changed
