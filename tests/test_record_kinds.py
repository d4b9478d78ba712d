"""Every record kind, from the one list of kinds (yinglie/kinds.py), by construction:

- its example is a valid record (`check` passes),
- a phone number in any of its text fields, nested ones too, is refused with exactly
  one guard line naming the file, line and field: a kind whose reader skips the
  publication guard fails here, whatever its name,
- a symlink loop, or a symlink leading out of the project, is refused,
- its folder is watched by the preview, copied by the test project and dated by
  reproducible builds,

and no module but recordfile.py reads a record file's YAML itself.
"""

from __future__ import annotations


import ast
import importlib
import json
import os
import pkgutil
from pathlib import Path, PurePosixPath

import pytest
import yaml

from conftest import PROJECT_PARTS, ROOT, copy_project

import yinglie
from yinglie.__main__ import check
from yinglie.kinds import KINDS, RecordKind
from yinglie.recordfile import LIST
from yinglie.reproducible import SOURCES
from yinglie.schema import Markdown, PlainText, Records, Schema, TextList, Url

PHONE = "13800138000"
PHONE_MESSAGE = "含有疑似电话号码（1*********0），不得公开"
VALUES = {  # a phone number, as each kind of text field can hold it
    PlainText: PHONE,
    Markdown: PHONE,
    Url: f"https://example.org/{PHONE}",
    TextList: [PHONE],
}


def to_yaml(record: dict, as_list: bool) -> tuple[str, dict[str, int]]:
    """The record as YAML, one value a line, and the line of each field ("sources[1].title": 4)."""
    out: list[str] = []
    lines: dict[str, int] = {}

    def mapping(values: dict, first: str, rest: str, prefix: str) -> None:
        for index, (key, value) in enumerate(values.items()):
            lead = first if index == 0 else rest
            lines[prefix + key] = len(out) + 1
            if isinstance(value, list) and value and all(isinstance(item, dict) for item in value):
                out.append(f"{lead}{key}:")
                for number, item in enumerate(value, 1):
                    mapping(item, rest + "  - ", rest + "    ", f"{prefix}{key}[{number}].")
            else:  # JSON is YAML: every scalar double-quoted, lists and {} in flow style
                out.append(f"{lead}{key}: {json.dumps(value, ensure_ascii=False)}")

    mapping(record, "- " if as_list else "", "  " if as_list else "", "")
    return "\n".join(out) + "\n", lines


def text_fields(schema: Schema, prefix: str = ""):
    """(path of names, field kind class, field name as problems give it) of every text
    field, nested records' too: (("sources", "title"), PlainText, "sources[1].title")."""
    for spec in schema.fields:
        if type(spec.kind) in VALUES:
            yield (spec.name,), type(spec.kind), prefix + spec.name
        elif isinstance(spec.kind, Records):
            for path, kind, name in text_fields(spec.schema, f"{prefix}{spec.name}[1]."):
                yield (spec.name, *path), kind, name


def with_value(record: dict, path: tuple[str, ...], value) -> dict:
    """A copy of `record` with `value` at `path`; a nested list gets a first item if it has none."""
    record = json.loads(json.dumps(record))
    at = record
    for name in path[:-1]:
        at.setdefault(name, [{}])
        at = at[name][0]
    at[path[-1]] = value
    return record


_stamp = [1_700_000_000_000_000_000]


def write(path: Path, text: str) -> None:
    """Write, with a modification time never used before: records already checked
    in this process are kept by time and size (recordcache.py)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    _stamp[0] += 1_000_000_000
    os.utime(path, ns=(_stamp[0], _stamp[0]))


def check_lines(project, capsys) -> tuple[int, list[str]]:
    """`python -m yinglie check` in this process: its exit code and its problem lines."""
    capsys.readouterr()
    code = check(project.root / "mkdocs.yml")
    return code, capsys.readouterr().err.splitlines()[1:]


def kind_id(kind: RecordKind) -> str:
    return kind.name


@pytest.mark.parametrize("kind", KINDS, ids=kind_id)
def test_example_is_valid_and_every_text_field_is_guarded(kind, project, capsys):
    relative = f"{kind.folder}/{kind.example_file}"
    assert PurePosixPath(kind.example_file).match(kind.pattern), (kind.example_file, kind.pattern)
    write(project.root / relative, kind.example)
    result = project.check()  # as staff run it
    assert result.returncode == 0, result.stderr

    loaded = yaml.safe_load(kind.example)
    as_list = kind.layout == LIST
    record = loaded[0] if as_list else loaded
    fields = list(text_fields(kind.schema))
    assert fields, f"{kind.name} has no text field"
    for path, field_kind, name in fields:
        text, lines = to_yaml(with_value(record, path, VALUES[field_kind]), as_list)
        write(project.root / relative, text)
        code, problems = check_lines(project, capsys)
        shown = name + ("[1]" if field_kind is TextList else "")
        guard = [line for line in problems if PHONE_MESSAGE in line]
        assert code == 1 and guard == [f"{relative}:{lines[name]}: {shown}: {PHONE_MESSAGE}"], \
            (kind.name, shown, problems)


@pytest.mark.parametrize("kind", KINDS, ids=kind_id)
def test_symlink_loops_and_links_out_of_the_project_are_refused(kind, project, capsys, tmp_path):
    relative = f"{kind.folder}/{kind.example_file}"
    link = project.root / relative
    link.parent.mkdir(parents=True, exist_ok=True)
    other = link.with_name("loop-" + link.name)
    link.symlink_to(other.name)
    other.symlink_to(link.name)
    code, problems = check_lines(project, capsys)
    assert code == 1
    assert f"{relative}:1: -: 文件是循环的符号链接，无法读取：请换成普通文件" in problems, problems

    link.unlink()
    other.unlink()
    outside = tmp_path / "outside" / link.name
    write(outside, kind.example)
    link.symlink_to(outside)
    code, problems = check_lines(project, capsys)
    assert code == 1
    assert problems == [f"{relative}:1: -: 文件是指向项目以外的符号链接，不予读取：记录文件应放在项目之内"]


def test_a_symlink_inside_the_project_is_read(project):
    kind = KINDS[0]
    target = project.root / "martyrs" / "kept-elsewhere" / "record.txt"
    write(target, kind.example)
    (project.root / kind.folder / "linked.yml").symlink_to(target)
    result = project.check()
    assert result.returncode == 0, result.stderr
    # The linked file counts as a martyr record (however many the project holds besides).
    assert f"烈士 / martyrs: {len(list((project.root / kind.folder).glob('*.yml')))}" in result.stdout.splitlines()


def test_a_symlink_loop_as_staff_see_it(project):
    (project.root / "martyrs" / "a.yml").symlink_to("b.yml")
    (project.root / "martyrs" / "b.yml").symlink_to("a.yml")
    result = project.check()
    assert result.returncode == 1
    assert result.stderr.splitlines()[1:] == [
        "martyrs/a.yml:1: -: 文件是循环的符号链接，无法读取：请换成普通文件",
        "martyrs/b.yml:1: -: 文件是循环的符号链接，无法读取：请换成普通文件",
    ]


def test_every_schema_of_the_package_belongs_to_a_listed_kind():
    """A record kind added without an entry in KINDS (and so without the tests above) fails here."""
    reachable: set[int] = set()

    def reach(schema: Schema) -> None:
        reachable.add(id(schema))
        for spec in schema.fields:
            if spec.schema is not None:
                reach(spec.schema)

    for kind in KINDS:
        reach(kind.schema)
    for module in pkgutil.iter_modules(yinglie.__path__):
        loaded = importlib.import_module(f"yinglie.{module.name}")
        for name, value in vars(loaded).items():
            if isinstance(value, Schema):
                assert id(value) in reachable, f"yinglie.{module.name}.{name} is the schema of no kind in kinds.py"


def test_only_recordfile_reads_yaml():
    """The one reader guards; a module calling load_yaml (or PyYAML) itself would not."""
    allowed = {"yamlsource.py", "recordfile.py"}
    for source in sorted((ROOT / "hooks" / "yinglie").glob("*.py")):
        if source.name in allowed:
            continue
        tree = ast.parse(source.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            names = []
            if isinstance(node, ast.ImportFrom):
                names = [alias.name for alias in node.names]
            elif isinstance(node, ast.Attribute):
                names = [node.attr]
            elif isinstance(node, ast.Name):
                names = [node.id]
            bad = {"load_yaml", "load", "safe_load", "load_all", "safe_load_all", "full_load"} & set(names)
            if isinstance(node, ast.Attribute) and bad:
                # yaml.load(...) or yamlsource.load_yaml(...); other objects' .load are fine
                bad = bad if getattr(node.value, "id", "") in ("yaml", "yamlsource") else set()
            elif isinstance(node, ast.ImportFrom) and bad:
                bad = bad if (node.module or "").split(".")[-1] in ("yaml", "yamlsource") else set()
            elif isinstance(node, ast.Name):
                bad = bad & {"load_yaml"}
            assert not bad, f"{source.name}:{node.lineno} reads YAML itself ({', '.join(sorted(bad))}); use recordfile.read_record"


def _watched() -> list[str]:
    class Loader(yaml.SafeLoader):
        pass

    Loader.add_multi_constructor("", lambda loader, suffix, node: None)  # !ENV, !!python/...
    settings = yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=Loader)  # noqa: S506
    return settings["watch"]


@pytest.fixture(scope="module")
def watched_by_the_preview(tmp_path_factory) -> set[str]:
    """The folders the hooks watch for `mkdocs serve` (on_serve), in a copy of the
    project where every kind's folder exists."""
    from mkdocs.config import load_config

    from yinglie.sitebuild import SiteBuild

    project = copy_project(tmp_path_factory.mktemp("watch") / "project")
    for kind in KINDS:
        (project.root / kind.folder).mkdir(parents=True, exist_ok=True)

    class Server:  # what on_serve is given: only `watch` is used
        def __init__(self):
            self.paths = set()

        def watch(self, path):
            self.paths.add(Path(path).relative_to(project.root).as_posix())

    build, server = SiteBuild(), Server()
    config = load_config(str(project.root / "mkdocs.yml"))
    build.load(config)
    build.abandon()  # no QR codes are needed
    # The record folders are watched by the system's notices (recordwatch.py), which
    # signal MkDocs through a folder it watches; where they cannot, MkDocs polls them.
    watch = build.watch(server, config)
    watch.stop()
    return server.paths | {folder.relative_to(project.root).as_posix() for folder in watch.folders}


@pytest.mark.parametrize("kind", KINDS, ids=kind_id)
def test_every_kind_is_watched_copied_and_dated(kind, watched_by_the_preview):
    """The preview watches every kind's folder (the hooks' on_serve, from record_folders;
    mkdocs.yml `watch:` adds the code and templates), the tests copy it, builds date it."""
    top = PurePosixPath(kind.folder).parts[0]
    assert top in watched_by_the_preview, f"mkdocs serve does not watch {top}/ ({kind.name})"
    assert {"hooks", "theme"} <= set(_watched()), "mkdocs.yml watch: must list hooks and theme"
    assert top in PROJECT_PARTS, f"tests/conftest.py PROJECT_PARTS lacks {top} ({kind.name})"
    assert top in SOURCES, f"reproducible.py SOURCES lacks {top} ({kind.name})"


def test_reproducible_sources_exist_or_are_record_folders():
    """Every name in SOURCES is a part of the project (a stale name dates nothing)."""
    folders = {PurePosixPath(kind.folder).parts[0] for kind in KINDS}
    for name in SOURCES:
        assert (ROOT / name).exists() or name in folders, name
