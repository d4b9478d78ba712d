"""Within one process (as under `mkdocs serve`) records are re-read only when they change,
and a record with a problem reports it at every load."""

from __future__ import annotations

import os

from yinglie.config import settings_from
from yinglie.errors import Problems
from yinglie.martyrs import load_martyrs


def _load(project):
    settings = settings_from({}, project.root)
    problems = Problems(project.root, "en")
    martyrs = {m.id: m for m in load_martyrs(settings, problems)}
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
