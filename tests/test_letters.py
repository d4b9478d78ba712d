"""Students' letters (致英烈的一封信) on real builds: published with the school's
consent only, the author shown as school and grade, never a name, and the checks
(signature rule, unknown martyrs, school-year folders, the guard).

Fixture letters only: the project holds no letter (nothing invented).
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from conftest import copy_project
from yinglie.letters import signature_problem

ENV = {"SITE_URL": "https://memorial.example.org/zt/yinglie/"}


def letter(text: str, martyrs: str = "[ran-jun]", consent: str = "consent: true\nconsent_record: 测试学校书面同意\n",
           extra: str = "") -> str:
    body = "\n".join("  " + line if line else "" for line in text.strip("\n").splitlines())
    return (f"martyrs: {martyrs}\nschool: 测试中学\ngrade: 初二\ndate: 2024-04-03\n{extra}"
            f"text: |\n{body}\n{consent}")


PUBLISHED = letter("敬爱的冉钧烈士：\n\n测试来信的正文，已获同意。\n\n此致\n敬礼！\n——测试中学 初二（3）班学生")
HELD = letter("测试来信：学校未同意公开的正文。", consent="")
REFUSED = letter("测试来信：学校拒绝公开的正文。", consent="consent: false\n")
OLDER = letter("上一学年的测试来信。", martyrs="[ran-jun, qi-nanxun]")


@pytest.fixture(scope="module")
def letters_site(tmp_path_factory):
    project = copy_project(tmp_path_factory.mktemp("letters") / "project")
    project.write("letters/2023-2024/test-published.yml", PUBLISHED)
    project.write("letters/2023-2024/test-held.yml", HELD)
    project.write("letters/2023-2024/test-refused.yml", REFUSED)
    project.write("letters/2022-2023/test-older.yml", OLDER)
    result = project.build(env=ENV)
    assert result.returncode == 0, result.stdout + result.stderr
    return project, result.stdout + result.stderr


def page(site: Path, address: str) -> str:
    return (site / address / "index.html").read_text(encoding="utf-8")


def test_a_consented_letter_shows_on_the_martyrs_page_signed_by_school_and_grade(letters_site):
    project, _log = letters_site
    html = page(project.site, "martyrs/ran-jun")
    section = re.search(r'<section class="ml-letters".*?</section>', html, re.S).group(0)
    assert "寄语" in section and "测试来信的正文，已获同意。" in section
    assert "—— 测试中学 初二学生，2024年4月3日" in section
    assert "上一学年的测试来信。" in section
    assert "上一学年的测试来信。" in page(project.site, "martyrs/qi-nanxun")
    assert "ml-letters" not in page(project.site, "martyrs/zhong-rumei")  # no letter, no section


def test_letters_page_lists_letters_by_school_year_newest_first(letters_site):
    project, _log = letters_site
    html = page(project.site, "letters")
    years = re.findall(r"<h2 id=\"year-\d+\">(\d{4}-\d{4}) 学年</h2>", html)
    assert years == ["2023-2024", "2022-2023"]
    assert html.index("测试来信的正文") < html.index("上一学年的测试来信")
    assert "共 2 封" in html


def test_letters_without_the_schools_consent_are_published_nowhere(letters_site):
    project, log = letters_site
    for path in project.site.rglob("*"):
        if path.is_file() and path.suffix in (".html", ".json", ".xml", ".ics", ".txt"):
            text = path.read_text(encoding="utf-8", errors="replace")
            assert "学校未同意公开的正文" not in text and "学校拒绝公开的正文" not in text, path
    assert "2 封学生来信未公开" in log
    assert re.search(r"letters/2023-2024/test-held\.yml:\d+: consent: 未记录学校是否同意公开", log)
    assert re.search(r"letters/2023-2024/test-refused\.yml:\d+: consent: 学校未同意公开", log)


@pytest.mark.parametrize("text", [
    "正文。\n学生：张三",
    "正文。\n作者: 李明",
    "正文。\n署名：欧阳明",
    "正文。\n——李明",
    "正文。\n—— 测试中学 初二 王小红",
    "正文。\n--欧阳娜娜",
    "正文。\n李明敬上",
    "正文。\n小红同学",
])
def test_a_signature_naming_a_student_is_refused(text):
    assert signature_problem(text, "测试中学", "初二") is not None


@pytest.mark.parametrize("text", [
    "正文。\n此致\n敬礼！",
    "正文。\n——测试中学 初二（3）班学生",
    "正文。\n——测试中学初二全体同学",
    "正文。\n—— 初二学生",
    "正文。\n我们会永远记住您。",
    "正文。\n全体同学敬上",
])
def test_a_letter_signed_by_school_and_grade_passes(text):
    assert signature_problem(text, "测试中学", "初二") is None


@pytest.mark.parametrize(("record", "expected"), [
    (letter("敬爱的烈士：\n\n正文。\n\n学生：张三"), "letters/2023-2024/bad.yml:10: text: 信的最后一行“学生：张三”署了名"),
    (letter("正文。", extra="author: 张三\n"), "letters/2023-2024/bad.yml:5: author: 未知字段"),
    (letter("正文。", martyrs="[nobody]"), "letters/2023-2024/bad.yml:1: martyrs[1]: 没有编号为“nobody”的烈士记录"),
    (letter("正文。").replace("grade: 初二", "grade: 大二"), "letters/2023-2024/bad.yml:3: grade:"),
    (letter("正文，我的电话 13812345678。"), "letters/2023-2024/bad.yml:5: text:"),
])
def test_letter_problems_are_reported(tmp_path, record, expected):
    project = copy_project(tmp_path / "project")
    project.write("letters/2023-2024/bad.yml", record)
    result = project.check()
    output = result.stdout + result.stderr
    assert result.returncode != 0 and expected in output, output


@pytest.mark.parametrize("folder", ["2024", "2024-2026"])  # the second matches the kind's file pattern
def test_letters_go_in_a_school_year_folder(tmp_path, folder):
    project = copy_project(tmp_path / "project")
    project.write(f"letters/{folder}/bad.yml", letter("正文。", martyrs="[nobody]"))
    result = project.check()
    output = result.stdout + result.stderr
    assert f"letters/{folder}/bad.yml:1: -: 学生来信应放在以学年命名的文件夹中" in output
    assert "nobody" not in output  # the letter is not read
