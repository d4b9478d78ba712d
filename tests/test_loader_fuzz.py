"""Fuzzing the record loader: whatever a file holds, the loader either loads it or
reports problems with the file and a line, never a traceback from a library.

Staff edit YAML by hand; a stray tab, a half-deleted quote or a pasted control
character must end in a `path:line: field: message`, not in a crash of the build.
"""

from __future__ import annotations

import json
import os
import re
import string
from dataclasses import replace
from pathlib import Path

import yaml
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from conftest import RECORDS, ROOT
from yinglie.config import settings_from
from yinglie.errors import Problems
from yinglie.martyrs import MARTYR, load_martyr
from yinglie.recordfile import Loading
from yinglie.yamlsource import INVISIBLE_CHARACTER, load_yaml

# FUZZ_EXAMPLES=5000 make test fuzzes longer; the default keeps `make test` quick.
FUZZ = settings(max_examples=int(os.environ.get("FUZZ_EXAMPLES", "150")), deadline=None, database=None,
                suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
SETTINGS = settings_from({}, ROOT)
VALID = (RECORDS / "martyrs" / "qi-nanxun.yml").read_text(encoding="utf-8")

# Text that looks like what staff type: Chinese, YAML punctuation, dates, whitespace.
TYPED = st.text(
    alphabet=st.sampled_from(list("漆南薰民国十六年不详江津 \t\n:-#'\"|>[]{},&*!%@`?0123456789.") +
                             list(string.ascii_letters) + ["\r", "\x00", "\x85", "\ufeff", "\u2028"]),
    max_size=200,
)
SCALARS = st.one_of(
    st.none(), st.booleans(), st.integers(), st.floats(allow_nan=True, allow_infinity=True),
    st.text(max_size=30), st.sampled_from(["1927-04-12", "1927-13", "民国十六年四月", "不详", "0000", "9999-02-30"]),
)
VALUES = st.recursive(
    SCALARS,
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=10), inner, max_size=4),
    max_leaves=12,
)
RECORDS = st.dictionaries(st.sampled_from(MARTYR.names + ["nmae", "date", "original"]), VALUES, max_size=8)


def assert_loaded_or_reported(path: Path, load):
    problems = Problems(path.parent)
    result = load(path, problems)  # must not raise
    if result is None:
        assert problems.found, "nothing loaded, yet no problem reported"
    for problem in problems.found:
        assert problem.path == path.name
        assert isinstance(problem.line, int) and problem.line >= 1
        assert problem.text().startswith(f"{path.name}:{problem.line}: ")
        problem.text().encode("utf-8")  # printable: the report itself must not crash
    if result is not None:
        for text in strings_in(getattr(result, "values", result)):
            text.encode("utf-8")  # the site is written as UTF-8
            assert not CONTROL.search(text), f"control character kept in {text!r}"
    return result, problems


# What a page must never carry: C0/C1 control characters (tab and newline are
# fine) and lone surrogates, which cannot be written as UTF-8 at all.
CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff]")


def strings_in(value):
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from strings_in(key)
            yield from strings_in(item)
    elif isinstance(value, (list, tuple)):
        for item in value:
            yield from strings_in(item)


def load_record(path: Path, problems: Problems):
    # The file's folder is the records root: a record file outside the root is refused.
    return load_martyr(path, Loading(replace(SETTINGS, root=path.parent), problems))


@FUZZ
@given(text=TYPED)
def test_any_typed_text(tmp_path, text):
    path = tmp_path / "fuzz.yml"
    path.write_text(text, encoding="utf-8")
    assert_loaded_or_reported(path, load_yaml)
    assert_loaded_or_reported(path, load_record)


@FUZZ
@given(data=st.binary(max_size=200))
def test_any_bytes(tmp_path, data):
    path = tmp_path / "fuzz.yml"
    path.write_bytes(data)
    assert_loaded_or_reported(path, load_record)


@FUZZ
@given(record=RECORDS)
def test_any_record_shaped_document(tmp_path, record):
    path = tmp_path / "fuzz-record.yml"
    path.write_text(yaml.safe_dump(record, allow_unicode=True), encoding="utf-8")
    assert_loaded_or_reported(path, load_record)


@FUZZ
@given(value=VALUES, field=st.sampled_from(MARTYR.names))
def test_a_valid_record_with_one_field_replaced(tmp_path, value, field):
    path = tmp_path / "fuzz-record.yml"
    record = yaml.safe_load(VALID)
    record[field] = value
    path.write_text(yaml.safe_dump(record, allow_unicode=True), encoding="utf-8")
    assert_loaded_or_reported(path, load_record)


@FUZZ
@given(position=st.integers(min_value=0, max_value=len(VALID)), insert=TYPED, cut=st.integers(0, 20))
def test_a_valid_record_with_a_typing_slip(tmp_path, position, insert, cut):
    path = tmp_path / "fuzz-record.yml"
    path.write_text(VALID[:position] + insert + VALID[position + cut:], encoding="utf-8")
    assert_loaded_or_reported(path, load_record)


@FUZZ
@given(value=st.text(max_size=12), as_key=st.booleans(),
       field=st.sampled_from(["name", "native_place", "summary", "deeds"]))
def test_any_character_written_as_an_escape(tmp_path, value, as_key, field):
    """YAML's double-quoted escapes (\\x00, \\ud800 ...) reach characters a file cannot hold raw."""
    quoted = json.dumps(value)  # JSON escapes are YAML double-quoted escapes
    line = f"{quoted}: x" if as_key else f"{field}: {quoted}"
    path = tmp_path / "fuzz-record.yml"
    path.write_text(f"name: 王甲\nsources:\n  - {{title: a, where: b}}\n{line}\n", encoding="utf-8")
    assert_loaded_or_reported(path, load_record)


def test_the_unchanged_record_loads(tmp_path):
    path = tmp_path / "qi-nanxun.yml"
    path.write_text(VALID, encoding="utf-8")
    martyr, problems = assert_loaded_or_reported(path, load_record)
    assert martyr is not None and not problems.found


def test_what_the_fuzzing_found_is_reported_plainly(tmp_path):
    path = tmp_path / "x.yml"
    cases = {
        # libyaml refuses a lone surrogate while parsing; still one plain line.
        'name: "王\\ud800甲"\n': "x.yml:1: -: YAML 格式错误：found invalid Unicode character escape code (column 11)",
        'name: 王甲\nsummary: "\\x1b[31m"\n': "x.yml:2: -: 含有不可显示的控制字符（U+001B），请删除",
        '"\\x00": 1\n': "x.yml:1: -: 含有不可显示的控制字符（U+0000），请删除",
        "name: " + "[" * 3000 + "]" * 3000 + "\n": "x.yml:1: -: 列表或字段嵌套层数过多（最多 20 层）",
    }
    for text, expected in cases.items():
        path.write_text(text, encoding="utf-8")
        _, problems = assert_loaded_or_reported(path, load_record)
        assert [p.text() for p in problems.found] == [expected]


def _with_lines(value):
    """A loaded document with every line number it carries, for comparing two loads."""
    if isinstance(value, dict):
        return ("map", value.line, sorted(value.key_lines.items()), [(k, _with_lines(v)) for k, v in value.items()])
    if isinstance(value, list):
        return ("list", value.line, list(value.item_lines), [_with_lines(v) for v in value])
    return (type(value).__name__, repr(value))


def _both_loaders(text: str):
    from yinglie.yamlsource import _CheckingLoader, _Loader

    results = []
    for loader in (_Loader, _CheckingLoader):
        try:
            results.append(_with_lines(yaml.load(text, Loader=loader)))  # noqa: S506 - SafeLoaders
        except Exception as error:  # noqa: BLE001 - the same failure from both is what counts
            results.append(("error", type(error).__name__, str(error)))
    return results


@FUZZ
@given(record=RECORDS, style=st.sampled_from([None, '"', "'", "|"]), flow=st.booleans())
def test_the_quick_loader_reads_what_the_checking_loader_reads(record, style, flow):
    """Files without a backslash skip the per-value character check (yamlsource.py);
    everything else they load must be the same, values, types and lines."""
    text = yaml.safe_dump(record, allow_unicode=True, default_style=style, default_flow_style=flow)
    text = text.replace("\\", "/")  # a backslash always takes the checking loader
    assume(not INVISIBLE_CHARACTER.search(text))  # load_yaml refuses such a file before either loader
    quick, checking = _both_loaders(text)
    assert quick == checking


@FUZZ
@given(text=TYPED)
def test_the_quick_loader_reads_typed_text_alike(text):
    assume(not INVISIBLE_CHARACTER.search(text))  # load_yaml refuses such a file before either loader
    quick, checking = _both_loaders(text.replace("\\", "/"))
    if quick[0] == "error" and checking[0] == "error" and checking[1] == "ForbiddenCharacter":
        return  # only the checking loader looks for these; load_yaml never gives it such text
    assert quick == checking


def test_the_quick_loader_keeps_aliases_tags_and_merges():
    text = "a: &x hello\nb: *x\nc: !!str 12\nd: 12\ne: [1, two, {f: g}]\nm: &m {n: o}\np: *m\nq:\n  <<: *m\n  r: s\n"
    quick, checking = _both_loaders(text)
    assert quick == checking
    merged = dict(quick[3])["q"]
    assert sorted(key for key, _ in merged[3]) == ["n", "r"]
