"""Subscriptions: an Atom feed of events and an iCalendar file of memorial days.

The calendar holds 清明 for each configured year (a solar term, so its day moves:
computed with borax's solar-term tables), the fixed days (烈士纪念日, 30 September)
as yearly rules, the death anniversaries of martyrs whose full death date is known,
and the events that have a full date.

No clock is read: every time stamp comes from the records, so two builds of the
same data give byte-identical files (reproducible builds, cacheable downloads).
"""

from __future__ import annotations

import functools
from datetime import date, datetime, time, timedelta, timezone
from typing import NamedTuple
from urllib.parse import urlsplit

import icalendar
from feedgen.feed import FeedGenerator

from .catalogue import Catalogue
from .dates import QINGMING_YEARS, qingming
from .eventpages import EVENTS_BY_YEAR
from .events import Event

CHINA = timezone(timedelta(hours=8))
# Where the subscriptions are published.
FEED = "events/feed.xml"
CALENDAR = "events/calendar.ics"
FEED_SIZE = 50  # the newest events; the site's pages hold the rest
EPOCH = date(2000, 1, 1)  # the stamp of a site with no dated event yet


def data_stamp(catalogue: Catalogue) -> datetime:
    """The newest day the events name: the 'last changed' time of feed and calendar."""
    days = [e.date.earliest for e in catalogue.events]
    return _midnight(max(days, default=EPOCH))


def feed_files(catalogue: Catalogue, site_name: str, site_url: str) -> dict[str, str]:
    """The subscription files: address -> content."""
    return {FEED: atom_feed(catalogue, site_name, site_url), CALENDAR: ics_calendar(catalogue, site_name, site_url)}


def atom_feed(catalogue: Catalogue, site_name: str, site_url: str) -> str:
    feed = FeedGenerator()
    feed.id(_absolute(site_url, EVENTS_BY_YEAR.removesuffix("index.md")))
    feed.title(f"{site_name} · 纪念活动")
    feed.subtitle("清明祭英烈、烈士纪念日、英烈精神“五进”、走访慰问等纪念活动")
    feed.language("zh-CN")
    feed.author(name=site_name)
    feed.link(href=_absolute(site_url, FEED), rel="self", type="application/atom+xml")
    feed.link(href=_absolute(site_url, EVENTS_BY_YEAR.removesuffix("index.md")), rel="alternate", type="text/html")
    feed.generator("")  # the feed names the site, not the software behind it
    feed.updated(data_stamp(catalogue))
    for event in catalogue.events_newest_first[:FEED_SIZE]:
        entry = feed.add_entry(order="append")
        url = _absolute(site_url, event.url)
        entry.id(url)
        entry.title(event.title)
        entry.link(href=url, rel="alternate", type="text/html")
        entry.updated(_midnight(event.date.earliest))
        entry.summary(_entry_summary(event))
        entry.category(term=event.type, label=event.type)
    return feed.atom_str(pretty=True).decode("utf-8")


def _entry_summary(event: Event) -> str:
    parts = [event.date.chinese(), event.type]
    if event.target:
        parts.append(f"对象：{event.target}")
    if event.count_text:
        parts.append(event.count_text)
    head = "，".join(parts)
    return f"{head}。{event.summary}" if event.summary else f"{head}。"


class Day(NamedTuple):
    """One calendar entry, in plain values (so that a calendar's days can be compared)."""
    uid: str
    start: date
    summary: str
    description: str = ""
    url: str = ""
    yearly: bool = False


def ics_calendar(catalogue: Catalogue, site_name: str, site_url: str) -> str:
    return _calendar_text(site_name, urlsplit(site_url).hostname or "localhost", data_stamp(catalogue),
                          tuple(calendar_days(catalogue, site_url)))


def calendar_days(catalogue: Catalogue, site_url: str) -> list[Day]:
    settings = catalogue.settings.events
    days = []
    if settings.qingming:
        first = max(settings.first_year, QINGMING_YEARS[0])
        last = min(settings.last_year, QINGMING_YEARS[1])
        for year in range(first, last + 1):
            days.append(Day(f"qingming-{year}", qingming(year), "清明·祭英烈", "清明节，缅怀英烈。"))
    for fixed in settings.fixed_days:
        start = date(max(fixed.since, settings.first_year), fixed.month, fixed.day)
        days.append(Day(f"fixed-{fixed.month:02d}{fixed.day:02d}", start, fixed.name, yearly=True))
    for martyr in catalogue.martyrs_by_strokes:
        died = martyr.died
        if died.day:
            # "无名烈士" already ends in 烈士: do not say it twice.
            name = martyr.display_name if martyr.display_name.endswith("烈士") else f"{martyr.display_name}烈士"
            days.append(Day(f"martyr-{martyr.id}-died", date(died.year, died.month, died.day),
                            f"{name}牺牲纪念日", f"{name}于{died.chinese()}牺牲。",
                            _absolute(site_url, martyr.url), yearly=True))
    for event in sorted(catalogue.events, key=lambda e: e.sort_key):
        when = event.date
        if when.day:
            days.append(Day(f"event-{event.id}", when.earliest, event.title, _entry_summary(event),
                            _absolute(site_url, event.url)))
    return days


# Writing thousands of entries with icalendar takes about a second. Under `make serve`
# most edits leave the calendar's days as they were: the last calendar is kept.
@functools.lru_cache(maxsize=1)
def _calendar_text(site_name: str, host: str, stamp: datetime, days: tuple[Day, ...]) -> str:
    calendar = icalendar.Calendar()
    calendar.add("prodid", f"-//{site_name}//纪念日历//ZH")
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("x-wr-calname", f"{site_name} · 纪念日历")
    calendar.add("x-wr-timezone", "Asia/Shanghai")
    # Subscribed calendars check back daily for new anniversaries and events.
    calendar.add("refresh-interval", timedelta(days=1), parameters={"VALUE": "DURATION"})
    calendar.add("x-published-ttl", "P1D")
    for day in days:
        component = icalendar.Event()
        component.add("uid", f"{day.uid}@{host}")
        component.add("dtstamp", stamp)
        component.add("dtstart", day.start)
        component.add("dtend", day.start + timedelta(days=1))
        if day.yearly:
            component.add("rrule", {"freq": "yearly"})
        component.add("summary", day.summary)
        if day.description:
            component.add("description", day.description)
        if day.url:
            component.add("url", day.url)
        component.add("transp", "TRANSPARENT")  # a memorial day, not a busy slot
        calendar.add_component(component)
    return calendar.to_ical().decode("utf-8")


def _midnight(day: date) -> datetime:
    return datetime.combine(day, time(0, 0), tzinfo=CHINA)


def _absolute(site_url: str, address: str) -> str:
    """An absolute address under the site (Atom ids and links must be absolute)."""
    if not site_url:
        return f"urn:yinglie:{address}"
    return site_url.rstrip("/") + "/" + address
