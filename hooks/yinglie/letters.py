"""Students' letters to martyrs (致英烈的一封信): the schema, the rules, and loading.

Schools hand letters to the bureau; staff add each as one file,
`letters/<school-year>/<id>.yml` (a school year such as `2024-2025`). Students are
minors, so a letter names no student: the record has no field for an author (an
`author` or `name` is an unknown field, refused), the page shows the author as the
school and grade only ("江津中学 初二学生"), and a text whose last line is a
signature naming someone is refused (`signature_problem`). Every text passes the
publication guard like any record's. A letter is published only with the school's
consent, recorded as notices record theirs (`consent: true` and `consent_record`);
without it, it is held back from every page, and the build says so.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass

from .collation import split_surname
from .dates import FuzzyDate
from .errors import Problem, Problems
from .messages import Text, render
from .recordfile import Loading
from .recordkind import ONE, RecordKind, load_one_record_files
from .schema import Boolean, Choice, Date, Field, PlainText, RecordFile, Schema, TextList, paragraphs

log = logging.getLogger("mkdocs.plugins.yinglie.letters")

SCHOOL_YEAR_FOLDER = re.compile(r"^(\d{4})-(\d{4})$")

LETTER = Schema(
    "letter",
    (
        Field("martyrs", TextList(), Text("致信的烈士（记录编号）", "martyrs addressed (record ids)"), required=True,
              help="烈士记录的文件名，不带 .yml，如 qi-nanxun"),
        Field("school", PlainText(max_length=60), Text("学校", "school"), required=True),
        Field("grade", Choice("school_grades"), Text("年级", "grade"), required=True),
        Field("date", Date(), Text("写信日期", "date"), required=True),
        Field("title", PlainText(max_length=100), Text("标题", "title")),
        Field("text", PlainText(max_length=3000), Text("信的正文", "text"), required=True,
              help="空行分段；不写学生姓名，不署名 / a blank line between paragraphs; no name, no signature"),
        Field("consent", Boolean(), Text("学校同意公开", "the school's consent to publish"), public=False,
              help="true 且填写 consent_record 才公开 / published only when true and recorded"),
        Field("consent_record", PlainText(max_length=200), Text("同意公开的记录", "how consent was recorded"),
              public=False, help="如：2024年9月20日学校书面同意 / e.g. the school's written consent, date"),
    ),
    title="学生致英烈的一封信 / A student's letter to a martyr",
)

# The signature rule. A letter's last line is where a student signs; there it may
# name the school, the grade and the class only. Refused:
#   1. a signature label and a colon: 学生：…, 作者: …, 署名：…
#   2. a dashed signature (——…) naming anything but the school, the grade, 学生/同学/班
#   3. a name closed as letters close one: 李明敬上, 小明同学, 欧阳明谨上
SIGNATURE_LABELS = ("学生", "作者", "署名", "签名", "落款", "姓名", "写信人", "执笔", "来信人")
DASHES = "—―－~～-"
NAME_CLOSINGS = ("敬上", "谨上", "敬书", "拜上", "同学")
# What a dashed signature may say besides the school and the grade.
ALLOWED_IN_SIGNATURE = re.compile(r"[\s0-9０-９一二三四五六七八九十（）()年级班全体学生同学少先队员共青团员们、，,·．.]+")
SCHOOLISH = ("学校", "中学", "小学", "学生", "同学们", "全体", "年级", "班")
_LABEL = re.compile(rf"^[{re.escape(DASHES)}\s]*(?:{'|'.join(SIGNATURE_LABELS)})\s*[：:]")
_CLOSED_NAME = re.compile(rf"^([\u4e00-\u9fff]{{2,4}}?)(?:{'|'.join(NAME_CLOSINGS)})$")


def signature_problem(text: str, school: str, grade: str) -> str | None:
    """The last line of `text` when it signs with a name (the rule above), else None."""
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    if not lines:
        return None
    last = lines[-1].rstrip("。！!.，, ")
    if _LABEL.match(last):
        return last
    if last[:1] in DASHES:
        rest = last.lstrip(DASHES).strip()
        for allowed in (school, grade):
            rest = rest.replace(allowed, "") if allowed else rest
        if ALLOWED_IN_SIGNATURE.sub("", rest):
            return last
        return None
    closed = _CLOSED_NAME.match(last)
    if closed and not any(word in closed.group(1) for word in SCHOOLISH):
        # A surname and a given name (复姓 too): 李明, 欧阳明; a class name is not one.
        surname, given = split_surname(closed.group(1))
        if given:
            return last
    return None


@dataclass
class Letter(RecordFile):
    """A checked letter. `values` holds every schema field, defaults filled; its id is
    "<school-year>/<file name>"."""

    consent_stated: bool = False

    @property
    def school_year(self) -> str:
        return self.id.split("/", 1)[0]

    @property
    def author(self) -> str:
        """How the author is shown: the school and the grade, never a name."""
        return f"{self.values['school']} {self.values['grade']}学生"

    @property
    def paragraphs(self) -> list[str]:
        return [part.strip() for part in paragraphs(self.values["text"])]

    @property
    def held_reason(self) -> str | None:
        """Why the letter is not published, or None: the school's consent, recorded."""
        if self.values["consent"] is not True:
            return "letter_held_refused" if self.consent_stated else "letter_held_no_consent"
        if not self.values["consent_record"]:
            return "letter_held_unrecorded"
        return None

    @property
    def published(self) -> bool:
        return self.held_reason is None

    @property
    def sort_key(self) -> tuple:
        date: FuzzyDate = self.values["date"]
        return (date.earliest, self.id)


# Where the files are and how they read; kinds.py adds the letters' checks and pages to it.
LETTER_FILES = RecordKind(
    "letter", "letters", "[0-9][0-9][0-9][0-9]-[0-9][0-9][0-9][0-9]/*.yml", ONE, LETTER, False,
    "martyrs: []\nschool: 测试中学\ngrade: 初二\ndate: '2024-04-05'\ntext: 测试\n", "2023-2024/kind-test.yml",
    label=Text("学生来信", "students' letters"),
)


def load_letters(loading: Loading) -> list[Letter]:
    """Every `letters/<school-year>/*.yml`, checked (held back ones too: `published` says)."""
    problems = loading.problems
    base = loading.settings.root / LETTER_FILES.folder
    if not base.is_dir():
        return []
    for folder in sorted(p for p in base.iterdir() if p.is_dir() and not _school_year(p.name)):
        for path in sorted(folder.glob("*.yml")):
            problems.add(path, 1, "-", "letter_folder_not_school_year", folder=folder.name)

    def make(path, raw, values, check):
        signed = signature_problem(values["text"], values["school"], values["grade"])
        if signed is not None:
            check.problems.add(path, _last_text_line(raw), "text", "letter_signed", signature=signed)
            return None
        return Letter(f"{path.parent.name}/{path.stem}", path, values, dict(raw.key_lines),
                      consent_stated=raw.get("consent") is not None)

    # The kind's pattern also finds folders such as 2024-2026: refused above, not read.
    files = [path for path in LETTER_FILES.files(loading.settings.root) if _school_year(path.parent.name)]
    letters = load_one_record_files(LETTER_FILES, loading, make, files)
    _report_held(letters, problems)
    return sorted(letters, key=lambda letter: letter.sort_key)


def _school_year(name: str) -> bool:
    found = SCHOOL_YEAR_FOLDER.match(name)
    return bool(found) and int(found.group(2)) == int(found.group(1)) + 1


def _last_text_line(raw) -> int:
    """The file line of the text's last line, when the text is a block (text: |)."""
    start = raw.line_of("text")
    text = raw.get("text")
    if isinstance(text, str) and "\n" in text.strip():
        return start + len(text.rstrip("\n").splitlines())
    return start


def check_letters_across(records: dict, problems: Problems) -> None:
    """Every martyr a letter addresses has a martyr record."""
    known = {martyr.id for martyr in records.get("martyr", [])}
    for letter in records.get("letter", []):
        for index, martyr_id in enumerate(letter.values["martyrs"]):
            if martyr_id not in known:
                problems.add(letter.path, letter.lines.get("martyrs", 1), f"martyrs[{index + 1}]", "unknown_martyr",
                             id=martyr_id)


def letters_by_martyr(letters: list[Letter]) -> dict[str, list[Letter]]:
    """Martyr id -> the published letters addressing that martyr, oldest first."""
    found: dict[str, list[Letter]] = {}
    for letter in letters:
        if letter.published:
            for martyr_id in dict.fromkeys(letter.values["martyrs"]):
                found.setdefault(martyr_id, []).append(letter)
    return found


def _report_held(letters: list[Letter], problems: Problems) -> None:
    """Say which letters are held back and why: information, not a failure."""
    lines = [Problem(problems.display_path(letter.path), letter.lines.get("consent", 1), "consent",
                     letter.held_reason).text(problems.language)
             for letter in letters if not letter.published]
    if lines:
        log.info(render("letter_held_summary", {"count": len(lines)}, problems.language) + "\n" + "\n".join(lines))
