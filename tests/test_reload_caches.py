"""Within one process (as under `mkdocs serve`) records are re-read only when they change,
and a record with a problem reports it at every load."""

from __future__ import annotations

import os

import pytest
from mkdocs.config import load_config
from photofixtures import two_tone

from yinglie.siteplan import load_records
from yinglie.config import settings_from
from yinglie.errors import Problems, RecordsInvalid
from yinglie.martyrs import load_martyrs
from yinglie.recordfile import Loading
from yinglie.session import Session

# One session per test project, as `mkdocs serve` keeps one for all its rebuilds.
_sessions: dict = {}


def _session(project) -> Session:
    return _sessions.setdefault(project.root, Session("serve"))


def _load(project):
    settings = settings_from({}, project.root)
    problems = Problems(project.root, "en")
    martyrs = {m.id: m for m in load_martyrs(Loading(settings, problems, _session(project)))}
    return martyrs, problems


def _touch_later(path):
    stat = path.stat()
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns + 1_000_000_000))


def test_an_edited_record_is_read_again(project):
    first, _ = _load(project)
    path = project.root / "martyrs" / "ran-jun.yml"
    path.write_text(path.read_text(encoding="utf-8").replace("summary: 革命先驱。", "summary: 已更正。"),
                    encoding="utf-8")
    _touch_later(path)

    again, problems = _load(project)

    assert first["ran-jun"].summary == "革命先驱。"
    assert again["ran-jun"].summary == "已更正。"
    assert again["zhong-rumei"] is first["zhong-rumei"]  # unchanged: not checked again
    assert not problems


def test_a_record_with_a_problem_reports_it_at_every_load(project):
    path = project.write("martyrs/bad-date.yml", """
        name: 测试
        died: 1949年13月
        sources:
          - title: 测试
            where: 测试
    """)
    for _ in range(2):
        martyrs, problems = _load(project)
        assert [p.field for p in problems.found] == ["died"]
        assert "bad-date" not in martyrs
    assert path.exists()


# --- Every record kind, through load_records as `mkdocs serve` calls it --------------

EVENT = """
title: 测试纪念活动
date: 2023-04-05
type: 清明祭英烈
martyrs:
  - ran-jun
sources:
  - title: 测试资料
    where: 测试
"""

FACILITY = """
name: 测试烈士墓
type: 烈士墓
level: 零散
sources:
  - title: 测试资料
    where: 测试
"""

LETTER = """
martyrs: [ran-jun]
school: 测试中学
grade: 初二
date: 2024-04-03
text: 测试来信的正文。
consent: true
consent_record: 测试学校书面同意
"""


def _catalogue(project, language="en"):
    config = load_config(str(project.root / "mkdocs.yml"))
    extra = dict(config.extra)
    extra["records"] = {**(extra.get("records") or {}), "language": language}
    return load_records(settings_from(extra, project.root), _session(project))


def _problems(project) -> list[str]:
    with pytest.raises(RecordsInvalid) as raised:
        _catalogue(project)
    return [problem.text("en") for problem in raised.value.problems]


def _edit(path, old, new):
    path.write_text(path.read_text(encoding="utf-8").replace(old, new), encoding="utf-8")
    _touch_later(path)


def test_unchanged_files_of_every_kind_are_not_read_again(project):
    project.write("events/test-event.yml", EVENT)
    project.write("martyrs/memorials/test-grave.yml", FACILITY)
    project.write("letters/2023-2024/test-letter.yml", LETTER)
    first = _catalogue(project)
    again = _catalogue(project)

    assert first.martyr("ran-jun") is again.martyr("ran-jun")
    assert first.facility("test-grave") is again.facility("test-grave")
    assert {e.id: e for e in first.events}["test-event"] is {e.id: e for e in again.events}["test-event"]
    assert first.honors.notices and all(a is b for a, b in zip(first.honors.notices, again.honors.notices))
    assert again.honors is not first.honors  # the roll (and its totals) is made on every load
    assert [letter.id for letter in again.records["letter"]] == ["2023-2024/test-letter"]
    assert first.records["letter"][0] is again.records["letter"][0]


def test_an_edited_notice_file_is_read_again_and_the_others_are_kept(project):
    first = _catalogue(project)
    path = project.root / "honors" / "2022" / "second-class-merit.yml"
    _edit(path, "township: 石蟆镇", "township: 白沙镇")

    again = _catalogue(project)

    def towns(catalogue, file_name):
        return [n.township for n in catalogue.honors.notices if n.path.name == file_name]
    assert towns(first, path.name)[0] == "石蟆镇" and towns(again, path.name)[0] == "白沙镇"
    now = {id(n) for n in again.honors.notices}
    kept = [n for n in first.honors.notices if n.path.name == "third-class-merit.yml"]
    assert kept and all(id(n) in now for n in kept)
    assert not any(id(n) in now for n in first.honors.notices if n.path == path)


def test_an_edited_facility_and_event_are_read_again(project):
    event = project.write("events/test-event.yml", EVENT)
    facility = project.write("martyrs/memorials/test-grave.yml", FACILITY)
    _catalogue(project)
    _edit(event, "测试纪念活动", "测试纪念活动（更正）")
    _edit(facility, "测试烈士墓", "测试烈士墓（更正）")

    again = _catalogue(project)

    assert {e.id: e for e in again.events}["test-event"].title == "测试纪念活动（更正）"
    assert again.facility("test-grave").name == "测试烈士墓（更正）"


def test_a_kept_event_still_reports_a_martyr_that_is_gone(project):
    """The event file did not change, but the martyr it names was deleted."""
    project.write("events/test-event.yml", EVENT)
    assert "test-event" in {e.id for e in _catalogue(project).events}
    project.remove("martyrs/ran-jun.yml")

    for _ in range(2):  # and at every load after, not only the first
        assert _problems(project) == [
            'events/test-event.yml:5: martyrs[1]: no martyr record "ran-jun" (there is no file martyrs/ran-jun.yml)',
        ]


def test_a_kept_martyr_still_reports_a_facility_that_is_gone(project):
    project.write("martyrs/memorials/test-grave.yml", FACILITY)
    martyr = project.root / "martyrs" / "ran-jun.yml"
    martyr.write_text(martyr.read_text(encoding="utf-8") + "resting_facility: test-grave\n", encoding="utf-8")
    assert _catalogue(project).martyr("ran-jun").resting_facility == "test-grave"
    project.remove("martyrs/memorials/test-grave.yml")

    problems = _problems(project)

    assert len(problems) == 1
    assert problems[0].startswith("martyrs/ran-jun.yml:") and ": resting_facility: " in problems[0]


def test_kept_notices_still_count_in_the_declared_totals(project):
    totals = project.root / "honors" / "2022" / "totals.yml"
    _catalogue(project)
    _edit(totals, "二等功: 6", "二等功: 7")

    problems = _problems(project)

    assert problems and all(p.startswith("honors/2022/totals.yml:") for p in problems)
    assert any("二等功" in p and "7" in p and "6" in p for p in problems)


def test_a_guard_refusal_is_reported_at_every_load(project):
    path = project.write("martyrs/test-guard.yml", """
        name: 测试
        summary: 手机 13812345678
        sources:
          - title: 测试
            where: 测试
    """)
    for _ in range(2):
        assert _problems(project) == [
            "martyrs/test-guard.yml:2: summary: contains what looks like a telephone number (1*********8); "
            "it must not be published",
        ]
    assert path.exists()


def test_other_settings_check_the_records_again(project):
    """A record kept under one settings is checked again under others (here: the genders allowed)."""
    _catalogue(project)
    config = load_config(str(project.root / "mkdocs.yml"))
    extra = dict(config.extra)
    extra["records"] = {**(extra.get("records") or {}), "language": "en", "genders": ["男", "女"]}
    with pytest.raises(RecordsInvalid) as raised:
        load_records(settings_from(extra, project.root), _session(project))
    assert any(": gender: " in problem.text("en") for problem in raised.value.problems)


def test_a_replaced_photo_checks_its_record_again(project):
    two_tone(project.root / "martyrs" / "photos" / "ran-jun.jpg")
    martyr = project.root / "martyrs" / "ran-jun.yml"
    martyr.write_text(martyr.read_text(encoding="utf-8") + (
        "photos:\n  - file: photos/ran-jun.jpg\n    alt: 测试照片\n    credit: 测试单位提供\n"), encoding="utf-8")
    first = _catalogue(project).martyr("ran-jun")
    assert _catalogue(project).martyr("ran-jun") is first

    two_tone(project.root / "martyrs" / "photos" / "ran-jun.jpg", size=(400, 200))
    again = _catalogue(project).martyr("ran-jun")

    assert again is not first
    assert again.web_photos[0].key != first.web_photos[0].key
    assert again.web_photos[0].largest.width == 400
