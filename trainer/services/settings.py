"""Settings kept between runs (the app's theme), in a TOML file in the user config dir.

``~/.config/trainer/config.toml`` on Linux (``$XDG_CONFIG_HOME`` when set);
``TRAINER_CONFIG`` names another file. A missing or unreadable file means
defaults: a broken settings file must never keep the student from studying.
"""

from __future__ import annotations

import os
import tomllib
from pathlib import Path
from typing import Any


def config_path() -> Path:
    """Where the settings live."""
    named = os.environ.get("TRAINER_CONFIG")
    if named:
        return Path(named).expanduser()
    from platformdirs import user_config_dir

    return Path(user_config_dir("trainer", appauthor=False)) / "config.toml"


def load(path: Path) -> dict[str, Any]:
    """The settings in ``path`` ({} when it is missing or not valid TOML)."""
    try:
        return tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError):
        return {}


def save(path: Path, **changes: str | int | float | bool) -> None:
    """Merge ``changes`` into the settings file, written whole (a temporary file renamed)."""
    import tomli_w

    values = load(path) | changes
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.tmp")
    tmp.write_text(tomli_w.dumps(values), encoding="utf-8")
    tmp.chmod(0o644)
    tmp.replace(path)
