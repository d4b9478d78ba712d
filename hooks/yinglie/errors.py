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
import re
from dataclasses import dataclass, field, replace
from pathlib import Path

from . import messages
from .guard import mask, scan


# A file with more problems is not worth listing in full (a hostile file can have
# 300,000): the report lists its first ones, in line order, and says how many more.
MAX_SHOWN_PER_FILE = 200
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
        # By a key: the same order as Problem's own comparisons, without a Python call per comparison.
        self.problems = sorted(problems, key=lambda p: (p.path, p.line, p.field, p.key, p.params))
        self.language = language
        super().__init__(self.report())

    def report(self) -> str:
        """Every problem, but at most MAX_SHOWN_PER_FILE of one file, then how many more it has."""
        header = messages.render(
            "summary", {"count": len(self.problems)}, self.language
        )
        lines, start = [header], 0
        while start < len(self.problems):
            path = self.problems[start].path
            end = start
            while end < len(self.problems) and self.problems[end].path == path:
                end += 1
            lines.extend(p.text(self.language) for p in self.problems[start:min(end, start + MAX_SHOWN_PER_FILE)])
            if end - start > MAX_SHOWN_PER_FILE:
                first_hidden = self.problems[start + MAX_SHOWN_PER_FILE]
                more = Problem(path, first_hidden.line, "-", "more_problems",
                               (("count", end - start - MAX_SHOWN_PER_FILE), ("shown", MAX_SHOWN_PER_FILE)))
                lines.append(more.text(self.language))
            start = end
        return "\n".join(lines)


# A field name with more parts than this ("a.b[1].c" has three separators) did not
# come from a record's structure but from a key holding dots or brackets: it is
# not split into its parts (that would cost time in the square of its length), and
# any problem about it in a file with a refused value is masked.
MAX_FIELD_SEPARATORS = 64
_SEPARATOR = re.compile(r"[.\[]")


@dataclass
class _Refused:
    """What the guard refused in one file."""

    fields: set[str] = field(default_factory=set)
    keys: set[str] = field(default_factory=set)
    # The refused fields and every field they are part of (`photos[1]` for `photos[1].alt`).
    containing: set[str] = field(default_factory=set)
    # A refused field too long to split: every problem of the file counts as the same field.
    unsplit: bool = False


@dataclass
class _Others:
    """The file's problems that are not the guard's: their indices in `Problems.found`.

    Indexed by field only once a second field of the file is refused (`index`):
    most files with many problems have no refused value at all.
    """

    all: list[int] = field(default_factory=list)
    by_field: dict[str, list[int]] | None = None
    # A field and every field it is part of -> the problems about it or a part of it.
    within: dict[str, list[int]] | None = None

    def index(self, found: list[Problem]) -> None:
        if self.by_field is None:
            self.by_field, self.within = {}, {}
            for index in self.all:
                self.add_to_index(found[index].field, index)

    def add_to_index(self, field_name: str, index: int) -> None:
        self.by_field.setdefault(field_name, []).append(index)
        for name in [field_name, *(_containing(field_name) or ())]:
            self.within.setdefault(name, []).append(index)


@dataclass
class Problems:
    """Collects problems across files; `raise_if_any` ends the load.

    A value the publication guard refused (a problem whose key starts with `guard_`)
    is masked in every message about it, not only in the guard's own: every other
    problem of that file about the same field (or a part of it) has its text
    parameters masked, and so has any text parameter of the file's problems that
    holds what the guard refuses. Whichever of them is added first.

    Each problem is masked again only when a guard problem could change it (a new
    kind of refusal in its file, or a refused field it is part of or holds), so a
    file with thousands of problems costs time in proportion to them, not to their square.
    """

    root: Path
    language: str = messages.DEFAULT_LANGUAGE
    found: list[Problem] = field(default_factory=list)
    # Display path -> what the guard refused there.
    _refused: dict[str, _Refused] = field(default_factory=dict, repr=False)
    # Display path -> its other problems, for masking them when the guard refuses later.
    _others: dict[str, _Others] = field(default_factory=dict, repr=False)
    _shown: dict = field(default_factory=dict, repr=False)  # path as given -> display path

    def add(self, path: Path | str, line: int, field_name: str, key: str, **params) -> None:
        problem = Problem(self.display_path(path), line, field_name, key, tuple(sorted(params.items())))
        if key.startswith(GUARD_PREFIX):
            self._refuse(problem)
        else:
            if problem.path in self._refused:
                problem = self._masked(problem)
            self._remember(problem, len(self.found))
        self.found.append(problem)

    def _refuse(self, problem: Problem) -> None:
        """Note a guard problem, and mask again the file's earlier problems it concerns."""
        refused = self._refused.setdefault(problem.path, _Refused())
        new_key, new_field = problem.key not in refused.keys, problem.field not in refused.fields
        refused.keys.add(problem.key)
        refused.fields.add(problem.field)
        parts = _containing(problem.field)
        newly_unsplit = parts is None and not refused.unsplit
        refused.unsplit = refused.unsplit or parts is None
        refused.containing.update([problem.field, *(parts or ())])
        others = self._others.get(problem.path)
        if others is None:
            return
        if new_key or newly_unsplit:
            indices = others.all
        elif new_field and parts is not None:
            others.index(self.found)
            indices = [*others.within.get(problem.field, ()),
                       *(index for part in parts for index in others.by_field.get(part, ()))]
        else:
            return
        for index in indices:
            self.found[index] = self._masked(self.found[index])

    def _remember(self, problem: Problem, index: int) -> None:
        others = self._others.get(problem.path)
        if others is None:
            others = self._others[problem.path] = _Others()
        others.all.append(index)
        if others.by_field is not None:
            others.add_to_index(problem.field, index)

    def _masked(self, problem: Problem) -> Problem:
        """The problem with the refused value (or any text the guard refuses) masked."""
        if problem.key.startswith(GUARD_PREFIX):
            return problem
        refused = self._refused[problem.path]
        parts = _containing(problem.field)
        same_field = (refused.unsplit or parts is None or problem.field in refused.containing
                      or any(part in refused.fields for part in parts))
        notice = "guard_address" in refused.keys  # the address rule applies to notices only

        own_name = {problem.field, problem.field.rsplit(".", 1)[-1]}

        def hide(param: str, value):
            if not isinstance(value, str):
                return value
            if any(f.key in refused.keys for f in scan(value, notice=notice)):
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
        Worked out once per path: a file may have thousands of problems.
        """
        shown = self._shown.get(path)
        if shown is None:
            shown = self._shown[path] = self._display_path(Path(path))
        return shown

    def _display_path(self, path: Path) -> str:
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


def _containing(field_name: str) -> list[str] | None:
    """The fields `field_name` is part of: "photos[1].alt" -> ["photos", "photos[1]"];
    None when it has too many parts to split (see MAX_FIELD_SEPARATORS)."""
    if field_name.count(".") + field_name.count("[") > MAX_FIELD_SEPARATORS:
        return None
    return [field_name[:found.start()] for found in _SEPARATOR.finditer(field_name, 1)]


def _absolute(path: Path) -> Path:
    return Path(os.path.abspath(path))


def _resolved(path: Path) -> Path:
    return path.resolve()
