"""The last scan (published.py): what the build wrote is read again as published and
refused when the publication guard finds something in it, however the record hid it
from the record-time guard (character references, Markdown escapes, empty tags,
invisible characters), naming the record, line and field, or the output file."""

from __future__ import annotations

import hashlib
import os
import json
from pathlib import Path
from types import SimpleNamespace

from yinglie.config import settings_from
from yinglie.guard import mask
from yinglie.kinds import KINDS
from yinglie.published import PublishedScan

MARTYR = """\
name: 测试烈士
sources:
  - title: 测试资料
    where: 测试出处
summary: 测试简介
deeds: |
  生平事迹第一段。

  {deeds}
"""
DEEDS_LINE = 6  # the line of `deeds:` in MARTYR


def phone(excerpt: str = "13800138000") -> str:
    """The message for a number, as the guard shows it: its groups joined, then masked."""
    return f"含有疑似电话号码（{mask(excerpt.replace('-', '').replace(' ', ''))}），不得公开"


def email(excerpt: str) -> str:
    return f"含有电子邮箱地址（{mask(excerpt)}），不得公开"


def site_digest(site: Path) -> dict[str, str]:
    return {
        path.relative_to(site).as_posix(): hashlib.sha256(path.read_bytes()).hexdigest()
        for path in sorted(site.rglob("*")) if path.is_file()
    }


# Each record hides a number or address from the record-time guard in its own way; the
# page shows it decoded. One build refuses them all, each with its own line.
HIDDEN = {
    # character references: &#51; is "3"
    "char-refs": ("1&#51;800138000", phone()),
    # Markdown backslash escapes: "\-" shows as "-"
    "escapes": (r"138\-0013\-8000", phone("138-0013-8000")),
    # an empty tag between the digits shows nothing
    "empty-tag": ("138<span></span>00138000", phone()),
    # emphasis markers inside the number: 138<em>00</em>138000
    "emphasis": ("138*00*138000", phone()),
    # a zero-width space as a character reference
    "zero-width": ("138&#8203;0013&#8203;8000", phone()),
    # an email address with &#64; for "@"
    "email": ("来信 zhang&#64;example.com", email("zhang@example.com")),
    # a link title (an attribute the browser shows)
    "link-title": ('[资料](https://example.org/ "1&#51;800138000")', phone()),
}


def test_numbers_hidden_by_markdown_or_html_are_refused_naming_record_line_and_field(built_project):
    project = built_project
    before = site_digest(project.site)
    for name, (deeds, _message) in HIDDEN.items():
        project.write(f"martyrs/hidden-{name}.yml", MARTYR.format(deeds=deeds))
    # The record-time guard reads the values as the page will show them: `check`
    # refuses each already, and the build (which checks first) with the same lines.
    for command in (project.check, project.build):
        result = command()
        assert result.returncode != 0
        lines = result.stderr.splitlines()
        for name, (_deeds, message) in HIDDEN.items():
            assert f"martyrs/hidden-{name}.yml:{DEEDS_LINE}: deeds: {message}" in lines, (name, result.stderr)
        # Each finding once, although the number is on the record's page and in its open data.
        assert sum(line.startswith("martyrs/hidden-") for line in lines) == len(HIDDEN), result.stderr
        assert "site/" not in result.stderr.split("网站未生成")[1], result.stderr
    # The failed build left the site that was there exactly as it was.
    assert site_digest(project.site) == before


def test_what_check_cannot_see_the_last_scan_refuses_naming_the_output_file(project):
    """A hand-written page is not a record: only the scan of the built site reads it."""
    about = project.root / "content/about.md"
    about.write_text(about.read_text(encoding="utf-8") + "\n\n值班 1&#51;8<span></span>00138000\n", encoding="utf-8")
    assert project.check().returncode == 0
    result = project.build()
    assert result.returncode != 0
    assert f"site/about/index.html:1: -: {phone()}" in result.stderr.splitlines(), result.stderr


FOOTER = """
  footer:
    organiser: 重庆市江津区退役军人事务局
    address: 重庆市江津区鼎山街道艾坪山路99号
    icp: 渝ICP备12345678号
"""


def configure(project, public_values: list[str] | None) -> None:
    """Footer items shown on every page; public_values declared or not."""
    config = project.root / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    start = text.index("  footer:")
    end = text.index("  records:")
    block = FOOTER
    if public_values is not None:
        block += f"  publication_guard:\n    public_values: {json.dumps(public_values, ensure_ascii=False)}\n"
    config.write_text(text[:start] + block.lstrip("\n") + text[end:], encoding="utf-8")


def test_declared_public_values_are_not_refused_and_other_numbers_are(project):
    # The office telephone on a hand-written page (not a record: only the last scan reads it).
    about = project.root / "content/about.md"
    about.write_text(about.read_text(encoding="utf-8") + "\n\n办公电话：023-4752 1234。\n", encoding="utf-8")
    configure(project, None)
    refused = project.build()
    assert refused.returncode != 0
    assert f"site/about/index.html:1: -: {phone('023-4752 1234')}" in refused.stderr.splitlines(), refused.stderr

    # Declared: the same number, written with other separators, passes. The footer's
    # address (house number 99号) is on the honor roll's pages, where notices may not
    # name a house number: declared in the footer, it is public by value too.
    configure(project, ["(023) 47521234"])
    result = project.build()
    assert result.returncode == 0, result.stderr
    shown = (project.site / "about/index.html").read_text(encoding="utf-8")
    assert "023-4752 1234" in shown and "艾坪山路99号" in shown
    assert "艾坪山路99号" in (project.site / "honors/index.html").read_text(encoding="utf-8")

    # Only that value: another number, or the declared one inside a longer number, is refused.
    about.write_text(about.read_text(encoding="utf-8") + "\n值班电话：023-47521235；总机 023-475212340。\n",
                     encoding="utf-8")
    result = project.build()
    assert result.returncode != 0
    assert f"site/about/index.html:1: -: {phone('023-47521235')}" in result.stderr.splitlines(), result.stderr


# --- Files other than pages, read in process from a crafted site folder -----------------

def scanner(tmp_path: Path, public_values=()) -> PublishedScan:
    settings = settings_from({"publication_guard": {"public_values": list(public_values)}}, tmp_path)
    catalogue = SimpleNamespace(settings=settings, kinds=KINDS, records={}, honors=None)
    return PublishedScan(catalogue, {})


def write(site: Path, relative: str, text: str) -> None:
    path = site / relative
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


def problem_lines(scan: PublishedScan) -> list[str]:
    return [problem.text() for problem in scan.problems().found]


def test_json_feed_calendar_and_sitemap_are_read_as_published(tmp_path):
    site = tmp_path / "site"
    # Material's search index holds page text as HTML: an empty tag splits the number.
    write(site, "search/search_index.json", json.dumps({
        "config": {"lang": ["zh"]},
        "docs": [{"location": "events/x/", "title": "活动", "text": "<p>联系 138<b></b>00138000</p>"}],
    }))
    # The calendar: a folded line splits the number, \, escapes a comma; UIDs are identifiers.
    write(site, "events/calendar.ics", "BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nUID:qingming-2022@www.example.gov.cn\r\n"
                                       "SUMMARY:清明\\, 联系 zhang@exam\r\n ple.com\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n")
    # The feed: entry content is HTML escaped inside the XML.
    write(site, "events/feed.xml", '<?xml version="1.0"?><feed><entry><content type="html">'
                                   "&lt;p&gt;500381&amp;#49;99001011234&lt;/p&gt;</content></entry></feed>")
    # Open data of the honor roll: the notice rules apply (no address below town level) ...
    write(site, "data/honors.json", json.dumps({"notices": [{"township": "白沙镇", "citation": "家住白沙镇黄泥村"}]},
                                               ensure_ascii=False))
    # ... and in the record search index, to notice entries only (a martyr's native village is fine).
    write(site, "data/search-records.json", json.dumps(
        {"v": 1, "k": {"m": "英烈", "h": "喜报"}, "s": ["石门镇大桥村", "李市镇红星村"],
         "r": [["m", "张某", "zhang", "z", "martyrs/x/", [0]], ["h", "王某", "wang", "w", "honors/2023/#a", [1]]]},
        ensure_ascii=False))
    # The theme's code is not published text; a script anywhere else is read.
    write(site, "assets/javascripts/bundle.js", "var tel = '13800138000';")
    write(site, "assets/memorial.css", "/* 13800138000 */")
    write(site, "data/extra.js", "var mail = 'li@example.com';")
    scan = scanner(tmp_path)
    scan.scan_files(site)
    assert problem_lines(scan) == [
        f"site/data/extra.js:1: -: {email('li@example.com')}",
        "site/data/honors.json:1: -: 含有镇街以下的详细地址（镇黄泥村），喜报只公开到镇街",
        "site/data/search-records.json:1: -: 含有镇街以下的详细地址（镇红星村），喜报只公开到镇街",
        f"site/events/calendar.ics:1: -: {email('zhang@example.com')}",
        "site/events/feed.xml:1: -: 含有疑似身份证号码（5****************4），不得公开",
        f"site/search/search_index.json:1: -: {phone()}",
    ]


def test_pages_read_attributes_and_inline_tags_but_not_scripts(tmp_path):
    scan = scanner(tmp_path, public_values=["023-47521234"])
    scan.scan_page('<p>Tel <a href="tel:%2B86%20138%200013%208000">call</a></p>', "a.md", "a/index.html")
    scan.scan_page("<p>办公电话 023-4752-1234</p><script>var x = '13800138000';</script>", "b.md", "b/index.html")
    # Block boundaries end a line: two table cells are two numbers, not one.
    scan.scan_page("<table><tr><td>1380</td><td>0138000</td></tr></table>", "c.md", "c/index.html")
    assert problem_lines(scan) == [f"site/a/index.html:1: -: {phone('+86 138 0013 8000')}"]


MATERIAL_PAGE = """<html><head><title>{title} - 江津英烈纪念</title>
<link rel="canonical" href="https://example.gov.cn/{address}"></head><body><header><span>{title}</span>
{chrome}</header><main><nav>导航</nav><div class="md-content" data-md-component="content">{content}</div></main>
<footer>主办单位</footer></body></html>"""


def test_a_theme_frame_read_once_still_reads_each_page_s_own_title_and_content(tmp_path):
    scan = scanner(tmp_path)
    for index, (title, content) in enumerate([("张三", "事迹"), ("李四", "事迹"), ("电话13800138000", "事迹"),
                                              ("王五", "邮箱 a@example.com")]):
        address = f"p{index}/"
        markup = MATERIAL_PAGE.format(title=title, address=address, chrome="", content=content)
        scan.scan_page(markup, f"p{index}.md", f"p{index}/index.html", (title, f"https://example.gov.cn/{address}"))
    # A different frame (something new in the header) is read in full.
    scan.scan_page(MATERIAL_PAGE.format(title="赵六", address="p4/", chrome="值班 13900139000", content=""),
                   "p4.md", "p4/index.html", ("赵六", "https://example.gov.cn/p4/"))
    assert len(scan._frames) == 1
    assert sorted(problem_lines(scan)) == [
        f"site/p2/index.html:1: -: {phone()}",
        f"site/p3/index.html:1: -: {email('a@example.com')}",
        f"site/p4/index.html:1: -: {phone('13900139000')}",
    ]


def test_every_number_on_a_page_is_reported_not_only_the_first(tmp_path):
    scan = scanner(tmp_path)
    scan.scan_page("<p>电话 13800138000</p><p>手机 13900139001</p><p>a@example.com</p>", "a.md", "a/index.html")
    write(tmp_path / "site", "data/x.json", json.dumps(["13700137002", "13600136003"]))
    scan.scan_files(tmp_path / "site")
    assert sorted(problem_lines(scan)) == sorted([
        f"site/a/index.html:1: -: {phone('13800138000')}",
        f"site/a/index.html:1: -: {phone('13900139001')}",
        f"site/a/index.html:1: -: {email('a@example.com')}",
        f"site/data/x.json:1: -: {phone('13700137002')}",
        f"site/data/x.json:1: -: {phone('13600136003')}",
    ])


def test_a_block_read_clean_is_not_read_again_but_a_new_block_and_the_notice_rules_are(tmp_path, monkeypatch):
    scan = scanner(tmp_path)
    read = []
    findings = scan.findings
    monkeypatch.setattr(scan, "findings", lambda text, notice: read.append(text) or findings(text, notice))
    for index in range(3):
        scan.scan_page("<h2>生平事迹</h2><p>家住白沙镇黄泥村</p>", f"p{index}.md", f"p{index}/index.html")
    # The same blocks with a new one: only the new one is read, and refused.
    scan.scan_page("<h2>生平事迹</h2><p>家住白沙镇黄泥村</p><p>电话 13800138000</p>", "p3.md", "p3/index.html")
    # The honor roll reads the same text again, under the notice rules, which refuse the village.
    scan.scan_page("<h2>生平事迹</h2><p>家住白沙镇黄泥村</p>", "honors/2023.md", "honors/2023/index.html")
    assert sum("生平事迹" in text for text in read) == 2  # once under each set of rules
    assert sum("13800138000" in text for text in read) >= 1
    assert sorted(problem_lines(scan)) == [
        "site/honors/2023/index.html:1: -: 含有镇街以下的详细地址（镇黄泥村），喜报只公开到镇街",
        f"site/p3/index.html:1: -: {phone()}",
    ]


def test_a_template_text_on_every_page_is_named_in_a_few_files_then_counted(tmp_path):
    scan = scanner(tmp_path)
    for index in range(8):
        scan.scan_page("<footer>电话 13800138000</footer>", f"p{index}.md", f"p{index}/index.html")
    lines = problem_lines(scan)
    assert lines[:5] == [f"site/p{index}/index.html:1: -: {phone()}" for index in range(5)]
    assert lines[5] == "site:1: -: 另有 3 个输出文件含有同一内容（1*********0），未在任何记录中找到，应来自模板或设置"
    assert len(lines) == 6


def test_the_demo_site_holds_nothing_the_guard_refuses(demo_site):
    # The build would have failed; read every file again, the pages too, from disk.
    config_root = demo_site.parent
    from mkdocs.config import load_config

    config = load_config(str(config_root / "mkdocs.yml"))
    settings = settings_from(config.extra, config_root)
    catalogue = SimpleNamespace(settings=settings, kinds=KINDS, records={}, honors=None)
    scan = PublishedScan(catalogue, {})
    scan.scan_files(demo_site)
    assert scan.counts["files"] > 50
    assert problem_lines(scan) == []


def test_the_record_guard_lets_a_declared_value_pass_and_refuses_any_other(project):
    project.write("martyrs/office.yml", MARTYR.format(deeds="事迹征集：区退役军人事务局，电话 023-4752 1234。"))
    project.write("honors/2023/round.yml", """
        - name: 王某
          award: 三等功
          year: 2023
          township: 白沙镇
          delivered_by: 区退役军人事务局（023-47521234）
          consent: true
          consent_record: 本人书面同意
        """)
    configure(project, None)
    refused = project.check()
    assert refused.returncode != 0
    assert refused.stderr.splitlines()[1:] == [
        "honors/2023/round.yml:5: delivered_by: 含有疑似电话号码（0*********4），不得公开",
        f"martyrs/office.yml:{DEEDS_LINE}: deeds: {phone('023-4752 1234')}",
    ]
    configure(project, ["023-47521234"])
    assert project.check().returncode == 0, project.check().stderr
    assert project.build().returncode == 0
    # One digit more is another number.
    project.write("martyrs/office.yml", MARTYR.format(deeds="电话 023-475212345"))
    [line] = project.check().stderr.splitlines()[1:]
    assert line.startswith(f"martyrs/office.yml:{DEEDS_LINE}: deeds: 含有疑似电话号码（") and "5）" in line


def test_a_preview_reads_only_the_files_its_rebuild_wrote(tmp_path):
    import os

    site = tmp_path / "site"
    write(site, "old/data.json", json.dumps({"text": "电话 13800138000"}))  # from an earlier rebuild
    os.utime(site / "old/data.json", (1_000_000_000, 1_000_000_000))
    write(site, "new/data.json", json.dumps({"text": "电话 13900139000"}))
    scan = scanner(tmp_path)
    scan.preview = True
    scan.scan_files(site)
    assert problem_lines(scan) == [f"site/new/data.json:1: -: {phone('13900139000')}"]


def test_public_values_are_typed_settings_and_exempt_only_what_the_guard_refuses(tmp_path):
    import pytest

    from yinglie.config import SettingsError
    from yinglie.publicvalues import PublicValues

    settings = settings_from({"publication_guard": {"public_values": ["023-47521234"]},
                              "footer": {"icp": "渝ICP备12345678号", "organiser": "某局"}}, tmp_path)
    assert settings.public_values == ("023-47521234", "渝ICP备12345678号", "某局")
    with pytest.raises(SettingsError, match="publication_guard.public_values"):
        settings_from({"publication_guard": {"public_values": "023-47521234"}}, tmp_path)  # not a list
    # A label, or a part of a number, is not something the guard refuses: it exempts nothing
    # (striking it could only hide the number after it, or the rest of the number).
    public = PublicValues(["联系电话：", "1380013", "某局"])
    assert public.pattern is None
    scan = scanner(tmp_path, public_values=["联系电话：", "1380013"])
    scan.scan_page("<p>联系电话：4752 1234</p>", "a.md", "a/index.html")
    scan.scan_page("<p>13800138000</p>", "b.md", "b/index.html")
    assert [line.split("（")[0] for line in problem_lines(scan)] == [
        "site/a/index.html:1: -: 含有疑似电话号码", "site/b/index.html:1: -: 含有疑似电话号码"]


# The print sheets (plaques, story cards, projector views) are drawn in a process of
# their own beside MkDocs' pages (sidejob.py); what they show reaches the same verdict.
SHEET_FRAMES = {"plaque-base.html": "13800138000", "classroom-base.html": "13900139000"}


def _add_to_sheet_frames(project, line: dict[str, str]) -> None:
    for template, text in line.items():
        path = project.root / "theme" / template
        frame = path.read_text(encoding="utf-8")
        # The end of the page; or, in a frame that extends another, the sheets' title.
        place = "</html>" if "</html>" in frame else "{% block sheet_title %}"
        assert place in frame, template
        path.write_text(frame.replace(place, f"{text}\n{place}" if place == "</html>" else f"{place}{text}", 1),
                        encoding="utf-8")


def test_print_sheets_drawn_beside_the_pages_are_read_by_the_last_scan(built_project):
    project = built_project
    before = site_digest(project.site)
    # Hidden from a plain reading as the records' tricks are: a reference and an empty tag.
    _add_to_sheet_frames(project, {template: f"<p>值班 {number[:2]}&#{ord(number[2])};{number[3:6]}<b></b>{number[6:]}</p>"
                                   for template, number in SHEET_FRAMES.items()})
    result = project.build()
    assert result.returncode != 0
    for template, number in SHEET_FRAMES.items():
        named = [line for line in result.stderr.splitlines() if line.endswith(f": -: {phone(number)}")]
        assert named and all(line.startswith("site/") and line.split(":")[0].endswith("/index.html") for line in named), (
            template, result.stderr)
    assert site_digest(project.site) == before


def test_an_error_drawing_a_print_sheet_fails_the_build_and_keeps_the_site(built_project):
    project = built_project
    before = site_digest(project.site)
    _add_to_sheet_frames(project, {"plaque-base.html": "{{ record.no_such_field_of_a_record }}"})
    result = project.build()
    assert result.returncode != 0
    assert "no_such_field_of_a_record" in result.stderr, result.stderr
    assert site_digest(project.site) == before


# Where the system cannot fork (sidejob.SideJob.available), the build draws the sheets
# and reads the pages itself: a sitecustomize module makes this interpreter such a system,
# and refuses any fork the build would still ask for.
NO_FORK = """\
import multiprocessing
_get_context = multiprocessing.get_context
multiprocessing.get_all_start_methods = lambda: ["spawn"]
def _no_fork(method=None):
    assert method != "fork", "this system cannot fork"
    return _get_context(method)
multiprocessing.get_context = _no_fork
"""


def test_without_fork_the_build_does_its_side_jobs_itself_and_makes_the_same_site(project, tmp_path):
    no_fork = tmp_path / "no-fork"
    no_fork.mkdir()
    (no_fork / "sitecustomize.py").write_text(NO_FORK, encoding="utf-8")
    forked = project.build("site-forked")
    assert forked.returncode == 0, forked.stderr
    alone = project.build("site-alone", env={"PYTHONPATH": f"{no_fork}{os.pathsep}{project.root / 'hooks'}"})
    assert alone.returncode == 0, alone.stderr
    assert site_digest(project.root / "site-alone") == site_digest(project.root / "site-forked")
    # The same hidden number in a sheet's frame is refused as well.
    _add_to_sheet_frames(project, {"plaque-base.html": "<p>值班 1&#51;800138000</p>"})
    refused = project.build("site-alone", env={"PYTHONPATH": f"{no_fork}{os.pathsep}{project.root / 'hooks'}"})
    assert refused.returncode != 0
    assert any(line.startswith("site/") and line.endswith(f": -: {phone()}") for line in refused.stderr.splitlines()), refused.stderr


def test_the_sheets_are_shared_out_whole_each_once_and_about_evenly():
    from yinglie.sitebuild import sheet_share

    sheets = [SimpleNamespace(name=n, records=("r",) * (n % 7 if n % 50 else 100)) for n in range(1000)]
    for parts in (1, 2, 3, 5):
        shares = [sheet_share(sheets, part, parts) for part in range(parts)]
        assert [s.name for share in shares for s in share] == list(range(1000))  # in order, each once
        weights = [sum(1 + len(s.records) for s in share) for share in shares]
        assert max(weights) - min(weights) <= 101  # at most one sheet's weight apart
