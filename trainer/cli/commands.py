"""Imports every sub-command module so each registers itself on ``app``.

The modules import nothing heavy at top level; registering them costs only
their function definitions. The order here is the order ``trainer --help``
lists the commands in.
"""

import importlib

MODULES = (
    "study",
    "decks",
    "make",
    "exchange",
    "stats",
    "exam",
    "optimize",
    "cards",
    "add",
    "custom",
    "deck",
    "profile",
    "backup",
    "drill",
    "practice",
    "library",
)

for _name in MODULES:
    importlib.import_module(f"trainer.cli.{_name}")
