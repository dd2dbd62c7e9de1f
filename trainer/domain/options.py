"""DeckOptions to and from plain dicts (JSON in the store, TOML in deck files).

Validation lives here so a deck file and the store reject the same bad values
with the same words; errors name the field.
"""

from __future__ import annotations

from dataclasses import fields, replace
from datetime import date
from typing import Any

from trainer.domain.model import DeckOptions, LeechAction


class OptionError(ValueError):
    """A bad option value; the message names the field."""


def options_to_dict(options: DeckOptions) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for f in fields(DeckOptions):
        value = getattr(options, f.name)
        if isinstance(value, tuple):
            value = list(value)
        elif isinstance(value, LeechAction):
            value = value.value
        elif isinstance(value, date):
            value = value.isoformat()
        if value is None:
            continue
        out[f.name] = value
    return out


def _number(name: str, value: Any, lo: float, hi: float, integer: bool = False) -> Any:
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise OptionError(f"option {name!r} must be a number, not {value!r}")
    if integer and not isinstance(value, int):
        raise OptionError(f"option {name!r} must be a whole number, not {value!r}")
    if not lo <= value <= hi:
        raise OptionError(f"option {name!r} must be between {lo:g} and {hi:g}, not {value!r}")
    return value


def _steps(name: str, value: Any) -> tuple[int, ...]:
    if not isinstance(value, list | tuple):
        raise OptionError(f"option {name!r} must be a list of seconds")
    return tuple(int(_number(name, v, 1, 86400 * 365, integer=True)) for v in value)


def options_from_dict(data: dict[str, Any], base: DeckOptions | None = None) -> DeckOptions:
    """Read options, starting from ``base`` (defaults) for anything not given."""
    opts = base or DeckOptions()
    known = {f.name for f in fields(DeckOptions)}
    changes: dict[str, Any] = {}
    for name, value in data.items():
        if name not in known:
            raise OptionError(f"unknown option {name!r}")
        if name == "desired_retention" or name == "exam_target":
            changes[name] = float(_number(name, value, 0.7, 0.99))
        elif name in ("learning_steps", "relearning_steps"):
            changes[name] = _steps(name, value)
        elif name == "maximum_interval":
            changes[name] = _number(name, value, 1, 36500, integer=True)
        elif name in ("new_per_day", "reviews_per_day"):
            changes[name] = _number(name, value, 0, 100000, integer=True)
        elif name == "leech_threshold":
            changes[name] = _number(name, value, 1, 1000, integer=True)
        elif name == "type_answers" and value == "strict":
            changes[name] = "strict"
        elif name == "type_answers":
            if not isinstance(value, bool):
                raise OptionError(f'option {name!r} must be true, false or "strict", not {value!r}')
            changes[name] = value
        elif name in ("enable_fuzz", "bury_siblings"):
            if not isinstance(value, bool):
                raise OptionError(f"option {name!r} must be true or false, not {value!r}")
            changes[name] = value
        elif name == "leech_action":
            try:
                changes[name] = LeechAction(value)
            except ValueError:
                raise OptionError("option 'leech_action' must be 'tag' or 'suspend'") from None
        elif name == "fsrs_parameters":
            if not isinstance(value, list | tuple) or len(value) not in (0, 17, 19, 21):
                raise OptionError("option 'fsrs_parameters' must be a list of 21 numbers")
            changes[name] = tuple(float(_number(name, v, -100, 100)) for v in value)
        elif name == "exam_date":
            if isinstance(value, date):
                changes[name] = value
            else:
                try:
                    changes[name] = date.fromisoformat(str(value))
                except ValueError:
                    raise OptionError(
                        f"option 'exam_date' must be YYYY-MM-DD, not {value!r}"
                    ) from None
    return replace(opts, **changes)
