"""Record files no loader would read: reported, never silently skipped.

Each loader reads the `*.yml` files directly in its folder (martyrs/,
martyrs/memorials/, martyrs/memorials/work/, events/, honors/<year>/). A record
saved as `x.yaml` or `x.YML`, put in a sub-folder, or left behind by an editor
(`x.yml~`, `.x.yml.swp`, `#x.yml#`, `x.yml.bak`, `x.yml.orig`) would otherwise
vanish from the site without a word. Only names that look like YAML are
considered: photos, README.md and .gitkeep beside the records are fine.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

from .config import Settings
from .errors import Problems

# A name that holds a YAML file: ".yml" or ".yaml" in any case, at the end or
# followed by what editors append (x.yml~, x.yml.bak, #x.yml#).
YAML_NAME = re.compile(r"\.ya?ml(?=$|[.~#])", re.IGNORECASE)
# What editors and merge tools leave beside a file they edit.
BACKUP = re.compile(r"(?:~|#|\.bak|\.orig|\.rej|\.swp|\.swo|\.swx|\.tmp)$|^\.#|^#", re.IGNORECASE)


def record_folders(settings: Settings) -> list[Path]:
    """Every folder whose `*.yml` files a loader reads (or reports as misplaced)."""
    folders = [settings.martyrs_dir, settings.memorials_dir, settings.memorials_dir / "work",
               settings.events_dir, settings.honors_dir]
    if settings.honors_dir.is_dir():
        # Year folders; a folder with another name is reported by the honors loader.
        folders.extend(p for p in settings.honors_dir.iterdir() if p.is_dir())
    return folders


def report_stray_files(settings: Settings, problems: Problems) -> None:
    """One problem for each YAML-like file under the record folders that no loader reads."""
    folders = record_folders(settings)
    homes = set(folders)
    for top in (settings.martyrs_dir, settings.events_dir, settings.honors_dir):
        if not top.is_dir():
            continue
        for folder, _dirs, names in os.walk(top):  # links to folders are not followed
            folder = Path(folder)
            for name in sorted(names):
                match = YAML_NAME.search(name)
                if match is None:
                    continue
                path = folder / name
                if BACKUP.search(name):
                    problems.add(path, 1, "-", "stray_backup")
                elif folder not in homes:
                    home = max((f for f in folders if folder.is_relative_to(f)), key=lambda f: len(f.parts))
                    problems.add(path, 1, "-", "stray_folder", folder=problems.display_path(home) + "/")
                elif not name.endswith(".yml"):
                    problems.add(path, 1, "-", "stray_extension", suggestion=name[:match.start()] + ".yml")

