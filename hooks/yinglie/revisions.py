"""修订记录: when each record file changed, and the change's one-line summary, from git.

One `git log --name-only` over the record folders gives every commit that touched a
record file, newest first: its commit date and subject, and the files it changed.
Nothing about who made a change is read (no names, no e-mail addresses). The same
commits give the same history, whatever the day of the build; outside a git checkout
(an unpacked archive, a machine without git) there is no history and record pages
leave the section out.

A commit subject is text anyone with commit rights wrote, not a checked record: the
publication guard reads it as it reads a record's fields, and a subject the guard
refuses (a phone number, an ID number, a unit designation…) or that holds a hidden
character is replaced by 内容已修订, never shown. The page escapes what is shown.
"""

from __future__ import annotations

import subprocess
from dataclasses import dataclass
from pathlib import Path

from .characters import FORBIDDEN_CHARACTER, INVISIBLE_CHARACTER
from .guard import scan

WITHHELD = "内容已修订"  # shown for a subject the guard refuses
SHOWN = 10  # the newest changes a record page lists; it counts the older ones
LONGEST_SUMMARY = 120  # characters of a subject shown
# Between the commits of the log, and between a commit's date and subject: characters
# no subject or file name holds.
COMMIT_MARK, FIELD_MARK = "\x1e", "\x1f"
GIT_TIMEOUT = 120  # seconds: the whole history of 5,000 records takes well under one


@dataclass(frozen=True)
class Revision:
    date: str  # YYYY-MM-DD, the commit's date
    summary: str  # the subject, guarded


@dataclass(frozen=True)
class History:
    """What a record page shows: the newest revisions, and how many older ones there are."""

    shown: tuple[Revision, ...]
    older: int

    def __bool__(self) -> bool:
        return bool(self.shown)


NO_HISTORY = History((), 0)


def record_histories(root: Path, folders: list[str]) -> dict[Path, History]:
    """Each record file under `folders` (relative to `root`) that git knows -> its history,
    from one `git log` call. Empty outside a git checkout or without git."""
    command = ["git", "-c", "core.quotepath=off", "log", "--no-renames", "--name-only", "--relative",
               f"--format={COMMIT_MARK}%cs{FIELD_MARK}%s", "--", *folders]
    try:
        result = subprocess.run(command, cwd=root, capture_output=True, timeout=GIT_TIMEOUT)
    except (OSError, subprocess.SubprocessError):  # no git on this machine
        return {}
    if result.returncode != 0:  # not a git checkout, or no commit yet
        return {}
    base = root.resolve()  # record pages ask by their file's resolved path
    changes: dict[Path, list[Revision]] = {}
    guarded: dict[str, str] = {}  # a subject shared by many files is guarded once
    for commit in result.stdout.decode("utf-8", errors="replace").split(COMMIT_MARK)[1:]:
        header, _, names = commit.partition("\n")
        date, _, subject = header.partition(FIELD_MARK)
        if subject not in guarded:
            guarded[subject] = summary_of(subject)
        revision = Revision(date.strip(), guarded[subject])
        for name in names.splitlines():
            if name.strip():
                changes.setdefault(base / name, []).append(revision)
    return {path: History(tuple(found[:SHOWN]), max(0, len(found) - SHOWN)) for path, found in changes.items()}


def summary_of(subject: str) -> str:
    """A commit subject as a record page may show it, or 内容已修订."""
    subject = " ".join(subject.split())
    if not subject or FORBIDDEN_CHARACTER.search(subject) or INVISIBLE_CHARACTER.search(subject) or scan(subject):
        return WITHHELD
    return subject if len(subject) <= LONGEST_SUMMARY else subject[:LONGEST_SUMMARY - 1] + "…"
