"""Safe YAML loading that remembers where every value came from.

PyYAML forgets line numbers once it builds Python objects; staff need them. This
loader builds `Node`-free plain values, but every mapping is a `Located` dict that
knows its own line and the line of each key, so a problem can name
`martyrs/x.yml:12: died`. It also refuses duplicate keys (PyYAML keeps the last one
silently) and keeps dates as text: a record's dates have their own parser
(`dates.py`), which understands partial and Republic-era dates.
"""

from __future__ import annotations

import re
from pathlib import Path

import yaml

from .characters import FORBIDDEN_CHARACTER, INVISIBLE_CHARACTER
from .errors import Problems
from .yamlmistakes import Mistake, encoding_mistake, scalar_mistake, syntax_mistake


class Located(dict):
    """A mapping read from YAML, with 1-based line numbers."""

    line: int = 1
    key_lines: dict

    def line_of(self, key: str) -> int:
        return self.key_lines.get(key, self.line)


class LocatedList(list):
    """A sequence read from YAML, with the 1-based line of each item."""

    line: int = 1
    item_lines: list


class ForbiddenCharacter(Exception):
    def __init__(self, character: str, line: int):
        self.character, self.line = character, line

    @property
    def key(self) -> str:
        return "invisible_character" if INVISIBLE_CHARACTER.match(self.character) else "forbidden_character"


# libyaml's parser (PyYAML's C extension) reads records several times faster than
# the pure-Python one, with the same nodes and line marks; it is used when present.
_SafeLoader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_STR_TAG = "tag:yaml.org,2002:str"


class _Loader(_SafeLoader):
    """SafeLoader without the timestamp resolver, recording lines."""

    def construct_child(self, node):
        """The value of a mapping's key or value, or of a list item.

        Nearly every node of a record is plain text, whose value is the node's own
        text: taken directly, without PyYAML's general dispatch (as that dispatch
        would return it). Anything else (numbers, booleans, nested mappings and
        lists, aliases, tags) goes through `construct_object`.
        """
        if node.tag == _STR_TAG and type(node) is yaml.ScalarNode:
            return node.value
        return self.construct_object(node, deep=True)


# Dates stay text: "1927-03" and "1927-03-05" should be read the same way.
_Loader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


class DuplicateKey(Exception):
    def __init__(self, key: str, line: int, first: int):
        self.key, self.line, self.first = key, line, first


def _construct_mapping(loader: _Loader, node: yaml.MappingNode) -> Located:
    loader.flatten_mapping(node)
    mapping = Located()
    mapping.line = node.start_mark.line + 1
    mapping.key_lines = {}
    for key_node, value_node in node.value:
        key = str(loader.construct_child(key_node))
        line = key_node.start_mark.line + 1
        if key in mapping.key_lines:
            raise DuplicateKey(key, line, mapping.key_lines[key])
        mapping.key_lines[key] = line
        mapping[key] = loader.construct_child(value_node)
    return mapping


def _construct_sequence(loader: _Loader, node: yaml.SequenceNode) -> LocatedList:
    items = LocatedList(loader.construct_child(child) for child in node.value)
    items.line = node.start_mark.line + 1
    items.item_lines = [child.start_mark.line + 1 for child in node.value]
    return items


def _construct_int(loader: _Loader, node: yaml.ScalarNode):
    """An integer; YAML 1.1's base-60 form (1:30:00) stays text: PyYAML computes it in
    time quadratic in its length (a 1 MiB "1:0:0:…" took 15 s), and no field is one."""
    if ":" in node.value:
        return loader.construct_scalar(node)
    return yaml.constructor.SafeConstructor.construct_yaml_int(loader, node)


_MERGE_TAG, _VALUE_TAG = "tag:yaml.org,2002:merge", "tag:yaml.org,2002:value"


def _flatten_mapping(loader: _Loader, node: yaml.MappingNode) -> None:
    """PyYAML's flatten_mapping (merge keys `<<`), in linear time: PyYAML deletes each
    merge key from the node's list in place, quadratic in their number. The merged
    pairs come first, the later of several merged mappings first, as PyYAML has them."""
    if not any(key.tag in (_MERGE_TAG, _VALUE_TAG) for key, _ in node.value):
        return
    merged, kept = [], []
    for key_node, value_node in node.value:
        if key_node.tag != _MERGE_TAG:
            if key_node.tag == _VALUE_TAG:
                key_node.tag = _STR_TAG
            kept.append((key_node, value_node))
            continue
        parts = value_node.value if isinstance(value_node, yaml.SequenceNode) else [value_node]
        if not all(isinstance(part, yaml.MappingNode) for part in parts):
            raise yaml.constructor.ConstructorError(
                "while constructing a mapping", node.start_mark,
                f"expected a mapping or list of mappings for merging, but found {value_node.id}",
                value_node.start_mark)
        for part in parts:
            _flatten_mapping(loader, part)
        for part in reversed(parts):
            merged.extend(part.value)
    node.value = merged + kept


_Loader.add_constructor("tag:yaml.org,2002:int", _construct_int)
_Loader.flatten_mapping = _flatten_mapping
_Loader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)
_Loader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_SEQUENCE_TAG, _construct_sequence)


class _CheckingLoader(_Loader):
    """_Loader that also refuses forbidden characters in every scalar.

    Only needed for a text that could produce one: a scalar is made of the file's
    own characters (lines joined by a space or a line break) plus, in double
    quotes, backslash escapes. A file with neither a forbidden character nor a
    backslash loads with the plain `_Loader`, which skips this check per value.
    """

    def construct_child(self, node):
        return self.construct_object(node, deep=True)  # every scalar through construct_scalar

    def construct_scalar(self, node):
        """Every scalar (keys too) passes here: refuse the characters above, with their line."""
        value = super().construct_scalar(node)
        if isinstance(value, str):
            found = FORBIDDEN_CHARACTER.search(value) or INVISIBLE_CHARACTER.search(value)
            if found:
                raise ForbiddenCharacter(found.group(), node.start_mark.line + 1)
        return value


# --- Limits: no record file may crash or stall the build ---------------------------------
# A record is a few fields, a list of sources, perhaps a date written as a mapping:
# four levels deep. Thousands of nested brackets crash libyaml's composer (a C stack
# overflow, no message), and nested aliases ("billion laughs") make a few hundred
# bytes stand for billions of values. Both are refused before the document is built.
MAX_DEPTH = 20
MAX_ALIAS_VALUES = 10_000  # values that aliases may add by repeating anchored ones
# Brackets of flow lists and mappings in one file ([], {}): a record has a handful. A
# file of hundreds of thousands of empty lists takes seconds to build and check value by
# value, so it is refused before PyYAML builds anything.
MAX_BRACKETS = 20_000
DEFAULT_MAX_BYTES = 1024 * 1024

# An anchor (`&name` before a value) is the only way to make an alias refer to anything.
_ANCHOR = re.compile(r"(?:^|[\s\[{,:-])&[^\s\[\]{},]")  # what may start one; the exact check decides
# The leading spaces and dashes of each line: one level of block nesting needs at
# least one more of either.
_LINE_START = re.compile(r"^[ \-]*+", re.MULTILINE)


class StructureRefused(Exception):
    def __init__(self, key: str, line: int, **params):
        self.key, self.line, self.params = key, line, params


def _might_be_deep_or_aliased(text: str) -> bool:
    """A cheap bound: False when the text cannot nest past MAX_DEPTH nor hold an anchor.

    Every level of nesting is a bracket, more indentation or another leading dash,
    so the longest run of leading spaces and dashes plus the number of brackets
    bounds the depth. Nearly every record file is far below it.
    """
    if _ANCHOR.search(text):
        return True
    brackets = text.count("[") + text.count("{")
    if brackets >= MAX_DEPTH:
        return True
    deepest_start = max((len(found) for found in _LINE_START.findall(text)), default=0)
    return deepest_start + brackets + 2 >= MAX_DEPTH


def _check_structure(text: str) -> None:
    """Walk the document's events (libyaml's parser keeps its own stack: it cannot
    overflow) and refuse nesting past MAX_DEPTH or aliases that repeat too much."""
    depth = 0
    open_nodes: list[list] = []  # [anchor, values inside so far]
    anchored: dict[str, int] = {}  # anchor -> how many values it stands for
    repeated = 0
    for event in yaml.parse(text, Loader=_SafeLoader):
        if isinstance(event, (yaml.MappingStartEvent, yaml.SequenceStartEvent)):
            depth += 1
            if depth > MAX_DEPTH:
                raise StructureRefused("too_deep", event.start_mark.line + 1, limit=MAX_DEPTH)
            open_nodes.append([event.anchor, 1])
        elif isinstance(event, (yaml.MappingEndEvent, yaml.SequenceEndEvent)):
            depth -= 1
            anchor, values = open_nodes.pop()
            if anchor:
                anchored[anchor] = values
            if open_nodes:
                open_nodes[-1][1] += values
        elif isinstance(event, yaml.ScalarEvent):
            if event.anchor:
                anchored[event.anchor] = 1
            if open_nodes:
                open_nodes[-1][1] += 1
        elif isinstance(event, yaml.AliasEvent):
            values = anchored.get(event.anchor, 1)
            repeated += values
            if repeated > MAX_ALIAS_VALUES:
                raise StructureRefused("too_many_aliases", event.start_mark.line + 1, limit=MAX_ALIAS_VALUES)
            if open_nodes:
                open_nodes[-1][1] += values


def load_yaml(path: Path, problems: Problems, max_bytes: int = DEFAULT_MAX_BYTES, documents: dict | None = None):
    """Return the document in `path` (an empty file gives an empty mapping),
    or None after adding a problem to `problems`.

    `documents`: documents already read (session.py), by path, with the file's size
    and time: `mkdocs serve` rebuilds after every edit, and re-reads only the files
    that changed. Callers only read the documents they get.

    A file over `max_bytes`, nested too deeply, with aliases that repeat too much or
    with an invisible character anywhere (but a byte order mark at its start) is
    refused before PyYAML builds anything from it."""
    try:
        stat = path.stat()
        stamp = (stat.st_mtime_ns, stat.st_size)
        cached = documents.get(path) if documents is not None else None
        if cached is not None and cached[0] == stamp:
            return cached[1]
        if stat.st_size > max_bytes:
            problems.add(path, 1, "-", "file_too_large", size=_kib(stat.st_size), limit=_kib(max_bytes))
            return None
        data = path.read_bytes()
        text = data.decode("utf-8")
    except OSError as error:
        problems.add(path, 1, "-", "unreadable", detail=str(error))
        return None
    except UnicodeDecodeError as error:  # saved as GBK by an editor: say so, and how to fix it
        _report(path, problems, encoding_mistake(data, error))
        return None
    text = text.removeprefix("\ufeff")
    hidden = INVISIBLE_CHARACTER.search(text)
    if hidden:
        line = text.count("\n", 0, hidden.start()) + 1
        problems.add(path, line, "-", "invisible_character", code=f"U+{ord(hidden.group()):04X}")
        return None
    brackets = text.count("[") + text.count("{")
    if brackets > MAX_BRACKETS:
        problems.add(path, 1, "-", "too_many_brackets", count=brackets, limit=MAX_BRACKETS)
        return None
    try:
        if _might_be_deep_or_aliased(text):
            _check_structure(text)
        loader = _CheckingLoader if "\\" in text or FORBIDDEN_CHARACTER.search(text) else _Loader
        document = yaml.load(text, Loader=loader)  # noqa: S506 - both are SafeLoaders
        if document is None:  # an empty file is an empty record, reported field by field
            document = Located()
            document.key_lines = {}
        if isinstance(document, str):  # `name：测试` alone reads as one text: say why
            mistake = scalar_mistake(text)
            if mistake is not None:
                _report(path, problems, mistake)
                return None
        if documents is not None:
            documents[path] = (stamp, document)
        return document
    except DuplicateKey as error:
        problems.add(path, error.line, error.key, "duplicate_key", first=error.first)
    except ForbiddenCharacter as error:
        problems.add(path, error.line, "-", error.key, code=f"U+{ord(error.character):04X}")
    except StructureRefused as error:
        problems.add(path, error.line, "-", error.key, **error.params)
    except yaml.MarkedYAMLError as error:
        mistake = syntax_mistake(text, error)  # a full-width colon, a tab…: named, at its own line
        if mistake is not None:
            _report(path, problems, mistake)
            return None
        mark = error.problem_mark or error.context_mark
        line = mark.line + 1 if mark else 1
        detail = error.problem or str(error)
        if mark:
            detail = f"{detail} (column {mark.column + 1})"
        problems.add(path, line, "-", "yaml_syntax", detail=detail)
    except yaml.YAMLError as error:  # e.g. a reader error on control characters
        problems.add(path, 1, "-", "yaml_syntax", detail=str(error).splitlines()[0])
    except RecursionError:  # lists or mappings nested thousands deep
        problems.add(path, 1, "-", "too_deep", limit=MAX_DEPTH)
    except (ValueError, TypeError, OverflowError) as error:
        problems.add(path, 1, "-", "yaml_syntax", detail=type(error).__name__)
    return None


def _report(path: Path, problems: Problems, mistake: Mistake) -> None:
    problems.add(path, mistake.line, mistake.field, mistake.key, **mistake.params)


def _kib(size: int) -> str:
    return f"{-(-size // 1024):,} KiB"  # rounded up: a file just over the limit shows over it
