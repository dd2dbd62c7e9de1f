"""The model trainer's command line: asking for help or mistyping an option must not
start a training run nor overwrite the shipped weights."""

from __future__ import annotations

import pytest

from bench import train_generation_model as trainer_cli


@pytest.mark.parametrize("argv", [["--help"], ["--bogus"]])
def test_help_or_a_wrong_option_trains_nothing_and_writes_nothing(
    argv: list[str], monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    shipped = trainer_cli.OUT.read_bytes()

    def refuse() -> None:
        raise AssertionError("a training run started")

    monkeypatch.setattr(trainer_cli, "all_features", refuse)
    with pytest.raises(SystemExit) as stop:
        trainer_cli.main(argv)
    assert stop.value.code == (0 if argv == ["--help"] else 2)
    assert trainer_cli.OUT.read_bytes() == shipped
    out = capsys.readouterr()
    assert "usage:" in out.out + out.err
