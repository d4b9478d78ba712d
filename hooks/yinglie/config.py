"""The project's settings, read from `extra:` in mkdocs.yml and checked once.

A district adopts the site by editing these settings and its data, never code.
The settings are typed with MkDocs' own config classes (as Material types its
plugins' settings), so a wrong setting fails with a clear message too.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from functools import cached_property
from pathlib import Path

from mkdocs.config import config_options as c
from mkdocs.config.base import Config

from .dates import MAX_YEAR, MIN_YEAR
from .messages import language_from

# The periods official rolls use, with the dates a death in each can fall on.
# Ranges overlap where rolls do: a death in Chongqing in November 1949 is recorded
# under 解放战争时期 although the People's Republic was founded in October.
DEFAULT_PERIODS = [
    {"name": "第一次国内革命战争时期", "start": "1924-01-01", "end": "1927-07-31"},
    {"name": "土地革命战争时期", "start": "1927-04-12", "end": "1937-07-06"},
    {"name": "抗日战争时期", "start": "1931-09-18", "end": "1945-09-02"},
    {"name": "解放战争时期", "start": "1945-08-15", "end": "1950-12-31"},
    {"name": "抗美援朝战争时期", "start": "1950-06-25", "end": "1958-10-31"},
    {"name": "社会主义革命和建设时期", "start": "1949-10-01", "end": "1978-12-17"},
    {"name": "改革开放和社会主义现代化建设新时期", "start": "1978-12-18", "end": "2012-11-07"},
    {"name": "新时代", "start": "2012-11-08", "end": "9999-12-31"},
]
DEFAULT_GENDERS = ["男", "女", "不详"]
# Commemoration events (extra.events): the kinds of event, and the audiences of the
# 英烈精神"五进" outreach. 不详 is always allowed as a target: reports often give only
# a total.
DEFAULT_EVENT_TYPES = ["清明祭英烈", "烈士纪念日", "五进", "走访慰问", "迁葬", "送喜报"]
DEFAULT_OUTREACH_TARGETS = ["进机关", "进校园", "进企业", "进社区", "进军营"]
# Days the calendar marks every year besides 清明 (computed per year: it is a solar term).
DEFAULT_FIXED_DAYS = [{"name": "烈士纪念日", "month_day": "09-30", "since": 2014}]
# Memorial facilities (烈士纪念设施): the kinds in official rules, and Chongqing's
# protection levels; below district level a facility is 零散 (scattered).
DEFAULT_FACILITY_TYPES = ["烈士陵园", "烈士墓", "烈士骨灰堂", "烈士英名墙", "纪念堂馆", "纪念碑亭", "纪念塔祠",
                          "纪念塑像", "纪念广场"]
DEFAULT_FACILITY_LEVELS = ["国家级", "市级", "区县级", "零散"]
# Photos: a larger image is refused (decompression bombs); web copies in these widths.
DEFAULT_PHOTO_MAX_PIXELS = 40_000_000
DEFAULT_PHOTO_WIDTHS = [480, 960, 1600]
# One record file (a martyr, or a delivery round of notices) is a few kilobytes.
DEFAULT_MAX_FILE_KIB = 1024


class PeriodConfig(Config):
    name = c.Type(str)
    start = c.Type(str)
    end = c.Type(str)


class RecordsConfig(Config):
    language = c.Choice(("zh", "en"), default="zh")
    data_root = c.Optional(c.Type(str))
    periods = c.ListOfItems(c.SubConfig(PeriodConfig), default=[])
    genders = c.ListOfItems(c.Type(str), default=[])
    facility_types = c.ListOfItems(c.Type(str), default=[])
    facility_levels = c.ListOfItems(c.Type(str), default=[])
    photo_max_pixels = c.Type(int, default=DEFAULT_PHOTO_MAX_PIXELS)
    photo_widths = c.ListOfItems(c.Type(int), default=[])
    # A record file larger than this is refused before it is read (see yamlsource.py).
    max_file_kib = c.Type(int, default=DEFAULT_MAX_FILE_KIB)


class PublicationGuardConfig(Config):
    """`extra.publication_guard`: values published on purpose, exempt from the guard by value."""

    public_values = c.ListOfItems(c.Type(str), default=[])


class FixedDayConfig(Config):
    name = c.Type(str)
    month_day = c.Type(str)
    since = c.Type(int, default=1)


class EventsConfig(Config):
    types = c.ListOfItems(c.Type(str), default=[])
    outreach_type = c.Type(str, default="五进")
    outreach_targets = c.ListOfItems(c.Type(str), default=[])
    qingming = c.Type(bool, default=True)
    fixed_days = c.Optional(c.ListOfItems(c.SubConfig(FixedDayConfig)))
    calendar_first_year = c.Type(int, default=2020)
    calendar_last_year = c.Type(int, default=2050)


@dataclass(frozen=True)
class FixedDay:
    name: str
    month: int
    day: int
    since: int


@dataclass(frozen=True)
class EventSettings:
    """`extra.events`: event types, 五进 targets and the days the calendar marks."""

    types: tuple[str, ...] = tuple(DEFAULT_EVENT_TYPES)
    outreach_type: str = "五进"
    outreach_targets: tuple[str, ...] = tuple(DEFAULT_OUTREACH_TARGETS)
    qingming: bool = True
    fixed_days: tuple[FixedDay, ...] = (FixedDay("烈士纪念日", 9, 30, 2014),)
    # The calendar needs no clock: it lists the fixed days of these years.
    first_year: int = 2020
    last_year: int = 2050


@dataclass(frozen=True)
class Period:
    name: str
    start: date
    end: date

    def admits(self, earliest: date, latest: date) -> bool:
        return earliest <= self.end and latest >= self.start


@dataclass(frozen=True)
class Settings:
    """What the record loaders need to know about this site."""

    root: Path
    language: str
    periods: tuple[Period, ...]
    genders: tuple[str, ...]
    events: EventSettings = EventSettings()
    # The whole `extra:` mapping, for record kinds with settings of their own (extra.honors).
    extra: dict = field(default_factory=dict, compare=False, hash=False)
    facility_types: tuple[str, ...] = tuple(DEFAULT_FACILITY_TYPES)
    facility_levels: tuple[str, ...] = tuple(DEFAULT_FACILITY_LEVELS)
    photo_max_pixels: int = DEFAULT_PHOTO_MAX_PIXELS
    photo_widths: tuple[int, ...] = tuple(DEFAULT_PHOTO_WIDTHS)
    # The hand-written pages (mkdocs.yml docs_dir): what a record's relative link may name.
    docs_dir: Path | None = None
    max_file_bytes: int = DEFAULT_MAX_FILE_KIB * 1024
    # Values mkdocs.yml publishes on purpose (extra.publication_guard.public_values and
    # the footer's items): the last scan over the built site does not refuse them.
    public_values: tuple[str, ...] = ()

    @property
    def martyrs_dir(self) -> Path:
        return self.root / "martyrs"

    @property
    def memorials_dir(self) -> Path:
        return self.martyrs_dir / "memorials"

    @property
    def cache_dir(self) -> Path:
        """Derived files kept between builds (web copies of photos, QR codes); never committed."""
        return self.root / ".cache"

    @property
    def honors_dir(self) -> Path:
        return self.root / "honors"

    @property
    def events_dir(self) -> Path:
        return self.root / "events"

    def choices(self, name: str) -> list[str]:
        """The allowed values of a `choice` field, by the list's name."""
        return list(self._choice_lists[name])

    @cached_property  # asked once per choice field of every record
    def _choice_lists(self) -> dict[str, tuple[str, ...]]:
        return {
            "periods": (*(p.name for p in self.periods), "不详"),
            "genders": self.genders,
            "event_types": self.events.types,
            "outreach_targets": (*self.events.outreach_targets, "不详"),
            "facility_types": self.facility_types,
            "facility_levels": self.facility_levels,
        }

    def period(self, name: str) -> Period | None:
        return next((p for p in self.periods if p.name == name), None)


class SettingsError(ValueError):
    pass


def settings_from(extra: dict, config_dir: Path, docs_dir: str | Path | None = None) -> Settings:
    """Build `Settings` from mkdocs.yml's `extra.records` (all of it optional);
    `docs_dir` is mkdocs.yml's docs_dir."""
    raw = RecordsConfig()
    raw.load_dict(dict((extra or {}).get("records") or {}))
    failed, _warnings = raw.validate()
    if failed:
        raise SettingsError("; ".join(f"extra.records.{key}: {error}" for key, error in failed))
    if raw.photo_max_pixels <= 0 or any(width <= 0 for width in raw.photo_widths):
        raise SettingsError("extra.records.photo_max_pixels / photo_widths: must be positive numbers")
    if not 1 <= raw.max_file_kib <= 64 * 1024:
        raise SettingsError("extra.records.max_file_kib: must be between 1 and 65536 (KiB)")
    root = Path(raw.data_root) if raw.data_root else config_dir
    if not root.is_absolute():
        root = config_dir / root
    periods = raw.periods or DEFAULT_PERIODS
    try:
        parsed = tuple(
            Period(p["name"], date.fromisoformat(p["start"]), date.fromisoformat(p["end"]))
            for p in periods
        )
    except ValueError as error:
        raise SettingsError(f"extra.records.periods: {error}") from error
    return Settings(
        root=root,
        language=language_from(raw.language),
        periods=parsed,
        genders=tuple(raw.genders or DEFAULT_GENDERS),
        events=event_settings_from(extra),
        extra=dict(extra or {}),
        facility_types=tuple(raw.facility_types or DEFAULT_FACILITY_TYPES),
        facility_levels=tuple(raw.facility_levels or DEFAULT_FACILITY_LEVELS),
        photo_max_pixels=raw.photo_max_pixels,
        photo_widths=tuple(sorted(set(raw.photo_widths or DEFAULT_PHOTO_WIDTHS))),
        docs_dir=Path(docs_dir) if docs_dir else None,
        max_file_bytes=raw.max_file_kib * 1024,
        public_values=public_values_from(extra),
    )


def public_values_from(extra: dict) -> tuple[str, ...]:
    """`extra.publication_guard.public_values`, then every text item of `extra.footer`."""
    raw = PublicationGuardConfig()
    raw.load_dict(dict((extra or {}).get("publication_guard") or {}))
    failed, _warnings = raw.validate()
    if failed:
        raise SettingsError("; ".join(f"extra.publication_guard.{key}: {error}" for key, error in failed))
    footer = (extra or {}).get("footer") or {}
    if not isinstance(footer, dict):
        raise SettingsError("extra.footer: must be a mapping of footer items")
    # Only values the guard would refuse exempt anything (publicvalues.py): the
    # organiser's name is declared too, and changes nothing.
    values = [*raw.public_values, *(value for value in footer.values() if isinstance(value, str) and value)]
    return tuple(dict.fromkeys(values))


def event_settings_from(extra: dict) -> EventSettings:
    """Build `EventSettings` from mkdocs.yml's `extra.events` (all of it optional)."""
    raw = EventsConfig()
    raw.load_dict(dict((extra or {}).get("events") or {}))
    failed, _warnings = raw.validate()
    if failed:
        raise SettingsError("; ".join(f"extra.events.{key}: {error}" for key, error in failed))
    fixed = []
    for item in DEFAULT_FIXED_DAYS if raw.fixed_days is None else raw.fixed_days:
        try:
            month, day = (int(part) for part in item["month_day"].split("-"))
            date(2001, month, day)  # a common year: a yearly day cannot be 02-29
        except ValueError:
            raise SettingsError(f"extra.events.fixed_days: {item['month_day']!r} is not MM-DD (02-29 cannot recur yearly)") from None
        fixed.append(FixedDay(item["name"], month, day, item.get("since") or 1))
    types = tuple(raw.types or DEFAULT_EVENT_TYPES)
    if raw.outreach_type not in types:
        raise SettingsError(f"extra.events.outreach_type: {raw.outreach_type!r} is not one of extra.events.types")
    if raw.calendar_first_year > raw.calendar_last_year:
        raise SettingsError("extra.events: calendar_first_year is after calendar_last_year")
    # The calendar makes a date of each: keep them to the years records may name
    # (a fixed day's `since` may be earlier: 1, the default, means always).
    years = [("calendar_first_year", raw.calendar_first_year, MIN_YEAR),
             ("calendar_last_year", raw.calendar_last_year, MIN_YEAR),
             *((f"fixed_days.since ({day.name})", day.since, 1) for day in fixed)]
    for name, year, lowest in years:
        if not lowest <= year <= MAX_YEAR:
            raise SettingsError(f"extra.events.{name}: {year} is not a year from {lowest} to {MAX_YEAR}")
    return EventSettings(
        types=types,
        outreach_type=raw.outreach_type,
        outreach_targets=tuple(raw.outreach_targets or DEFAULT_OUTREACH_TARGETS),
        qingming=raw.qingming,
        fixed_days=tuple(fixed),
        first_year=raw.calendar_first_year,
        last_year=raw.calendar_last_year,
    )
