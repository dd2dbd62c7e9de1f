"""Radicals standing for characters (text extracted from PDF exam papers)."""

from __future__ import annotations

from trainer.domain.chars import radical_table


def test_radicals_that_stand_for_characters_become_them() -> None:
    assert "居⺠⻅⾯,⻔⼝⻓期".translate(radical_table()) == "居民见⾯,门⼝长期"
    assert "居民".translate(radical_table()) == "居民"


def test_every_entry_maps_a_radical_to_a_unified_ideograph() -> None:
    table = radical_table()
    assert len(table) >= 40
    for code, ideograph in table.items():
        assert 0x2E80 <= code <= 0x2EFF
        assert len(ideograph) == 1 and 0x4E00 <= ord(ideograph) <= 0x9FFF
