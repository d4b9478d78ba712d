"""The record search index: one small JSON file that finds every record by name.

Record pages are left out of Material's search (its index would carry every
record's full text, segmented by jieba at build time, and a visitor's first
search would download all of it). Records are found instead through
`data/search-records.json`: per record its name, the name's pinyin and initials,
a few short facts (native place, period, resting place) and its address; no
deeds text. `theme/assets/record-search.js` loads it on the first search and
shows its matches above Material's results for the hand-written pages.

A record kind joins the index through its `search` part in `kinds.KINDS`
(recordkind.SearchPart): a code, the label the results show, and a function giving
the kind's entries. Every kind with a page is found by its title (below: martyrs;
award notices by displayed name, town, year and class; events, facilities and the
years of memorial work by title and a few facts).
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Iterable

from pypinyin import Style, lazy_pinyin

from .catalogue import Catalogue
from .collation import name_keys
from .formats import inert_json
from .honorpages import town_anchor

SEARCH_INDEX = "data/search-records.json"
UNKNOWN = {"", "不详"}
# The correction form (correction/?id=<martyr id>) names the record from these files:
# each martyr's name under its id, split by a hash of the id into NAME_SHARDS files, so
# that the form fetches one small file, not the whole record index (which grows with
# every record: most of the 134 KiB gzip of a first search at 5,000 martyrs and 3,000
# notices, README "Benchmark"). All are written, empty or not, so
# that an id the site does not hold finds an empty file, not a missing one.
NAMES = "data/names/{shard}.json"
NAME_SHARDS = 64


@dataclass(frozen=True)
class Entry:
    """One searchable record: what is matched and what a result shows."""

    title: str  # matched as Chinese text, shown as the result's heading
    pinyin: str  # the title's full pinyin without spaces ("qinanxun")
    initials: str  # the first letter of each syllable ("qnx")
    url: str  # relative to the site root
    facts: tuple[str, ...]  # matched as text, shown under the title


def martyr_entries(catalogue: Catalogue) -> Iterable[Entry]:
    for martyr in catalogue.martyrs_by_strokes:
        keys = catalogue.name_keys[martyr.id]
        named = not martyr.unnamed
        facts = (martyr.native_place, martyr.period, resting_place(martyr, catalogue))
        yield Entry(
            title=martyr.display_name,
            pinyin=keys.pinyin_text if named else "",
            initials=keys.initials if named else "",
            url=martyr.url,
            facts=tuple(fact for fact in facts if fact not in UNKNOWN),
        )


def resting_place(martyr, catalogue: Catalogue) -> str:
    """安葬地 as the martyr's page shows it: `burial`, or else the facility it names."""
    if martyr.burial or not martyr.resting_facility:
        return martyr.burial
    facility = catalogue.facility(martyr.resting_facility)
    return facility.display_name if facility else ""


def event_entries(catalogue: Catalogue) -> Iterable[Entry]:
    """Events by title (Chinese text; titles are long, so no pinyin), date, type and
    the facility where they were held; newest first, as the events index lists them."""
    for event in catalogue.events_newest_first:
        facility = catalogue.facility(event.facility) if event.facility else None
        facts = (event.date.chinese(), event.type, facility.display_name if facility else "")
        yield Entry(title=event.title, pinyin="", initials="", url=event.url,
                    facts=tuple(fact for fact in facts if fact not in UNKNOWN))


def facility_entries(catalogue: Catalogue) -> Iterable[Entry]:
    """Memorial facilities by name (and its pinyin), type and level."""
    for facility in catalogue.facilities_by_name:
        syllables = lazy_pinyin(facility.display_name, style=Style.NORMAL, errors="ignore")
        yield Entry(title=facility.display_name, pinyin="".join(syllables).lower(),
                    initials="".join(s[0] for s in syllables if s).lower(), url=facility.url,
                    facts=(facility.type, facility.level))


def theme_entries(catalogue: Catalogue) -> Iterable[Entry]:
    """Classroom themes (教师专区), by title."""
    for theme in catalogue.records.get("theme", []):
        yield Entry(title=theme.title, pinyin="", initials="", url=theme.url, facts=("课堂专题",))


def work_year_entries(catalogue: Catalogue) -> Iterable[Entry]:
    """A year of memorial work, by its page's title and its year."""
    for year in catalogue.memorial_work:
        yield Entry(title=year.title, pinyin="", initials="", url=year.url,
                    facts=(f"{year.year}年",))


def notice_entries(catalogue: Catalogue) -> Iterable[Entry]:
    """Published award notices: found by the name as shown, town, year or class;
    each result opens the notice's town on its year page."""
    roll = catalogue.honors
    if roll is None:
        return
    for year in roll.years:
        for award, group in roll.by_class(year):
            for notice in group:
                shown = notice.shown_name
                keys = name_keys(shown) if shown else None
                yield Entry(
                    title=shown or "（姓名不公开）",
                    pinyin=keys.pinyin_text if keys else "",
                    initials=keys.initials if keys else "",
                    url=f"honors/{year}/#{town_anchor(roll, award, notice.township)}",
                    facts=(notice.township, f"{year}年", award),
                )


def search_index(catalogue: Catalogue) -> str:
    """The index as compact JSON.

    Layout: {"v": 1, "k": {code: label}, "s": [fact strings], "r": [[code, title,
    pinyin, initials, url, [fact numbers]], ...]}. Facts repeat across records
    (periods, towns, cemeteries), so each is written once in "s" and referred to
    by its position. Entries keep their kind's order (for martyrs, by strokes).
    """
    parts = [kind.search for kind in catalogue.with_part("search")]
    strings: dict[str, int] = {}
    rows = []
    for part in parts:
        for entry in part.entries(catalogue):
            facts = [strings.setdefault(fact, len(strings)) for fact in entry.facts]
            rows.append([part.code, entry.title, entry.pinyin, entry.initials, entry.url, facts])
    document = {"v": 1, "k": {part.code: part.label for part in parts}, "s": list(strings), "r": rows}
    return inert_json(json.dumps(document, ensure_ascii=False, separators=(",", ":")))


def name_shard(record_id: str) -> int:
    """Which names file holds an id: the sum of its character codes modulo NAME_SHARDS
    (ids are a-z, 0-9 and -); theme/assets/correction.js computes the same."""
    return sum(map(ord, record_id)) % NAME_SHARDS


def name_files(catalogue: Catalogue) -> dict[str, str]:
    """{id: name shown} for every martyr, in NAME_SHARDS files."""
    shards: list[dict[str, str]] = [{} for _ in range(NAME_SHARDS)]
    for martyr in catalogue.martyrs_by_strokes:
        shards[name_shard(martyr.id)][martyr.id] = martyr.display_name
    return {NAMES.format(shard=number): inert_json(json.dumps(names, ensure_ascii=False, separators=(",", ":")))
            for number, names in enumerate(shards)}


def search_files(catalogue: Catalogue) -> dict[str, str]:
    return {SEARCH_INDEX: search_index(catalogue), **name_files(catalogue)}
