"""What is wrong with a scenario file, said so an author can find and fix it."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass


@dataclass(frozen=True, order=True)
class Problem:
    """One thing wrong in one file; `line` is 1-based, or None when it concerns the whole file.

    A `warning` does not stop the scenario from loading; it points at something to improve.
    """

    file: str
    line: int | None
    message: str
    warning: bool = False

    def __str__(self) -> str:
        message = f"warning: {self.message}" if self.warning else self.message
        if self.line is None:
            return f"{self.file}: {message}"
        return f"{self.file}:{self.line}: {message}"


class ScenarioError(Exception):
    """A scenario could not be loaded or found; its text is fit to show a user as it is."""

    #: How many problems str() lists before summarising the rest.
    SHOWN = 5

    def __init__(self, problems: Iterable[Problem] | str) -> None:
        if isinstance(problems, str):
            self.problems: list[Problem] = []
            text = problems
        else:
            self.problems = list(problems)
            lines = [str(p) for p in self.problems[: self.SHOWN]]
            hidden = len(self.problems) - self.SHOWN
            if hidden > 0:
                lines.append(f"... and {hidden} more problem{'s' if hidden > 1 else ''}")
            text = "\n".join(lines) or "the scenario is not valid"
        super().__init__(text)
