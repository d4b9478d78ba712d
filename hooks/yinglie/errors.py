"""Record problems, and the collector that reports all of them at once.

Every problem found in the data is a `Problem`: the file, the line, the field and a
message. Nothing stops at the first one: loaders add problems to a `Problems`
collector, and the build fails once, listing every problem of every file, in the form
staff see in a pull request:

    martyrs/qi-nanxun.yml:12: died: “1892-13” 不是有效日期

The message text lives in `messages.py`, in Chinese and English.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field, replace
from pathlib import Path

from . import messages
from .guard import mask, scan


GUARD_PREFIX = "guard_"  # the publication guard's message keys (guard.py)
SETTINGS_PARAMS = {"allowed"}  # message parameters that quote the settings, not a record


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
    """Collects problems across files; `raise_if_any` ends the load.

    A value the publication guard refused (a problem whose key starts with `guard_`)
    is masked in every message about it, not only in the guard's own: every other
    problem of that file about the same field (or a part of it) has its text
    parameters masked, and so has any text parameter of the file's problems that
    holds what the guard refuses. Whichever of them is added first.
    """

    root: Path
    language: str = messages.DEFAULT_LANGUAGE
    found: list[Problem] = field(default_factory=list)
    # Display path -> the fields the guard refused there, and the guard's keys.
    _refused: dict[str, tuple[set[str], set[str]]] = field(default_factory=dict, repr=False)

    def add(self, path: Path | str, line: int, field_name: str, key: str, **params) -> None:
        problem = Problem(self.display_path(path), line, field_name, key, tuple(sorted(params.items())))
        if key.startswith(GUARD_PREFIX):
            fields, keys = self._refused.setdefault(problem.path, (set(), set()))
            fields.add(field_name)
            keys.add(key)
            # Problems of this file added before the guard's (checks on the raw record).
            self.found = [self._masked(p) if p.path == problem.path else p for p in self.found]
        elif problem.path in self._refused:
            problem = self._masked(problem)
        self.found.append(problem)

    def _masked(self, problem: Problem) -> Problem:
        """The problem with the refused value (or any text the guard refuses) masked."""
        if problem.key.startswith(GUARD_PREFIX):
            return problem
        fields, keys = self._refused[problem.path]
        same_field = any(_related(problem.field, name) for name in fields)
        notice = "guard_address" in keys  # the address rule applies to notices only

        own_name = {problem.field, problem.field.rsplit(".", 1)[-1]}

        def hide(param: str, value):
            if not isinstance(value, str):
                return value
            if any(f.key in keys for f in scan(value, notice=notice)):
                return mask(value)
            # The field's own name ("unknown field phone") and the settings' lists are not record values.
            if same_field and value not in own_name and param not in SETTINGS_PARAMS:
                return mask(value)
            return value

        return replace(problem, params=tuple((name, hide(name, value)) for name, value in problem.params))

    def display_path(self, path: Path | str) -> str:
        """The path relative to the project, as staff see it in the repository.

        Taken as written first (a record reached through a symbolic link is named by
        the link), then with links resolved; never raises, not even on a link loop.
        """
        path = Path(path)
        for resolve in (_absolute, _resolved):
            try:
                return resolve(path).relative_to(resolve(self.root)).as_posix()
            except (ValueError, OSError, RuntimeError):  # not inside; a link loop
                continue
        return path.as_posix()

    def __bool__(self) -> bool:
        return bool(self.found)

    def raise_if_any(self) -> None:
        if self.found:
            raise RecordsInvalid(self.found, self.language)


def _absolute(path: Path) -> Path:
    return Path(os.path.abspath(path))


def _resolved(path: Path) -> Path:
    return path.resolve()


def _related(field_name: str, refused: str) -> bool:
    """The same field, or one inside the other: `died` and `died.date`, `photos` and `photos[1].alt`."""
    if field_name == refused:
        return True
    inner, outer = (field_name, refused) if len(field_name) > len(refused) else (refused, field_name)
    return inner.startswith(outer) and inner[len(outer)] in ".["
