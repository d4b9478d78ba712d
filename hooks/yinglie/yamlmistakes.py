"""The everyday YAML mistakes, named with their fix and their real line.

PyYAML reports where its parser gave up, in its own words, often a line after the
mistake: `gender：男` (a full-width colon typed by a Chinese input method) comes
back as "could not find expected ':'" on the next line. This module reads the
source lines around PyYAML's marks and says what the staff member most likely
typed, on the line where it is:

- a full-width colon `：` after a field name;
- no space after the colon (`gender:男`);
- a tab in the indentation;
- an unquoted `: ` inside a value (`summary: 他说: 前进`);
- a line indented more or less than its neighbours;
- a file not saved as UTF-8 (GBK / GB18030, UTF-16).

Each finding is (line, field, message key, params); the messages are in messages.py.
When nothing here fits, the caller reports PyYAML's own words.
"""

from __future__ import annotations

import re
from typing import NamedTuple

import yaml

from .guard import mask, scan
from .messages import Text

# A field name as records spell them (ASCII), at the start of a line or after "- ".
_NAME = r"^(?P<indent>[ \t]*(?:-[ \t]+)*)(?P<name>[A-Za-z_][A-Za-z0-9_]*)"
FULL_WIDTH_COLON = re.compile(_NAME + r"[ \t]*：")
# An award class in a totals file (`三等功：56`): a Chinese name, then a number or nothing.
FULL_WIDTH_CLASS = re.compile(r"^[ \t]*(?P<name>[\u4e00-\u9fff]{2,6})[ \t]*：[ \t]*\d*[ \t]*$")
NO_SPACE = re.compile(_NAME + r":(?![/ \t]|$)")  # `gender:男`; not `url: http://…`
PROPER_KEY = re.compile(_NAME + r"[ \t]*:(?:[ \t]|$)")
TAB_INDENT = re.compile(r"^[ \t-]*\t")
# The line breaks of YAML 1.1 as PyYAML counts them in its marks.
LINE_BREAK = re.compile("\r\n|[\r\n\x85\u2028\u2029]")


class Mistake(NamedTuple):
    line: int  # 1-based
    field: str
    key: str
    params: dict


def _blank_or_comment(line: str) -> bool:
    stripped = line.strip()
    return not stripped or stripped.startswith("#")


def _window(lines: list[str], first: int, last: int) -> range:
    """The lines from `first` back over the lines a plain value may have swallowed
    (lines that are no `name: value` of their own), to `last` (0-based, inclusive)."""
    while first > 0 and not _blank_or_comment(lines[first - 1]) and not PROPER_KEY.match(lines[first - 1]):
        first -= 1
        if FULL_WIDTH_COLON.match(lines[first]) or FULL_WIDTH_CLASS.match(lines[first]) or NO_SPACE.match(lines[first]):
            break
    return range(first, min(last, len(lines) - 1) + 1)


def _in_lines(lines: list[str], window: range) -> Mistake | None:
    """A full-width colon, a missing space or a tab on one of the lines, the first found."""
    for index in window:
        line = lines[index]
        if _blank_or_comment(line):
            continue
        found = FULL_WIDTH_COLON.match(line) or FULL_WIDTH_CLASS.match(line)
        if found and not PROPER_KEY.match(line):
            return Mistake(index + 1, found["name"], "yaml_full_width_colon", {"name": found["name"]})
        found = NO_SPACE.match(line)
        if found:
            value = line[found.end():].strip()
            if scan(value, notice=True):  # quoted in the log: masked as the guard's own messages are
                value = mask(value)
            return Mistake(index + 1, found["name"], "yaml_no_space", {"name": found["name"], "value": value})
        if TAB_INDENT.match(line):
            return Mistake(index + 1, "-", "yaml_tab", {})
    return None


def syntax_mistake(text: str, error: yaml.MarkedYAMLError) -> Mistake | None:
    """What the staff member most likely typed wrong, for PyYAML's `error`, or None."""
    problem = error.problem_mark
    if problem is None:
        return None
    lines = LINE_BREAK.split(text)
    context = error.context_mark
    first = min(context.line, problem.line) if context is not None else problem.line
    first = min(first, len(lines) - 1)
    found = _in_lines(lines, _window(lines, first, problem.line))
    if found is not None:
        return found
    if problem.line >= len(lines):
        return None
    line = lines[problem.line]
    words = error.problem or ""
    if "tab" in words:
        return Mistake(problem.line + 1, "-", "yaml_tab", {})
    if "mapping values are not allowed" in words:
        key = PROPER_KEY.match(line)
        colon = line.find(":", key.end("name")) if key else -1
        if key and problem.column > colon:
            # `summary: 他说: 前进`: a second ": " inside the value.
            return Mistake(problem.line + 1, key["name"], "yaml_colon_in_value", {"name": key["name"]})
        if key:
            # `  gender: 男` under a `name:` line: indented as if it belonged to the value above.
            return Mistake(problem.line + 1, key["name"], "yaml_indent", {"name": key["name"]})
    if "expected '-' indicator" in words or "expected <block end>" in words or "expected key" in words:
        key = PROPER_KEY.match(line)
        return Mistake(problem.line + 1, key["name"] if key else "-", "yaml_indent",
                       {"name": key["name"] if key else line.strip()[:20]})
    return None


def scalar_mistake(text: str) -> Mistake | None:
    """For a file that read as one plain text instead of fields (`name：测试` alone):
    the first line with a full-width colon or a missing space, or None."""
    lines = LINE_BREAK.split(text)
    return _in_lines(lines, range(len(lines)))


def item_mistake(item, line: int) -> Mistake | None:
    """For a list item that read as a text where fields were expected (`- title：测试`
    alone on its line): a full-width colon or a missing space in it, at `line`, or None."""
    if not isinstance(item, str) or "\n" in item:
        return None
    found = _in_lines([item], range(1))
    return found._replace(line=line) if found is not None else None


# Encodings a Windows editor in China saves in when not told to use UTF-8.
_UTF16_MARKS = (b"\xff\xfe", b"\xfe\xff")
UTF16 = Text("UTF-16", "UTF-16")
CHINESE = Text("GBK/GB18030 等中文编码", "a Chinese encoding such as GBK/GB18030")
OTHER = Text("其他编码", "another encoding")


def encoding_mistake(data: bytes, error: UnicodeDecodeError) -> Mistake:
    """The file is not UTF-8: the line of the first byte that is not, and the encoding it seems to be in."""
    if data.startswith(_UTF16_MARKS):
        return Mistake(1, "-", "yaml_not_utf8", {"encoding": UTF16})
    line = data.count(b"\n", 0, error.start) + 1
    try:
        data.decode("gb18030")
    except UnicodeDecodeError:
        return Mistake(line, "-", "yaml_not_utf8", {"encoding": OTHER})
    return Mistake(line, "-", "yaml_not_utf8", {"encoding": CHINESE})
