"""The project's settings, read from `extra:` in mkdocs.yml and checked once.

A district adopts the site by editing these settings and its data, never code.
The settings are typed with MkDocs' own config classes (as Material types its
plugins' settings), so a wrong setting fails with a clear message too.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path

from mkdocs.config import config_options as c
from mkdocs.config.base import Config

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
# Memorial facilities (烈士纪念设施): the kinds in official rules, and Chongqing's
# protection levels; below district level a facility is 零散 (scattered).
DEFAULT_FACILITY_TYPES = ["烈士陵园", "烈士墓", "烈士骨灰堂", "烈士英名墙", "纪念堂馆", "纪念碑亭", "纪念塔祠",
                          "纪念塑像", "纪念广场"]
DEFAULT_FACILITY_LEVELS = ["国家级", "市级", "区县级", "零散"]
# Photos: a larger image is refused (decompression bombs); web copies in these widths.
DEFAULT_PHOTO_MAX_PIXELS = 40_000_000
DEFAULT_PHOTO_WIDTHS = [480, 960, 1600]


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
    facility_types: tuple[str, ...] = tuple(DEFAULT_FACILITY_TYPES)
    facility_levels: tuple[str, ...] = tuple(DEFAULT_FACILITY_LEVELS)
    photo_max_pixels: int = DEFAULT_PHOTO_MAX_PIXELS
    photo_widths: tuple[int, ...] = tuple(DEFAULT_PHOTO_WIDTHS)

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

    def choices(self, name: str) -> list[str]:
        """The allowed values of a `choice` field, by the list's name."""
        lists = {
            "periods": [p.name for p in self.periods] + ["不详"],
            "genders": list(self.genders),
            "facility_types": list(self.facility_types),
            "facility_levels": list(self.facility_levels),
        }
        return lists[name]

    def period(self, name: str) -> Period | None:
        return next((p for p in self.periods if p.name == name), None)


class SettingsError(ValueError):
    pass


def settings_from(extra: dict, config_dir: Path) -> Settings:
    """Build `Settings` from mkdocs.yml's `extra.records` (all of it optional)."""
    raw = RecordsConfig()
    raw.load_dict(dict((extra or {}).get("records") or {}))
    failed, _warnings = raw.validate()
    if failed:
        raise SettingsError("; ".join(f"extra.records.{key}: {error}" for key, error in failed))
    if raw.photo_max_pixels <= 0 or any(width <= 0 for width in raw.photo_widths):
        raise SettingsError("extra.records.photo_max_pixels / photo_widths: must be positive numbers")
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
        facility_types=tuple(raw.facility_types or DEFAULT_FACILITY_TYPES),
        facility_levels=tuple(raw.facility_levels or DEFAULT_FACILITY_LEVELS),
        photo_max_pixels=raw.photo_max_pixels,
        photo_widths=tuple(sorted(set(raw.photo_widths or DEFAULT_PHOTO_WIDTHS))),
    )
