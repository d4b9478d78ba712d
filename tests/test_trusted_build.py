"""Builds that can be trusted: reproducible, no broken links, atomic."""

from __future__ import annotations

import gzip
import hashlib
import os
import shutil
import struct
import subprocess
from datetime import datetime, timezone
from pathlib import Path

import pytest

from conftest import Project, copy_project
from yinglie.linkcheck import check_site

SUB_PATH = "/zt/yinglie/"
COMMIT_DATE = "2024-03-05T10:20:30+00:00"


def tree(folder: Path) -> dict[str, str]:
    """Every file under `folder` by relative path, with a hash of its bytes."""
    return {
        path.relative_to(folder).as_posix(): hashlib.sha256(path.read_bytes()).hexdigest()
        for path in sorted(folder.rglob("*")) if path.is_file()
    }


def git(folder: Path, *args: str) -> None:
    env = {**os.environ, "GIT_AUTHOR_DATE": COMMIT_DATE, "GIT_COMMITTER_DATE": COMMIT_DATE,
           "GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@example.invalid",
           "GIT_COMMITTER_NAME": "t", "GIT_COMMITTER_EMAIL": "t@example.invalid"}
    subprocess.run(["git", *args], cwd=folder, env=env, check=True, capture_output=True)


# Reproducible ------------------------------------------------------------------

@pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")
def test_two_builds_of_one_commit_in_different_folders_are_byte_identical(tmp_path):
    first = copy_project(tmp_path / "first")
    git(first.root, "init", "-q")
    git(first.root, "add", "-A")
    git(first.root, "commit", "-q", "-m", "records")
    git(tmp_path, "clone", "-q", str(first.root), "second")  # fresh files, fresh mtimes
    second = Project(tmp_path / "second")
    env = {"SOURCE_DATE_EPOCH": ""}  # the date must come from the commit
    for project in (first, second):
        result = project.build(env=env)
        assert result.returncode == 0, result.stderr
    assert tree(first.site) == tree(second.site)
    # The dates in the site are the commit's, not today's.
    assert "<lastmod>2024-03-05</lastmod>" in (first.site / "sitemap.xml").read_text(encoding="utf-8")
    header = (first.site / "sitemap.xml.gz").read_bytes()[:10]
    stamp = struct.unpack("<I", header[4:8])[0]
    assert datetime.fromtimestamp(stamp, timezone.utc).date().isoformat() == "2024-03-05"
    assert gzip.decompress((first.site / "sitemap.xml.gz").read_bytes()) == (first.site / "sitemap.xml").read_bytes()


def test_outside_git_the_date_comes_from_the_sources(tmp_path, monkeypatch):
    from yinglie.reproducible import source_date_epoch

    project = copy_project(tmp_path / "project")
    stamp = datetime(2023, 6, 1, tzinfo=timezone.utc).timestamp()
    for path in project.root.rglob("*"):
        os.utime(path, (stamp, stamp))
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    assert source_date_epoch(project.root) == str(int(stamp))


# Links -------------------------------------------------------------------------

@pytest.fixture
def built_for(demo_build):
    """The demo site built for a given site_url: one shared build per address (conftest.py)."""
    return lambda site_url: demo_build(site_url).site


@pytest.mark.parametrize("site_url, mount", [
    ("https://www.example.gov.cn/", "/"),
    (f"https://www.example.gov.cn{SUB_PATH}", SUB_PATH),
], ids=["root", "sub-path"])
def test_every_internal_link_resolves(built_for, site_url, mount):
    """Every href, src, srcset and url() of every page and stylesheet, anchors included.
    (This is the one test of the whole site's links; test_build.py had a second, weaker one.)"""
    site = built_for(site_url)
    assert check_site(site, mount, site_url) == []


def test_pages_link_relatively_so_any_mount_works_except_the_404_page(built_for):
    """Pages use relative links; only 404.html, served at any address, must name the mount."""
    site = built_for(f"https://www.example.gov.cn{SUB_PATH}")
    broken = check_site(site, "/other/place/")
    assert broken and {link.page for link in broken} == {"404.html"}


def test_checker_reports_each_kind_of_broken_link(built_for, tmp_path):
    site = tmp_path / "site"
    shutil.copytree(built_for(f"https://www.example.gov.cn{SUB_PATH}"), site)
    (site / "about" / "index.html").write_text(
        '<a href="../martyrs/">fine</a> <a href="../sources/#nowhere">bad anchor</a>'
        '<a href="../no-such-page/">missing page</a> <img src="../assets/none.png" alt="">'
        '<a href="../../../outside/">escapes</a> <a href="https://other.example/">other host</a>'
        '<a href="https://www.example.gov.cn/zt/yinglie/gone/">own address</a>'
        '<a href="mailto:x@example.invalid">mail</a>',
        encoding="utf-8",
    )
    (site / "assets" / "extra.css").write_text("body { background: url('img/missing.png') }", encoding="utf-8")
    broken = check_site(site, SUB_PATH, f"https://www.example.gov.cn{SUB_PATH}")
    assert [(link.page, link.target) for link in broken] == [
        ("about/index.html", "../../../outside/"),
        ("about/index.html", "../assets/none.png"),
        ("about/index.html", "../no-such-page/"),
        ("about/index.html", "../sources/#nowhere"),
        ("about/index.html", "https://www.example.gov.cn/zt/yinglie/gone/"),
        ("assets/extra.css", "img/missing.png"),
    ]


def test_linkcheck_command_fails_on_a_broken_link(built_for, tmp_path):
    project = copy_project(tmp_path / "project")
    shutil.copytree(built_for(f"https://www.example.gov.cn{SUB_PATH}"), project.site)
    env = {"SITE_URL": f"https://www.example.gov.cn{SUB_PATH}"}
    ok = project_module(project, "yinglie.linkcheck", env)
    assert ok.returncode == 0 and f"mounted at {SUB_PATH}" in ok.stdout
    (project.site / "about" / "index.html").write_text('<a href="../gone/">x</a>', encoding="utf-8")
    failed = project_module(project, "yinglie.linkcheck", env)
    assert failed.returncode == 1
    assert "about/index.html: ../gone/: no such file in the site" in failed.stdout


def project_module(project: Project, module: str, env: dict) -> subprocess.CompletedProcess:
    import sys

    full_env = {**os.environ, "PYTHONPATH": str(project.root / "hooks"), **env}
    return subprocess.run([sys.executable, "-m", module], cwd=project.root, env=full_env,
                          capture_output=True, text=True)


# Atomic ------------------------------------------------------------------------

def leftovers(project: Project) -> list[str]:
    return sorted(p.name for p in project.root.iterdir() if p.name.startswith(".site-"))


def test_invalid_records_leave_the_previous_site_exactly_as_it_was(built_project):
    """A bad value, an unknown field and broken YAML: every problem is named, and the
    site that was there stays byte for byte, with no half-built folder left behind."""
    before = tree(built_project.site)
    built_project.write("martyrs/qi-nanxun.yml", "name: 漆南薰\ndied: 1892-13\n")
    built_project.write("martyrs/bad.yml", """
        nmae: 测试
        died: 1892-13
        sources:
          - title: 测试资料
            where: 测试档案馆
    """)
    built_project.write("martyrs/broken.yml", "name: [\n")
    result = built_project.build()
    assert result.returncode != 0
    assert "martyrs/qi-nanxun.yml:2: died" in result.stderr
    assert "martyrs/bad.yml:1: nmae: 未知字段“nmae”，是否应为“name”？" in result.stderr
    assert "martyrs/bad.yml:2: died: “1892-13”不是可识别的日期" in result.stderr
    assert "martyrs/broken.yml:2: -: YAML 格式错误" in result.stderr
    assert tree(built_project.site) == before
    assert leftovers(built_project) == []


def test_template_error_leaves_the_previous_site_exactly_as_it_was(built_project):
    before = tree(built_project.site)
    template = built_project.root / "theme" / "martyr.html"
    template.write_text(template.read_text(encoding="utf-8") + "\n{% if %}\n", encoding="utf-8")
    result = built_project.build()
    assert result.returncode != 0
    assert "TemplateSyntaxError" in result.stderr or "martyr.html" in result.stderr
    assert tree(built_project.site) == before
    assert leftovers(built_project) == []
