"""Hostile record files: what `check` says about the worst shapes bench/hostile.py found.

The benchmark (`make bench`, bench/hostile.py) times check on each shape; these
tests only say what check must answer: refuse or accept, with `path:line: field:
message` lines, never a traceback. Timing stays in the benchmark. Where a shape
once cost time in the square of its size, a test asserts the structural reason it
no longer does (a file read once, a fuzzy comparison made at most so often).
"""

from __future__ import annotations

import difflib
import random

import pytest
from mkdocs.config import load_config

from conftest import copy_project
from yinglie import errors, guard, photos
from yinglie.siteplan import load_records
from yinglie.config import settings_from
from yinglie.errors import MAX_SHOWN_PER_FILE, Problems, RecordsInvalid
from yinglie.yamlsource import MAX_ALIAS_VALUES, MAX_DEPTH

MARTYR = "name: 测试\nsources:\n  - title: 测试资料\n    where: 测试\n"


@pytest.fixture(scope="module")
def check(tmp_path_factory, monkeypatch_module):
    """check(relative path, text) -> the report's lines (empty when the records pass).

    Loads the catalogue in this process, as `python -m yinglie check` does. Each
    call writes a file of its own name: the loaders keep the files they read by path."""
    project = copy_project(tmp_path_factory.mktemp("hostile") / "project")
    monkeypatch_module.setenv("YINGLIE_LANG", "en")
    config = load_config(str(project.root / "mkdocs.yml"))

    def run(relative: str, text: str | bytes) -> list[str]:
        path = project.root / relative
        assert not path.exists()
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(text.encode() if isinstance(text, str) else text)
        try:
            load_records(settings_from(config.extra, project.root))
            return []
        except RecordsInvalid as error:
            return str(error).splitlines()
        finally:
            path.unlink()

    return run


@pytest.fixture(scope="module")
def monkeypatch_module():
    with pytest.MonkeyPatch.context() as patch:
        yield patch


# --- Numbers Python will not write out (over 4,300 digits) ----------------------------------

def test_a_long_digit_group_beside_a_separator_is_read_not_crashed_on(check):
    assert check("martyrs/digits.yml", MARTYR + "deeds: " + "1" * 5000 + " 2\n") == []


def test_a_character_reference_of_5000_digits_is_reported_not_crashed_on(check):
    # Past U+10FFFF: the page shows U+FFFD, as html.unescape reads it; nothing to refuse.
    assert check("martyrs/charref.yml", MARTYR + "deeds: '&#" + "1" * 5000 + ";'\n") == []


def test_a_hex_number_of_thousands_of_digits_as_a_date_is_no_date(check):
    report = check("martyrs/hexdate.yml", MARTYR + "died: 0x" + "f" * 5000 + "\n")
    assert report[1:] == ["martyrs/hexdate.yml:5: died: \"a number of 6021 digits\" is not a date "
                          "(write 1927-03-05, 1927-03, 1927, 1927年3月5日, 民国十六年 or 不详)"]


def test_a_notice_year_and_totals_of_thousands_of_digits_are_shown_by_their_length(check):
    notice = "- {name: 张某, award: 三等功, township: 白沙镇, year: 0x" + "f" * 5000 + "}\n"
    assert check("honors/2023/year.yml", notice)[1:] == [
        "honors/2023/year.yml:1: year: year a number of 6021 digits does not match its folder honors/2023/",
        "honors/2023/year.yml:1: year: must be a whole number from 1700 to 2100, not a number of 6021 digits"]
    report = check("honors/2023/totals.yml", "totals:\n  三等功: 0x" + "f" * 5000 + "\n")
    assert any("a number of 6021 digits" in line for line in report), report


# --- YAML at and past the loader's limits -------------------------------------------------------

def nested(depth: int) -> str:
    return MARTYR + "deeds: " + "[" * (depth - 1) + "x" + "]" * (depth - 1) + "\n"


def test_nesting_at_the_limit_loads_and_one_more_level_is_refused(check):
    at_limit = check("martyrs/deep-20.yml", nested(MAX_DEPTH))
    assert at_limit[1:] == ["martyrs/deep-20.yml:5: deeds: must be text, not a list"]
    over = check("martyrs/deep-21.yml", nested(MAX_DEPTH + 1))
    assert over[1:] == ["martyrs/deep-21.yml:5: -: lists or fields are nested too deeply (at most 20 levels)"]


def aliases(count: int) -> str:
    """An anchored list counting 100 values, and `count` values' worth of aliases."""
    items = ", ".join(["x"] * 99)
    listed = ["*a"] * (count // 100) + ["*b"] * (count % 100)
    return MARTYR + f"position: &b x\ntags: &a [{items}]\nsummary: [{', '.join(listed)}]\n"


def test_aliases_up_to_the_limit_load_and_one_more_value_is_refused(check):
    at_limit = check("martyrs/alias-at-limit.yml", aliases(MAX_ALIAS_VALUES))
    assert at_limit[1:] == ["martyrs/alias-at-limit.yml:7: summary: must be text, not a list"]
    over = check("martyrs/alias-over.yml", aliases(MAX_ALIAS_VALUES + 1))
    assert over[1:] == ["martyrs/alias-over.yml:7: -: YAML aliases (*name) repeat too much "
                        f"(over {MAX_ALIAS_VALUES} values): write the values out instead"]


def test_text_that_looks_like_many_anchors_is_only_text(check):
    report = check("martyrs/amp.yml", MARTYR + "summary: " + "-&" * 100_000 + "x[\n")
    assert report[1:] == ["martyrs/amp.yml:5: summary: at most 200 characters (has 200002)"]


# --- Many problems in one file ------------------------------------------------------------------------

def test_a_file_with_thousands_of_problems_lists_the_first_ones_and_counts_the_rest(check):
    keys = "".join(f"k{number}: x\n" for number in range(1000))
    report = check("martyrs/keys.yml", MARTYR + keys)
    assert report[0] == "1000 problem(s) in the records; the site was not built (the previous site is unchanged):"
    assert len(report) == 1 + MAX_SHOWN_PER_FILE + 1
    assert report[1] == 'martyrs/keys.yml:5: k0: unknown field "k0"'
    assert report[-1] == (f"martyrs/keys.yml:205: -: 800 more problem(s) in this file, "
                          f"not listed (only the first {MAX_SHOWN_PER_FILE} of each file are)")


def test_did_you_mean_is_worked_out_for_a_bounded_number_of_unknown_fields(check, monkeypatch):
    calls = []
    real = difflib.get_close_matches
    monkeypatch.setattr(difflib, "get_close_matches", lambda *a, **k: calls.append(a[0]) or real(*a, **k))
    keys = "".join(f"sourcesx{number}: x\n" for number in range(1000))
    report = check("martyrs/near.yml", MARTYR + keys)
    assert report[1].endswith('unknown field "sourcesx0"; did you mean "sources"?')
    assert len(calls) <= 50


def test_ten_thousand_notices_each_with_a_phone_number_are_each_refused(check):
    notices = "- {name: 张某, award: 三等功, year: 2023, township: 白沙镇, citation: 电话13800138000}\n" * 10_000
    report = check("honors/2023/phones.yml", notices)
    assert report[0].startswith("10000 problem(s) in the records")
    assert report[1] == ("honors/2023/phones.yml:1: citation: contains what looks like a telephone "
                         "number (1*********0); it must not be published")
    assert "9800 more problem(s) in this file" in report[-1]


# --- Masking: the indexed way gives what comparing every pair gave -----------------------------------

def _related(field_name: str, refused: str) -> bool:
    """The former rule, compared pairwise: the same field, or one inside the other."""
    if field_name == refused:
        return True
    inner, outer = (field_name, refused) if len(field_name) > len(refused) else (refused, field_name)
    return inner.startswith(outer) and inner[len(outer)] in ".["


def _masked_pairwise(sequence) -> list[tuple]:
    """What masking gives when every problem of the file is masked again after each refusal."""
    found, fields, keys = [], set(), set()

    def masked(problem):
        field_name, key, params = problem
        if key.startswith("guard_") or not fields:
            return problem
        same = any(_related(field_name, name) for name in fields)
        own = {field_name, field_name.rsplit(".", 1)[-1]}

        def hide(param, value):
            if any(f.key in keys for f in guard.scan(value, notice="guard_address" in keys)):
                return guard.mask(value)
            if same and value not in own and param not in errors.SETTINGS_PARAMS:
                return guard.mask(value)
            return value

        return field_name, key, tuple((name, hide(name, value)) for name, value in params)

    for field_name, key, params in sequence:
        if key.startswith("guard_"):
            fields.add(field_name)
            keys.add(key)
            found = [masked(p) for p in found]
            found.append((field_name, key, params))
        else:
            found.append(masked((field_name, key, params)))
    return found


FIELDS = ["name", "sources", "sources[1]", "sources[1].title", "sources[1].where", "sources[2].title",
          "sources[10].title", "died", "died.date", "photos[1].alt", "a.b.c", "-"]


@pytest.mark.parametrize("seed", range(40))
def test_masking_is_the_same_as_comparing_every_pair(seed, tmp_path):
    rng = random.Random(seed)
    sequence = []
    for _ in range(rng.randint(1, 25)):
        field_name = rng.choice(FIELDS)
        if rng.random() < 0.35:
            key = rng.choice(["guard_phone", "guard_email", "guard_unit"])
            sequence.append((field_name, key, (("excerpt", "1***0"),)))
        else:
            value = rng.choice(["abc123", "13800138000", field_name, "测试", "x@example.com"])
            sequence.append((field_name, "not_in_list", (("allowed", "a1、b2"), ("value", value))))
    problems = Problems(tmp_path)
    for field_name, key, params in sequence:
        problems.add(tmp_path / "x.yml", 1, field_name, key, **dict(params))
    assert [(p.field, p.key, p.params) for p in problems.found] == _masked_pairwise(sequence)


# --- Photos ---------------------------------------------------------------------------------------------

def test_a_photo_named_by_many_entries_is_read_once(check, monkeypatch):
    calls = []
    real = photos._web_copies
    monkeypatch.setattr(photos, "_web_copies", lambda *a, **k: calls.append(a[0]) or real(*a, **k))
    entries = "".join("  - {file: qi-nanxun.yml, alt: 照片, credit: 测试}\n" for _ in range(300))
    report = check("martyrs/photos.yml", MARTYR + "photos:\n" + entries)
    assert len(calls) == 1
    assert report[0].startswith("300 problem(s)")
    assert report[1] == ('martyrs/photos.yml:6: photos[1].file: "qi-nanxun.yml" is not a '
                         "usable image (JPEG, HEIC, PNG or WebP): unrecognised file format")


def test_a_photo_path_too_long_for_the_file_system_is_reported(check):
    for number, written in enumerate(("a/" * 100_000 + "x", "a" * 280 + ".jpg")):
        report = check(f"martyrs/path-{number}.yml", MARTYR + f"photos:\n  - {{alt: 照片, credit: 测试, file: {written}}}\n")
        if len(written) > 300:
            assert report[1:] == [f"martyrs/path-{number}.yml:6: photos[1].file: at most 300 characters "
                                  f"(has {len(written)})"]
        else:
            assert report[1:] == [f'martyrs/path-{number}.yml:6: photos[1].file: photo file "{written}" not found']


# --- Raw HTML that would stall Python's HTML parser (the check's and MkDocs' alike) ---------

def test_tags_that_are_never_closed_are_refused_before_any_page_is_made(check):
    assert check("martyrs/unclosed.yml", MARTYR + "deeds: '" + "<a " * 4 + "一个字 " * 1000 + "'\n")[1:] == [
        'martyrs/unclosed.yml:5: deeds: holds 4 HTML tags that are never closed ("<" without ">"); '
        "write a less-than sign as &lt;"]


def test_thousands_of_tags_are_refused(check):
    assert check("martyrs/tags.yml", MARTYR + "deeds: '" + "<b>x</b>" * 250 + "'\n")[1:] == [
        "martyrs/tags.yml:5: deeds: holds 500 HTML tags, over the limit of 200: write the text in Markdown, "
        "do not paste web page code"]


def test_a_few_tags_and_less_than_signs_still_pass(check):
    assert check("martyrs/fewtags.yml", MARTYR + "deeds: '<b>粗体</b>，3 < 5，a<b 与 <i>斜体</i>'\n") == []


def test_thousands_of_brackets_are_refused(check):
    assert check("martyrs/brackets.yml", MARTYR + "deeds: '" + "[" * 1500 + "'\n")[1:] == [
        'martyrs/brackets.yml:5: deeds: holds 1500 "[" brackets, over the limit of 1000: links need a few; '
        "in running text use 【】"]


def test_a_markdown_field_longer_than_the_limit_is_refused_without_rendering_it(check):
    from yinglie.schema import MAX_MARKDOWN

    report = check("martyrs/longdeeds.yml", MARTYR + "deeds: '" + "[x](../y/index.md) " * 3000 + "'\n")
    assert report[1:] == [f"martyrs/longdeeds.yml:5: deeds: at most {MAX_MARKDOWN} characters (has 56999)"]


def test_hundreds_of_thousands_of_empty_lists_are_refused_before_they_are_built(check):
    assert check("martyrs/brackets-yaml.yml", MARTYR + "tags: [" + "[]," * 30000 + "]\n")[1:] == [
        'martyrs/brackets-yaml.yml:1: -: holds 30001 brackets "[" and "{", over the limit of 20000: '
        'write a list one item a line, each starting with "- "']
