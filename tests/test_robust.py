"""Records that used to pass `check` and then crash the build, or slip through unseen:
each is now one exact `path:line: field: message` line, from `check` and `build` alike."""

from __future__ import annotations

import re

PROBLEM_LINE = re.compile(r"^[^\s:]+:\d+: \S+: ")


def problem_lines(result) -> list[str]:
    """The `path:line: field: message` lines of a failed check or build."""
    assert result.returncode != 0, result.stdout + result.stderr
    assert "Traceback" not in result.stderr, result.stderr
    return [line for line in result.stderr.splitlines() if PROBLEM_LINE.match(line)]


def martyr(**fields) -> str:
    values = {"name": "测试甲", **fields}
    body = "".join(f"{key}: {value}\n" for key, value in values.items())
    return body + "sources:\n  - title: 测试资料\n    where: 测试档案馆\n"


# --- 1. Dates outside 1700-2100 and integers without bounds -------------------------

FAR_FUTURE_EVENT = """\
title: 测试活动
date: 9999-12-31
type: 清明祭英烈
sources:
  - title: 测试资料
    where: 测试档案馆
"""

WORK_YEAR = """\
year: 2023
area: 江津区
funds_yuan: {funds}
facilities_repaired: -1
sources:
  - title: 测试资料
    where: 测试档案馆
"""

FACILITY = """\
name: 测试烈士陵园
type: 烈士陵园
level: 区县级
built: 民国二〇〇年
repairs:
  - year: 2022
    amount_yuan: 20000000000
"""

OUT_OF_RANGE = [
    "events/test-far.yml:2: date: 日期“9999-12-31”超出可接受的年份范围（1700 年至 2100 年）",
    "martyrs/memorials/test-cemetery.yml:4: built: 日期“民国二〇〇年”超出可接受的年份范围（1700 年至 2100 年）",
    "martyrs/memorials/test-cemetery.yml:7: repairs[1].amount_yuan: 应为 0 至 10000000000 之间的整数，不能是 20000000000",
    "martyrs/memorials/work/2023.yml:3: funds_yuan: 应为 0 至 10000000000 之间的整数，不能是 一个 400 位的数",
    "martyrs/memorials/work/2023.yml:4: facilities_repaired: 应为 0 至 1000000000 之间的整数，不能是 -1",
    "martyrs/test-far.yml:2: died: 日期“9999-12-31”超出可接受的年份范围（1700 年至 2100 年）",
]


def write_out_of_range(project) -> None:
    project.write("martyrs/test-far.yml", martyr(died="9999-12-31", period="新时代"))
    project.write("events/test-far.yml", FAR_FUTURE_EVENT)
    project.write("martyrs/memorials/work/2023.yml", WORK_YEAR.format(funds="9" * 400))
    project.write("martyrs/memorials/test-cemetery.yml", FACILITY)


def test_dates_and_amounts_out_of_range_are_refused_by_check(project):
    write_out_of_range(project)
    assert problem_lines(project.check()) == OUT_OF_RANGE


def test_dates_and_amounts_out_of_range_stop_the_build_with_the_same_lines(project):
    write_out_of_range(project)
    assert problem_lines(project.build()) == OUT_OF_RANGE


def test_out_of_range_in_english_and_event_counts_and_notice_years(project):
    project.write("martyrs/test-old.yml", martyr(born=1027))
    project.write("events/test-count.yml", FAR_FUTURE_EVENT.replace("9999-12-31", "2022") + "count: 0\n")
    assert problem_lines(project.check(env={"YINGLIE_LANG": "en"})) == [
        "events/test-count.yml:7: count: must be a whole number from 1 to 1000000, not 0",
        'martyrs/test-old.yml:2: born: the date "1027" is outside the accepted years (1700 to 2100)',
    ]


# --- 2. Photo files that are symbolic links ----------------------------------------

PHOTOS = """\
photos:
  - file: photos/loop.jpg
    alt: 测试照片
    credit: 测试单位提供
  - file: photos/outside.jpg
    alt: 测试照片
    credit: 测试单位提供
"""

PHOTO_LINKS = [
    "martyrs/test-photo.yml:6: photos[1].file: 照片“photos/loop.jpg”是循环的符号链接，无法读取；请放入照片文件本身",
    "martyrs/test-photo.yml:9: photos[2].file: 照片“photos/outside.jpg”是指向记录文件夹 martyrs/ 以外的符号链接，"
    "不能使用；请把照片文件本身放在记录旁",
]


def test_photo_links_that_loop_or_lead_out_of_the_records_are_refused(project, tmp_path):
    outside = tmp_path / "elsewhere.jpg"
    outside.write_bytes(b"not even an image")
    photos = project.root / "martyrs" / "photos"
    photos.mkdir(parents=True)
    (photos / "loop.jpg").symlink_to("loop.jpg")
    (photos / "outside.jpg").symlink_to(outside)
    project.write("martyrs/test-photo.yml", martyr() + PHOTOS)
    assert problem_lines(project.check()) == PHOTO_LINKS
    assert problem_lines(project.build()) == PHOTO_LINKS


def test_a_problem_in_a_looping_link_still_names_its_file(tmp_path):
    from yinglie.errors import Problems

    (tmp_path / "martyrs").mkdir()
    loop = tmp_path / "martyrs" / "loop.yml"
    loop.symlink_to("loop.yml")
    problems = Problems(tmp_path)
    problems.add(loop, 1, "-", "missing")
    problems.add(tmp_path.parent / "other.yml", 1, "-", "missing")
    assert [p.path for p in problems.found] == ["martyrs/loop.yml", (tmp_path.parent / "other.yml").as_posix()]


# --- 3. Two things at one address: check refuses what the build refuses ---------------

TAKEN = [
    "content/data/martyrs.json:1: -: 网址 /data/martyrs.json 由本站根据记录生成，请给这个文件换一个名字或位置",
    "content/events/calendar.ics:1: -: 网址 /events/calendar.ics 由本站根据记录生成，请给这个文件换一个名字或位置",
    "content/martyrs/index.md:1: -: 网址 /martyrs/ 由本站根据记录生成，请给这个文件换一个名字或位置",
    "content/martyrs/ran-jun/qr.svg:1: -: 网址 /martyrs/ran-jun/qr.svg 由本站根据记录生成，请给这个文件换一个名字或位置",
    "events/by-type.yml:1: -: 网址 /events/by-type/ 已被另一页面占用，请给本记录换一个文件名",
    "events/wujin.yml:1: -: 网址 /events/wujin/ 已被另一页面占用，请给本记录换一个文件名",
    "martyrs/pinyin.yml:1: -: 网址 /martyrs/pinyin/ 已被另一页面占用，请给本记录换一个文件名",
    "martyrs/qi-nanxun.yml:1: -: 网址 /martyrs/qi-nanxun/ 已被另一页面占用，请给本记录换一个文件名",
]


def test_check_and_build_refuse_the_same_two_things_at_one_address(project):
    martyr_record = (project.root / "martyrs/ran-jun.yml").read_text(encoding="utf-8")
    event_record = (project.root / "events/2022-wujin.yml").read_text(encoding="utf-8")
    project.write("martyrs/pinyin.yml", martyr_record)  # the directory in pinyin order
    project.write("events/by-type.yml", event_record)  # the events by type
    project.write("events/wujin.yml", event_record)  # the 五进 page
    project.write("content/martyrs/qi-nanxun.md", "# 手写页面\n")  # lands on the record's page
    project.write("content/martyrs/index.md", "# 手写名录\n")
    project.write("content/data/martyrs.json", "{}\n")
    project.write("content/events/calendar.ics", "BEGIN:VCALENDAR\n")
    project.write("content/martyrs/ran-jun/qr.svg", "<svg/>\n")
    assert problem_lines(project.check()) == TAKEN
    assert problem_lines(project.build()) == TAKEN


# --- 4. Record files no loader reads -------------------------------------------------

STRAY = [
    "events/2022/test.yml:1: -: events/ 的子文件夹中的文件不会被读取：记录文件应直接放在 events/ 中",
    "events/test.YML:1: -: 此文件不会被读取：记录文件名应以小写 .yml 结尾，如 test.yml",
    "honors/2022/#round.yml#:1: -: 编辑器留下的备份或临时文件，不会被读取；请删除，不要提交",
    "honors/2022/august/round.yml:1: -: honors/2022/ 的子文件夹中的文件不会被读取：记录文件应直接放在 honors/2022/ 中",
    "martyrs/.test.yml.swp:1: -: 编辑器留下的备份或临时文件，不会被读取；请删除，不要提交",
    "martyrs/memorials/test.yaml:1: -: 此文件不会被读取：记录文件名应以小写 .yml 结尾，如 test.yml",
    "martyrs/memorials/work/2021.yml.orig:1: -: 编辑器留下的备份或临时文件，不会被读取；请删除，不要提交",
    "martyrs/photos/test.yml:1: -: martyrs/ 的子文件夹中的文件不会被读取：记录文件应直接放在 martyrs/ 中",
    "martyrs/ran-jun.yml.bak:1: -: 编辑器留下的备份或临时文件，不会被读取；请删除，不要提交",
    "martyrs/ran-jun.yml~:1: -: 编辑器留下的备份或临时文件，不会被读取；请删除，不要提交",
    "martyrs/test.yaml:1: -: 此文件不会被读取：记录文件名应以小写 .yml 结尾，如 test.yml",
]


def test_record_files_no_loader_reads_are_reported(project):
    record = martyr()
    for name in ["martyrs/test.yaml", "martyrs/ran-jun.yml~", "martyrs/.test.yml.swp", "martyrs/ran-jun.yml.bak",
                 "martyrs/photos/test.yml", "martyrs/memorials/test.yaml", "martyrs/memorials/work/2021.yml.orig",
                 "events/test.YML", "events/2022/test.yml", "honors/2022/#round.yml#",
                 "honors/2022/august/round.yml"]:
        project.write(name, record)
    # Beside the records and fine: photos, notes, placeholders.
    project.write("martyrs/photos/README.md", "照片\n")
    project.write("martyrs/memorials/photos/.gitkeep", "")
    (project.root / "martyrs/photos/test.jpg").write_bytes(b"\xff\xd8")
    assert problem_lines(project.check()) == STRAY
    assert problem_lines(project.build()) == STRAY


# --- 5. One person, one award, one year: one notice --------------------------------

def notice(name: str, township: str = "白沙镇", extra: str = "") -> str:
    return (f"- name: {name}\n  award: 三等功\n  year: 2023\n  township: {township}\n"
            f"  consent: true\n  consent_record: 本人书面同意\n{extra}")


def test_the_same_award_twice_for_one_person_in_one_year_is_refused(project):
    project.write("honors/2023/round-1.yml", notice("张三") + notice("李某") + notice("李某"))
    project.write("honors/2023/round-2.yml", "\n".join([
        notice("张三", township="几江街道"),  # another 张三: another town
        notice("张三"),  # the same 张三 again: a duplicate
        notice("张三", extra="  second_award: true\n"),  # a second award, said so
    ]))
    expected = ["honors/2023/round-2.yml:8: -: 与 honors/2023/round-1.yml:1 的喜报是同一人（姓名和镇街相同）"
                "同一年度的同一奖励；如确为再次获得，请在本条加上 second_award: true"]
    assert problem_lines(project.check()) == expected
    assert problem_lines(project.build()) == expected


# --- 6. A value the guard refused is masked in every message about it ---------------

def test_a_refused_value_is_masked_in_every_message_about_its_field(project):
    from mkdocs.config import load_config

    from yinglie.config import settings_from

    settings = settings_from(load_config(str(project.root / "mkdocs.yml")).extra, project.root)
    TOWNSHIPS = "、".join(settings.honors.townships)  # noqa: N806 (as the message lists them)
    BRANCHES = "、".join(settings.honors.branches)  # noqa: N806
    PERIODS = "、".join(settings.choices("periods"))  # noqa: N806
    project.write("martyrs/test-mask.yml", martyr(period="新时代13812345678", surname_pinyin="zeng13812345678"))
    project.write("honors/2023/round.yml", notice("王五", extra=(
        "  branch: 陆军32145部队\n  delivered: 2023-08-01 电话13812345678\n"
    )).replace("township: 白沙镇", "township: 白沙镇滨江路123号"))
    assert problem_lines(project.check()) == [
        "honors/2023/round.yml:4: township: 含有镇街以下的详细地址（1*3号），喜报只公开到镇街",
        "honors/2023/round.yml:4: township: “白沙镇滨江路1*3号”不在可选值中：" + TOWNSHIPS,
        "honors/2023/round.yml:7: branch: 含有部队番号或代号（3***5部队），不得公开；请写作“某部”，如“陆军某部”",
        "honors/2023/round.yml:7: branch: “陆军3***5部队”不在可选值中：" + BRANCHES,
        "honors/2023/round.yml:8: delivered: “2***-**-** 电话**********8”不是可识别的日期"
        "（可写 1927-03-05、1927-03、1927、1927年3月5日、民国十六年 或 不详）",
        "honors/2023/round.yml:8: delivered: 含有疑似电话号码（1*********8），不得公开",
        "martyrs/test-mask.yml:2: period: 含有疑似电话号码（1*********8），不得公开",
        "martyrs/test-mask.yml:2: period: “新时代1*********8”不在可选值中：" + PERIODS,
        "martyrs/test-mask.yml:3: surname_pinyin: “z*************8”应为拼音字母（如 zeng 或 shan）",
        "martyrs/test-mask.yml:3: surname_pinyin: 含有疑似电话号码（1*********8），不得公开",
    ]


def test_a_refused_value_is_masked_where_another_field_s_message_quotes_it(project):
    project.write("martyrs/test-mask.yml", martyr(surname="李").replace("name: 测试甲", "name: 张13812345678"))
    assert problem_lines(project.check()) == [
        "martyrs/test-mask.yml:1: name: 含有疑似电话号码（1*********8），不得公开",
        "martyrs/test-mask.yml:2: surname: 姓“李”与姓名“张1*********8”的开头不一致",
    ]


def test_masking_does_not_depend_on_which_problem_came_first(tmp_path):
    from yinglie.errors import Problems

    problems = Problems(tmp_path)
    problems.add(tmp_path / "a.yml", 3, "died", "bad_date", value="13812345678")
    problems.add(tmp_path / "a.yml", 4, "born", "bad_date", value="1927-13")
    problems.add(tmp_path / "b.yml", 3, "died", "bad_date", value="13812345678")  # another file: no guard problem
    problems.add(tmp_path / "a.yml", 3, "died.date", "guard_phone", excerpt="1*********8")
    assert [p.text() for p in problems.found] == [
        "a.yml:3: died: “1*********8”不是可识别的日期（可写 1927-03-05、1927-03、1927、1927年3月5日、民国十六年 或 不详）",
        "a.yml:4: born: “1927-13”不是可识别的日期（可写 1927-03-05、1927-03、1927、1927年3月5日、民国十六年 或 不详）",
        "b.yml:3: died: “13812345678”不是可识别的日期（可写 1927-03-05、1927-03、1927、1927年3月5日、民国十六年 或 不详）",
        "a.yml:3: died.date: 含有疑似电话号码（1*********8），不得公开",
    ]


def test_calendar_years_in_the_settings_are_bounded_too(project):
    settings = (project.root / "mkdocs.yml").read_text(encoding="utf-8")
    assert "since: 2014" in settings
    project.write("mkdocs.yml", settings.replace("since: 2014", "since: 9999"))
    result = project.check()
    assert result.returncode == 1
    assert result.stderr.strip() == "extra.events.fixed_days[1].since: 9999 is not a year from 1 to 2100"
