"""All records of the site together: loaded, checked across files, and ordered.

`load_catalogue` is the single entry point from data to site: it loads every kind of
record in the list it is given (`kinds.KINDS`), runs each kind's checks across
kinds, reports every problem of every file at once (`RecordsInvalid`), and returns
the records by kind with the views the pages need (martyrs by strokes and by
pinyin, the filter values, the events that name a martyr).
"""

from __future__ import annotations

import gc
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any, Iterable

from .collation import NameKeys, name_keys
from .config import Settings
from .errors import Problems
from .events import Event
from .honors import HonorRoll
from .martyrs import Martyr
from .memorials import Facility, residents_by_facility
from .memorialwork import WorkYear
from .recordfile import Loading
from .recordkind import RecordKind
from .session import Session
from .strayfiles import report_stray_files


@dataclass
class Catalogue:
    settings: Settings
    records: dict[str, Any]  # kind name -> what the kind's `load` gave
    kinds: tuple[RecordKind, ...] = ()
    name_keys: dict[str, NameKeys] = field(default_factory=dict)
    martyrs_by_id: dict[str, Martyr] = field(default_factory=dict)
    events_by_martyr: dict[str, list[Event]] = field(default_factory=dict)

    def __post_init__(self):
        self.martyrs_by_id = {m.id: m for m in self.martyrs}
        for event in self.events_newest_first:
            for martyr_id in dict.fromkeys(event.martyrs):  # a repeated id lists once
                self.events_by_martyr.setdefault(martyr_id, []).append(event)
        for martyr in self.martyrs:
            self.name_keys[martyr.id] = name_keys(
                "" if martyr.unnamed else martyr.name,
                martyr.surname,
                martyr.surname_pinyin,
                martyr.name_pinyin,
            )

    # The records of the kinds the pages and data below know by name.
    @property
    def martyrs(self) -> list[Martyr]:
        return self.records.get("martyr", [])

    @property
    def events(self) -> list[Event]:
        return self.records.get("event", [])

    @property
    def honors(self) -> HonorRoll | None:
        """Award notices (喜报), held back ones included, with the declared totals."""
        return self.records.get("notice")

    @property
    def facilities(self) -> list[Facility]:
        return self.records.get("facility", [])

    @property
    def memorial_work(self) -> list[WorkYear]:
        return self.records.get("memorial_work", [])

    def with_part(self, part: str) -> list[RecordKind]:
        """The kinds that have `part` (pages, open_data, search, photos, qr_codes…)."""
        return [kind for kind in self.kinds if getattr(kind, part)]

    def records_with(self, part: str) -> list:
        """Every record of the kinds with `part` (photos, qr_codes)."""
        return [record for kind in self.with_part(part) for record in self.records.get(kind.name, [])]

    @property
    def martyrs_by_strokes(self) -> list[Martyr]:
        return sorted(self.martyrs, key=lambda m: (self.name_keys[m.id].strokes, m.id))

    @property
    def martyrs_by_pinyin(self) -> list[Martyr]:
        return sorted(self.martyrs, key=lambda m: (self.name_keys[m.id].pinyin, self.name_keys[m.id].strokes, m.id))

    @property
    def events_newest_first(self) -> list[Event]:
        return sorted(self.events, key=lambda e: e.sort_key, reverse=True)

    def martyr(self, record_id: str) -> Martyr | None:
        return self.martyrs_by_id.get(record_id)

    def facility(self, record_id: str) -> Facility | None:
        return self._facilities_by_id.get(record_id)

    def residents(self, facility_id: str) -> list[Martyr]:
        """The martyrs whose records name this facility, by surname strokes."""
        return self._residents.get(facility_id, [])

    @cached_property
    def _facilities_by_id(self) -> dict[str, Facility]:
        return {f.id: f for f in self.facilities}

    @cached_property
    def _residents(self) -> dict[str, list[Martyr]]:
        return residents_by_facility(self.martyrs_by_strokes)

    @property
    def facilities_by_name(self) -> list[Facility]:
        return sorted(self.facilities, key=lambda f: (name_keys(f.name).strokes, f.id))

    @property
    def web_photos(self) -> list:
        return [photo for record in self.records_with("photos") for photo in record.web_photos]

    def filter_values(self, field_name: str) -> list[str]:
        """The distinct known values of a field, for the directory's filters."""
        values = {getattr(m, field_name) for m in self.martyrs} - {"", "不详"}
        if field_name == "period":
            order = [p.name for p in self.settings.periods]
            return sorted(values, key=lambda v: order.index(v) if v in order else len(order))
        return sorted(values, key=lambda v: name_keys(v).strokes)


def load_catalogue(settings: Settings, kinds: Iterable[RecordKind], session: Session | None = None) -> Catalogue:
    """Load and check every record of `kinds`; raise `RecordsInvalid` listing all problems.

    `session`: what earlier loads in this process kept (session.py); a fresh one
    when not given. (The site's own load, with relative links: siteplan.load_records.)"""
    loading = Loading(settings, Problems(settings.root, settings.language), session or Session())
    catalogue = collect_catalogue(loading, kinds)
    loading.problems.raise_if_any()
    return catalogue


def collect_catalogue(loading: Loading, kinds: Iterable[RecordKind]) -> Catalogue:
    """Every record of `kinds` that passed its checks; every problem goes to
    `loading.problems` (the caller raises them, with any it adds)."""
    # Loading makes hundreds of thousands of small objects that all stay alive; the
    # cyclic garbage collector would walk them over and over, finding nothing to free.
    collecting = gc.isenabled()
    gc.disable()
    try:
        kinds = tuple(kinds)
        report_stray_files(loading.settings, kinds, loading.problems)
        records = {kind.name: kind.load(loading) for kind in kinds if kind.load is not None}
        for kind in kinds:
            if kind.check_across is not None:
                kind.check_across(records, loading.problems)
        return Catalogue(loading.settings, records, kinds)
    finally:
        if collecting:
            gc.enable()
