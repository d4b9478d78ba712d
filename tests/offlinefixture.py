"""A small project made into the classroom copy (`python -m yinglie.offlinecopy`), unzipped:
shared by tests/test_offline.py and tests/browser/test_offline.py."""

from __future__ import annotations

import os
import subprocess
import sys
import zipfile
from pathlib import Path

from conftest import copy_project
from photofixtures import two_tone

# A martyr who died on 17 May: the browser test fixes the clock to that day, and
# 今日纪念 must name him from the file system.
ANNIVERSARY_MARTYR = """
name: 离线测试
died: '1930-05-17'
native_place: 测试乡
sources:
  - title: 测试资料
    where: 测试
photos:
  - file: photos/offline-test.jpg
    alt: 离线测试照片
    credit: 测试单位提供
"""
PHOTO_WIDTHS = "    photo_widths: [100, 200, 300]\n"


def make_offline_copy(folder: Path, epoch: str = "1700000000"):
    """The project, its zip, and the folder it unzips to."""
    project = copy_project(folder / "project")
    config = project.root / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8").replace("  records:\n", "  records:\n" + PHOTO_WIDTHS, 1),
                      encoding="utf-8")
    two_tone(project.root / "martyrs/photos/offline-test.jpg", size=(600, 400))
    project.write("martyrs/offline-test.yml", ANNIVERSARY_MARTYR)
    env = {**os.environ, "PYTHONPATH": str(project.root / "hooks"), "NO_MKDOCS_2_WARNING": "1",
           "SOURCE_DATE_EPOCH": epoch}
    result = subprocess.run([sys.executable, "-m", "yinglie.offlinecopy", "--out-dir", "dist"],
                            cwd=project.root, env=env, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
    archives = sorted((project.root / "dist").glob("*.zip"))
    assert len(archives) == 1, archives
    unzipped = folder / "usb"
    with zipfile.ZipFile(archives[0]) as zipped:
        zipped.extractall(unzipped)
    (top,) = unzipped.iterdir()
    return project, archives[0], top, result.stdout
