"""Commands are registered in one place, and they reach the store through the context."""

from __future__ import annotations

import re
from pathlib import Path

import typer
from typer.testing import CliRunner

import trainer.cli.commands  # noqa: F401  (the one place that registers the commands)
from trainer.cli import app, options, store_for

CLI = Path(__file__).resolve().parents[2] / "trainer" / "cli"


def test_only_commands_py_registers_commands() -> None:
    for path in sorted(CLI.glob("*.py")):
        if path.name == "commands.py":
            continue
        text = path.read_text(encoding="utf-8")
        assert not re.search(r"^@app\.command|^app\.(command|add_typer)", text, re.M), path.name


def test_every_command_module_is_registered() -> None:
    listed = (CLI / "commands.py").read_text(encoding="utf-8")
    for path in sorted(CLI.glob("*.py")):
        if path.stem not in ("__init__", "commands"):
            assert f"{path.stem}." in listed, path.name


def test_store_for_opens_the_store_the_global_options_name(tmp_path: Path) -> None:
    seen: list[tuple[str | None, str, str]] = []

    @app.command("probe-store", hidden=True)
    def probe(ctx: typer.Context) -> None:
        with store_for(ctx) as store:
            seen.append((options(ctx).db, options(ctx).profile, store.profile.name))

    db = str(tmp_path / "s.sqlite")
    try:
        result = CliRunner().invoke(app, ["--db", db, "probe-store"])
    finally:
        app.registered_commands[:] = [c for c in app.registered_commands if c.name != "probe-store"]
    assert result.exit_code == 0, result.output
    assert seen == [(db, "default", "default")]
