"""Commemoration events (纪念活动): the schema, the rules between fields, and loading.

One YAML file per event, `events/<id>.yml`; the file name is the page address.
An event may stand for one session or for many ("100余场次" of 五进 in a year):
`count`, `count_unit` and `count_more` say how many, as the source words it.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from .config import Settings
from .dates import FuzzyDate
from .errors import Problems
from .recordparts import SOURCE
from .messages import Text
from .recordfile import Loading, read_and_check, valid_id
from .schema import (Boolean, Checker, Choice, Date, Field, Integer, Markdown, PlainText, Records, RecordFile,
                     Schema, TextList)
from .yamlsource import Located

UNKNOWN_TARGET = "不详"

EVENT = Schema(
    "event",
    (
        Field("title", PlainText(max_length=100), Text("活动名称", "title"), required=True),
        Field("date", Date(), Text("日期", "date"), required=True,
              help="资料只载年份就只写年份，如 2022 / a year alone when that is all the source gives"),
        Field("type", Choice("event_types"), Text("活动类型", "type"), required=True),
        Field("target", Choice("outreach_targets"), Text("“五进”对象", "outreach target"),
              help="只用于“五进”活动；资料未载写“不详” / 五进 events only"),
        Field("place", PlainText(max_length=200), Text("地点", "place")),
        Field("facility", PlainText(max_length=80), Text("举办地纪念设施", "facility where it was held"),
              help="纪念设施记录的编号，即 martyrs/memorials/ 下的文件名（不含 .yml）"),
        Field("organisers", TextList(), Text("组织单位", "organisers")),
        Field("martyrs", TextList(), Text("相关烈士（记录编号）", "martyrs (record ids)"),
              help="烈士记录的文件名，不带 .yml，如 qi-nanxun"),
        Field("count", Integer(minimum=1, maximum=1_000_000), Text("场次/人次", "count"),
              help="一条记录代表多场活动时填写，如 100"),
        Field("count_unit", PlainText(max_length=10), Text("计数单位", "unit of the count"),
              help="如 场次、人次；默认“场次”"),
        Field("count_more", Boolean(), Text("“余”（不少于）", "at least"),
              help="资料写“100余场次”时填 true"),
        Field("summary", PlainText(max_length=300), Text("简介", "summary")),
        Field("body", Markdown(), Text("详细内容", "body")),
        Field("sources", Records(SOURCE, min_items=1), Text("资料来源", "sources"), required=True),
    ),
    title="纪念活动记录 / Event record",
)


@dataclass
class Event(RecordFile):
    """A validated event record. `values` holds every schema field, defaults filled."""

    @property
    def url(self) -> str:
        return f"events/{self.id}/"

    @property
    def year(self) -> int:
        return self.values["date"].year

    @property
    def sort_key(self) -> tuple:
        """Chronological; a year-only date sorts at the start of its year."""
        return (self.values["date"].earliest, self.id)

    @property
    def sessions(self) -> int:
        """How many sessions this record stands for (1 unless it gives a count)."""
        return self.values["count"] or 1

    @property
    def count_text(self) -> str:
        """'100余场次' as the source words it, or '' for a single event."""
        count = self.values["count"]
        if not count:
            return ""
        return f"{count}{'余' if self.values['count_more'] else ''}{self.values['count_unit'] or '场次'}"

    def on_day(self) -> tuple[int, int] | None:
        """(month, day) when the date is full; partial dates have no anniversary."""
        when: FuzzyDate = self.values["date"]
        return (when.month, when.day) if when.day else None


def load_events(loading: Loading, martyr_ids: set[str] | None = None) -> list[Event]:
    """Read and check every `events/*.yml`; problems go to `loading.problems`.

    `martyr_ids` are the martyr files present (valid or not; by default those in
    martyrs/), so that one broken martyr record is reported once, not again by every
    event naming it. Events
    checked in this session are kept with their raw record (recordcache.py): the
    martyr ids an event names are checked on every load, as martyr files come and go.
    """
    settings, problems = loading.settings, loading.problems
    if martyr_ids is None:
        martyr_ids = {path.stem for path in settings.martyrs_dir.glob("*.yml")}
    checked = loading.checked("event")
    events = []
    for path in sorted(settings.events_dir.glob("*.yml")):
        raw, event = checked.load(path, settings, problems, lambda: _read_event(path, loading))
        if raw is not None and _unknown_martyrs(raw, path, problems, martyr_ids):
            continue
        if event is not None:
            events.append(event)
    return events


def _read_event(path: Path, loading: Loading) -> tuple[Located | None, Event | None]:
    """The raw record and the event, with every check but the martyr ids it names."""
    settings = loading.settings
    read = read_and_check(path, EVENT, loading)
    if read is None:
        return None, None
    raw, check, values = read
    found = _check_between_fields(values, raw, settings, check)
    if values is None or found or not valid_id(path):
        return raw, None
    return raw, Event(path.stem, path, values, dict(raw.key_lines))


def _unknown_martyrs(raw: Located, path: Path, problems: Problems, martyr_ids: set[str]) -> bool:
    """Report each martyr id the event names that has no martyr file; True if any.

    Checked even when another field is wrong, so that one run lists every problem of the file.
    """
    found = False
    ids = raw.get("martyrs")
    if isinstance(ids, str):
        ids = [ids]
    if isinstance(ids, list):
        for index, martyr_id in enumerate(ids):
            if isinstance(martyr_id, str) and martyr_id.strip() and martyr_id.strip() not in martyr_ids:
                line = ids.item_lines[index] if hasattr(ids, "item_lines") else raw.line_of("martyrs")
                problems.add(path, line, f"martyrs[{index + 1}]", "unknown_martyr", id=martyr_id.strip())
                found = True
    return found


def _check_between_fields(values, raw: Located, settings: Settings, check: Checker) -> bool:
    """Rules joining fields; returns True if any problem was found."""
    if values is None:
        return False
    before = len(check.problems.found)
    add = check.problems.add
    outreach = settings.events.outreach_type
    allowed = "、".join([*settings.events.outreach_targets, UNKNOWN_TARGET])
    if values["type"] == outreach and not values["target"]:
        add(check.path, raw.line_of("type"), "target", "target_required", type=outreach, allowed=allowed)
    if values["type"] != outreach and values["target"]:
        add(check.path, raw.line_of("target"), "target", "target_not_allowed", type=outreach)
    if not values["date"].known:
        add(check.path, raw.line_of("date"), "date", "event_date_unknown")
    if values["count"] is None and (values["count_unit"] or values["count_more"]):
        line = raw.line_of("count_unit" if values["count_unit"] else "count_more")
        add(check.path, line, "count", "count_detail_without_count")
    return len(check.problems.found) > before

