"""Award notices (喜报): the schema, the settings, the yearly totals, and loading.

Notices name living soldiers. So this module decides, before any page exists, what
may be published: every text passes the publication guard (guard.py), the name is
shown only as the record asks (full name, surname + 某, or not at all), and a notice
without recorded consent is held back from every page and data file, while still
counting in the year's totals.

Layout: `honors/<year>/*.yml`, each file a list of notices, so that staff add one
delivery round in one pull request. `honors/<year>/totals.yml` may declare the
totals the year officially reported; the build checks the records add up to them.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Callable

from .collation import NameKeys, name_keys, split_surname
from .config import HonorSettings, Settings, SettingsError
from .dates import MAX_YEAR, MIN_YEAR
from .errors import Problem, Problems
from .guard import published_form
from .messages import TYPE_NAMES, Text, render
from .recordfile import LIST, Loading, read_record
from .schema import Boolean, Checker, Choice, Date, Field, FieldsAsAttributes, Integer, PlainText, Schema, type_name
from .yamlsource import Located

log = logging.getLogger("mkdocs.plugins.yinglie.honors")

TOTALS_FILE = "totals.yml"
YEAR_FOLDER = re.compile(r"^\d{4}$")

# How a recipient's name is shown. 姓加某 is the default: the safest choice that
# still reads as a name.
FULL_NAME, SURNAME_ONLY, HIDDEN = "全名", "姓加某", "不显示"
NAME_DISPLAYS = (FULL_NAME, SURNAME_ONLY, HIDDEN)


def notice_choices(options: HonorSettings) -> Callable[[str], list[str]]:
    """The allowed values of a notice's choice fields: the settings' lists, and how a name is shown."""
    return lambda name: list(NAME_DISPLAYS) if name == "name_display" else options.choices(name)


NOTICE = Schema(
    "notice",
    (
        Field("name", PlainText(max_length=20), Text("受奖人姓名", "recipient's name"), required=True, public=False,
              help="按 name_display 显示 / shown as name_display says"),
        Field("surname", PlainText(max_length=2), Text("姓", "surname"), public=False,
              help="复姓时填写，如 欧阳 / for compound surnames"),
        Field("name_display", Choice("name_display"), Text("姓名显示方式", "how the name is shown"),
              help="全名、姓加某（如 张某）或 不显示；不填为 姓加某"),
        Field("award", Choice("award_classes"), Text("奖励类别", "award class"), required=True),
        Field("year", Integer(minimum=MIN_YEAR, maximum=MAX_YEAR), Text("年度", "year"), required=True),
        Field("township", Choice("townships"), Text("所在镇街", "town or street"), required=True),
        Field("branch", Choice("branches"), Text("服役单位（只写到“某部”）", "service, as e.g. 陆军某部")),
        Field("citation", PlainText(max_length=200), Text("喜报摘录", "citation")),
        Field("delivered", Date(), Text("送达日期", "delivered on")),
        Field("delivered_by", PlainText(max_length=100), Text("送达单位", "delivered by")),
        Field("consent", Boolean(), Text("本人同意公开", "consent to publish"), public=False,
              help="true 且填写 consent_record 才公开 / published only when true and recorded"),
        Field("consent_record", PlainText(max_length=200), Text("同意公开的记录", "how consent was recorded"),
              public=False, help="如：2022年8月1日本人书面同意 / e.g. written consent, date"),
        Field("second_award", Boolean(), Text("同年再次获得同一奖励", "a second award of the same class that year"),
              help="同一人（姓名和镇街相同）同一年度再次获得同一奖励时，在后一条填 true；"
                   "否则视为重复录入 / true on the later notice, or it is taken for a duplicate"),
    ),
    title="喜报 / Award notice",
)

TOTALS = Schema(
    "totals",
    (
        Field("total", Integer(minimum=0), Text("年度喜报总数", "total notices of the year"),
              help="可不填；填写时须等于下面各类别之和 / optional; when given, the sum of the classes below"),
        Field("source", PlainText(max_length=300), Text("数字出处", "where the figures come from"),
              help="如 某某区2023年工作总结 / the document that reports the figures"),
        Field("note", PlainText(max_length=500), Text("说明", "note")),
    ),
    title="年度喜报数 / Declared totals",
)


def totals_file_json_schema(choices: Callable[[str], list[str]] | None = None) -> dict:
    """The JSON Schema of a totals file: the TOTALS fields and the `totals` mapping
    (award class: number of notices), which `_load_totals` checks itself."""
    exported = TOTALS.json_schema(choices)
    by_class = {"type": "object", "additionalProperties": {"type": "integer", "minimum": 0}}
    if choices:
        by_class["propertyNames"] = {"enum": list(choices("award_classes"))}
    by_class["description"] = "各奖励类别的喜报数 / notices by award class"
    exported["properties"]["totals"] = by_class
    exported["required"].append("totals")
    return exported


@dataclass
class Notice(FieldsAsAttributes):
    """A validated notice. `values` holds every schema field, defaults filled."""

    path: Path
    line: int
    values: dict
    consent_stated: bool = False  # the record has a `consent:` line (true or false)
    sort_keys: NameKeys = field(default=None, repr=False)

    @property
    def display(self) -> str:
        return self.values["name_display"] or SURNAME_ONLY

    @cached_property
    def shown_name(self) -> str:
        """The name as the site shows it; empty when it is not shown."""
        if self.display == FULL_NAME:
            return self.name
        if self.display == SURNAME_ONLY:
            return split_surname(self.name, self.surname)[0] + "某"
        return ""

    @cached_property
    def held_reason(self) -> str | None:
        """The message key saying why the notice is not published, or None."""
        if self.values["consent"] is not True:
            return "honors_held_refused" if self.consent_stated else "honors_held_no_consent"
        if not self.consent_record:
            return "honors_held_unrecorded"
        return None

    @property
    def published(self) -> bool:
        return self.held_reason is None


@dataclass(frozen=True)
class YearTotals:
    year: int
    path: Path
    line: int
    by_class: dict  # award class -> declared count
    class_lines: dict
    total: int | None
    total_line: int
    source: str = ""
    note: str = ""


@dataclass
class HonorRoll:
    """Every valid notice (held back ones too, for the totals) and the declared totals."""

    settings: HonorSettings
    notices: list[Notice] = field(default_factory=list)
    totals: dict[int, YearTotals] = field(default_factory=dict)

    def __len__(self) -> int:
        """How many notices, held back ones included."""
        return len(self.notices)

    @property
    def published(self) -> list[Notice]:
        return [n for n in self.notices if n.published]

    @property
    def held(self) -> list[Notice]:
        return [n for n in self.notices if not n.published]

    @property
    def years(self) -> list[int]:
        """Years with any notice, newest first."""
        return sorted(self._by_year, reverse=True)

    @cached_property
    def _by_year(self) -> dict[int, list[Notice]]:
        """Notices per year, once: pages ask per year, and a decade holds thousands."""
        years: dict[int, list[Notice]] = {}
        for notice in self.notices:
            years.setdefault(notice.year, []).append(notice)
        return years

    @cached_property
    def _published_by_year(self) -> dict[int, list[Notice]]:
        return {year: self.in_order([n for n in notices if n.published]) for year, notices in self._by_year.items()}

    def in_order(self, notices: list[Notice]) -> list[Notice]:
        """Stroke order of the shown name (as official lists); unnamed last; then town."""
        towns = {town: index for index, town in enumerate(self.settings.townships)}
        return sorted(notices, key=lambda n: (n.sort_keys.strokes, towns[n.township], str(n.path), n.line))

    def published_in(self, year: int) -> list[Notice]:
        return self._published_by_year.get(year, [])

    def by_class(self, year: int) -> list[tuple[str, list[Notice]]]:
        """(award class, its published notices) in the configured order, empty classes left out."""
        return self._grouped(year, "award", self.settings.award_classes)

    def by_township(self, year: int) -> list[tuple[str, list[Notice]]]:
        return self._grouped(year, "township", self.settings.townships)

    def _grouped(self, year: int, field_name: str, order: tuple[str, ...]) -> list[tuple[str, list[Notice]]]:
        groups: dict[str, list[Notice]] = {key: [] for key in order}
        for notice in self.published_in(year):
            groups[notice.values[field_name]].append(notice)
        return [(key, group) for key, group in groups.items() if group]

    def counts(self, year: int, published_only: bool = True) -> dict[str, int]:
        """Notices per award class in `year`, in the configured order (zeros included)."""
        counts = dict.fromkeys(self.settings.award_classes, 0)
        for notice in self._by_year.get(year, []):
            if notice.published or not published_only:
                counts[notice.values["award"]] += 1
        return counts

    def held_in(self, year: int) -> int:
        return sum(1 for n in self._by_year.get(year, []) if not n.published)


def load_honors(loading: Loading) -> HonorRoll:
    """Read and check every notice under `honors/`; problems go to `loading.problems`.

    Notice files checked in this session are kept as (notices, complete) while they are
    unchanged (recordcache.py); the year's totals are checked on every load."""
    settings, problems = loading.settings, loading.problems
    checked = loading.checked("notice")
    options = settings.honors
    roll = HonorRoll(options)
    root = settings.honors_dir
    if not root.is_dir():
        return roll
    if not options.townships and any(root.glob("*/*.yml")):
        raise SettingsError("extra.honors.townships: 请列出本区的镇街 / list the district's towns and streets")
    for path in sorted(root.glob("*.yml")):
        problems.add(path, 1, "-", "honors_misplaced", name=path.name)
    incomplete: set[int] = set()  # years with a notice that failed its checks
    for folder in sorted(p for p in root.iterdir() if p.is_dir()):
        files = sorted(folder.glob("*.yml"))
        if not YEAR_FOLDER.match(folder.name):
            if files:
                problems.add(files[0], 1, "-", "honors_bad_folder", name=folder.name)
            continue
        for path in files:
            if path.name == TOTALS_FILE:
                totals = _load_totals(path, loading, int(folder.name), options)
                if totals is not None:
                    roll.totals[totals.year] = totals
            else:
                year = int(folder.name)
                notices, complete = checked.load(path, options, problems,
                                                 lambda: _load_notice_file(path, loading, year, options))
                roll.notices.extend(notices)
                if not complete:
                    incomplete.add(int(folder.name))
    _check_totals(roll, incomplete, problems)
    check_repeated_awards(roll, problems)
    _report_held(roll, problems)
    return roll


def _load_notice_file(path: Path, loading: Loading, folder_year: int,
                      options: HonorSettings) -> tuple[list[Notice], bool]:
    """The file's valid notices, and whether every notice in it was valid."""
    problems = loading.problems
    raw = read_record(path, loading, layout=LIST, notice=True, not_shaped="honors_not_list")
    if raw is None:
        return [], False
    check = Checker(path, problems, notice_choices(options))
    notices, complete = [], True
    for item in raw:
        if not isinstance(item, Located):  # reported by read_record
            complete = False
            continue
        # Checks on the raw record first, so that they report even when a field is wrong.
        _check_full_name(item, check, options)
        year = item.get("year")
        if isinstance(year, int) and not isinstance(year, bool) and year != folder_year:
            problems.add(path, item.line_of("year"), "year", "honors_year_folder",
                         year=year, folder=f"honors/{folder_year}/")
            complete = False
        values = NOTICE.validate(item, check)
        if values is None:
            complete = False
            continue
        if values["surname"] and not values["name"].startswith(values["surname"]):
            problems.add(path, item.line_of("surname"), "surname", "surname_not_prefix",
                         surname=values["surname"], name=values["name"])
            complete = False
            continue
        if not _known_surname(values, item, check, options):
            complete = False
            continue
        notice = Notice(path, item.line, values, consent_stated=item.get("consent") is not None)
        notice.sort_keys = name_keys(notice.shown_name, values["surname"] if notice.display == FULL_NAME else "")
        notices.append(notice)
    return notices, complete


def _known_surname(values: dict, item: Located, check: Checker, options: HonorSettings) -> bool:
    """The surname shown before 某 is one character or a known compound surname, so that
    `surname: 张三` cannot make 姓加某 show 张三某, the whole name.

    A name that starts with a compound surname of the settings gets it as its surname."""
    surname = values["surname"]
    if not surname:
        values["surname"] = next((compound for compound in options.compound_surnames
                                  if values["name"].startswith(compound) and len(values["name"]) > len(compound)), "")
        return True
    if len(surname) == 1 or surname in options.compound_surnames:
        return True
    check.problems.add(check.path, item.line_of("surname"), "surname", "honors_surname_unknown", surname=surname)
    return False


# Spaces, dots and dashes that may be put inside a name (张 三, 张·三) without hiding it.
_INSIDE_A_NAME = re.compile(r"[\s·•・‧.\-_*]")


def _name_form(text: str) -> str:
    return _INSIDE_A_NAME.sub("", published_form(text))


def _check_full_name(item: Located, check: Checker, options: HonorSettings) -> None:
    """A name shown as 张某 (or not at all) must not appear in full in the citation or
    elsewhere, however it is spaced or written (张 三, 张&#19977;)."""
    name, display = item.get("name"), item.get("name_display") or SURNAME_ONLY
    if display == FULL_NAME or not isinstance(name, str):
        return
    name = _name_form(name)
    if len(name) < 2:
        return
    surname = item.get("surname") if isinstance(item.get("surname"), str) else ""
    if display == SURNAME_ONLY and name == split_surname(name, surname.strip())[0] + "某":
        return  # the record holds only 张某 in the first place
    for spec in NOTICE.fields:
        value = item.get(spec.name)
        if spec.public and spec.name != "name" and isinstance(value, str) and name in _name_form(value):
            check.problems.add(check.path, item.line_of(spec.name), spec.name, "honors_full_name", mode=display)


def _load_totals(path: Path, loading: Loading, year: int, options: HonorSettings) -> YearTotals | None:
    problems = loading.problems
    raw = read_record(path, loading, notice=True, not_shaped="honors_totals_not_mapping")
    if raw is None:
        return None
    rest = Located({key: value for key, value in raw.items() if key != "totals"})
    rest.line, rest.key_lines = raw.line, raw.key_lines
    values = TOTALS.validate(rest, Checker(path, problems, notice_choices(options)))
    declared = raw.get("totals")
    if not isinstance(declared, Located):
        problems.add(path, raw.line_of("totals"), "totals", "honors_totals_not_mapping")
        return None
    by_class, lines, ok = {}, {}, values is not None
    for award, count in declared.items():
        line = declared.line_of(award)
        if award not in options.award_classes:
            problems.add(path, line, f"totals.{award}", "not_in_list", value=award,
                         allowed="、".join(options.award_classes))
            ok = False
        elif not isinstance(count, int) or isinstance(count, bool) or count < 0:
            problems.add(path, line, f"totals.{award}", "wrong_type",
                         expected=TYPE_NAMES["number"], actual=type_name(count))
            ok = False
        else:
            by_class[award], lines[award] = count, line
    if not ok:
        return None
    return YearTotals(year, path, raw.line_of("totals"), by_class, lines, values["total"], raw.line_of("total"),
                      values["source"], values["note"])


def _check_totals(roll: HonorRoll, incomplete: set[int], problems: Problems) -> None:
    """Each declared year: every class, and the total, must match the records (held back ones too).

    A year with an invalid notice is not counted: its record problems are reported
    already, and a count without that notice would only add a misleading mismatch.
    """
    for year, declared in sorted(roll.totals.items()):
        if year in incomplete:
            continue
        actual = roll.counts(year, published_only=False)
        for award in roll.settings.award_classes:
            expected = declared.by_class.get(award, 0)
            if actual[award] != expected:
                line = declared.class_lines.get(award, declared.line)
                problems.add(declared.path, line, f"totals.{award}", "honors_total_class",
                             year=year, award=award, declared=expected, actual=actual[award])
        if declared.total is not None:
            in_records = sum(actual.values())
            if declared.total != in_records:
                problems.add(declared.path, declared.total_line, "total", "honors_total_all",
                             year=year, declared=declared.total, actual=in_records)
            if sum(declared.by_class.values()) != declared.total:
                problems.add(declared.path, declared.total_line, "total", "honors_total_sum",
                             year=year, sum=sum(declared.by_class.values()), declared=declared.total)


def check_repeated_awards(roll: HonorRoll | None, problems: Problems) -> None:
    """One person, one award class, one year: one notice, unless the others say `second_award: true`.

    The same full name in the same town or street is taken for the same person (two
    people of one name in different towns are two people). A name recorded only as
    姓+某 identifies nobody, so such notices are never compared. Held-back notices
    count too. The later notice (by file and line) is reported, naming the first.
    """
    if roll is None:
        return
    first: dict[tuple, Notice] = {}
    for notice in sorted(roll.notices, key=lambda n: (str(n.path), n.line)):
        name = notice.name.strip()
        if notice.values["second_award"] or name == split_surname(name, notice.surname)[0] + "某":
            continue
        key = (name, notice.township, notice.award, notice.year)
        if key in first:
            earlier = first[key]
            problems.add(notice.path, notice.line, "-", "honors_repeated",
                         first=f"{problems.display_path(earlier.path)}:{earlier.line}")
        else:
            first[key] = notice


def held_back_lines(roll: HonorRoll, problems: Problems) -> list[str]:
    """One `path:line: consent: why` line per notice held back from the site."""
    return [
        Problem(problems.display_path(n.path), n.line, "consent", n.held_reason).text(problems.language)
        for n in roll.held
    ]


def _report_held(roll: HonorRoll, problems: Problems) -> None:
    """Say which notices are held back and why: information, not a failure."""
    lines = held_back_lines(roll, problems)
    if lines:
        header = render("honors_held_summary", {"count": len(lines)}, problems.language)
        log.info("\n  ".join([header, *lines]))


# --- Synthetic notices (benchmarks and tests; never demo content) ------------------------

SYNTHETIC_FILE = "synthetic.yml"
SYNTHETIC_YEARS = range(2015, 2025)


def write_synthetic(root: Path, count: int, seed: int = 0) -> int:
    """Write `count` synthetic notices as `honors/<year>/synthetic.yml` under `root`.

    They pass the checks under the project's own mkdocs.yml settings: names are
    only 姓+某, consent is recorded (so they are published), and every citation says
    it is synthetic. Years that declare totals are left alone, so those stay right.
    """
    import random

    from mkdocs.config import load_config

    from .config import settings_from
    from .synthdata import MARK, SURNAMES, to_yaml

    config = load_config(str(root / "mkdocs.yml"))
    options = settings_from(config.extra, root).honors
    towns = options.townships or ("几江街道",)
    years = [y for y in SYNTHETIC_YEARS if not (root / "honors" / str(y) / TOTALS_FILE).exists()]
    rng = random.Random(seed)
    by_year: dict[int, list[dict]] = {year: [] for year in years}
    for number in range(count):
        year = years[number % len(years)]
        by_year[year].append({
            "name": rng.choice(SURNAMES) + "某",
            "name_display": SURNAME_ONLY,
            "award": rng.choice(options.award_classes),
            "year": year,
            "township": rng.choice(towns),
            "branch": rng.choice(options.branches),
            "citation": f"{MARK}在年度工作中表现突出，特此报喜。",
            "consent": True,
            "consent_record": f"{MARK}无真实人员",
        })
    for year, notices in by_year.items():
        if notices:
            folder = root / "honors" / str(year)
            folder.mkdir(parents=True, exist_ok=True)
            (folder / SYNTHETIC_FILE).write_text(to_yaml(notices), encoding="utf-8")
    return count
