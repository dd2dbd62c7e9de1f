"""Where the default store lives; importable without SQLAlchemy (``trainer due``)."""

from __future__ import annotations

from pathlib import Path


def default_path() -> Path:
    from platformdirs import user_data_dir

    return Path(user_data_dir("trainer", appauthor=False)) / "trainer.sqlite3"


def sqlite_file(db: str | None) -> Path | None:
    """The SQLite file behind ``--db``/``TRAINER_DB``/the default, or None for a server URL."""
    import os

    db = db or os.environ.get("TRAINER_DB")
    if db and "://" in db:
        if not db.startswith("sqlite:///"):
            return None
        db = db[len("sqlite:///") :]
    if db:
        return Path(db).expanduser()
    return default_path()
