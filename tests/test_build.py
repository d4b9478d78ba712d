"""Real `mkdocs build --strict` runs of the demo content and of fixture projects."""

from __future__ import annotations

import json
import re
from html.parser import HTMLParser
from pathlib import Path

SEED_MARTYRS = {"qi-nanxun": "漆南薰", "ran-jun": "冉钧", "zhong-rumei": "钟汝梅", "jiang-zhengquan": "蒋正全"}


class Links(HTMLParser):
    """Collects the URLs a page links to or loads."""

    def __init__(self):
        super().__init__()
        self.loads: list[str] = []  # what the browser fetches by itself
        self.links: list[str] = []  # what a visitor may follow

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag in ("script", "img", "iframe", "source", "audio", "video") and attrs.get("src"):
            self.loads.append(attrs["src"])
        if tag == "link" and attrs.get("href"):
            (self.links if attrs.get("rel") in ("canonical", "alternate") else self.loads).append(attrs["href"])
        if tag == "a" and attrs.get("href"):
            self.links.append(attrs["href"])


def parse(page: Path) -> Links:
    links = Links()
    links.feed(page.read_text(encoding="utf-8"))
    return links


def directory_names(page: Path) -> list[str]:
    html = page.read_text(encoding="utf-8")
    return re.findall(r'class="ml-directory__name" href="[^"]*">([^<]+)</a>', html)


def test_every_seed_martyr_has_a_page_with_facts_deeds_and_sources(demo_site):
    for record_id, name in SEED_MARTYRS.items():
        html = (demo_site / "martyrs" / record_id / "index.html").read_text(encoding="utf-8")
        assert f"<h1>{name}</h1>" in html
        assert "基本情况" in html and "生平事迹" in html and "资料来源" in html
        assert "江津区退役军人事务系统2022年工作回顾" in html


def test_no_edit_links_while_the_repository_is_not_public(demo_site):
    # extra.repository.public is false in mkdocs.yml; with it true, tests/test_adoption.py
    # finds the links opening the YAML record.
    html = (demo_site / "martyrs" / "qi-nanxun" / "index.html").read_text(encoding="utf-8")
    assert "git.example.gov.cn" not in html and "修改此条记录" not in html


def test_directory_is_in_stroke_order_with_a_pinyin_switch(demo_site):
    # 冉 5 strokes, 钟 9, 蒋 12, 漆 14.
    assert directory_names(demo_site / "martyrs" / "index.html") == ["冉钧", "钟汝梅", "蒋正全", "漆南薰"]
    assert directory_names(demo_site / "martyrs" / "pinyin" / "index.html") == ["蒋正全", "漆南薰", "冉钧", "钟汝梅"]
    assert 'href="pinyin/"' in (demo_site / "martyrs" / "index.html").read_text(encoding="utf-8")


def test_open_data_lists_every_martyr_with_an_existing_page(demo_site):
    document = json.loads((demo_site / "data" / "martyrs.json").read_text(encoding="utf-8"))
    assert document["count"] == 4
    assert {m["id"]: m["name"] for m in document["martyrs"]} == SEED_MARTYRS
    for martyr in document["martyrs"]:
        assert (demo_site / martyr["url"] / "index.html").is_file()
        assert martyr["sources"][0]["title"] == "江津区退役军人事务系统2022年工作回顾"
        assert martyr["died"] == {"date": "", "text": "不详"}


def test_nothing_is_loaded_from_another_host(demo_site):
    offenders = []
    for page in demo_site.rglob("*.html"):
        for url in parse(page).loads:
            if re.match(r"^(https?:)?//", url):
                offenders.append(f"{page.relative_to(demo_site)}: {url}")
    for sheet in demo_site.rglob("*.css"):
        for url in re.findall(r"url\(\s*['\"]?((?:https?:)?//[^'\")]+)", sheet.read_text(encoding="utf-8")):
            offenders.append(f"{sheet.relative_to(demo_site)}: {url}")
    assert offenders == []
    assert not any("fonts.googleapis" in p.read_text(encoding="utf-8") for p in demo_site.rglob("*.html"))


def test_the_site_works_under_a_sub_path(demo_site):
    html = (demo_site / "martyrs" / "ran-jun" / "index.html").read_text(encoding="utf-8")
    assert '<link rel="canonical" href="https://www.example.gov.cn/zt/yinglie/martyrs/ran-jun/">' in html
    # Links between pages are relative, so the site can be mounted anywhere.
    assert not re.search(r'href="/(?!/)', html)


def test_footer_items_come_from_the_settings(project):
    settings = project.root / "mkdocs.yml"
    text = settings.read_text(encoding="utf-8")
    text = text.replace("    # address: \"\"", "    address: 测试路1号")
    text = text.replace("    # icp: \"\"                 # ICP 备案号, linked to https://beian.miit.gov.cn/",
                        "    icp: 渝ICP备00000000号")
    settings.write_text(text, encoding="utf-8")
    assert project.build().returncode == 0
    html = (project.site / "index.html").read_text(encoding="utf-8")
    assert '<a href="https://beian.miit.gov.cn/" rel="noopener">渝ICP备00000000号</a>' in html
    assert "地址：测试路1号" in html
    assert "网站标识码" not in html  # not configured, so not shown


def test_demo_notice_follows_the_setting(project, demo_site):
    assert "演示数据" in (demo_site / "index.html").read_text(encoding="utf-8")
    settings = project.root / "mkdocs.yml"
    settings.write_text(settings.read_text(encoding="utf-8").replace("demo_data: true", "demo_data: false"), encoding="utf-8")
    assert project.build().returncode == 0
    assert "演示数据" not in (project.site / "index.html").read_text(encoding="utf-8")


def test_check_prints_problems_and_fails(project):
    project.write("martyrs/bad.yml", "name: 测试\n")
    result = project.check()
    assert result.returncode == 1
    assert "martyrs/bad.yml:1: sources: 缺少必填字段" in result.stderr
    project.remove("martyrs/bad.yml")
    result = project.check()
    assert result.returncode == 0
    # One line per record kind, counting what the project holds (whatever its records are).
    notices = sum(text.count("\n- ") + text.startswith("- ")
                  for path in (project.root / "honors").glob("[0-9]*/*.yml") if path.name != "totals.yml"
                  for text in [path.read_text(encoding="utf-8")])
    assert result.stdout.splitlines()[:6] == [
        "记录检查通过 / records OK",
        f"烈士 / martyrs: {len(list((project.root / 'martyrs').glob('*.yml')))}",
        f"纪念活动 / events: {len(list((project.root / 'events').glob('*.yml')))}",
        f"喜报 / award notices: {notices}",
        f"纪念设施 / memorial facilities: {len(list((project.root / 'martyrs/memorials').glob('*.yml')))}",
        f"年度纪念设施工作 / years of memorial work: {len(list((project.root / 'martyrs/memorials/work').glob('*.yml')))}",
    ]


def test_untrusted_markup_in_a_record_never_goes_live(project):
    project.write("martyrs/xss.yml", """
        name: "<script>alert(1)</script>测试"
        summary: '<img src=x onerror="alert(2)">'
        deeds: |
          正文<script>alert(3)</script><img src="https://example.org/x.png" onerror=alert(4)>
          <a href="https://example.org/" onclick="alert(5)">链接</a>
        sources:
          - title: "<b onmouseover=alert(6)>资料</b>"
            where: 测试
    """)
    assert project.build().returncode == 0, project.build().stderr
    for page in [project.site / "martyrs" / "xss" / "index.html", project.site / "martyrs" / "index.html"]:
        html = page.read_text(encoding="utf-8")
        assert "<script>alert" not in html
        assert "<img src=x" not in html and "example.org/x.png" not in html
        assert 'onerror="alert' not in html and "onerror=alert(4)" not in html
        assert "javascript:alert" not in html and 'onclick="alert(5)' not in html
        assert "<b onmouseover" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;测试" in (project.site / "martyrs" / "xss" / "index.html").read_text(encoding="utf-8")
