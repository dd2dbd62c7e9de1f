"""The app and its screens import no storage, SQLAlchemy, fsrs or jieba.

``trainer`` paints the deck list before the store opens, and ``trainer study
DECK`` pushes the study screen from ``on_mount``: whatever a screen module
imports is paid for before the first paint. Services load in workers.
"""

from __future__ import annotations

import subprocess
import sys

HEAVY = ("sqlalchemy", "fsrs", "jieba", "trainer.storage", "trainer.services.study")
SCREENS = ("decks", "study", "stats", "article")


def test_screens_import_nothing_heavy() -> None:
    code = (
        "import sys, importlib\n"
        "import trainer.tui.app\n"
        f"for name in {SCREENS!r}:\n"
        "    importlib.import_module('trainer.tui.screens.' + name)\n"
        f"print([m for m in {HEAVY!r} if m in sys.modules])\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    ).stdout
    assert out.strip() == "[]"


def test_the_deck_list_and_its_first_counts_build_no_model_classes() -> None:
    """The first screen (the app, the deck list, the read-only count path) needs one
    class of the model (a deck's counts): the rest are not built before it paints."""
    code = (
        "import sys\n"
        "import trainer.tui.app, trainer.tui.launch, trainer.tui.screens.decks\n"
        "import trainer.storage.fastcount, trainer.domain.decktree\n"
        "print('trainer.domain.model' in sys.modules)\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    ).stdout
    assert out.strip() == "False"
