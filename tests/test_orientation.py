"""Pages that orient the visitor, in built sites: a martyr's known facts and one line of
the unknown, breadcrumbs and the section's tab on generated pages, the directory in
stroke-count / initial groups (split into pages above `directory_page_names`), the
Chinese 404 page, and the 演示数据 mark on plaque sheets.

The split directory is built from a fixture project with 64 test martyrs and the
setting at its minimum (50), so that one group (李, 55 names) needs two pages."""

from __future__ import annotations

import re
from html import unescape
from urllib.parse import urljoin

import pytest

from conftest import SUB_PATH, copy_project, martyr_record
from yinglie.collation import name_keys, stroke_count

# id: (name, native place, period, died); 55 of 李 (7 strokes), some 王 (4), 漆 (14).
TEST_MARTYRS = {
    **{f"li-{n:02d}": (f"李{'甲乙丙丁戊己庚辛壬癸'[n % 10]}{'一二三四五六'[n // 10]}", "江津", "解放战争时期", "1948")
       for n in range(55)},
    **{f"wang-{n}": (f"王{'甲乙丙丁戊'[n]}", "綦江", "抗日战争时期", "1940") for n in range(5)},
}
FULL_RECORD = """
    name: 漆知全
    gender: 男
    native_place: 江津白沙
    died: "1949-11"
    period: 解放战争时期
    sources:
      - title: 测试资料
        where: 测试用
    """


@pytest.fixture(scope="module")
def split_site(tmp_path_factory):
    project = copy_project(tmp_path_factory.mktemp("orientation") / "project")
    for record_id, values in TEST_MARTYRS.items():
        project.write(f"martyrs/{record_id}.yml", martyr_record(*values))
    project.write("martyrs/qi-zhiquan.yml", FULL_RECORD)
    settings = project.root / "mkdocs.yml"
    text = settings.read_text(encoding="utf-8")
    settings.write_text(text.replace("  records:\n", "  records:\n    directory_page_names: 50\n", 1), encoding="utf-8")
    result = project.build()
    assert result.returncode == 0, result.stdout + result.stderr
    return project.site


def read(site, address: str) -> str:
    return (site / address / "index.html").read_text(encoding="utf-8")


def names_on(html: str) -> list[str]:
    return re.findall(r'class="ml-directory__name" href="[^"]*">([^<]+)</a>', html)


def breadcrumbs(html: str) -> list[str]:
    nav = re.search(r'<nav class="md-path ml-breadcrumbs" aria-label="当前位置">(.*?)</nav>', html, re.S)
    assert nav, "no breadcrumbs"
    assert "<ol" in nav[1]
    return [unescape(text) for text in re.findall(r'<span class="md-ellipsis">([^<]+)</span>', nav[1])]


def active_tab(html: str) -> str:
    tabs = re.findall(r'<li class="md-tabs__item( md-tabs__item--active)?">\s*<a [^>]*>\s*([^<]+?)\s*</a>', html)
    active = [title for marked, title in tabs if marked]
    assert len(active) == 1, tabs
    return active[0]


def test_stroke_counts_of_surnames():
    counts = {char: stroke_count(name_keys(char).strokes[0]) for char in "一丁王冉李张钟蒋漆龘"}
    assert counts == {"一": 1, "丁": 2, "王": 4, "冉": 5, "李": 7, "张": 7, "钟": 9, "蒋": 12, "漆": 14, "龘": 48}
    assert stroke_count(name_keys("A").strokes[0]) is None


def test_a_martyr_page_shows_the_known_facts_and_names_the_unknown_in_one_line(split_site):
    html = read(split_site, "martyrs/qi-zhiquan")
    table = re.search(r'<table class="ml-facts">(.*?)</table>', html, re.S)[1]
    rows = dict(re.findall(r'<th scope="row">([^<]+)</th><td>([^<]*)</td>', table))
    assert rows == {"性别": "男", "籍贯": "江津白沙", "牺牲时间": "1949年11月", "历史时期": "解放战争时期"}
    unknown = re.search(r'<p class="ml-facts-unknown" data-unknown-facts>尚不详：([^<]+)。</p>', html)[1]
    assert unknown.split("、") == ["民族", "出生时间", "参加革命（工作）时间", "生前单位", "职务", "牺牲地点", "安葬地"]
    # A record that knows nothing has no table of 不详, only the line.
    demo = read(split_site, "martyrs/ran-jun")
    assert 'class="ml-facts"' not in demo and "<td>不详</td>" not in demo
    assert "尚不详：性别、民族、籍贯、" in demo


@pytest.mark.parametrize("address, trail, tab", [
    ("martyrs/qi-zhiquan", ["首页", "英烈名录", "漆知全"], "英烈名录"),
    ("martyrs/pinyin", ["首页", "英烈名录", "英烈名录（按拼音排序）"], "英烈名录"),
    ("events/2022-wujin", ["首页", "纪念活动", "2022年英烈精神“五进”活动"], "纪念活动"),
    ("honors/2022", ["首页", "荣誉榜", "2022年度荣誉榜"], "荣誉榜"),
    ("honors/2022/townships", ["首页", "荣誉榜", "2022年度荣誉榜", "2022年度荣誉榜（按镇街）"], "荣誉榜"),
    ("memorials/work/2022", ["首页", "纪念设施", "2022年江津区烈士纪念设施工作"], "纪念设施"),
])
def test_generated_pages_show_where_the_visitor_is(split_site, address, trail, tab):
    html = read(split_site, address)
    assert breadcrumbs(html) == trail
    assert active_tab(html) == tab
    # The current page is named, not linked; every crumb above it is a link that exists.
    assert 'aria-current="page"><span class="md-ellipsis">' in html
    nav = re.search(r'aria-label="当前位置">(.*?)</nav>', html, re.S)[1]
    for href in re.findall(r'href="([^"]+)"', nav):
        target = (split_site / address / href).resolve()
        assert (target / "index.html").exists(), href


def test_pages_in_the_nav_have_no_breadcrumbs(split_site):
    for address in ("", "martyrs", "honors", "about"):
        assert "ml-breadcrumbs" not in read(split_site, address)


def test_a_large_directory_is_split_by_stroke_count_and_every_name_is_two_links_away(split_site):
    index = read(split_site, "martyrs")
    assert names_on(index) == []  # the index lists the groups only
    jump = re.search(r'<nav class="ml-jump" aria-label="按姓氏笔画跳转">(.*?)</nav>', index, re.S)[1]
    groups = re.findall(r'<li><a href="([^"]+)">([^<]+)<span class="ml-jump__count">（(\d+)）', jump)
    headings = [heading for _href, heading, _count in groups]
    assert headings[:2] == ["四画", "五画"] and "七画" in headings and "十四画" in headings
    assert headings.index("七画") < headings.index("九画") < headings.index("十四画")
    seen = []
    for href, heading, count in groups:
        page = read(split_site, f"martyrs/{href}")
        names = names_on(page)
        # A group larger than the setting goes on in numbered parts, linked beside it.
        parts = re.findall(rf'<a class="ml-jump__part" href="([^"]+)" aria-label="{heading} 第 \d+ 页">', jump)
        for part in parts:
            names += names_on(read(split_site, f"martyrs/{part}"))
        assert len(names) == int(count), heading
        assert all(len(names_on(read(split_site, f"martyrs/{p}"))) <= 50 for p in [href, *parts])
        if heading == "七画":
            assert len(parts) == 1 and all(name.startswith("李") for name in names)
        seen += names
    expected = [values[0] for values in TEST_MARTYRS.values()] + ["漆知全", "漆南薰", "冉钧", "钟汝梅", "蒋正全"]
    assert sorted(seen) == sorted(expected)
    # In stroke order across the groups, as on a printed roll.
    strokes = [name_keys(name).strokes for name in seen]
    assert strokes == sorted(strokes)


def test_the_pinyin_directory_is_split_by_initial(split_site):
    index = read(split_site, "martyrs/pinyin")
    jump = re.search(r'aria-label="按拼音首字母跳转">(.*?)</nav>', index, re.S)[1]
    initials = re.findall(r'<li><a href="[^"]+">([A-Z])<span', jump)
    assert initials == sorted(initials) and {"L", "Q", "W"} <= set(initials)
    wang = read(split_site, "martyrs/pinyin/w")
    assert sorted(names_on(wang)) == sorted(f"王{c}" for c in "甲乙丙丁戊")
    assert breadcrumbs(wang) == ["首页", "英烈名录", "英烈名录（按拼音排序）", "英烈名录（按拼音排序）：W"]
    # The group page keeps the filters over its own names.
    assert "data-directory-filters" in wang


def test_a_small_directory_is_one_page_with_group_headings_and_jump_links(demo_site):
    html = read(demo_site, "martyrs")
    headings = re.findall(r'<h2 id="g-(\d+)">([^<]+)<span', html)
    assert [heading for _key, heading in headings] == ["五画", "九画", "十二画", "十四画"]  # 冉 钟 蒋 漆
    for key, heading in headings:
        assert f'<a href="#g-{key}">{heading}<span' in html
    assert names_on(html) == ["冉钧", "钟汝梅", "蒋正全", "漆南薰"]


def test_the_404_page_is_chinese_with_search_and_the_way_home_from_any_depth(demo_site):
    html = (demo_site / "404.html").read_text(encoding="utf-8")
    assert "Not found" not in html and "<h1>没有找到这个页面</h1>" in html
    form = re.search(r'<form class="ml-not-found__search" role="search" action="([^"]+)"', html)
    assert form[1] == f"{SUB_PATH}martyrs/"  # absolute: the page is served at any address
    assert f'<script src="{SUB_PATH}assets/not-found.js" defer></script>' in html
    assert f'<script src="{SUB_PATH}assets/head.js" data-md-scope="{SUB_PATH}"></script>' in html  # adds the record search on demand
    home = re.search(r'<a href="([^"]+)">返回本站首页</a>', html)[1]
    assert urljoin("https://www.example.gov.cn/zt/yinglie/a/b/c/", home) == f"https://www.example.gov.cn{SUB_PATH}"
    assert (demo_site / "assets" / "not-found.js").exists()


def test_plaque_sheets_say_demo_data_while_the_setting_is_on(demo_site):
    sheet = (demo_site / "martyrs/qi-nanxun/plaque/index.html").read_text(encoding="utf-8")
    assert sheet.count('<p class="plaque__demo">演示数据') == 2  # the A4 sheet and the small plaque


def test_without_the_demo_setting_no_mark(tmp_path):
    project = copy_project(tmp_path / "project")
    settings = project.root / "mkdocs.yml"
    settings.write_text(settings.read_text(encoding="utf-8").replace("demo_data: true", "demo_data: false"),
                        encoding="utf-8")
    result = project.build()
    assert result.returncode == 0, result.stdout + result.stderr
    assert "演示数据" not in (project.site / "martyrs/qi-nanxun/plaque/index.html").read_text(encoding="utf-8")
    assert "ml-demo-notice" not in read(project.site, "martyrs/qi-nanxun")


def test_navigation_drawn_once_per_folder_is_what_material_draws_for_each_page(tmp_path):
    """theme/partials/nav.html, tabs.html, header.html, footer.html and the config block
    of main.html keep what they drew for the first page outside the nav in a folder
    (ThemeFragments): every page is as Material's own partials and block, drawing it
    for each page, would have made it."""
    ours_project, materials_project = copy_project(tmp_path / "ours"), copy_project(tmp_path / "materials")
    for partial in ("nav.html", "tabs.html", "header.html", "footer.html"):
        (materials_project.root / "theme" / "partials" / partial).unlink()  # Material's files are used instead
    main = materials_project.root / "theme" / "main.html"  # and Material's block of settings
    main.write_text(re.sub(r"{% block config %}.*?{% endblock config %}", "", main.read_text(encoding="utf-8"),
                           flags=re.DOTALL), encoding="utf-8")
    for project in (ours_project, materials_project):
        result = project.build()
        assert result.returncode == 0, result.stderr
    ours = {p.relative_to(ours_project.site).as_posix(): p for p in ours_project.site.rglob("*.html")}
    materials = {p.relative_to(materials_project.site).as_posix(): p for p in materials_project.site.rglob("*.html")}
    assert ours.keys() == materials.keys()
    squeezed = lambda path: re.sub(r"\s+", " ", path.read_text(encoding="utf-8"))  # noqa: E731
    differing = [name for name in sorted(ours) if squeezed(ours[name]) != squeezed(materials[name])]
    assert not differing, differing[:10]
    assert sum('class="md-tabs__item md-tabs__item--active"' in squeezed(p) for p in ours.values()) > 10
