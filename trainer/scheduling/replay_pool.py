"""Replaying many cards' review logs at once, in forked worker processes when it pays.

The rule (what one history replays to) is ``fsrs_adapter.replay_range``; this
module is only the speed-up around it, so the scheduling code never branches on
how it is run. Two kinds of batch give the two shapes callers want:
``ReplayBatch`` gives :class:`~trainer.scheduling.fsrs_adapter.Replayed` states
(``results()``), ``SavedReplayBatch`` gives them as the store keeps them
(``saved_states()``, or ``saved_parts()`` a chunk at a time), converted by the
workers (the caller has enough to do).

The work is cut into many small chunks that the workers take from the front.
The caller keeps one core for its own work meanwhile (an import has plenty),
and when it asks for the results it replays the chunks no worker has started
yet, from the back, so no core idles at the end. Any trouble with the workers
(no ``fork`` on this platform, a worker that dies) falls back to replaying in
this process, so the result never depends on them.
"""

from __future__ import annotations

import collections
import itertools
import os
import sys
from collections.abc import Callable, Iterator, Sequence
from operator import itemgetter
from typing import Any, Generic, TypeVar

from trainer.domain.clock import DayClock
from trainer.domain.model import DeckOptions
from trainer.scheduling.fsrs_adapter import (
    Answer,
    Replayed,
    SavedState,
    as_replayed,
    as_saved,
    replay_range,
)

Items = Sequence[tuple[Sequence[Answer], DeckOptions]]
"""``(history, options)`` per card, each history sorted by time."""

_PENDING: dict[int, tuple[Items, DayClock]] = {}
"""Work handed to forked workers: they inherit it, so only the results travel."""
PARALLEL_MIN_ANSWERS = 20_000
"""Below this many answers in all, forking workers costs more than it saves."""
CHUNK_ANSWERS = 2_500
"""About this many answers (15 ms or so) per chunk of work, so the caller can share it."""
MAX_CHUNKS = 64
"""Past this many chunks, more only adds hand-over cost."""

T = TypeVar("T")
Raw = tuple[Any, ...]


def _same(raw: Raw) -> Raw:
    return raw


def _replay_chunk(token: int, start: int, stop: int, convert: Callable[[Raw], Any]) -> list[Any]:
    """In a worker: replay a chunk of the inherited work, converted for the caller."""
    items, clock = _PENDING[token]
    return [convert(r) for r in replay_range(items, clock, start, stop)]


def _chunks(items: Items, parts: int) -> list[int]:
    """Bounds splitting ``items`` into ``parts`` runs of about the same number of answers."""
    total = sum(len(h) for h, _ in items)
    bounds, done, goal = [0], 0, total / parts
    for i, (history, _options) in enumerate(items):
        done += len(history)
        if done >= goal * len(bounds) and len(bounds) < parts:
            bounds.append(i + 1)
    if bounds[-1] != len(items):
        bounds.append(len(items))
    return bounds


class _Batch(Generic[T]):
    """Replays ``items`` (started on creation); subclasses say what each result becomes.

    Elapsed time is counted in ``clock``'s study days, as in
    ``fsrs_adapter.reschedule``. ``_in_worker`` converts each raw result where it
    is replayed (a module-level function: it is sent to the workers);
    ``_in_caller`` finishes it in this process.
    """

    _in_worker: Callable[[Raw], Any] = staticmethod(_same)
    _in_caller: Callable[[Any], T]

    def __init__(self, items: Items, workers: int | None = None, *, clock: DayClock) -> None:
        self.items = items
        self.clock = clock
        self._jobs: list[tuple[int, int, Any]] = []  # (start, stop, future)
        self._pool: object = None
        if workers is None:
            workers = min(_cores() - 1, 3)
        answers = sum(len(h) for h, _ in items)
        if workers >= 1 and answers >= PARALLEL_MIN_ANSWERS and _can_fork():
            self._start(workers, answers)

    def _start(self, workers: int, answers: int) -> None:
        import gc
        import multiprocessing
        from concurrent.futures import ProcessPoolExecutor

        token = id(self)
        _PENDING[token] = (self.items, self.clock)
        parts = max(workers + 1, min(MAX_CHUNKS, answers // CHUNK_ANSWERS))
        bounds = _chunks(self.items, parts)
        # Freezing keeps the children's garbage collector off the parent's objects
        # (open database connections above all) and their memory shared.
        gc.freeze()
        try:
            pool = ProcessPoolExecutor(
                max_workers=workers, mp_context=multiprocessing.get_context("fork")
            )
            self._pool = pool
            self._jobs = [
                (a, b, pool.submit(_replay_chunk, token, a, b, self._in_worker))
                for a, b in itertools.pairwise(bounds)
            ]
        except OSError:
            self.close()
        finally:
            gc.unfreeze()
            _PENDING.pop(token, None)  # the children have their copy

    def close(self) -> None:
        """Stop the workers (an import that failed half way); safe to call twice."""
        self._jobs = []
        pool = self._pool
        self._pool = None
        if pool is not None:
            pool.shutdown(wait=True, cancel_futures=True)  # type: ignore[attr-defined]

    def _all(self) -> list[T]:
        return [r for _start, part in sorted(self._parts(), key=itemgetter(0)) for r in part]

    def _parts(self) -> Iterator[tuple[int, list[T]]]:
        """Chunks as they are ready; this process replays the ones no worker has started."""
        finish = self._in_caller
        if finish is _same:
            yield from self._raw_parts()
            return
        for start, part in self._raw_parts():
            yield start, [finish(r) for r in part]

    def _raw_parts(self) -> Iterator[tuple[int, list[Any]]]:
        if not self._jobs:
            yield 0, self._replay(0, len(self.items))
            return
        jobs = collections.deque(self._jobs)
        try:
            while jobs:
                start, stop, future = jobs[0]
                if not future.done() and len(jobs) > 1 and jobs[-1][2].cancel():
                    start, stop, _cancelled = jobs.pop()  # from the back: not started yet
                    yield start, self._replay(start, stop)
                    continue
                jobs.popleft()
                try:
                    part = future.result()
                except Exception:  # a worker died, or could not start: replay it here
                    part = self._replay(start, stop)
                yield start, part
        finally:
            self.close()

    def _replay(self, start: int, stop: int) -> list[Any]:
        convert = self._in_worker
        return [convert(r) for r in replay_range(self.items, self.clock, start, stop)]


class ReplayBatch(_Batch[Replayed]):
    """``results()``: one :class:`Replayed` per item, in order, each equal to what
    ``fsrs_adapter.reschedule`` gives for that history."""

    _in_caller = staticmethod(as_replayed)

    def results(self) -> list[Replayed]:
        return self._all()


class SavedReplayBatch(_Batch[SavedState]):
    """The same replays as the store keeps them (``SavedState``), converted by the workers."""

    _in_worker = staticmethod(as_saved)
    _in_caller = staticmethod(_same)

    def saved_states(self) -> list[SavedState]:
        return self._all()

    def saved_parts(self) -> Iterator[tuple[int, list[SavedState]]]:
        """``saved_states()`` a chunk at a time, as each is ready: (first item's index, states).

        So the caller can store one part while the workers finish the rest.
        """
        return self._parts()


def _cores() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except (AttributeError, OSError):
        return os.cpu_count() or 1


def _can_fork() -> bool:
    import multiprocessing

    return sys.platform.startswith("linux") and "fork" in multiprocessing.get_all_start_methods()


def reschedule_many(items: Items, workers: int | None = None, *, clock: DayClock) -> list[Replayed]:
    """``fsrs_adapter.reschedule`` for many histories of (ms, rating) answers; see
    :class:`ReplayBatch`."""
    return ReplayBatch(items, workers, clock=clock).results()
