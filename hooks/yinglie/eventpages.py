"""Pages for commemoration events: one per event, the index by year and by type,
and the 五进 page that counts each year's outreach sessions by target.

Every list here is built in one pass over the events, so the pages grow linearly
with the records.
"""

from __future__ import annotations

from dataclasses import dataclass

from .catalogue import Catalogue
from .events import UNKNOWN_TARGET, Event
from .pages import SitePage

EVENTS_BY_YEAR = "events/index.md"
EVENTS_BY_TYPE = "events/by-type/index.md"
OUTREACH = "events/wujin/index.md"


@dataclass(frozen=True)
class TargetCount:
    target: str
    sessions: int
    more: bool  # some record says "余": the figure is a lower bound

    @property
    def text(self) -> str:
        return f"{self.sessions}{'余' if self.more else ''}"


@dataclass(frozen=True)
class OutreachYear:
    year: int
    counts: list[TargetCount]
    total: TargetCount
    events: list[Event]


def event_pages(catalogue: Catalogue) -> list[SitePage]:
    newest = catalogue.events_newest_first
    settings = catalogue.settings.events
    index = {"outreach_type": settings.outreach_type, "event_count": len(newest)}
    pages = [
        SitePage(EVENTS_BY_YEAR, "纪念活动", "events.html",
                 context={"order": "year", "groups": by_year(newest), **index}),
        SitePage(EVENTS_BY_TYPE, "纪念活动（按类型）", "events.html",
                 context={"order": "type", "groups": by_type(newest, settings.types), **index}),
        SitePage(OUTREACH, f"英烈精神“{settings.outreach_type}”活动", "outreach.html",
                 context={"years": outreach_years(newest, catalogue), "outreach_type": settings.outreach_type,
                          "outreach_targets": settings.outreach_targets}),
    ]
    for event in newest:
        martyrs = [catalogue.martyrs_by_id[i] for i in dict.fromkeys(event.martyrs) if i in catalogue.martyrs_by_id]
        pages.append(
            SitePage(
                f"events/{event.id}/index.md",
                event.title,
                "event.html",
                body=event.body,
                context={"event": event, "event_martyrs": martyrs, "outreach_type": settings.outreach_type,
                         "event_facility": catalogue.facility(event.facility) if event.facility else None},
                edit_path=event.path,
                # Found through the record search index (search.py), as martyrs are.
                in_search=False,
            )
        )
    return pages


def by_year(events: list[Event]) -> list[tuple[int, list[Event]]]:
    groups: dict[int, list[Event]] = {}
    for event in events:
        groups.setdefault(event.year, []).append(event)
    return list(groups.items())


def by_type(events: list[Event], types: tuple[str, ...]) -> list[tuple[str, list[Event]]]:
    groups: dict[str, list[Event]] = {name: [] for name in types}
    for event in events:
        groups[event.type].append(event)
    return [(name, found) for name, found in groups.items() if found]


def outreach_years(events: list[Event], catalogue: Catalogue) -> list[OutreachYear]:
    """Each year's 五进 sessions summed by target, in the configured target order."""
    settings = catalogue.settings.events
    order = [*settings.outreach_targets, UNKNOWN_TARGET]
    years: dict[int, list[Event]] = {}
    for event in events:
        if event.type == settings.outreach_type:
            years.setdefault(event.year, []).append(event)
    result = []
    for year, found in years.items():
        counts = []
        for target in order:
            matching = [e for e in found if e.target == target]
            if matching:
                counts.append(_sum(target, matching))
        result.append(OutreachYear(year, counts, _sum("合计", found), found))
    return result


def _sum(label: str, events: list[Event]) -> TargetCount:
    return TargetCount(label, sum(e.sessions for e in events), any(e.count_more for e in events))
