"""Records already checked in this process, so that a rebuild checks again only what changed.

`mkdocs serve` rebuilds after every edit in the same process, and the loaders run
again over thousands of files. Each record kind keeps a `CheckedFiles`: a file's
checked records are reused while the file's modification time and size, the
settings they were checked against, and the files they depend on (a record's
photos and their web copies) are all unchanged.

Only files that loaded without any problem are kept, so a problem is reported at
every load, not only the first. Checks between records (a martyr id named by an
event, a facility named by a martyr, a year's totals, duplicate addresses) are
never kept here: they run on every load, so an edit that breaks another record's
reference is still reported.
"""

from __future__ import annotations

from pathlib import Path
from typing import Callable, Generic, Hashable, Iterable, TypeVar

from .errors import Problems

Stamp = tuple[int, int]  # (st_mtime_ns, st_size)
Value = TypeVar("Value")


def file_stamp(path: Path) -> Stamp | None:
    """The file's modification time and size, or None when it cannot be read."""
    try:
        stat = path.stat()
    except OSError:
        return None
    return (stat.st_mtime_ns, stat.st_size)


class CheckedFiles(Generic[Value]):
    """Path -> what loading the file gave, with what it was checked against."""

    def __init__(self):
        self._entries: dict[Path, tuple[Stamp, Hashable, tuple[tuple[Path, Stamp | None], ...], Value]] = {}

    def load(self, path: Path, context: Hashable, problems: Problems, read: Callable[[], Value | None],
             dependencies: Callable[[Value], Iterable[tuple[Path, Stamp | None]]] | None = None) -> Value | None:
        """The kept value for `path`, or `read()`'s, kept if it added no problem."""
        stamp = file_stamp(path)  # before reading: an edit made while reading is seen next time
        value = self.get(path, stamp, context)
        if value is None:
            before = len(problems.found)
            value = read()
            if value is not None and len(problems.found) == before:
                self.keep(path, stamp, context, value, dependencies(value) if dependencies else ())
        return value

    def load_all(self, paths: Iterable[Path], context: Hashable, problems: Problems,
                 read: Callable[[Path], Value | None],
                 dependencies: Callable[[Value], Iterable[tuple[Path, Stamp | None]]] | None = None) -> list[Value]:
        """`load` for each of `paths` (`read(path)` reads one): the values that loaded."""
        values = []
        for path in paths:
            value = self.load(path, context, problems, lambda: read(path), dependencies)
            if value is not None:
                values.append(value)
        return values

    def get(self, path: Path, stamp: Stamp | None, context: Hashable) -> Value | None:
        """The kept value, if the file (stamped before reading), the context and every
        dependency are as they were; otherwise None and the file is read again."""
        entry = self._entries.get(path)
        if entry is None or stamp is None:
            return None
        kept_stamp, kept_context, dependencies, value = entry
        if kept_stamp != stamp or kept_context != context:
            return None
        if any(file_stamp(dependency) != seen for dependency, seen in dependencies):
            return None
        return value

    def keep(self, path: Path, stamp: Stamp | None, context: Hashable, value: Value,
             dependencies: Iterable[tuple[Path, Stamp | None]] = ()) -> None:
        """Keep `value`, read from `path` when it had `stamp` (taken before reading it)."""
        if stamp is None:
            return
        self._entries[path] = (stamp, context, tuple(dependencies), value)


def photo_dependencies(photos: Iterable) -> list[tuple[Path, Stamp | None]]:
    """Each photo file as it was read, and its web copies' manifest (see photos.py)."""
    found = []
    for photo in photos:
        found.append((photo.source, photo.source_stamp))
        manifest = photo.folder / "manifest.json"
        found.append((manifest, file_stamp(manifest)))
    return found
