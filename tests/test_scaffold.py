"""`make new KIND=… ID=…`: a template with every field of the kind, which `check`
refuses field by field while its required blanks are empty and accepts once they
are filled, in a copy of the project (never in the real record folders)."""

from __future__ import annotations

import os
import re
import shlex
import subprocess
import sys

import pytest

from conftest import ROOT, Project

from yinglie.kinds import KINDS
from yinglie.recordfile import RECORD_ID
from yinglie.schema import Records, Schema

# How each kind's command is called, and the values that fill its required blanks,
# as a staff member would: {field name: value} (every line `name: ` of that name).
CASES = {
    "martyr": (["chen-lihua"], "martyrs/chen-lihua.yml",
               {"name": "测试新烈士", "title": "测试资料", "where": "测试出处"}),
    "event": (["2023-test-event"], "events/2023-test-event.yml",
              {"title": "测试活动", "date": "2023-04-05", "type": "清明祭英烈", "where": "测试出处"}),
    "notice": (["2023-08-round", "--year", "2023"], "honors/2023/2023-08-round.yml",
               {"name": "王某", "award": "三等功", "township": "白沙镇"}),
    "totals": (["--year", "2023"], "honors/2023/totals.yml",
               {"一等功": "0", "二等功": "0", "三等功": "0", "优秀士兵": "0", "优秀士官": "0"}),
    "facility": (["test-monument"], "martyrs/memorials/test-monument.yml",
                 {"name": "测试纪念碑", "type": "纪念碑亭", "level": "零散"}),
    "memorial_work": (["--year", "2023"], "martyrs/memorials/work/2023.yml",
                      {"area": "江津区", "title": "测试资料", "where": "测试出处"}),
    "theme": (["test-theme"], "themes/test-theme.yml", {"title": "测试专题", "martyrs": "[qi-nanxun]"}),
    # YEAR=2023: the school year 2023-2024, its folder.
    "letter": (["test-letter", "--year", "2023"], "letters/2023-2024/test-letter.yml",
               {"martyrs": "[qi-nanxun]", "school": "测试中学", "grade": "初二", "date": "2024-04-05", "text": "测试来信"}),
}
PROBLEM = re.compile(r"^(?P<path>[^\s:]+):(?P<line>\d+): (?P<field>\S+): (?P<message>.*)$")


def test_every_kind_has_a_case():
    assert sorted(CASES) == sorted(kind.name for kind in KINDS)


def new(project: Project, kind: str, *args: str, env: dict | None = None):
    return project.run("new", kind, *args, env=env)


def fill(text: str, values: dict[str, str]) -> str:
    """Every blank `name: ` line of a field in `values` gets its value."""
    for name, value in values.items():
        text = re.sub(rf"^(\s*(?:- )?{re.escape(name)}:) $", rf"\g<1> {value}", text, flags=re.MULTILINE)
    return text


def field_names(schema: Schema) -> set[str]:
    names = set()
    for spec in schema.fields:
        names.add(spec.name)
        if isinstance(spec.kind, Records):
            names |= field_names(spec.kind.schema)
    return names


def required_blanks(schema: Schema, prefix: str = "") -> set[str]:
    """The fields `check` must name in an unfilled template: the required ones, and
    the required fields of the one entry of a list that must have one."""
    found = set()
    for spec in schema.fields:
        if spec.required and isinstance(spec.kind, Records):
            found |= required_blanks(spec.kind.schema, f"{prefix}{spec.name}[1].")
        elif spec.required:
            found.add(prefix + spec.name)
    return found


def problems(result) -> list[dict]:
    assert result.returncode != 0, result.stdout + result.stderr
    assert "Traceback" not in result.stderr, result.stderr
    return [m.groupdict() for m in map(PROBLEM.match, result.stderr.splitlines()) if m]


@pytest.mark.parametrize("kind", KINDS, ids=lambda kind: kind.name)
def test_the_template_holds_every_field_with_a_chinese_comment_and_the_modeline(kind, project):
    args, relative, _ = CASES[kind.name]
    result = new(project, kind.name, *args)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == f"已写出 {relative}：请按文件中的注释填写，然后运行 make check"
    path = project.root / relative
    text = path.read_text(encoding="utf-8")
    lines = text.splitlines()
    # The modeline names the kind's committed schema, relative to the file's folder.
    modeline = re.fullmatch(r"# yaml-language-server: \$schema=(\S+)", lines[0])
    assert modeline, lines[0]
    assert (path.parent / modeline[1]).resolve() == (project.root / "schemas" / f"{kind.name}.schema.json").resolve()
    assert (ROOT / "schemas" / f"{kind.name}.schema.json").is_file()
    # Every field, nested ones too (optional lists as commented-out examples), and the
    # line above each one a comment in Chinese; required ones say so.
    keys = {}
    for index, line in enumerate(lines):
        found = re.match(r"^(?:#\s)?\s*(?:- )?([a-z_]+):", line)
        if found and not line.startswith("# yaml-language-server"):
            keys.setdefault(found[1], []).append(lines[index - 1])
    assert field_names(kind.schema) <= set(keys)
    for spec in kind.schema.fields:
        comment = keys[spec.name][0]
        assert re.match(r"^(#\s)?\s*# " + re.escape(spec.label.zh), comment), (spec.name, comment)
        assert ("（必填）" in comment) == spec.required, (spec.name, comment)


def test_choices_and_date_forms_are_listed_from_the_settings(project):
    new(project, "martyr", "chen-lihua")
    text = (project.root / "martyrs/chen-lihua.yml").read_text(encoding="utf-8")
    assert "# 性别：只能填以下之一：男、女、不详\ngender: \n" in text
    assert "# 出生时间：日期，可写 1927-04-12、1927-04、1927、1927年4月12日、民国十六年四月 或 不详" in text
    new(project, "notice", "r1", "--year", "2023")
    notice = (project.root / "honors/2023/r1.yml").read_text(encoding="utf-8")
    assert "  year: 2023\n" in notice  # the folder's year, filled in
    assert "只能填以下之一：一等功、二等功、三等功、优秀士兵、优秀士官\n  award: \n" in notice


@pytest.mark.parametrize("kind", KINDS, ids=lambda kind: kind.name)
def test_filled_in_the_template_passes_check(kind, project):
    args, relative, values = CASES[kind.name]
    assert new(project, kind.name, *args).returncode == 0
    path = project.root / relative
    path.write_text(fill(path.read_text(encoding="utf-8"), values), encoding="utf-8")
    result = project.check()
    assert result.returncode == 0, result.stderr


@pytest.mark.parametrize("kind", KINDS, ids=lambda kind: kind.name)
def test_left_blank_the_template_fails_naming_each_required_field(kind, project):
    args, relative, _ = CASES[kind.name]
    assert new(project, kind.name, *args).returncode == 0
    found = problems(project.check())
    assert {p["path"] for p in found} == {relative}
    if kind.name == "totals":  # each award class of the `totals` mapping awaits its number
        assert [p["message"] for p in found] == ["应为数字，不能是空值"] * 5
        assert {p["field"] for p in found} == {f"totals.{award}" for award in CASES["totals"][2]}
        return
    assert {p["message"] for p in found} == {"不能为空"}
    year = {"year"} if kind.name in ("notice", "memorial_work") else set()  # filled in from YEAR
    assert {p["field"] for p in found} == required_blanks(kind.schema) - year
    text = (project.root / relative).read_text(encoding="utf-8").splitlines()
    for p in found:  # each at the line of its blank
        assert re.match(rf"^\s*(- )?{re.escape(p['field'].rsplit('.', 1)[-1])}: $", text[int(p["line"]) - 1])


def test_an_optional_list_uncommented_and_filled_passes_check(project):
    new(project, "facility", "test-cemetery")
    path = project.root / "martyrs/memorials/test-cemetery.yml"
    text = path.read_text(encoding="utf-8")
    head, rest = text.split("repairs:\n", 1)
    example, tail = rest.split("# 迁葬记录", 1)
    example = "\n".join(line[2:] if line.startswith("# ") else line for line in example.splitlines()) + "\n"
    text = head + "repairs:\n" + example + "# 迁葬记录" + tail
    path.write_text(fill(text, {"name": "测试烈士陵园", "type": "烈士陵园", "level": "区县级", "year": "2022",
                                "amount_yuan": "125000", "description": "修缮碑文"}), encoding="utf-8")
    result = project.check()
    assert result.returncode == 0, result.stderr


def test_an_existing_file_is_never_overwritten(project):
    path = project.root / "martyrs/chen-lihua.yml"
    path.write_text("name: 已有记录\n", encoding="utf-8")
    result = new(project, "martyr", "chen-lihua")
    assert result.returncode == 1
    assert result.stderr.strip() == "martyrs/chen-lihua.yml 已存在，未作改动：请换一个编号，或直接编辑这个文件"
    assert path.read_text(encoding="utf-8") == "name: 已有记录\n"


@pytest.mark.parametrize("bad_id", ["Chen-Lihua", "陈丽华", "chen_lihua", "../chen", "chen--lihua", "-chen",
                                    "13800138000"])
def test_an_id_the_reader_would_refuse_is_refused_and_nothing_is_written(bad_id, project):
    before = sorted(project.root.rglob("*.yml"))
    result = new(project, "martyr", "--", bad_id)  # as `make new` passes it
    assert result.returncode == 1
    assert result.stderr.strip() == (f"编号“{bad_id}”不能用作文件名（文件名也是网址）："
                                     "只用小写字母、数字和连字符，如 chen-lihua")
    assert sorted(project.root.rglob("*.yml")) == before
    # The reader refuses such a file name too (or its file name's phone number).
    assert not RECORD_ID.match(bad_id) or bad_id.isdigit()


def test_a_notice_round_cannot_take_the_totals_file_name(project):
    result = new(project, "notice", "totals", "--year", "2023")
    assert result.returncode == 1 and "编号“totals”不能用作文件名" in result.stderr
    assert not (project.root / "honors/2023").exists()


@pytest.mark.parametrize("args, message", [
    (["notice", "round"], "notice 记录放在年份文件夹中：请加上年份，如 YEAR=2023"),
    (["martyr", "chen", "--year", "2023"], "martyr 记录不分年份：请去掉 YEAR"),
    (["totals", "x", "--year", "2023"], "totals 文件以年份命名，不需要编号：只写 YEAR=2023"),
    (["memorial_work", "--year", "23"], "年份“23”应为 1700 至 2100 之间的四位数字，如 2023"),
    (["event"], "请给出编号（即文件名，不含 .yml），如 make new KIND=event ID=chen-lihua"),
])
def test_a_missing_or_unwanted_id_or_year_is_said_plainly(args, message, project):
    result = project.run("new", *args)
    assert (result.returncode, result.stderr.strip()) == (1, message)


def test_the_year_may_be_given_as_the_id_for_kinds_named_by_their_year(project):
    assert new(project, "memorial_work", "2023").returncode == 0
    assert (project.root / "martyrs/memorials/work/2023.yml").is_file()


def test_messages_in_english(project):
    result = new(project, "martyr", "chen-lihua", env={"YINGLIE_LANG": "en"})
    assert result.stdout.strip() == "wrote martyrs/chen-lihua.yml: fill it in as its comments say, then run make check"
    result = new(project, "martyr", "chen-lihua", env={"YINGLIE_LANG": "en"})
    assert result.stderr.strip() == "martyrs/chen-lihua.yml exists and was left as it is: choose another ID, or edit that file"


@pytest.mark.parametrize(("variables", "written"), [
    (["KIND=martyr", "ID=chen-lihua"], "martyrs/chen-lihua.yml"),
    (["KIND=notice", "YEAR=2023", "ID=2023-08"], "honors/2023/2023-08.yml"),
    (["KIND=totals", "YEAR=2023"], "honors/2023/totals.yml"),
    (["KIND=memorial_work", "YEAR=2023"], "martyrs/memorials/work/2023.yml"),
])
def test_make_new_runs_as_the_readme_says(variables, written, project):
    """The command `make new …` runs (as make prints it), in the project copy."""
    printed = subprocess.run(["make", "-s", "-n", "-o", ".venv/.installed", "-C", str(ROOT), "new", *variables],
                             capture_output=True, text=True, check=True).stdout.strip().splitlines()
    (command,) = [line for line in printed if " -m yinglie " in line]
    words = shlex.split(command)
    assert words[:2] == [".venv/bin/python", "-m"]
    result = subprocess.run([sys.executable, *words[1:]], cwd=project.root, capture_output=True, text=True,
                            env={**os.environ, "PYTHONPATH": str(project.root / "hooks")})
    assert result.returncode == 0, result.stderr
    assert (project.root / written).is_file()
