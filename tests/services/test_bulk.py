"""The cycle collector is held off during bulk work and given back after, whatever happens."""

from __future__ import annotations

import gc

import pytest

from trainer.services.bulk import bulk, no_gc_pauses


def test_collector_off_inside_and_back_after() -> None:
    assert gc.isenabled()
    with no_gc_pauses():
        assert not gc.isenabled()
    assert gc.isenabled()


def test_back_after_an_error() -> None:
    @bulk
    def fails() -> None:
        assert not gc.isenabled()
        raise ValueError("boom")

    with pytest.raises(ValueError):
        fails()
    assert gc.isenabled()


def test_nested_leaves_the_outer_state() -> None:
    gc.disable()
    try:
        with no_gc_pauses():
            pass
        assert not gc.isenabled()  # it was off before: stays off
    finally:
        gc.enable()
