"""The committed JSON Schemas (schemas/<kind>.schema.json) and the editor settings
that use them: up to date with the code, and in agreement with `make check`.

Every record of the test fixture, and every good and bad record below (many of them
the records test_records.py and test_robust.py hold), is judged twice: by the records'
own check (`load_records`, what `make check` runs) and by a JSON Schema validator
(`jsonschema`) with the committed schema of its kind. They agree, except on exactly
the rules a JSON Schema cannot state (KNOWN_EXCEPTIONS): the publication guard, rules
between fields, between records and kinds, and about files.
"""

from __future__ import annotations

import fnmatch
import json
from pathlib import Path

import jsonschema
import pytest
import yaml
from mkdocs.config import load_config

from conftest import RECORDS, ROOT
from test_records import GOOD as MARTYR
from test_robust import FAR_FUTURE_EVENT, martyr

from yinglie.config import settings_from
from yinglie.errors import RecordsInvalid
from yinglie.kinds import KINDS
from yinglie.recordfile import read_document
from yinglie.scaffold import schema_files
from yinglie.siteplan import load_records

EXTRA = load_config(str(ROOT / "mkdocs.yml")).extra

SOURCE = "sources:\n  - title: 测试资料\n    where: 测试档案馆\n"
EVENT = "title: 测试活动\ndate: 2023-04-05\ntype: 清明祭英烈\n" + SOURCE
NOTICE = "- name: 王某\n  award: 三等功\n  year: 2023\n  township: 白沙镇\n  consent: true\n  consent_record: 本人书面同意\n"
FACILITY = "name: 测试纪念碑\ntype: 纪念碑亭\nlevel: 零散\n"
WORK = "year: 2023\narea: 江津区\nfunds_yuan: 4740000\n" + SOURCE

M, E, F = "martyrs/ce-shi.yml", "events/ce-shi.yml", "martyrs/memorials/ce-shi.yml"
N, T, W = "honors/2023/round.yml", "honors/2023/totals.yml", "martyrs/memorials/work/2023.yml"
TH, L = "themes/ce-shi.yml", "letters/2023-2024/ce-shi.yml"

# name -> the files of a small project. Names starting with ok_ are valid.
CASES: dict[str, dict[str, str]] = {
    "ok_martyr": {M: MARTYR},
    "ok_martyr_blank_optional_fields": {M: "name: 测试\nsurname: \nborn: \nphotos: \ndeeds: |\n  \n" + SOURCE},
    "ok_event": {E: EVENT},
    "ok_notice_and_totals": {N: NOTICE, T: "total: 1\ntotals:\n  三等功: 1\n"},
    "ok_facility": {F: FACILITY + "coordinates: 29.28, 106.25\nrepairs:\n  - year: 2022\n    amount_yuan: 125000\n"},
    "ok_memorial_work": {W: WORK},
    # --- refused by both -------------------------------------------------------------
    "unknown_field": {M: MARTYR.replace("name: 测试甲", "nmae: 测试甲")},
    "missing_name": {M: MARTYR.replace("name: 测试甲\n", "")},
    "empty_name": {M: MARTYR.replace("name: 测试甲", 'name: ""')},
    "no_sources": {M: MARTYR.split("sources:")[0]},
    "empty_sources": {M: MARTYR.split("sources:")[0] + "sources: []\n"},
    "source_without_where": {M: MARTYR.replace("    where: 测试档案馆\n", "")},
    "not_a_date": {M: MARTYR.replace("born: 1901", "born: 明天")},
    "date_mapping_unknown_key": {M: MARTYR.replace("born: 1901", "born: {date: 1901, when: 春}")},
    "text_given_a_list": {M: MARTYR.replace("summary: 测试记录。", "summary: [一, 二]")},
    "period_not_in_list": {M: MARTYR.replace("period: 土地革命战争时期", "period: 大革命")},
    "gender_not_in_list": {M: MARTYR.replace("gender: 男", "gender: 男性")},
    "too_long": {M: MARTYR.replace("summary: 测试记录。", "summary: " + "长" * 201)},
    "pinyin_not_letters": {M: MARTYR + "surname_pinyin: 曾\n"},
    "url_without_scheme": {M: MARTYR + "    url: www.gov.cn\n"},
    "url_javascript": {M: MARTYR + "    url: javascript:alert(1)\n"},
    "url_with_user_name": {M: MARTYR + "    url: https://user@example.gov.cn/\n"},
    "url_with_space": {M: MARTYR + "    url: https://example.gov.cn/a b\n"},
    "martyr_file_as_list": {M: "- name: 测试\n"},
    "photo_without_alt": {M: MARTYR + "photos:\n  - file: photos/x.jpg\n    credit: 测试\n"},
    "notice_file_as_mapping": {N: NOTICE.replace("- name", "name").replace("\n  ", "\n")},
    "notice_year_boolean": {N: NOTICE.replace("year: 2023", "year: true")},
    "consent_in_words": {N: NOTICE.replace("consent: true", "consent: 是")},
    "consent_in_quotes": {N: NOTICE.replace("consent: true", 'consent: "true"')},
    "notice_unknown_field": {N: NOTICE + "  family: 父亲\n"},
    "name_display_not_in_list": {N: NOTICE + "  name_display: 隐藏\n"},
    "township_not_in_list": {N: NOTICE.replace("白沙镇", "白沙乡")},
    "totals_unknown_class": {N: NOTICE, T: "totals:\n  三等功: 1\n  四等功: 0\n"},
    "totals_negative": {N: NOTICE, T: "totals:\n  三等功: -1\n"},
    "totals_missing": {N: NOTICE, T: "total: 1\n"},
    "facility_missing_type": {F: FACILITY.replace("type: 纪念碑亭\n", "")},
    "facility_amount_too_large": {F: FACILITY + "repairs:\n  - year: 2022\n    amount_yuan: 20000000000\n"},
    "work_negative_count": {W: WORK + "facilities_repaired: -1\n"},
    "event_count_zero": {E: EVENT + "count: 0\n"},
    "event_type_not_in_list": {E: EVENT.replace("清明祭英烈", "春游")},
    "event_date_empty": {E: EVENT.replace("date: 2023-04-05", 'date: ""')},
    # --- refused by check only: the rules a JSON Schema cannot state ------------------
    "guard_phone": {M: MARTYR.replace("summary: 测试记录。", "summary: 电话13800138000")},
    "guard_unit": {M: MARTYR + "unit: 32145部队\n"},
    "guard_notice_address": {N: NOTICE + "  citation: 家住黄泥村3组\n"},
    "guard_file_name": {"martyrs/13800138000.yml": MARTYR},
    "invisible_character": {M: MARTYR.replace("测试记录。", "测试\u202e记录。")},
    "month_thirteen": {M: MARTYR.replace("born: 1901", "born: 1892-13")},
    "date_out_of_range": {E: FAR_FUTURE_EVENT},
    "death_before_birth": {M: MARTYR.replace("born: 1901", "born: 1930")},
    "period_and_death_date": {M: MARTYR.replace("period: 土地革命战争时期", "period: 抗美援朝战争时期")},
    "surname_not_the_name_start": {M: MARTYR + "surname: 王\n"},
    "file_name_not_an_address": {"martyrs/漆南薰.yml": MARTYR},
    "markdown_link_to_a_folder": {M: MARTYR + "deeds: '[漆南薰](../qi-nanxun/)'\n"},
    "photo_file_missing": {M: MARTYR + "photos:\n  - file: photos/x.jpg\n    alt: 测试照片\n    credit: 测试\n"},
    "coordinates_off_the_globe": {F: FACILITY + "coordinates: 99.0, 200.0\n"},
    "event_outreach_without_target": {E: EVENT.replace("清明祭英烈", "五进")},
    "event_date_unknown": {E: EVENT.replace("date: 2023-04-05", "date: 不详")},
    "event_names_no_martyr": {E: EVENT + "martyrs: [no-such-martyr]\n"},
    "resting_facility_unknown": {M: martyr(resting_facility="no-such-place")},
    "notice_year_not_its_folder": {N: NOTICE.replace("year: 2023", "year: 2022")},
    "notice_full_name_shown": {N: NOTICE.replace("王某", "王小明") + "  citation: 王小明荣立三等功\n"},
    "notice_surname_unknown": {N: NOTICE.replace("王某", "张三丰") + "  surname: 张三\n"},
    "notice_entered_twice": {N: NOTICE.replace("王某", "王小明") * 2},
    "totals_do_not_add_up": {N: NOTICE, T: "totals:\n  三等功: 2\n"},
    "work_year_not_its_file_name": {W: WORK.replace("year: 2023", "year: 2024")},
}

# What a JSON Schema cannot state, and why: `make check` alone refuses these.
KNOWN_EXCEPTIONS = {
    "guard_phone": "the publication guard reads text as the page shows it",
    "guard_unit": "the publication guard",
    "guard_notice_address": "the publication guard (notices: no address below town level)",
    "guard_file_name": "the guard over the file name, which is the page address",
    "invisible_character": "characters that hide or reverse text (yamlsource, before any schema)",
    "month_thirteen": "a date's month and day are checked as a calendar date",
    "date_out_of_range": "years 1700-2100 in every date form (民国, 1927年…)",
    "death_before_birth": "a rule between two fields",
    "period_and_death_date": "a rule between two fields and the settings' period dates",
    "surname_not_the_name_start": "a rule between two fields",
    "file_name_not_an_address": "a rule about the file's name",
    "markdown_link_to_a_folder": "links in Markdown, resolved against the site's pages",
    "photo_file_missing": "the photo file beside the record",
    "coordinates_off_the_globe": "latitude and longitude ranges inside one text",
    "event_outreach_without_target": "a rule between two fields",
    "event_date_unknown": "an event's date must be known, though the date form allows 不详",
    "event_names_no_martyr": "a rule across records (the martyr's file)",
    "resting_facility_unknown": "a rule across kinds (the facility's file)",
    "notice_year_not_its_folder": "a rule about the file's folder",
    "notice_full_name_shown": "the name, however written, in the other fields",
    "notice_surname_unknown": "the compound surnames of the settings",
    "notice_entered_twice": "a rule across notices",
    "totals_do_not_add_up": "a rule across files (the year's notices)",
    "work_year_not_its_file_name": "a rule about the file's name",
}


@pytest.fixture(scope="module")
def committed() -> dict[str, dict]:
    return {kind.name: json.loads((ROOT / "schemas" / f"{kind.name}.schema.json").read_text(encoding="utf-8"))
            for kind in KINDS}


def kind_of(path: Path, root: Path):
    """The kind a file belongs to; a file name a kind keeps for itself (totals.yml) wins."""
    kinds = [kind for kind in KINDS if path in kind.files(root)]
    kinds.sort(key=lambda kind: "*" in kind.pattern.rsplit("/", 1)[-1])
    return kinds[0] if kinds else None


def check_problems(root: Path) -> list[str]:
    try:
        load_records(settings_from(EXTRA, root))
    except RecordsInvalid as invalid:
        return [problem.text() for problem in invalid.problems]
    return []


def schema_problems(root: Path, committed: dict) -> list[str]:
    settings = settings_from(EXTRA, root)
    found = []
    for kind in KINDS:
        for path in kind.files(root):
            if kind_of(path, root) is not kind:
                continue
            document = read_document(path, settings)
            if document is None:  # refused before it is parsed (an invisible character): as an editor reads it
                document = yaml.safe_load(path.read_text(encoding="utf-8"))
            found += [f"{path.relative_to(root)}: {error.json_path}: {error.message}"
                      for error in jsonschema.Draft202012Validator(committed[kind.name]).iter_errors(document)]
    return found


def write(root: Path, files: dict[str, str]) -> None:
    for relative, text in files.items():
        path = root / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")


@pytest.mark.parametrize("name", CASES)
def test_json_schema_agrees_with_check_but_for_the_known_exceptions(name, tmp_path, committed):
    write(tmp_path, CASES[name])
    by_check, by_schema = check_problems(tmp_path), schema_problems(tmp_path, committed)
    if name.startswith("ok_"):
        assert (by_check, by_schema) == ([], [])
    elif name in KNOWN_EXCEPTIONS:
        assert by_check != [] and by_schema == [], (by_check, by_schema)
    else:
        assert by_check != [] and by_schema != [], (by_check, by_schema)


def test_the_known_exceptions_are_cases():
    assert set(KNOWN_EXCEPTIONS) <= set(CASES)
    assert not any(name.startswith("ok_") for name in KNOWN_EXCEPTIONS)


def test_every_fixture_record_is_valid_under_the_committed_schemas_and_for_check(committed):
    assert check_problems(RECORDS) == []
    assert schema_problems(RECORDS, committed) == []
    files = [path for kind in KINDS for path in kind.files(RECORDS)]
    assert {kind_of(path, RECORDS).name for path in files} >= {"martyr", "event", "notice", "totals", "memorial_work"}


def test_the_committed_schemas_and_editor_settings_are_up_to_date():
    settings = settings_from(EXTRA, ROOT)
    stale = [relative for relative, text in schema_files(settings).items()
             if not (ROOT / relative).is_file() or (ROOT / relative).read_text(encoding="utf-8") != text]
    assert stale == [], f"{', '.join(stale)} out of date with the code or mkdocs.yml: run `make schemas` and commit"


def test_the_committed_schemas_are_draft_2020_12(committed):
    for schema in committed.values():
        jsonschema.Draft202012Validator.check_schema(schema)


def _matches(glob: str, relative: str) -> bool:
    """A glob of yaml.schemas against a path: `*` within one folder name."""
    parts, pattern = relative.split("/"), glob.split("/")
    return len(parts) == len(pattern) and all(fnmatch.fnmatchcase(p, g) for p, g in zip(parts, pattern))


def test_the_editor_settings_map_each_kinds_files_to_its_schema_alone(tmp_path):
    settings = json.loads((ROOT / ".vscode" / "settings.json").read_text(encoding="utf-8"))["yaml.schemas"]
    every_kind = {M: "martyr", E: "event", N: "notice", T: "totals", F: "facility", W: "memorial_work",
                  TH: "theme", L: "letter"}
    write(tmp_path, dict.fromkeys(every_kind, ""))
    assert {kind_of(tmp_path / relative, tmp_path).name for relative in every_kind} == {k.name for k in KINDS}
    for relative, kind in every_kind.items():
        chosen = [schema for schema, globs in settings.items()
                  if any(_matches(g, relative) for g in globs if not g.startswith("!"))
                  and not any(_matches(g[1:], relative) for g in globs if g.startswith("!"))]
        assert chosen == [f"./schemas/{kind}.schema.json"], (relative, chosen)
