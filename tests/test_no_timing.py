"""No test depends on how fast the machine is."""

from __future__ import annotations

import re
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

TESTS = Path(__file__).parent


def test_hypothesis_has_no_deadline_by_default() -> None:
    assert settings.default.deadline is None


def test_no_property_test_sets_a_deadline() -> None:
    for path in TESTS.rglob("*.py"):
        text = path.read_text(encoding="utf-8")
        assert not re.search(r"\bdeadline=(?!None)", text), path


@given(st.integers())
def test_a_slow_example_does_not_fail(n: int) -> None:
    """A property test without settings of its own runs under the default profile."""
    import time

    time.sleep(0.25 if n == 0 else 0)  # longer than Hypothesis' own 200 ms deadline
