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
