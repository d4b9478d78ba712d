"""Record problems, and the collector that reports all of them at once.

Every problem found in the data is a `Problem`: the file, the line, the field and a
message. Nothing stops at the first one: loaders add problems to a `Problems`
collector, and the build fails once, listing every problem of every file, in the form
staff see in a pull request:

    martyrs/qi-nanxun.yml:12: died: “1892-13” 不是有效日期

The message text lives in `messages.py`, in Chinese and English.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from . import messages


@dataclass(frozen=True, order=True)
class Problem:
    path: str
    line: int
    field: str
    key: str
    params: tuple = ()

    def text(self, language: str = messages.DEFAULT_LANGUAGE) -> str:
        message = messages.render(self.key, dict(self.params), language)
        return f"{self.path}:{self.line}: {self.field}: {message}"


class RecordsInvalid(Exception):
    """Raised once, after loading, when any record has a problem."""

    def __init__(self, problems: list[Problem], language: str = messages.DEFAULT_LANGUAGE):
        self.problems = sorted(problems)
        self.language = language
        super().__init__(self.report())

    def report(self) -> str:
        header = messages.render(
            "summary", {"count": len(self.problems)}, self.language
        )
        return "\n".join([header, *(p.text(self.language) for p in self.problems)])


@dataclass
class Problems:
    """Collects problems across files; `raise_if_any` ends the load."""

    root: Path
    language: str = messages.DEFAULT_LANGUAGE
    found: list[Problem] = field(default_factory=list)

    def add(self, path: Path | str, line: int, field_name: str, key: str, **params) -> None:
        self.found.append(
            Problem(self.display_path(path), line, field_name, key, tuple(sorted(params.items())))
        )

    def display_path(self, path: Path | str) -> str:
        path = Path(path)
        try:  # the file itself is not followed: a symlinked record is named by its own path
            return (path.parent.resolve() / path.name).relative_to(self.root.resolve()).as_posix()
        except ValueError:
            return path.as_posix()

    def __bool__(self) -> bool:
        return bool(self.found)

    def raise_if_any(self) -> None:
        if self.found:
            raise RecordsInvalid(self.found, self.language)
