"""Record files no loader would read: reported, never silently skipped.

Each kind's loader reads the `*.yml` files of its folder (kinds.KINDS: martyrs/,
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


def record_folders(settings: Settings, kinds) -> list[Path]:
    """Every folder whose files a kind's loader reads (or reports as misplaced): each
    kind's folder, and for a kind whose files sit one folder down (honors/<year>/*.yml)
    each folder there (a folder with another name is reported by that kind's loader)."""
    folders = []
    for kind in kinds:
        base = settings.root / kind.folder
        folders.append(base)
        if "/" in kind.pattern and base.is_dir():
            folders.extend(sorted(p for p in base.iterdir() if p.is_dir()))
    return list(dict.fromkeys(folders))


def report_stray_files(settings: Settings, kinds, problems: Problems) -> None:
    """One problem for each YAML-like file under the record kinds' folders that no loader reads."""
    folders = record_folders(settings, kinds)
    homes = set(folders)
    tops = dict.fromkeys(settings.root / kind.folder.split("/")[0] for kind in kinds)
    for top in tops:
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

