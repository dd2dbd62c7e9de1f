"""Where the default store lives; importable without SQLAlchemy (``trainer due``)."""

from __future__ import annotations

from pathlib import Path


def default_path() -> Path:
    from platformdirs import user_data_dir

    return Path(user_data_dir("trainer", appauthor=False)) / "trainer.sqlite3"
