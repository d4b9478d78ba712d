"""The project's settings, read from `extra:` in mkdocs.yml and checked once.

A district adopts the site by editing these settings and its data, never code.
Every setting the code reads is declared here, typed with MkDocs' own config
classes and with its default in its option (as Material declares its plugins'
settings), so each default is written once and a wrong setting fails with a clear
`extra.<section>.<setting>: …` message. `settings_from` validates them once and
gives the frozen `Settings` the loaders use.

- A list whose emptiness would make no sense (genders, periods, award classes…)
  is refused when given empty: leaving the setting out gives the defaults.
- An unknown name under `extra.records`, `extra.events`, `extra.honors`,
  `extra.publication_guard`, `extra.footer`, `extra.contact`, `extra.tracing` or
  `extra.tribute` (a typo such as `gendres`) is
  refused, naming the settings the section has: a misspelt setting would
  otherwise silently mean its default. Other keys directly under `extra:` belong
  to Material or to the templates and are left alone.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from functools import cached_property, lru_cache
from pathlib import Path
from urllib.parse import urlsplit

from mkdocs.config import config_options as c
from mkdocs.config.base import Config, ValidationError

from .collation import COMPOUND_SURNAMES
from .dates import MAX_YEAR, MIN_YEAR
from .messages import language_from, render
from .urls import url_problem


class SettingsError(ValueError):
    pass


# --- Options: MkDocs' config classes, and a few of our own with clearer messages --------

class _Failed(ValidationError):
    """A failure inside a setting: `where` names the part (`[2].start`, `.genders`)."""

    def __init__(self, where: str, message: str):
        super().__init__(message)
        self.where = where


def _failure(key: str, error: Exception) -> tuple[str, str]:
    """(where, message) of a failed option, the part inside it included."""
    return key + getattr(error, "where", ""), str(error)


def _validated(config_class: type[Config], value: object, kind: str) -> Config:
    """`value` checked as `config_class`; unknown names are failures too."""
    if value is None:
        value = {}
    if not isinstance(value, dict):
        raise ValidationError(f"must be a mapping of {kind}")
    config = config_class()
    config.load_dict(dict(value))
    failed, warnings = config.validate()
    if failed:
        raise _Failed(*_failure(*failed[0]))
    known = ", ".join(key for key, _ in config._schema)
    for key, _warning in warnings:
        if key not in config._schema_keys:
            raise _Failed(str(key), f"unknown setting (the settings here: {known})")
    return config


class Section(c.BaseConfigOption):
    """A mapping of settings under `extra:` (absent: every setting's default)."""

    def __init__(self, config_class: type[Config]):
        super().__init__()
        self.config_class = config_class
        self.default = {}

    def run_validation(self, value):
        try:
            return _validated(self.config_class, value, "settings")
        except _Failed as error:
            raise _Failed("." + error.where, str(error)) from None


class ListOfSettings(c.BaseConfigOption):
    """A list of mappings, each checked as `config_class` (`fixed_days`, `periods`)."""

    def __init__(self, config_class: type[Config], default: list[dict], non_empty: bool = False):
        super().__init__()
        self.config_class = config_class
        self.default = default
        self.non_empty = non_empty

    def run_validation(self, value):
        if value is None and not self.non_empty:
            value = self.default
        if self.non_empty and (value is None or value == []):
            raise ValidationError(_empty_message(self.default))
        if not isinstance(value, list):
            raise ValidationError(f"must be a list, not {_type_name(value)}")
        items = []
        for number, item in enumerate(value, 1):
            keys = ", ".join(key for key, _ in self.config_class._schema)
            try:
                items.append(_validated(self.config_class, item, f"settings ({keys})"))
            except _Failed as error:
                raise _Failed(f"[{number}].{error.where}", str(error)) from None
            except ValidationError as error:
                raise _Failed(f"[{number}]", str(error)) from None
        return items


class List(c.ListOfItems):
    """A list of `option_type` items; `null` (a name with nothing after it) is the default."""

    def run_validation(self, value):
        if value is None:
            value = self.default
        if not isinstance(value, list):
            raise ValidationError(f"must be a list, not {_type_name(value)}")
        return super().run_validation(value)


class NonEmptyList(List):
    """A list with defaults where an empty list makes no sense: `[]` (or `null`) is refused,
    not taken for "the defaults" (leave the setting out for them)."""

    def run_validation(self, value):
        if value is None or value == []:
            raise ValidationError(_empty_message(self.default))
        return super().run_validation(value)


def _empty_message(default: list) -> str:
    shown = "、".join(str(item["name"] if isinstance(item, dict) else item) for item in default)
    return f"must not be empty (leave the setting out for the defaults: {shown})"


class _Option(c.OptionallyRequired):
    """A setting with a default, or required when it has none."""

    def validate(self, value):
        if value is None and self.default is None:
            raise ValidationError("required")
        return super().validate(value)


class Flag(_Option):
    def run_validation(self, value):
        if not isinstance(value, bool):
            raise ValidationError(f"must be true or false, not {value!r}")
        return value


class Text(_Option):
    """A text: a number or a date typed where text is meant must be put in quotes."""

    def run_validation(self, value):
        if not isinstance(value, str):
            raise ValidationError(f"must be text, not {_type_name(value)} (put it in quotes)")
        return value


class Whole(_Option):
    """A whole number from `minimum` to `maximum`; `message` says what is wrong with `{value}`."""

    def __init__(self, minimum: int, maximum: int, message: str, default: int | None = None):
        super().__init__(default=default)
        self.minimum, self.maximum, self.message = minimum, maximum, message

    def run_validation(self, value):
        if not isinstance(value, int) or isinstance(value, bool) or not self.minimum <= value <= self.maximum:
            raise ValidationError(self.message.format(value=value, minimum=self.minimum, maximum=self.maximum))
        return value


def Year(default: int | None = None, minimum: int = MIN_YEAR) -> Whole:  # noqa: N802 (an option, as c.Type)
    return Whole(minimum, MAX_YEAR, "{value} is not a year from {minimum} to {maximum}", default)


def Positive(default: int | None = None) -> Whole:  # noqa: N802
    return Whole(1, 2**63, "{value!r} is not a positive whole number", default)


class IsoDate(_Option):
    """A date as YYYY-MM-DD (quoted or not)."""

    def run_validation(self, value):
        if isinstance(value, date):
            return value
        if not isinstance(value, str):
            raise ValidationError(f"must be a date as YYYY-MM-DD, not {_type_name(value)}")
        try:
            return date.fromisoformat(value)
        except ValueError as error:
            raise ValidationError(str(error)) from None


class MonthDay(_Option):
    """A day of every year as "MM-DD": (month, day)."""

    def run_validation(self, value):
        try:
            month, day = (int(part) for part in str(value).split("-"))
            date(2001, month, day)  # a common year: a yearly day cannot be 02-29
        except ValueError:
            raise ValidationError(f"{value!r} is not MM-DD (02-29 cannot recur yearly)") from None
        return month, day


def _type_name(value: object) -> str:
    return "nothing" if value is None else type(value).__name__


# --- The settings, with their defaults ------------------------------------------------------

class PeriodConfig(Config):
    name = Text()
    start = IsoDate()
    end = IsoDate()


class RecordsConfig(Config):
    """`extra.records`: the martyr and facility records."""

    language = c.Choice(("zh", "en"), default="zh")  # messages to staff (YINGLIE_LANG overrides)
    data_root = c.Optional(c.Type(str))  # where the record folders are; default: beside mkdocs.yml
    # The periods official rolls use, with the dates a death in each can fall on.
    # Ranges overlap where rolls do: a death in Chongqing in November 1949 is recorded
    # under 解放战争时期 although the People's Republic was founded in October.
    periods = ListOfSettings(PeriodConfig, non_empty=True, default=[
        {"name": "第一次国内革命战争时期", "start": "1924-01-01", "end": "1927-07-31"},
        {"name": "土地革命战争时期", "start": "1927-04-12", "end": "1937-07-06"},
        {"name": "抗日战争时期", "start": "1931-09-18", "end": "1945-09-02"},
        {"name": "解放战争时期", "start": "1945-08-15", "end": "1950-12-31"},
        {"name": "抗美援朝战争时期", "start": "1950-06-25", "end": "1958-10-31"},
        {"name": "社会主义革命和建设时期", "start": "1949-10-01", "end": "1978-12-17"},
        {"name": "改革开放和社会主义现代化建设新时期", "start": "1978-12-18", "end": "2012-11-07"},
        {"name": "新时代", "start": "2012-11-08", "end": "9999-12-31"},
    ])
    genders = NonEmptyList(Text(), default=["男", "女", "不详"])
    # Memorial facilities (烈士纪念设施): the kinds in official rules, and Chongqing's
    # protection levels; below district level a facility is 零散 (scattered).
    facility_types = NonEmptyList(Text(), default=[
        "烈士陵园", "烈士墓", "烈士骨灰堂", "烈士英名墙", "纪念堂馆", "纪念碑亭", "纪念塔祠", "纪念塑像", "纪念广场",
    ])
    facility_levels = NonEmptyList(Text(), default=["国家级", "市级", "区县级", "零散"])
    # Photos: a larger image is refused (decompression bombs); web copies in these widths.
    # The limits leave room for a phone's full-resolution photo (50 megapixels, 10-30 MB).
    photo_max_pixels = Positive(default=60_000_000)
    photo_max_mib = Whole(1, 1024, "must be between {minimum} and {maximum} (MiB)", default=40)
    photo_widths = NonEmptyList(Positive(), default=[480, 960, 1600])
    # One record file (a martyr, or a delivery round of notices) is a few kilobytes; a
    # larger one is refused before it is read (see yamlsource.py).
    max_file_kib = Whole(1, 64 * 1024, "must be between {minimum} and {maximum} (KiB)", default=1024)
    # The directory (按笔画 / 按拼音) on one page up to this many names; above it, an index
    # page and one page per stroke count or initial (a big group in parts of this size).
    directory_page_names = Whole(50, 100_000, "must be between {minimum} and {maximum}", default=2000)


class FixedDayConfig(Config):
    name = Text()
    month_day = MonthDay()
    since = Year(default=1, minimum=1)  # 1: always


class EventsConfig(Config):
    """`extra.events`: commemoration events and the calendar."""

    # The kinds of event, and the audiences of the 英烈精神"五进" outreach. 不详 is always
    # allowed as a target: reports often give only a total.
    types = NonEmptyList(Text(), default=["清明祭英烈", "烈士纪念日", "五进", "走访慰问", "迁葬", "送喜报"])
    outreach_type = Text(default="五进")  # the type whose records name a target
    outreach_targets = NonEmptyList(Text(), default=["进机关", "进校园", "进企业", "进社区", "进军营"])
    # The calendar needs no clock: it marks 清明 (computed per year: a solar term) and
    # the fixed days in these years. An empty `fixed_days` marks none.
    qingming = Flag(default=True)
    fixed_days = ListOfSettings(FixedDayConfig, default=[{"name": "烈士纪念日", "month_day": "09-30", "since": 2014}])
    calendar_first_year = Year(default=2020)
    calendar_last_year = Year(default=2050)


class HonorsConfig(Config):
    """`extra.honors`: award notices (喜报)."""

    # In the order the honor roll lists them.
    award_classes = NonEmptyList(Text(), default=["一等功", "二等功", "三等功", "优秀士兵", "优秀士官"])
    # The district's towns and streets (镇街), in display order: no default, and
    # required once there are notices (honors.load_honors).
    townships = List(Text(), default=[])
    # Services as public reports name them: the unit itself is always "某部".
    branches = NonEmptyList(Text(), default=[
        "陆军某部", "海军某部", "空军某部", "火箭军某部", "武警某部", "军事航天部队某部",
        "网络空间部队某部", "信息支援部队某部", "联勤保障部队某部", "某部",
    ])
    # Compound surnames (复姓) besides those the project ships (collation.COMPOUND_SURNAMES).
    compound_surnames = List(Text(), default=[])


class PublicationGuardConfig(Config):
    """`extra.publication_guard`: values published on purpose, exempt from the guard by value."""

    public_values = List(Text(), default=[])


class FooterConfig(Config):
    """`extra.footer`: items public-sector sites carry (theme/partials/copyright.html);
    an item left out is not shown. Every item is a public value too."""

    organiser = c.Optional(Text())  # 主办单位
    address = c.Optional(Text())
    icp = c.Optional(Text())  # ICP 备案号
    public_security = c.Optional(Text())  # 公安机关备案号
    public_security_url = c.Optional(Text())
    site_code = c.Optional(Text())  # 政府网站标识码


class OfflineConfig(Config):
    """`extra.offline`: the classroom copy (offlinecopy.py)."""

    # `make build` also makes the copy and publishes it at downloads/yinglie-offline.zip,
    # linked from the home page (theme/partials/offline-download.html).
    download = Flag(default=False)


class RepositoryConfig(Config):
    """`extra.repository`: whether the records' git repository may be linked from the site."""

    # Off: no "修改此条记录" / "记录仓库" link and no repo_url on any page (sitebuild.py).
    public = Flag(default=False)


# --- How the public answers the bureau (theme/partials/contact.html, correction.html,
# tracing.html, tribute.html). Templates read these as written in mkdocs.yml; they are
# checked here, so a wrong address fails the build before any page shows it.

class WebAddress(_Option):
    """An http(s) address a page links to, checked as a record's `url` field is (urls.py)."""

    def run_validation(self, value):
        if not isinstance(value, str):
            raise ValidationError(f"must be text, not {_type_name(value)} (put it in quotes)")
        problem = url_problem(value)
        if problem is not None:
            raise ValidationError(render(*problem, language="en"))
        return value


class EmailAddress(_Option):
    """The bureau's published address: a plain name@host, nothing a mailto: link could carry
    besides it (no `?`, `&`, spaces, commas or a second address)."""

    def run_validation(self, value):
        if not isinstance(value, str):
            raise ValidationError(f"must be text, not {_type_name(value)} (put it in quotes)")
        if not EMAIL.fullmatch(value):
            raise ValidationError(f"{value!r} is not an e-mail address such as name@example.gov.cn")
        return value


EMAIL = re.compile(r"[A-Za-z0-9._+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+")


class ContactConfig(Config):
    """`extra.contact`: how visitors reach the bureau (footer, about page, 纠错 page). An item
    left out is not shown; every item is a public value (the guard lets exactly it pass)."""

    phone = c.Optional(Text())  # 联系电话
    email = c.Optional(EmailAddress())  # 纠错 / 提供线索 e-mails are composed to it
    address = c.Optional(Text())  # 通信地址
    hours = c.Optional(Text())  # 办公时间


class TracingConfig(Config):
    """`extra.tracing`: 为烈士寻亲. A martyr record's `tracing` is one of `statuses`; a page
    whose status is `searching` links to the national tracing platform (when set)."""

    statuses = NonEmptyList(Text(), default=["寻亲中", "已找到亲属"])
    searching = Text(default="寻亲中")
    platform_url = c.Optional(WebAddress())
    platform_name = c.Optional(Text())


class TributeLinkConfig(Config):
    name = Text()
    url = WebAddress()


class TributeConfig(Config):
    """`extra.tribute`: the official online tribute (网上祭扫) pages the home page links to,
    highlighted around 清明 and 9·30 (theme/assets/tribute.js)."""

    links = ListOfSettings(TributeLinkConfig, default=[])
# School stages of the classroom kit's stories (martyrs.py `stories`), in this order.
SCHOOL_STAGES = ("小学", "初中", "高中")


class SchoolsConfig(Config):
    """`extra.schools`: the classroom kit (教师专区) and students' letters (letters.py)."""

    # How a school asks the bureau for a speaker or a visit, shown in 教师专区 as written
    # (a public value). Empty: the page says to ask the bureau, and invents no contact.
    contact = c.Optional(Text())
    # The grades a letter may name (letters/*.yml `grade`).
    grades = NonEmptyList(Text(), default=[
        "一年级", "二年级", "三年级", "四年级", "五年级", "六年级", "初一", "初二", "初三", "高一", "高二", "高三",
    ])


class ExtraConfig(Config):
    """The settings under `extra:` that the code and the templates read."""

    demo_data = Flag(default=False)  # show the 演示数据 notice (theme/main.html)
    # Who publishes the site, filled into the hand-written pages' [[district]] and
    # [[bureau]] (sitebuild.py): a district adopts the site by these, not by editing pages.
    district = Text(default="本区")
    bureau = Text(default="区退役军人事务局")
    repository = Section(RepositoryConfig)
    footer = Section(FooterConfig)
    records = Section(RecordsConfig)
    publication_guard = Section(PublicationGuardConfig)
    events = Section(EventsConfig)
    honors = Section(HonorsConfig)
    offline = Section(OfflineConfig)
    contact = Section(ContactConfig)
    tracing = Section(TracingConfig)
    tribute = Section(TributeConfig)
    schools = Section(SchoolsConfig)


# --- What the loaders use --------------------------------------------------------------

@dataclass(frozen=True)
class Period:
    name: str
    start: date
    end: date

    def admits(self, earliest: date, latest: date) -> bool:
        return earliest <= self.end and latest >= self.start


@dataclass(frozen=True)
class FixedDay:
    name: str
    month: int
    day: int
    since: int


@dataclass(frozen=True)
class EventSettings:
    """`extra.events`: event types, 五进 targets and the days the calendar marks."""

    types: tuple[str, ...]
    outreach_type: str
    outreach_targets: tuple[str, ...]
    qingming: bool
    fixed_days: tuple[FixedDay, ...]
    # The calendar needs no clock: it lists the fixed days of these years.
    first_year: int
    last_year: int


@dataclass(frozen=True)
class HonorSettings:
    """`extra.honors`: award classes, the district's towns and streets, services."""

    award_classes: tuple[str, ...]  # in the order the roll lists them
    townships: tuple[str, ...]  # the district's towns and streets (镇街), in display order
    branches: tuple[str, ...]
    compound_surnames: tuple[str, ...]  # the shipped ones, then the settings'
    public_values: tuple[str, ...]  # Settings.public_values: the guard lets them pass

    def choices(self, name: str) -> list[str]:
        return list(self._choice_lists[name])

    @cached_property  # asked once per choice field of every notice
    def _choice_lists(self) -> dict[str, tuple[str, ...]]:
        return {
            "award_classes": self.award_classes,
            "townships": self.townships,
            "branches": self.branches,
        }


@dataclass(frozen=True)
class TracingSettings:
    """`extra.tracing`: 为烈士寻亲 (theme/partials/tracing.html reads it from the martyr page)."""

    statuses: tuple[str, ...]
    searching: str  # a page with this status links to the platform
    platform_url: str  # "" when not set
    platform_name: str


@dataclass(frozen=True)
class Settings:
    """What the record loaders need to know about this site."""

    root: Path
    language: str
    periods: tuple[Period, ...]
    genders: tuple[str, ...]
    events: EventSettings
    honors: HonorSettings
    facility_types: tuple[str, ...]
    facility_levels: tuple[str, ...]
    photo_max_pixels: int
    photo_widths: tuple[int, ...]
    max_file_bytes: int
    # Values mkdocs.yml publishes on purpose (extra.publication_guard.public_values and
    # the footer's items): the last scan over the built site does not refuse them.
    public_values: tuple[str, ...]
    # 为烈士寻亲: the statuses a martyr's `tracing` may take, and the platform (extra.tracing).
    tracing: TracingSettings
    # The hand-written pages (mkdocs.yml docs_dir): what a record's relative link may name.
    docs_dir: Path | None = None
    # `make build` publishes the classroom copy too (extra.offline.download).
    offline_download: bool = False
    photo_max_bytes: int = 40 * 1024 * 1024
    district: str = "本区"
    bureau: str = "区退役军人事务局"
    repository_public: bool = False
    directory_page_names: int = 2000
    # extra.schools: the grades a student's letter may name, and how schools reach the bureau.
    school_grades: tuple[str, ...] = ()
    school_contact: str = ""

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
            "tracing_statuses": self.tracing.statuses,
            "school_stages": SCHOOL_STAGES,
            "school_grades": self.school_grades,
        }

    def period(self, name: str) -> Period | None:
        return next((p for p in self.periods if p.name == name), None)


def settings_from(extra: dict, config_dir: Path, docs_dir: str | Path | None = None) -> Settings:
    """Check mkdocs.yml's `extra:` (every setting optional but `honors.townships` once
    there are notices) and build `Settings`; `docs_dir` is mkdocs.yml's docs_dir."""
    raw = ExtraConfig()
    # Other keys under `extra:` are Material's or the templates' own.
    raw.load_dict({key: value for key, value in (extra or {}).items() if key in raw._schema_keys})
    failed, _warnings = raw.validate()  # no warnings: unknown names inside a section fail
    if failed:
        where, message = _failure(*failed[0])
        raise SettingsError(f"extra.{where}: {message}")
    records, events = raw.records, raw.events
    root = Path(records.data_root) if records.data_root else config_dir
    if not root.is_absolute():
        root = config_dir / root
    public_values = _public_values(raw, list((extra or {}).get("footer") or ()))
    if raw.tracing.searching not in raw.tracing.statuses:
        raise SettingsError(f"extra.tracing.searching: {raw.tracing.searching!r} is not one of extra.tracing.statuses")
    return Settings(
        root=root,
        language=language_from(records.language),
        periods=tuple(Period(p.name, p.start, p.end) for p in records.periods),
        genders=tuple(records.genders),
        events=_event_settings(events),
        honors=HonorSettings(
            award_classes=tuple(raw.honors.award_classes),
            townships=tuple(raw.honors.townships),
            branches=tuple(raw.honors.branches),
            compound_surnames=tuple(dict.fromkeys([*COMPOUND_SURNAMES, *raw.honors.compound_surnames])),
            public_values=public_values,
        ),
        facility_types=tuple(records.facility_types),
        facility_levels=tuple(records.facility_levels),
        photo_max_pixels=records.photo_max_pixels,
        photo_widths=tuple(sorted(set(records.photo_widths))),
        max_file_bytes=records.max_file_kib * 1024,
        public_values=public_values,
        tracing=TracingSettings(tuple(raw.tracing.statuses), raw.tracing.searching, raw.tracing.platform_url or "",
                                raw.tracing.platform_name or ""),
        docs_dir=Path(docs_dir) if docs_dir else None,
        offline_download=raw.offline.download,
        photo_max_bytes=records.photo_max_mib * 1024 * 1024,
        district=raw.district,
        bureau=raw.bureau,
        repository_public=raw.repository.public,
        directory_page_names=records.directory_page_names,
        school_grades=tuple(raw.schools.grades),
        school_contact=raw.schools.contact or "",
    )


# Addresses reserved for examples (RFC 2606) and the one mkdocs.yml ships with: a site
# built for one of them is a specimen, not the district's site (site_url_is_placeholder).
PLACEHOLDER_HOSTS = ("example.gov.cn", "example.com", "example.org", "example.net")


def site_url_is_placeholder(config) -> bool:
    """Whether mkdocs.yml's `site_url` (a MkDocs config or a mapping) is still a placeholder:
    the build says so, plaques and QR codes are marked 样张, and deploying refuses."""
    return url_is_placeholder(config.get("site_url") or "")


def url_is_placeholder(url: str) -> bool:
    host = (urlsplit(url).hostname or "").lower().rstrip(".")
    return any(host == name or host.endswith("." + name) for name in PLACEHOLDER_HOSTS)


@lru_cache(maxsize=1)
def default_settings() -> Settings:
    """The settings of a site whose mkdocs.yml sets nothing (for synthetic records)."""
    return settings_from({}, Path("."))


def _public_values(raw: ExtraConfig, footer_order: list[str]) -> tuple[str, ...]:
    """`extra.publication_guard.public_values`, then every item of `extra.footer` (as listed),
    then every item of `extra.contact` (the bureau's published phone, e-mail, address) and
    `extra.schools.contact` (how schools reach the bureau)."""
    # Only values the guard would refuse exempt anything (publicvalues.py): the
    # organiser's name is declared too, and changes nothing.
    footer = [raw.footer[key] for key in footer_order if raw.footer[key]]
    contact = [raw.contact[key] for key in ("phone", "email", "address", "hours") if raw.contact[key]]
    schools = [raw.schools.contact] if raw.schools.contact else []
    return tuple(dict.fromkeys([*raw.publication_guard.public_values, *footer, *contact, *schools]))


def _event_settings(raw: EventsConfig) -> EventSettings:
    if raw.outreach_type not in raw.types:
        raise SettingsError(f"extra.events.outreach_type: {raw.outreach_type!r} is not one of extra.events.types")
    if raw.calendar_first_year > raw.calendar_last_year:
        raise SettingsError("extra.events: calendar_first_year is after calendar_last_year")
    return EventSettings(
        types=tuple(raw.types),
        outreach_type=raw.outreach_type,
        outreach_targets=tuple(raw.outreach_targets),
        qingming=raw.qingming,
        fixed_days=tuple(FixedDay(day.name, *day.month_day, day.since) for day in raw.fixed_days),
        first_year=raw.calendar_first_year,
        last_year=raw.calendar_last_year,
    )
