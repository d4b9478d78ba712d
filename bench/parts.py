"""Copying the project's parts into a benchmark folder (bench/run.py, bench/hostile.py)."""

from __future__ import annotations

import shutil
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def copy_parts(folder: Path, parts) -> None:
    """A fresh `folder` holding the named parts of the project (files or folders; a part
    the project does not have is left out), as the tests' project copy does."""
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    for part in parts:
        source = ROOT / part
        if source.is_dir():
            shutil.copytree(source, folder / part, ignore=shutil.ignore_patterns("__pycache__"))
        elif source.exists():
            shutil.copy2(source, folder / part)
