"""Shared settings and checks for the fuzz tests.

``TRAINER_FUZZ_EXAMPLES`` sets examples per target (default 200, so the whole
fuzz suite stays within a few seconds per target); ``bench/bench_reliability.py``
runs many more and reports the counts. Inputs that ever crashed a parser live in
``corpus/<target>/`` and are replayed by ``test_corpus.py`` on every run.
"""

from __future__ import annotations

import os
from pathlib import Path

from hypothesis import HealthCheck, settings

from trainer.domain.errors import TrainerError

EXAMPLES = int(os.environ.get("TRAINER_FUZZ_EXAMPLES", "200"))
CORPUS = Path(__file__).parent / "corpus"

FUZZ = settings(
    max_examples=EXAMPLES,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
    derandomize=bool(os.environ.get("TRAINER_FUZZ_DERANDOMIZE")),
)


def assert_clear(exc: TrainerError, where: str | None = None) -> None:
    """The project's own error, with a one-line message fit to print as is."""
    message = str(exc)
    assert message.strip(), "empty error message"
    assert "\n" not in message, f"multi-line error message: {message!r}"
    assert "Traceback" not in message
    if where is not None:
        assert message.startswith(where), f"message does not name {where!r}: {message!r}"


def corpus(target: str) -> list[Path]:
    folder = CORPUS / target
    return sorted(p for p in folder.iterdir() if p.is_file() and p.name != "README.md")
