"""Big imports without garbage-collector pauses.

A package of 10,000 notes and 100,000 answers makes a few hundred thousand
small objects that all live until the import ends. Each full pass of the cycle
collector walks every one of them, and those passes cost a fifth of such an
import. Reference counting still frees everything as usual; only the cycle
collector waits until the import is over.
"""

from __future__ import annotations

import functools
import gc
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import ParamSpec, TypeVar

P = ParamSpec("P")
R = TypeVar("R")


@contextmanager
def no_gc_pauses() -> Iterator[None]:
    """Hold the cycle collector off inside, then put it back as it was."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def bulk(fn: Callable[P, R]) -> Callable[P, R]:
    """Run ``fn`` inside :func:`no_gc_pauses`."""

    @functools.wraps(fn)
    def wrapper(*args: P.args, **kwargs: P.kwargs) -> R:
        with no_gc_pauses():
            return fn(*args, **kwargs)

    return wrapper
