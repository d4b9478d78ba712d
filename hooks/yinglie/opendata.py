"""Open data: the public records as JSON, exactly as the pages show them.

Files are generated pages of the site (`data/martyrs.json`), written with sorted
keys and no timestamps so that two builds of the same data are byte-identical.
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING

from .catalogue import Catalogue
from .dates import QINGMING_YEARS, FuzzyDate, qingming
from .events import EVENT, Event
from .honorpages import HONORS_JSON, honors_json
from .martyrs import MARTYR, Martyr
from .memorials import FACILITY
from .memorialwork import WORK_YEAR
from .search import SEARCH_INDEX, search_files

if TYPE_CHECKING:  # for annotations only: the session lives in the core layer
    from .session import Session

MARTYRS_JSON = "data/martyrs.json"
EVENTS_JSON = "data/events.json"
# What the home page's 今日纪念 reads in the visitor's browser, so that a static
# site shows today's anniversaries every day without being rebuilt.
ON_THIS_DAY = "data/on-this-day/{month:02d}.json"
MEMORIALS_JSON = "data/memorials.json"


def _public_value(value):
    if isinstance(value, FuzzyDate):
        return {"date": value.iso(), "text": value.chinese(), **({"original": value.original} if value.original else {})}
    if isinstance(value, list):
        return [_public_value(item) for item in value]
    if isinstance(value, dict):
        return {key: _public_value(item) for key, item in value.items()}
    return value


def martyr_record(martyr: Martyr, catalogue: Catalogue) -> dict:
    record = {spec.name: _public_value(martyr.values[spec.name]) for spec in MARTYR.fields if spec.public}
    keys = catalogue.name_keys[martyr.id]
    record.update(
        id=martyr.id,
        url=martyr.url,
        display_name=martyr.display_name,
        pinyin=" ".join(keys.pinyin) if not martyr.unnamed else "",
    )
    return record


def martyrs_json(catalogue: Catalogue, kept_lines: dict[int, tuple[Martyr, str]] | None = None) -> str:
    """The martyrs as JSON, one record a line.

    `kept_lines`: each martyr's line from the last build in this session, by record
    object (session.py). `mkdocs serve` keeps the record objects of unchanged files
    between rebuilds (recordcache.py), so their lines are not made again after an
    edit. The object is held with its line, so that its id cannot be reused by another
    record while the entry exists. Updated in place to the current records.
    """
    kept_lines = {} if kept_lines is None else kept_lines
    kept, lines = {}, []
    for martyr in catalogue.martyrs_by_strokes:
        entry = kept_lines.get(id(martyr))
        if entry is None or entry[0] is not martyr:
            # One record per line, keys sorted: readable in a diff, and written by Python's fast
            # C encoder (any `indent` switches json to its pure-Python one: 1.3 s per 5,000).
            entry = (martyr, json.dumps(martyr_record(martyr, catalogue), ensure_ascii=False, sort_keys=True))
        kept[id(martyr)] = entry
        lines.append(entry[1])
    kept_lines.clear()  # only the current records: a deleted one's line goes
    kept_lines.update(kept)
    body = ",\n".join(lines)
    return f'{{"count": {len(lines)}, "martyrs": [\n{body}\n], "order": "姓氏笔画"}}\n'


def event_record(event: Event) -> dict:
    record = {spec.name: _public_value(event.values[spec.name]) for spec in EVENT.fields if spec.public}
    record.update(id=event.id, url=event.url, count_text=event.count_text)
    return record


def events_json(catalogue: Catalogue) -> str:
    records = [event_record(e) for e in catalogue.events_newest_first]
    document = {"count": len(records), "order": "日期（新到旧）", "events": records}
    return _dump(document)


def on_this_day_files(catalogue: Catalogue) -> dict[str, str]:
    """One small file per month: month-day -> the anniversaries of that day.

    Only full dates have an anniversary. The home page fetches the current month's
    file only, so a phone loads a few kilobytes even with thousands of records.
    """
    days: dict[str, list] = {}

    def add(when: FuzzyDate, entry: dict) -> None:
        if when.day:
            days.setdefault(f"{when.month:02d}-{when.day:02d}", []).append(
                {**entry, "year": when.year, "date": when.chinese()}
            )

    for martyr in catalogue.martyrs_by_strokes:
        person = {"name": martyr.display_name, "url": martyr.url}
        add(martyr.died, {"kind": "died", **person})
        add(martyr.born, {"kind": "born", **person})
    for event in sorted(catalogue.events, key=lambda e: e.sort_key):
        add(event.date, {"kind": "event", "name": event.title, "url": event.url})
    order = {"died": 0, "born": 1, "event": 2}
    for entries in days.values():
        entries.sort(key=lambda item: (order[item["kind"]], item["year"]))
    settings = catalogue.settings.events
    fixed = {f"{d.month:02d}-{d.day:02d}": {"name": d.name, "since": d.since} for d in settings.fixed_days}
    years = range(max(settings.first_year, QINGMING_YEARS[0]), min(settings.last_year, QINGMING_YEARS[1]) + 1)
    qingming_days = {str(year): qingming(year).strftime("%m-%d") for year in years} if settings.qingming else {}
    files = {}
    for month in range(1, 13):
        prefix = f"{month:02d}-"

        def this_month(mapping: dict) -> dict:
            return {key: value for key, value in mapping.items() if key.startswith(prefix)}

        document = {
            "days": this_month(days),
            "fixed": this_month(fixed),
            "qingming": {year: day for year, day in qingming_days.items() if day.startswith(prefix)},
        }
        files[ON_THIS_DAY.format(month=month)] = _dump(document, compact=True)
    return files


def _dump(document: dict, compact: bool = False) -> str:
    if compact:  # fetched by every visitor's browser: no spaces
        return json.dumps(document, ensure_ascii=False, sort_keys=True, separators=(",", ":")) + "\n"
    return json.dumps(document, ensure_ascii=False, sort_keys=True, indent=1) + "\n"


def memorials_json(catalogue: Catalogue) -> str:
    """Facilities with who rests there (martyr ids), and the yearly district figures."""
    facilities = [
        {**{spec.name: _public_value(f.values[spec.name]) for spec in FACILITY.fields if spec.public},
         "id": f.id, "url": f.url, "residents": [m.id for m in catalogue.residents(f.id)]}
        for f in catalogue.facilities_by_name
    ]
    work = [{**{spec.name: _public_value(w.values[spec.name]) for spec in WORK_YEAR.fields}, "url": w.url}
            for w in catalogue.memorial_work]
    document = {"count": len(facilities), "facilities": facilities, "memorial_work": work}
    return _dump(document)


# --- Each kind's open data (kinds.py names them), then the files of the whole site ------

def martyr_data(catalogue: Catalogue, session: Session | None = None) -> dict[str, str]:
    return {MARTYRS_JSON: martyrs_json(catalogue, session.martyr_lines if session else None)}


def event_data(catalogue: Catalogue, session: Session | None = None) -> dict[str, str]:
    return {EVENTS_JSON: events_json(catalogue)}


def notice_data(catalogue: Catalogue, session: Session | None = None) -> dict[str, str]:
    return {HONORS_JSON: honors_json(catalogue)}


def facility_data(catalogue: Catalogue, session: Session | None = None) -> dict[str, str]:
    """Facilities and the yearly memorial work: one file, as the memorial pages show them."""
    return {MEMORIALS_JSON: memorials_json(catalogue)}


def data_files(catalogue: Catalogue, session: Session | None = None) -> dict[str, str]:
    """Every open-data file of the site: address -> content. Each kind's own (its
    `open_data`), then what joins kinds: the days to remember and the record search."""
    files: dict[str, str] = {}
    for kind in catalogue.with_part("open_data"):
        files.update(kind.open_data(catalogue, session))
    return {**files, **on_this_day_files(catalogue), **search_files(catalogue)}
