"""为烈士寻亲: a martyr record's `tracing` status, its settings, and what a page shows,
on a real build of a fixture project (records made up for the test)."""

from __future__ import annotations

import json

import pytest
from conftest import copy_project

from yinglie.config import SettingsError, TracingConfig, settings_from

PLATFORM = "https://tracing.example.org/xunqin/"  # an obviously fictional platform


def martyr(name: str, tracing: str = "") -> str:
    return (f"name: {name}\n" + (f"tracing: {tracing}\n" if tracing else "")
            + "sources:\n  - title: 测试资料\n    where: 测试\n")


def with_tracing(project, block: str) -> None:
    config = project.root / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    start, end = text.index("  tracing:\n"), text.index("  # 网上祭扫")
    config.write_text(text[:start] + block + text[end:], encoding="utf-8")


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    project = copy_project(tmp_path_factory.mktemp("tracing") / "project")
    with_tracing(project, f"  tracing:\n    platform_url: {PLATFORM}\n    platform_name: 测试寻亲平台\n")
    project.write("martyrs/test-sought.yml", martyr("张测试", "寻亲中"))
    project.write("martyrs/test-found.yml", martyr("李测试", "已找到亲属"))
    project.write("martyrs/test-none.yml", martyr("王测试"))
    result = project.build()
    assert result.returncode == 0, result.stderr
    return project.site


def _page(site, record_id: str) -> str:
    return (site / "martyrs" / record_id / "index.html").read_text(encoding="utf-8")


def test_a_sought_family_shows_the_status_and_links_to_the_platform(site):
    page = _page(site, "test-sought")
    assert '寻亲状态：<strong class="ml-tracing__status">寻亲中</strong>' in page
    assert f'<a href="{PLATFORM}" rel="noopener">测试寻亲平台</a>' in page


def test_a_found_family_shows_the_status_without_the_platform(site):
    page = _page(site, "test-found")
    assert '寻亲状态：<strong class="ml-tracing__status">已找到亲属</strong>' in page
    assert PLATFORM not in page


def test_a_record_without_a_status_shows_no_tracing_section(site):
    assert "为烈士寻亲" not in _page(site, "test-none")


def test_the_status_is_open_data(site):
    rows = json.loads((site / "data" / "martyrs.json").read_text(encoding="utf-8"))["martyrs"]
    assert {row["id"]: row["tracing"] for row in rows if row["id"].startswith("test-")} == {
        "test-sought": "寻亲中", "test-found": "已找到亲属", "test-none": ""}


def test_without_a_platform_the_status_shows_and_no_link(project):
    project.write("martyrs/test-sought.yml", martyr("张测试", "寻亲中"))
    result = project.build()
    assert result.returncode == 0, result.stderr
    page = _page(project.site, "test-sought")
    assert '<strong class="ml-tracing__status">寻亲中</strong>' in page
    assert "rel=\"noopener\">烈士寻亲服务平台" not in page and "登记或查询" not in page


def test_a_status_not_in_the_settings_is_refused_with_its_line(project):
    project.write("martyrs/test-sought.yml", martyr("张测试", "正在找"))
    result = project.check()
    assert result.returncode != 0
    assert any(line.startswith("martyrs/test-sought.yml:2: tracing: ") and "正在找" in line and "寻亲中、已找到亲属" in line
               for line in result.stderr.splitlines()), result.stderr


def test_the_statuses_default_and_the_platform_is_checked_as_a_record_url(tmp_path):
    assert settings_from({}, tmp_path).tracing.statuses == tuple(TracingConfig.statuses.default)
    assert settings_from({}, tmp_path).tracing.platform_url == ""
    for address in ("javascript:alert(1)", "www.example.org", "https://user:pw@example.org/"):
        with pytest.raises(SettingsError) as raised:
            settings_from({"tracing": {"platform_url": address}}, tmp_path)
        assert str(raised.value).startswith("extra.tracing.platform_url: ")
    with pytest.raises(SettingsError) as raised:
        settings_from({"tracing": {"statuses": ["寻亲中"], "searching": "查找中"}}, tmp_path)
    assert str(raised.value) == "extra.tracing.searching: '查找中' is not one of extra.tracing.statuses"
