"""Progress reporting for long use cases (imports, exports), without a UI.

A front end sets a callback with ``reporting``; the use cases call ``tick``
with (what, done, total) and never know whether a bar is drawn.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar

ProgressFn = Callable[[str, int, int], None]
_PROGRESS: ContextVar[ProgressFn | None] = ContextVar("progress", default=None)


@contextmanager
def reporting(progress: ProgressFn | None) -> Iterator[None]:
    """Send progress of the imports and exports run inside to ``progress``."""
    token = _PROGRESS.set(progress)
    try:
        yield
    finally:
        _PROGRESS.reset(token)


def tick(what: str, done: int, total: int) -> None:
    fn = _PROGRESS.get()
    if fn is not None:
        fn(what, done, total)
