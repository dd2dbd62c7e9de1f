"""Imports every sub-command module so each registers itself on ``app``.

The modules import nothing heavy at top level; registering them costs only
their function definitions.
"""

from trainer.cli import backup, cards, decks, drill, exam, exchange, make, optimize, stats, study  # noqa: F401
