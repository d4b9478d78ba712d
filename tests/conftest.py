"""Shared test fixtures: a throw-away copy of the project, and real builds of it.

Tests never build into the working tree. `project` copies the site's sources
(settings, content, theme, hooks, data) into a temporary folder; tests then add,
change or remove records there and run the same commands staff run.
"""

from __future__ import annotations

import fcntl
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
from yinglie.siteplan import record_folders  # noqa: E402

# Every build in the tests would also make the classroom copy (mkdocs.yml
# extra.offline.download), building each site twice; tests/test_offline.py turns it on.
os.environ.setdefault("YINGLIE_OFFLINE_DOWNLOAD", "false")

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


def martyr_record(name: str, place: str, period: str, died: str) -> str:
    """A small valid martyr record, for tests that need many with these facts."""
    return f"""
        name: {name}
        native_place: {place}
        died: "{died}"
        period: {period}
        sources:
          - title: 测试资料
            where: 测试用
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
        return self.run_module("yinglie", *args, env=env)

    def run_module(self, module: str, *args: str, env: dict | None = None) -> subprocess.CompletedProcess:
        """Run `python -m <module> <args>` in the project (e.g. yinglie.linkcheck)."""
        full_env = {
            **os.environ,
            "PYTHONPATH": str(self.root / "hooks"),
            "NO_MKDOCS_2_WARNING": "1",
            **(env or {}),
        }
        return subprocess.run(
            [sys.executable, "-m", module, *args],
            cwd=self.root, env=full_env, capture_output=True, text=True,
        )

    def build(self, site_dir: str = "site", env: dict | None = None) -> subprocess.CompletedProcess:
        return self.run("build", "--site-dir", site_dir, env=env)

    def check(self, env: dict | None = None) -> subprocess.CompletedProcess:
        return self.run("check", env=env)

    @property
    def site(self) -> Path:
        return self.root / "site"


# The records the tests build from: a frozen copy of the demonstration records, so
# that the tests pass whatever records the project itself holds (a district that
# deletes the demo, a staff member's new record, a new year of notices). The
# project's own records are checked and built by tests/test_own_records.py.
RECORDS = ROOT / "tests" / "fixtures" / "records"
# The documents quotations are checked against (sources/) go with the records citing them.
RECORD_FOLDERS = {*record_folders(), "sources"}


def copy_project(target: Path, records: Path = RECORDS) -> Project:
    """A copy of the project's settings, pages, theme and code, with the records of
    `records` (the test fixture's, unless a test asks for the project's own: ROOT)."""
    target.mkdir(parents=True, exist_ok=True)
    for part in PROJECT_PARTS:
        source = (records if part in RECORD_FOLDERS else ROOT) / part
        if source.is_dir():
            shutil.copytree(source, target / part, ignore=shutil.ignore_patterns("__pycache__"))
        elif source.exists():
            shutil.copy2(source, target / part)
    return Project(target)


@pytest.fixture
def project(tmp_path) -> Project:
    """A fresh copy of the project with the demo records, not yet built."""
    return copy_project(tmp_path / "project")


# The two addresses the demo site is built for: mkdocs.yml's own (a section of a
# larger site, at a sub-path) and the root of a host. Every test that only reads a
# built demo site shares one build per address (`demo_build`).
SUB_PATH = "/zt/yinglie/"
SUB_PATH_URL = f"https://www.example.gov.cn{SUB_PATH}"
ROOT_URL = "https://www.example.gov.cn/"


def _shared_folder(tmp_path_factory) -> Path:
    """A folder every test process of this run sees: with pytest-xdist, the workers'
    temporary folders are siblings, so their parent is shared."""
    base = tmp_path_factory.getbasetemp()
    if os.environ.get("PYTEST_XDIST_WORKER"):
        base = base.parent
    folder = base / "shared-demo-builds"
    folder.mkdir(exist_ok=True)
    return folder


@pytest.fixture(scope="session")
def demo_build(tmp_path_factory):
    """demo_build(site_url) -> the demo project, built for that address once per test run.

    The first test process to ask builds it (`python -m yinglie build`, as staff do)
    under a lock; the others wait and read the same folder. Tests must only read it:
    one that changes a site copies it first (see `built_project`)."""
    shared = _shared_folder(tmp_path_factory)

    def build(site_url: str) -> Project:
        name = "root" if site_url == ROOT_URL else "sub-path" if site_url == SUB_PATH_URL else \
            "".join(c if c.isalnum() else "-" for c in site_url)
        folder = shared / name
        with open(shared / f"{name}.lock", "w") as lock:
            fcntl.flock(lock, fcntl.LOCK_EX)  # released when the file closes
            done = folder / "built"
            if not done.exists():
                if folder.exists():  # an earlier attempt failed half-way
                    shutil.rmtree(folder)
                project = copy_project(folder / "project")
                result = project.build(env={"SITE_URL": site_url})
                assert result.returncode == 0, result.stdout + result.stderr
                done.write_text(site_url, encoding="utf-8")
        return Project(folder / "project")

    return build


@pytest.fixture(scope="session")
def demo_site(demo_build) -> Path:
    """The demo content built at mkdocs.yml's own address, for tests that only read it."""
    return demo_build(SUB_PATH_URL).site


@pytest.fixture(scope="session")
def root_site(demo_build) -> Path:
    """The demo content built for the root of a host, for tests that only read it."""
    return demo_build(ROOT_URL).site


@pytest.fixture
def built_project(project, demo_build) -> Project:
    """A fresh copy of the project whose site/ is the demo build at mkdocs.yml's
    address: what a staff member has after `make build`, without building again.

    The project's own sources are the ones that build was made from, so a test that
    changes something and builds again sees exactly the step from one build to the next."""
    built = demo_build(SUB_PATH_URL)
    shutil.copytree(built.site, project.site)
    if (built.root / ".cache").is_dir():  # the images and QR codes that build made
        shutil.copytree(built.root / ".cache", project.root / ".cache")
    return project
