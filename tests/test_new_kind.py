"""Adding a record kind is one module and one line in `kinds.KINDS`.

A throwaway kind (a class's letters; not the project's own students' letters,
letters.py) is written into a copy of the project as its own
module, and its `RecordKind` added to the list. Nothing else is edited: the real
`check` and `build` then read it through the guarded reader, refuse what the guard
refuses in its fields, report its stray files, give each letter a page, publish its
open data, watch its folder in the preview and date it in reproducible builds.
"""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from conftest import Project, copy_project

LETTERS_MODULE = '''
"""Students' letters to a martyr (a kind added by a test)."""

from __future__ import annotations

import json
from dataclasses import dataclass

from .messages import Text
from .pages import SitePage
from .recordkind import ONE, RecordKind, load_one_record_files
from .recordparts import SOURCE
from .schema import Field, Markdown, PlainText, RecordFile, Records, Schema

LETTER = Schema(
    "letter",
    (
        Field("school", PlainText(max_length=100), Text("学校", "school"), required=True),
        Field("grade", PlainText(max_length=20), Text("年级", "grade"), required=True),
        Field("text", Markdown(), Text("正文", "text"), required=True),
        Field("sources", Records(SOURCE, min_items=1), Text("资料来源", "sources"), required=True),
    ),
    title="致英烈的一封信 / Letter",
)


@dataclass
class Letter(RecordFile):
    @property
    def url(self) -> str:
        return f"class-letters/{self.id}/"


def load_letters(loading):
    return load_one_record_files(KIND, loading,
                                 lambda path, raw, values, check: Letter(path.stem, path, values, dict(raw.key_lines)))


def letter_pages(catalogue):
    return [SitePage(f"{letter.url}index.md", f"{letter.school}{letter.grade}学生的信", "main.html",
                     body=letter.text, edit_path=letter.path)
            for letter in catalogue.records["class_letter"]]


def letter_data(catalogue, session=None):
    letters = [{"id": letter.id, "school": letter.school, "grade": letter.grade, "url": letter.url}
               for letter in catalogue.records["class_letter"]]
    return {"data/class-letters.json": json.dumps({"letters": letters}, ensure_ascii=False, sort_keys=True)}


EXAMPLE = "school: 测试中学\\ngrade: 初二\\ntext: 测试正文\\nsources:\\n  - title: 测试资料\\n    where: 测试出处\\n"
KIND = RecordKind("class_letter", "class-letters", "*.yml", ONE, LETTER, False, EXAMPLE, "kind-test.yml",
                  load=load_letters, pages=letter_pages, open_data=letter_data)
'''

LETTER = """\
school: 江津中学
grade: 初二
text: |
  敬爱的英烈：

  {body}
sources:
  - title: 学校提交的信件
    where: 区退役军人事务局存档
"""


@pytest.fixture(scope="module")
def with_letters(tmp_path_factory) -> Project:
    project = copy_project(tmp_path_factory.mktemp("letters") / "project")
    (project.root / "hooks/yinglie/classletters.py").write_text(LETTERS_MODULE, encoding="utf-8")
    kinds = project.root / "hooks/yinglie/kinds.py"
    text = kinds.read_text(encoding="utf-8")
    listed = "KINDS: tuple[RecordKind, ...] = ("
    assert text.count(listed) == 1
    # The one line: the new kind in the list (its import goes with it).
    text = text.replace(listed, "from .classletters import KIND as CLASS_LETTER_KIND  # noqa: E402\n\n" + listed + "CLASS_LETTER_KIND, ")
    kinds.write_text(text, encoding="utf-8")
    return project


def test_a_new_kind_is_loaded_checked_and_guarded(with_letters):
    project = with_letters
    project.write("class-letters/first-letter.yml", LETTER.format(body="我们会记住您的名字。"))
    assert project.check().returncode == 0, project.check().stderr
    project.write("class-letters/phone.yml", LETTER.format(body="我的电话是 138 0013 8000。"))
    project.write("class-letters/Bad Name.yml", LETTER.format(body="文件名不能用作网址。"))
    project.write("class-letters/forgotten.yaml", LETTER.format(body="扩展名不对。"))
    result = project.check()
    assert result.returncode == 1
    lines = result.stderr.splitlines()[1:]
    assert lines == [
        "class-letters/Bad Name.yml:1: -: 文件名“Bad Name.yml”不能用作网址：只用小写字母、数字和连字符，如 qi-nanxun.yml",
        "class-letters/forgotten.yaml:1: -: 此文件不会被读取：记录文件名应以小写 .yml 结尾，如 forgotten.yml",
        "class-letters/phone.yml:3: text: 含有疑似电话号码（1*********0），不得公开",
    ]
    for name in ("phone.yml", "Bad Name.yml", "forgotten.yaml"):
        project.remove(f"class-letters/{name}")


def test_a_new_kind_gets_pages_open_data_watch_and_dates(with_letters, tmp_path):
    project = with_letters
    project.write("class-letters/first-letter.yml", LETTER.format(body="我们会记住您的名字。"))
    result = project.build()
    assert result.returncode == 0, result.stderr
    page = (project.site / "class-letters/first-letter/index.html").read_text(encoding="utf-8")
    assert "我们会记住您的名字。" in page and "江津中学初二学生的信" in page
    data = json.loads((project.site / "data/class-letters.json").read_text(encoding="utf-8"))
    assert data["letters"] == [{"grade": "初二", "id": "first-letter", "school": "江津中学",
                                "url": "class-letters/first-letter/"}]
    # The preview watches the new folder; reproducible builds date it; the tests' copy has it.
    probe = subprocess.run(
        [sys.executable, "-c", "from yinglie.reproducible import SOURCES; from yinglie.siteplan import record_folders; "
                               "print('class-letters' in SOURCES, 'class-letters' in record_folders())"],
        cwd=project.root, env={"PYTHONPATH": str(project.root / "hooks")}, capture_output=True, text=True)
    assert probe.stdout.split() == ["True", "True"], probe.stderr
