"""The project's own error type.

Anything a user can cause (bad files, bad arguments, a foreign database) raises a
TrainerError whose message is one line fit to print as is; the CLI turns it into
exit code 1 without a traceback.
"""

from __future__ import annotations


class TrainerError(Exception):
    """A user-facing problem with a one-line message."""


class InputError(TrainerError):
    """Bad input in a named place: ``file:line: problem``."""

    def __init__(self, where: str, problem: str, line: int | None = None) -> None:
        self.where = where
        self.line = line
        self.problem = problem
        loc = f"{where}:{line}" if line is not None else where
        super().__init__(f"{loc}: {problem}")


class StoreError(TrainerError):
    """The progress store cannot be used as asked."""


class StoreUnavailable(Exception):
    """The store could not be opened: the front end is closing with the reason.

    Raised to the workers that asked for the store after the failure was
    reported once; not a TrainerError, so handlers of user errors let it pass.
    """
