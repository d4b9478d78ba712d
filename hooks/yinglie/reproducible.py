"""Reproducible builds: the build's date comes from the sources, never the clock.

MkDocs stamps every page with the build date (the sitemap's <lastmod>, the gzip
header of sitemap.xml.gz) unless SOURCE_DATE_EPOCH is set, so two builds of the
same commit on different days would differ. `source_date_epoch` gives the time
of the last commit, or, outside a git checkout (an unpacked archive), the newest
modification time of the files the site is built from.
"""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

from .siteplan import record_folders

# What a build reads, relative to the folder of mkdocs.yml: the settings, the pages,
# the theme and the code, the documents quotations are checked against (sources/),
# and the top folder of every record kind.
SITE_PARTS = ("mkdocs.yml", "content", "theme", "hooks", "sources")
SOURCES = (*SITE_PARTS, *record_folders())


def source_date_epoch(project_root: Path) -> str:
    """SOURCE_DATE_EPOCH as given, else the last commit's time, else the newest source file's."""
    given = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if given.isdigit():
        return given
    return _commit_time(project_root) or str(_newest_source(project_root))


def _commit_time(project_root: Path) -> str | None:
    try:
        result = subprocess.run(
            ["git", "log", "-1", "--format=%ct"], cwd=project_root,
            capture_output=True, text=True, timeout=30,
        )
    except (OSError, subprocess.SubprocessError):  # no git on this machine
        return None
    stamp = result.stdout.strip()
    return stamp if result.returncode == 0 and stamp.isdigit() else None


def _newest_source(project_root: Path) -> int:
    newest = 0
    for name in SOURCES:
        path = project_root / name
        if path.is_file():
            newest = max(newest, int(path.stat().st_mtime))
        elif path.is_dir():
            for item in path.rglob("*"):
                if item.is_file() and "__pycache__" not in item.parts:
                    newest = max(newest, int(item.stat().st_mtime))
    return newest
