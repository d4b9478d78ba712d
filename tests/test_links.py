"""Links from records (links.py): `url` fields hold only http(s) addresses; Markdown
fields link only http(s) addresses and files of the site, resolved as MkDocs
resolves them; `make check` refuses the rest, each as `path:line: field: message`."""

from __future__ import annotations

import logging

import pytest
from mkdocs.config import load_config
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page

from conftest import RECORDS, ROOT

from yinglie.urls import markdown_problems, relative_problem, url_problem
from yinglie.martyrs import MARTYR
from yinglie.schema import paragraphs

# --- Web addresses in url fields --------------------------------------------------------

@pytest.mark.parametrize("url", [
    "https://www.gov.cn/", "http://example.org/a?b=1#c", "HTTPS://Example.org/x", "https://例子.中国/路径",
    "https://example.org:8080/", "https://example.org/%E5%90%8D",
])
def test_web_addresses_are_accepted(url):
    assert url_problem(url) is None


@pytest.mark.parametrize("url, key", [
    ("javascript:alert(1)", "url_scheme"),
    ("JaVaScRiPt:alert(1)", "url_scheme"),
    ("data:text/html,<script>alert(1)</script>", "url_scheme"),
    ("vbscript:msgbox(1)", "url_scheme"),
    ("file:///etc/passwd", "url_scheme"),
    ("ftp://example.org/", "url_scheme"),
    ("mailto:someone@example.org", "url_scheme"),
    (" javascript:alert(1)", "url_characters"),
    ("java\tscript:alert(1)", "url_characters"),
    ("java\nscript:alert(1)", "url_characters"),
    ("https://example.org/a b", "url_characters"),
    ("https://example.org/\u200b", "url_characters"),
    ("https://example.org/\u202e", "url_characters"),
    ("https://example.org/\n", "url_characters"),
    ("&#106;avascript:alert(1)", "url_no_scheme"),
    ("//evil.example/x", "url_no_scheme"),
    ("www.gov.cn", "url_no_scheme"),
    ("/sources/", "url_no_scheme"),
    ("https:\\\\evil.example", "url_backslash"),
    ("https://example.org\\@evil.example/", "url_backslash"),
    ("https://user:secret@example.org/", "url_credentials"),
    ("https://user@example.org/", "url_credentials"),
    ("https:/example.org", "url_malformed"),
    ("https:example.org", "url_malformed"),
    ("https://", "url_malformed"),
    ("https://example.org:99999/", "url_malformed"),
    ("https://example.org:port/", "url_malformed"),
    ("http://[::1", "url_malformed"),
])
def test_anything_else_is_refused(url, key):
    assert url_problem(url)[0] == key


def test_the_schema_says_what_a_url_is():
    source = MARTYR.json_schema()["properties"]["sources"]["items"]["properties"]["url"]
    assert source["format"] == "uri" and source["pattern"].startswith("^[Hh][Tt][Tt][Pp][Ss]?://")


# --- Links in Markdown fields -----------------------------------------------------------------

@pytest.mark.parametrize("text, keys", [
    ("[a](javascript:alert(1))", ["link_scheme"]),
    ("[a](JaVaScRiPt:alert(1))", ["link_scheme"]),
    ("[a](java&#115;cript:alert(1))", ["link_scheme"]),  # the browser decodes the entity
    ("[a](<javascript:alert(1)>)", ["link_scheme"]),
    ("[a]( javascript:alert(1))", ["link_scheme"]),
    ("[a][r]\n\n[r]: data:text/html,x", ["link_scheme"]),  # a reference definition
    ('见 <a href="jav&#x61;script:1">此</a>', ["link_scheme"]),  # raw HTML in a paragraph
    ('<div><a href="data:text/html,x">q</a></div>', ["link_scheme"]),  # an HTML block
    ('<img src="javascript:alert(1)">', ["link_scheme"]),
    ("[x](https://example.org/){: href='javascript:1' }", ["link_scheme"]),  # attr_list
    ("[a](mailto:someone@example.org)", ["link_scheme"]),
    ("[a](java\tscript:1)", ["url_characters"]),
    ("[a](//evil.example/)", ["url_no_scheme"]),
    ("[a](http://user:pw@example.org/)", ["url_credentials"]),
    ("[a](https:\\\\evil.example)", ["url_backslash"]),
    ('<a href="../qi-nanxun/index.md">漆南薰</a>', ["link_raw_relative"]),
    ("[a](javascript:1) 与 <https://www.gov.cn/> 与 [b](vbscript:1)", ["link_scheme", "link_scheme"]),
])
def test_markdown_links_that_are_refused(text, keys):
    assert [key for key, _params in markdown_problems(text)] == keys


@pytest.mark.parametrize("text", [
    "普通文字，【注】见《江津县志》。", "`[a](javascript:1)`", "    [a](javascript:1)",  # code is not a link
    "[a](https://www.gov.cn/)", "<https://www.gov.cn/>", "[a](../qi-nanxun/index.md)", "[a](#top)",
    '<a href="#top">回到顶部</a>', '<a href="https://www.gov.cn/">政府网</a>', "[a](../x/index.md 'title')",
])
def test_markdown_links_that_are_fine_here(text):
    assert markdown_problems(text) == []


# --- Relative links: the same answers as MkDocs ------------------------------------------------

SITE_FILES = {
    "index.md", "sources.md", "martyrs/index.md", "martyrs/qi-nanxun/index.md", "martyrs/x/index.md",
    "events/2022-wujin/index.md", "data/martyrs.json",
}
PAGE = "martyrs/x/index.md"


@pytest.fixture(scope="module")
def mkdocs_warns():
    """Whether MkDocs warns of a link: the link alone on a page at PAGE among SITE_FILES,
    rendered by MkDocs' own page step (Page.render) with the site's settings."""
    config = load_config(str(ROOT / "mkdocs.yml"))

    def site_file(uri: str) -> File:  # a file held in memory (src_dir None), as a generated one
        return File(uri, src_dir=None, dest_dir=config.site_dir, use_directory_urls=config.use_directory_urls)

    others = [site_file(uri) for uri in sorted(SITE_FILES - {PAGE})]

    def warns(target: str, caplog) -> bool:
        source = site_file(PAGE)
        source.content_string = f"[链接]({target})"
        page = Page(None, source, config)
        page.read_source(config)
        caplog.clear()
        with caplog.at_level(logging.WARNING, logger="mkdocs"):
            page.render(config, Files([*others, source]))
        assert "<a href=" in page.content  # rendered as a link
        return any(record.levelno >= logging.WARNING for record in caplog.records)  # strict: fatal

    return warns


@pytest.mark.parametrize("target", [
    "../qi-nanxun/index.md", "../qi-nanxun/index.md#生平", "../%71i-nanxun/index.md", "../../sources.md",
    "../../events/2022-wujin/index.md", "../../data/martyrs.json", "../../index.md", "index.md", "#top", "?a=1",
    "../../martyrs/qi-nanxun/index.md",
    "../qi-nanxun/", "../qi-nanxun", "/martyrs/qi-nanxun/", "/martyrs/qi-nanxun/index.md", "../nobody/index.md",
    "../../sources/", "../../sources", "../../sources.html", "../../../x.md", "../../data/none.json", "./", ".",
    "..", "../", "../qi-nanxun/index.html", "../../../../martyrs/qi-nanxun/index.md",
])
def test_relative_links_are_refused_exactly_when_mkdocs_refuses_them(target, mkdocs_warns, caplog):
    assert (relative_problem(target, PAGE, SITE_FILES.__contains__) is not None) == mkdocs_warns(target, caplog)


def test_a_refused_link_says_how_to_write_it():
    exists = SITE_FILES.__contains__
    assert relative_problem("../qi-nanxun/", PAGE, exists)[1]["hint"].zh == "，应写作 ../qi-nanxun/index.md"
    assert relative_problem("/sources/", PAGE, exists)[1]["hint"].zh == "，应写作 ../../sources.md"
    assert relative_problem("../nobody/index.md", PAGE, exists)[1]["hint"].zh == \
        "（链接另一条记录写作它的 index.md，如 ../qi-nanxun/index.md）"
    assert relative_problem("../nobody/index.md", "events/y/index.md", exists)[1]["hint"].en == \
        " (link another record by its index.md, e.g. ../../martyrs/qi-nanxun/index.md)"


# --- In real records, check and build ------------------------------------------------------------

EVENT = """\
title: 测试活动
date: 2023-04-05
type: 清明祭英烈
body: |
  [漆南薰](../../martyrs/qi-nanxun/index.md)烈士事迹见[资料来源](../../sources.md)。
  [点此](javascript:alert(1))
sources:
  - title: 测试资料
    where: 测试
    url: javascript:alert(document.cookie)
"""


def test_every_link_of_a_record_is_checked_with_its_line(project):
    project.write("events/link-test.yml", EVENT)
    project.write("martyrs/memorials/kind-test.yml", """\
        name: 测试纪念碑
        type: 纪念碑亭
        level: 零散
        description: 见<a href="data:text/html,x">此处</a>
        sources:
          - title: 测试资料
            where: 测试
            url: "JaVaScRiPt:alert(1)"
    """)
    result = project.check()
    assert result.returncode == 1
    assert result.stderr.splitlines()[1:] == [
        "events/link-test.yml:4: body: 链接“javascript:alert(1)”不可用：只能链接以 http:// 或 https:// 开头的网址或本站页面，"
        "不能用“javascript:”",
        "events/link-test.yml:10: sources[1].url: 网址“javascript:alert(document.cookie)”不可用：只能是以 http:// 或 "
        "https:// 开头的网址，不能用“javascript:”",
        "martyrs/memorials/kind-test.yml:4: description: 链接“data:text/html,x”不可用：只能链接以 http:// 或 https:// "
        "开头的网址或本站页面，不能用“data:”",
        "martyrs/memorials/kind-test.yml:8: sources[1].url: 网址“JaVaScRiPt:alert(1)”不可用：只能是以 http:// 或 "
        "https:// 开头的网址，不能用“JaVaScRiPt:”",
    ]


MARTYR_WITH_LINKS = """\
name: 测试烈士
deeds: |
  与[漆南薰](../qi-nanxun/index.md)同时，见[资料来源](../../sources.md)、
  [清明活动](../../events/2022-qingming-chongqing/index.md)与[名录](../index.md)。
  {extra}
sources:
  - title: 测试资料
    where: 测试
    url: https://www.gov.cn/
"""


def test_relative_links_mkdocs_accepts_build_and_those_it_refuses_are_refused_first(project):
    project.write("martyrs/link-test.yml", MARTYR_WITH_LINKS.format(extra=""))
    assert project.check().returncode == 0
    result = project.build()
    assert result.returncode == 0, result.stderr
    page = (project.site / "martyrs" / "link-test" / "index.html").read_text(encoding="utf-8")
    assert 'href="../qi-nanxun/"' in page and 'href="../../sources/"' in page

    project.write("martyrs/link-test.yml", MARTYR_WITH_LINKS.format(extra="[冉钧](../ran-jun/)"))
    line = ("martyrs/link-test.yml:2: deeds: 链接“../ran-jun/”指向文件夹，不是页面，应写作 ../ran-jun/index.md")
    checked = project.check()
    assert checked.returncode == 1 and checked.stderr.splitlines()[1:] == [line]
    built = project.build()
    assert built.returncode != 0 and line in built.stderr.splitlines()
    assert "index.md" not in built.stderr.replace(line, "")  # no MkDocs warning naming a generated page


def test_a_link_to_a_record_with_problems_is_not_reported_twice(project):
    project.write("martyrs/link-test.yml", MARTYR_WITH_LINKS.format(extra="[测试](../broken/index.md)"))
    project.write("martyrs/broken.yml", "name: 测试\n")
    result = project.check()
    assert result.stderr.splitlines()[1:] == ["martyrs/broken.yml:1: sources: 缺少必填字段"]


def test_paragraphs_without_markdown_render_as_the_full_renderer_renders_them():
    """urls.markdown_html gives `<p>text</p>` without running Python-Markdown when the
    text holds nothing for it to do: the same HTML as the renderer, on every paragraph
    of the test records and on random text made of Markdown's own characters."""
    import random

    import markdown

    from yinglie.urls import _NOTHING_TO_RENDER, EXTENSIONS, markdown_html

    renderer = markdown.Markdown(extensions=list(EXTENSIONS))

    def rendered(text):
        renderer.reset()
        return renderer.convert(text)

    import yaml

    records = [yaml.safe_load(path.read_text(encoding="utf-8")) for path in (RECORDS / "martyrs").glob("*.yml")]
    written = [p for record in records for field in ("summary", "deeds") for p in paragraphs(record.get(field) or "")]
    assert written
    alphabet = ("烈士江津白沙镇一九四九年，。；：（）！？、《》“”—…abXY0129 \n.-+*#>=_|`[]!<>&\\{}~\"'()/:%@"
                "\t\u3000\xa0\u2028\x0b\x85")
    rng = random.Random(15)
    texts = written + ["".join(rng.choice(alphabet) for _ in range(rng.randint(0, 30))) for _ in range(40000)]
    fast = [text for text in texts if _NOTHING_TO_RENDER.fullmatch(text.strip("\n"))]
    assert len(fast) > 1000  # the fast path is taken, on records and on random text
    assert [text for text in fast if markdown_html(text) != rendered(text)] == []
    assert markdown_html("1927年，他参加革命。\n1949年牺牲") == "<p>1927年，他参加革命。\n1949年牺牲</p>"
    assert markdown_html("- 列表") == "<ul>\n<li>列表</li>\n</ul>"  # not plain: rendered
