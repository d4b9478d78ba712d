"""Every kind of record file the site reads, in one list.

Each kind names where its files are, how a file holds its records, its schema,
whether it names living people (the notice guard), and a minimal valid example;
`json_schema` gives the JSON Schema of one of its files (`python -m yinglie schema`).
Tests run over this list (tests/test_record_kinds.py): every kind's files pass the
publication guard in every text field, and every kind's folder is watched by the
preview, copied by the test project and dated by reproducible builds. A new kind
is added here.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable

from .events import EVENT
from .honors import NOTICE, TOTALS, totals_file_json_schema
from .martyrs import MARTYR
from .memorials import FACILITY
from .memorialwork import WORK_YEAR
from .recordfile import LIST, ONE
from .schema import Schema


@dataclass(frozen=True)
class RecordKind:
    name: str
    folder: str  # relative to the records root (settings.root)
    pattern: str  # the kind's files, relative to `folder`
    layout: str  # ONE: a file holds one record's fields; LIST: a list of records
    schema: Schema  # of one record
    notice: bool  # names living people: the notice guard (no address below town level)
    example: str  # a minimal valid record file, as YAML
    example_file: str  # where the example goes, relative to `folder`
    # The JSON Schema of a file, when the kind's reader checks more than `schema` does
    # (a totals file's `totals` mapping); called with the choice lists, like json_schema.
    file_schema: Callable[[Callable[[str], list[str]] | None], dict] | None = None

    def json_schema(self, choices: Callable[[str], list[str]] | None = None) -> dict:
        """The JSON Schema of one file of this kind: the record's schema, or for a file
        that holds a list of records (notices), an array of them."""
        if self.file_schema is not None:
            return self.file_schema(choices)
        record = self.schema.json_schema(choices)
        if self.layout != LIST:
            return record
        dialect = record.pop("$schema")
        return {"$schema": dialect, "title": record["title"], "type": "array", "items": record}


_SOURCE = """\
sources:
  - title: 测试资料
    where: 测试出处
"""

KINDS: tuple[RecordKind, ...] = (
    RecordKind("martyr", "martyrs", "*.yml", ONE, MARTYR, False,
               "name: 测试烈士\n" + _SOURCE, "kind-test.yml"),
    RecordKind("facility", "martyrs/memorials", "*.yml", ONE, FACILITY, False,
               "name: 测试纪念碑\ntype: 纪念碑亭\nlevel: 零散\n", "kind-test.yml"),
    RecordKind("memorial_work", "martyrs/memorials/work", "*.yml", ONE, WORK_YEAR, False,
               "year: 2023\narea: 江津区\n" + _SOURCE, "2023.yml"),
    RecordKind("notice", "honors", "[0-9][0-9][0-9][0-9]/*.yml", LIST, NOTICE, True,
               "- name: 王某\n  award: 三等功\n  year: 2023\n  township: 白沙镇\n"
               "  consent: true\n  consent_record: 本人书面同意\n", "2023/kind-test.yml"),
    RecordKind("totals", "honors", "[0-9][0-9][0-9][0-9]/totals.yml", ONE, TOTALS, True,
               "total: 0\ntotals: {}\n", "2023/totals.yml", totals_file_json_schema),
    RecordKind("event", "events", "*.yml", ONE, EVENT, False,
               "title: 测试活动\ndate: '2023-04-05'\ntype: 清明祭英烈\n" + _SOURCE, "kind-test.yml"),
)
