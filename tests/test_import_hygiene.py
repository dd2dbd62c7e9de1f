"""Layers stay honest: importing the core never drags in the terminal or heavy libraries."""

import subprocess
import sys

import pytest


def _loaded(statement: str) -> set[str]:
    code = (
        f"{statement}\nimport sys\n"
        "print(' '.join(m for m in ('textual', 'jieba', 'genanki', 'fsrs_rs_python', 'trafilatura')"
        " if m in sys.modules))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    return set(out.stdout.split())


@pytest.mark.parametrize(
    "statement",
    [
        "import trainer.services.study, trainer.services.decks, trainer.services.exchange",
        "import trainer.storage.store, trainer.scheduling.fsrs_adapter",
        "import trainer.cli, trainer.cli.commands",
    ],
)
def test_core_imports_no_textual_or_heavy_libraries(statement: str) -> None:
    assert _loaded(statement) == set()


def test_an_anki_import_into_a_new_store_loads_only_what_it_uses(tmp_path: object) -> None:
    """``trainer import x.apkg`` into a new store: the store is made and filled over
    ``sqlite3`` without SQLAlchemy (nor Alembic and its Mako templates), and neither the
    deck-file reader (TOML), the text-file reader, the generator (no note has an Extra
    that could be a generator label) nor FSRS (no answers to replay) is imported."""
    from pathlib import Path

    from trainer.domain.model import Note, NoteKind
    from trainer.formats.apkg_write import package_bytes

    folder = Path(str(tmp_path))
    pkg = folder / "p.apkg"
    pkg.write_bytes(package_bytes("P", [Note("g1", NoteKind.QA, prompt="问", answer="答")]))
    code = (
        "import sys\n"
        "from trainer.entry import main\n"
        f"sys.argv = ['trainer', '--db', {str(folder / 's.sqlite3')!r}, 'import', {str(pkg)!r}]\n"
        "try:\n    main()\nexcept SystemExit:\n    pass\n"
        "heavy = ('alembic', 'mako', 'tomllib', 'fsrs', 'trainer.generation', 'sqlalchemy',"
        " 'trainer.formats.deckfile', 'trainer.formats.anki_text', 'typer', 'trainer.cli')\n"
        "print('LOADED', ' '.join(m for m in heavy if m in sys.modules))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert "imported" in out.stdout
    assert out.stdout.strip().splitlines()[-1] == "LOADED"
