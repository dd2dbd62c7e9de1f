"""Work done once per article: while one article is generated, the stages split and
cut the same sentences again and again (terms, lists, blanks, 金句). Inside
:func:`one_article` each such result is kept and handed out again; outside it nothing
is kept. The memo belongs to the block (one article, one thread or task), so nothing
carries over to the next article and output never depends on what ran before."""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Iterator
from contextvars import ContextVar
from typing import Any

_MEMO: ContextVar[dict[Any, Any] | None] = ContextVar("trainer_generation_memo", default=None)


@contextlib.contextmanager
def one_article() -> Iterator[None]:
    token = _MEMO.set({})
    try:
        yield
    finally:
        _MEMO.reset(token)


current: Callable[[], dict[Any, Any] | None] = _MEMO.get
"""The open article's memo, or None outside :func:`one_article` (the context
variable's own ``get``: asked tens of thousands of times per article, with no Python
call of its own)."""
