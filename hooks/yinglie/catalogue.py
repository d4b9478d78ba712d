"""All records of the site together: loaded, checked across files, and ordered.

`load_catalogue` is the single entry point from data to site: it loads every record
kind, reports every problem of every file at once (`RecordsInvalid`), and returns
the views the pages need (martyrs by strokes and by pinyin, the filter values).
"""

from __future__ import annotations

import gc
from dataclasses import dataclass, field
from functools import cached_property

from .collation import NameKeys, name_keys
from .config import Settings
from .errors import Problems
from .events import Event, load_events
from .honors import HonorRoll, check_repeated_awards, load_honors
from .links import check_relative_links
from .martyrs import Martyr, load_martyrs
from .memorials import Facility, check_resting_places, load_facilities, residents_by_facility
from .memorialwork import WorkYear, load_work_years
from .recordfile import Loading
from .session import Session
from .strayfiles import report_stray_files


@dataclass
class Catalogue:
    settings: Settings
    martyrs: list[Martyr]
    name_keys: dict[str, NameKeys] = field(default_factory=dict)
    events: list[Event] = field(default_factory=list)
    martyrs_by_id: dict[str, Martyr] = field(default_factory=dict)
    events_by_martyr: dict[str, list[Event]] = field(default_factory=dict)
    honors: HonorRoll | None = None  # award notices (喜报), held back ones included
    facilities: list[Facility] = field(default_factory=list)
    memorial_work: list[WorkYear] = field(default_factory=list)

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
        return [photo for record in (*self.martyrs, *self.facilities) for photo in record.web_photos]

    def filter_values(self, field_name: str) -> list[str]:
        """The distinct known values of a field, for the directory's filters."""
        values = {getattr(m, field_name) for m in self.martyrs} - {"", "不详"}
        if field_name == "period":
            order = [p.name for p in self.settings.periods]
            return sorted(values, key=lambda v: order.index(v) if v in order else len(order))
        return sorted(values, key=lambda v: name_keys(v).strokes)


def load_catalogue(settings: Settings, session: Session | None = None) -> Catalogue:
    """Load and check every record; raise `RecordsInvalid` listing all problems.

    `session`: what earlier loads in this process kept (session.py); a fresh one
    when not given."""
    # Loading makes hundreds of thousands of small objects that all stay alive; the
    # cyclic garbage collector would walk them over and over, finding nothing to free.
    collecting = gc.isenabled()
    gc.disable()
    try:
        return _load_catalogue(Loading(settings, Problems(settings.root, settings.language), session or Session()))
    finally:
        if collecting:
            gc.enable()


def _load_catalogue(loading: Loading) -> Catalogue:
    settings, problems = loading.settings, loading.problems
    report_stray_files(settings, problems)
    martyrs = load_martyrs(loading)
    martyr_files = {path.stem for path in settings.martyrs_dir.glob("*.yml")}
    events = load_events(loading, martyr_files)
    honors = load_honors(loading)
    check_repeated_awards(honors, problems)
    facilities = load_facilities(loading)
    memorial_work = load_work_years(loading)
    check_resting_places(martyrs, facilities, problems)
    catalogue = Catalogue(settings, martyrs, events=events, honors=honors,
                          facilities=facilities, memorial_work=memorial_work)
    # Made from the records that passed their checks: their pages are the site's pages.
    check_relative_links(catalogue, settings.docs_dir, problems)
    problems.raise_if_any()
    return catalogue
