"""Shared test fixtures: a throw-away copy of the project, and real builds of it.

Tests never build into the working tree. `project` copies the site's sources
(settings, content, theme, hooks, data) into a temporary folder; tests then add,
change or remove records there and run the same commands staff run.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import textwrap
from dataclasses import dataclass
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
HOOKS = ROOT / "hooks"
sys.path.insert(0, str(HOOKS))

from yinglie.reproducible import SOURCES  # noqa: E402 - the package is on the path from here

# Everything a build reads: the settings, pages, theme, code, and every record kind's
# folder (kinds.KINDS). Data folders that do not exist yet are skipped.
PROJECT_PARTS = list(SOURCES)

# A martyr whose surname reading (解 = jie here) and facts the search must find.
SEARCHABLE_RECORD = """
name: 解文明
surname_pinyin: jie
native_place: 测试县青石乡
period: 解放战争时期
died: 1949年5月
burial: 测试烈士陵园
sources:
  - title: 测试资料
    where: 测试
"""


@dataclass
class Project:
    root: Path

    def write(self, relative: str, text: str) -> Path:
        path = self.root / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(textwrap.dedent(text).lstrip("\n"), encoding="utf-8")
        return path

    def remove(self, relative: str) -> None:
        path = self.root / relative
        if path.is_dir():
            shutil.rmtree(path)
        else:
            path.unlink()

    def run(self, *args: str, env: dict | None = None) -> subprocess.CompletedProcess:
        """Run `python -m yinglie <args>` in the project, as `make` does."""
        full_env = {
            **os.environ,
            "PYTHONPATH": str(self.root / "hooks"),
            "NO_MKDOCS_2_WARNING": "1",
            **(env or {}),
        }
        return subprocess.run(
            [sys.executable, "-m", "yinglie", *args],
            cwd=self.root, env=full_env, capture_output=True, text=True,
        )

    def build(self, site_dir: str = "site", env: dict | None = None) -> subprocess.CompletedProcess:
        return self.run("build", "--site-dir", site_dir, env=env)

    def check(self, env: dict | None = None) -> subprocess.CompletedProcess:
        return self.run("check", env=env)

    @property
    def site(self) -> Path:
        return self.root / "site"


def copy_project(target: Path) -> Project:
    target.mkdir(parents=True, exist_ok=True)
    for part in PROJECT_PARTS:
        source = ROOT / part
        if source.is_dir():
            shutil.copytree(source, target / part, ignore=shutil.ignore_patterns("__pycache__"))
        elif source.exists():
            shutil.copy2(source, target / part)
    return Project(target)


@pytest.fixture
def project(tmp_path) -> Project:
    """A fresh copy of the project with the demo records, not yet built."""
    return copy_project(tmp_path / "project")


@pytest.fixture(scope="session")
def demo_site(tmp_path_factory) -> Path:
    """The demo content built once, for tests that only read the built site."""
    built = copy_project(tmp_path_factory.mktemp("demo") / "project")
    result = built.build()
    assert result.returncode == 0, result.stdout + result.stderr
    return built.site
