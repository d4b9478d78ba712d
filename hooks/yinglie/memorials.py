"""Memorial facility records (烈士纪念设施): schema, loading, and links from martyrs and events.

One YAML file per facility, `martyrs/memorials/<id>.yml`; the file name is the
page address (`memorials/<id>/`). A martyr record names the facility where the
martyr rests (`resting_facility: <id>`), an event the facility where it was held
(`facility: <id>`); the facility page lists its residents and its events from
those records, so neither list is typed twice. A name that matches no facility
is a problem of the record that names it.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass, field
from pathlib import Path

from .config import Settings
from .errors import Problems
from .events import Event
from .martyrs import Martyr
from .recordparts import RELOCATION, SOURCE
from .messages import NO_HINT, Text, phrase
from .photos import PHOTO, WebPhoto, web_photos
from .recordcache import photo_dependencies
from .recordfile import Loading, read_and_check, valid_id
from .schema import Choice, Date, Field, Integer, Markdown, PlainText, Records, RecordFile, Schema

# The largest amount a record may give (100亿元): more is a typo, not a district's spending.
MAX_YUAN = 10_000_000_000

REPAIR = Schema(
    "repair",
    (
        Field("year", Date(), Text("维修时间", "year"), required=True, help="如 2022 或 2022-05"),
        Field("amount_yuan", Integer(minimum=0, maximum=MAX_YUAN), Text("投入金额（元）", "amount (yuan)"),
              help="整数，单位元，如 4740000"),
        Field("description", PlainText(max_length=500), Text("维修内容", "work done")),
    ),
    title="维修记录 / Repair",
)

FACILITY = Schema(
    "facility",
    (
        Field("name", PlainText(max_length=100), Text("设施名称", "name"), required=True),
        Field("type", Choice("facility_types"), Text("设施类型", "type"), required=True),
        Field("level", Choice("facility_levels"), Text("保护级别", "protection level"), required=True),
        Field("address", PlainText(max_length=200), Text("地址", "address"), help="对外公开的地址"),
        Field("coordinates", PlainText(max_length=60), Text("坐标", "coordinates"),
              help="纬度, 经度，如 29.28, 106.25"),
        Field("built", Date(), Text("建成时间", "built")),
        Field("opening", PlainText(max_length=300), Text("开放信息", "opening"), help="开放时间与参观须知"),
        Field("summary", PlainText(max_length=200), Text("简介", "summary"), help="一句话简介，也印在纪念牌上"),
        Field("description", Markdown(), Text("详细介绍", "description")),
        Field("repairs", Records(REPAIR), Text("维修记录", "repairs")),
        Field("relocations", Records(RELOCATION), Text("迁葬记录", "relocations")),
        Field("photos", Records(PHOTO), Text("照片", "photos"), public=False),
        Field("sources", Records(SOURCE), Text("资料来源", "sources")),
    ),
    title="纪念设施记录 / Memorial facility record",
)

COORDINATES = re.compile(r"^\s*(-?\d{1,2}(?:\.\d+)?)\s*[,，]\s*(-?\d{1,3}(?:\.\d+)?)\s*$")


@dataclass
class Facility(RecordFile):
    """A validated facility record. `values` holds every schema field, defaults filled."""

    web_photos: list[WebPhoto] = field(repr=False, default_factory=list)

    @property
    def display_name(self) -> str:
        return self.values["name"]

    @property
    def url(self) -> str:
        return f"memorials/{self.id}/"

    @property
    def position(self) -> tuple[float, float] | None:
        match = COORDINATES.match(self.values["coordinates"] or "")
        return (float(match[1]), float(match[2])) if match else None


def load_facilities(loading: Loading) -> list[Facility]:
    """Read and check every `martyrs/memorials/*.yml` (sub-folders are not records)."""
    settings = loading.settings
    return loading.checked("facility").load_all(sorted(settings.memorials_dir.glob("*.yml")), settings,
                                                loading.problems, lambda path: load_facility(path, loading),
                                                lambda facility: photo_dependencies(facility.web_photos))


def load_facility(path: Path, loading: Loading) -> Facility | None:
    settings, problems = loading.settings, loading.problems
    read = read_and_check(path, FACILITY, loading)
    if read is None:
        return None
    raw, check, values = read
    photos = web_photos(raw, check, settings)
    if values is None:
        return None
    position = values["coordinates"]
    if position and not _valid_position(position):
        problems.add(path, raw.line_of("coordinates"), "coordinates", "bad_coordinates", value=position)
        return None
    if not valid_id(path):
        return None
    return Facility(path.stem, path, values, dict(raw.key_lines), photos)


def _valid_position(text: str) -> bool:
    match = COORDINATES.match(text)
    return bool(match) and -90 <= float(match[1]) <= 90 and -180 <= float(match[2]) <= 180


def check_facility_links_across(records: dict, problems: Problems) -> None:
    """The facility kind's check across kinds: every link to a facility from another
    kind's record (a martyr's `resting_facility`, an event's `facility`) names one."""
    facilities = records.get("facility", [])
    check_resting_places(records.get("martyr", []), facilities, problems)
    check_event_facilities(records.get("event", []), facilities, problems)


def check_resting_places(martyrs: list[Martyr], facilities: list[Facility], problems: Problems) -> None:
    """Every `resting_facility` must name a facility record."""
    _check_facility_links(martyrs, "resting_facility", facilities, problems)


def check_event_facilities(events: list[Event], facilities: list[Facility], problems: Problems) -> None:
    """Every event's `facility` must name a facility record."""
    _check_facility_links(events, "facility", facilities, problems)


def _check_facility_links(records: list, field_name: str, facilities: list[Facility], problems: Problems) -> None:
    known = sorted(f.id for f in facilities)
    known_set = set(known)
    for record in records:
        named = record.values[field_name]
        if named and named not in known_set:
            close = difflib.get_close_matches(named, known, n=1, cutoff=0.6)
            hint = phrase("did_you_mean", name=close[0]) if close else NO_HINT
            line = record.lines.get(field_name, 1)
            problems.add(record.path, line, field_name, "unknown_facility", value=named, hint=hint)


def events_by_facility(events_newest_first: list[Event]) -> dict[str, list[Event]]:
    """Facility id -> the events held there, in the order given."""
    held: dict[str, list[Event]] = {}
    for event in events_newest_first:
        if event.facility:
            held.setdefault(event.facility, []).append(event)
    return held


def residents_by_facility(martyrs_in_order: list[Martyr]) -> dict[str, list[Martyr]]:
    """Facility id -> the martyrs resting there, in the order given."""
    residents: dict[str, list[Martyr]] = {}
    for martyr in martyrs_in_order:
        if martyr.resting_facility:
            residents.setdefault(martyr.resting_facility, []).append(martyr)
    return residents


# --- Synthetic facilities (benchmarks and tests; never demo content) ---------------------

def write_synthetic(root: Path, count: int, seed: int = 0) -> int:
    """Write `count` synthetic facilities as `martyrs/memorials/syn-<n>.yml` under `root`.

    Types and levels cycle through the default lists, so every kind of page and
    filter has records; every name and text says it is synthetic.
    """
    import random

    from .config import default_settings
    from .synthdata import MARK, TOWNS, to_yaml

    types, levels = default_settings().facility_types, default_settings().facility_levels
    rng = random.Random(seed)
    folder = root / "martyrs" / "memorials"
    folder.mkdir(parents=True, exist_ok=True)
    for number in range(1, count + 1):
        kind = types[number % len(types)]
        record = {
            "name": f"合成测试{kind} {number}",
            "type": kind,
            "level": levels[number % len(levels)],
            "address": f"重庆市江津区{rng.choice(TOWNS)}",
            "coordinates": f"{rng.uniform(28.9, 29.4):.4f}, {rng.uniform(105.9, 106.5):.4f}",
            "built": str(rng.randint(1950, 2015)),
            "summary": f"{MARK}用于基准测试的纪念设施记录。",
            "description": f"{MARK}\n\n此记录由生成器写出，不对应任何真实设施。\n",
            "repairs": [{"year": str(rng.randint(2016, 2024)), "amount_yuan": rng.randint(1, 500) * 10000,
                         "description": f"{MARK}修缮"}],
            "sources": [{"title": "合成测试数据集", "where": "基准测试生成器 yinglie.synthetic，非真实资料"}],
        }
        (folder / f"syn-{number:03d}.yml").write_text(to_yaml(record), encoding="utf-8")
    return count
