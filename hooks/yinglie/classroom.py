"""The classroom kit (教师专区): stories by school stage, story cards, projector views,
classroom themes and the 致英烈的一封信 writing sheet.

Nothing here writes about a person. A stage's story is the one staff wrote into the
martyr's record (martyrs.py `stories`); where a stage has none, the kit shows the
record's summary and deeds as they are, and tells the teacher so (`NOT_WRITTEN`).

Pages (SitePage, in the site): `teachers/` (the kit's index) and `themes/<id>/`.
Print files (rendered straight from templates like the plaque sheets, plaques.py):

- `martyrs/<id>/card/`          a martyr's story card, A5, two copies on an A4 sheet
- `teachers/cards/<group>/`     the cards of a group: all, a period, a native place, a facility
- `martyrs/<id>/projector/`     the story full-screen, one part per screen
- `themes/<id>/cards/`, `themes/<id>/projector/`, `themes/<id>/letter-sheet/`
- `teachers/letter-sheet/`      a blank 致英烈的一封信 writing sheet

Each card and projector file holds every stage; the stage is chosen by the address'
fragment (`#xiaoxue`, `#chuzhong`, `#gaozhong`), so a record costs one file, not three.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass
from functools import cached_property

from markupsafe import Markup

from .catalogue import Catalogue
from .collation import name_keys
from .config import SCHOOL_STAGES
from .pages import SitePage
from .plaques import PlaqueSheet
from .sanitise import SHEET_TAGS, sanitise_html
from .schema import paragraphs
from .urls import markdown_html  # the Markdown of the site's pages: cards and projector render as they do

STAGE_SLUGS = dict(zip(SCHOOL_STAGES, ("xiaoxue", "chuzhong", "gaozhong")))
NOT_WRITTEN = "本学段故事尚待工作人员撰写，以下为记录原文"
TEACHERS = "teachers/index.md"
CARDS = "teachers/cards/"
BLANK_LETTER_SHEET = "teachers/letter-sheet/index.html"
# About what an A5 card's story area holds, in characters: a card prints whole
# paragraphs up to it (at least one) and says the rest is behind its QR code. The
# projector shows everything. It also keeps the group sheets small: a card's HTML
# stays a couple of KiB, whatever the length of the deeds.
CARD_CHARACTERS = 400


@dataclass(frozen=True)
class StageStory:
    """What the kit shows of one martyr for one or more school stages: a story staff
    wrote for one stage, or the record's own text for every stage still without one
    (written once, not once per stage: the files stay a third of the size)."""

    stages: tuple[str, ...]  # 小学, 初中, 高中
    written: bool  # staff wrote it for its stage; False: the record's own text
    parts: tuple[Markup, ...]  # paragraphs, as safe HTML (escaped, or sanitised Markdown)
    sources: tuple[dict, ...]
    questions: tuple[str, ...]

    @property
    def slugs(self) -> str:
        """The fragments that show it (`#xiaoxue`…), space-separated, for its class and data."""
        return " ".join(STAGE_SLUGS[stage] for stage in self.stages)

    @property
    def stage_names(self) -> str:
        return "、".join(self.stages)

    @property
    def card_parts(self) -> tuple[Markup, ...]:
        """The whole paragraphs a card prints: up to CARD_CHARACTERS, at least one."""
        shown, total = [], 0
        for part in self.parts:
            total += len(part.striptags())
            if shown and total > CARD_CHARACTERS:
                break
            shown.append(part)
        return tuple(shown)

    @property
    def card_cut(self) -> bool:
        """The card leaves paragraphs out (its QR code leads to the whole text)."""
        return len(self.card_parts) < len(self.parts)


class MartyrStories:
    """A martyr with the stories of every stage, made when a sheet is first drawn and
    shared by every sheet that shows the martyr (the card, the projector, the groups)."""

    def __init__(self, martyr):
        self.martyr = martyr

    @cached_property
    def stories(self) -> tuple[StageStory, ...]:
        return stage_stories(self.martyr)

    def __iter__(self):  # for (martyr, stories) in …: templates unpack it
        return iter((self.martyr, self.stories))


@dataclass(frozen=True)
class CardGroup:
    """A group of martyrs printed together."""

    title: str
    kind: str  # 全部, 历史时期, 籍贯, 纪念设施
    slug: str
    martyrs: tuple

    @property
    def url(self) -> str:
        return f"{CARDS}{self.slug}/"


def stage_stories(martyr) -> tuple[StageStory, ...]:
    """Each story staff wrote (one stage each), then the record's own text for the
    stages without one, if any: every stage is shown by exactly one of them."""
    stories, unwritten = [], []
    for stage in SCHOOL_STAGES:
        written = martyr.story_for(stage)
        if written is None:
            unwritten.append(stage)
            continue
        parts = tuple(_paragraph(p) for p in paragraphs(written["text"]))
        stories.append(StageStory((stage,), True, parts, tuple(written["sources"]), tuple(written["questions"])))
    if unwritten:
        stories.append(StageStory(tuple(unwritten), False, _record_text(martyr), tuple(martyr.sources), ()))
    return tuple(stories)


def _record_text(martyr) -> tuple[Markup, ...]:
    """No story for a stage: the record's own words, as the martyr's page shows them."""
    parts = [_paragraph(martyr.summary)] if martyr.summary else []
    parts += [Markup(sanitise_html(markdown_html(chunk), SHEET_TAGS)) for chunk in paragraphs(martyr.deeds)]
    return tuple(parts)


def _paragraph(text: str) -> Markup:
    """A paragraph of plain record text, escaped."""
    return Markup(f"<p>{html.escape(text.strip())}</p>")




# A card sheet prints at most this many martyrs (two cards per A4 sheet: 50 sheets of
# paper); a larger group is printed in parts. No class prints a whole district's roll
# at once, and a preview rebuild draws again only the parts holding an edited record.
CARDS_PER_SHEET = 100


def card_groups(catalogue: Catalogue) -> list[CardGroup]:
    """All martyrs; each period's, each native place's, each facility's (only groups with
    martyrs), each in parts of at most CARDS_PER_SHEET."""
    return [part for group in _whole_card_groups(catalogue) for part in _in_parts(group)]


def _in_parts(group: CardGroup) -> list[CardGroup]:
    if len(group.martyrs) <= CARDS_PER_SHEET:
        return [group]
    parts = []
    for number, start in enumerate(range(0, len(group.martyrs), CARDS_PER_SHEET), start=1):
        chunk = group.martyrs[start:start + CARDS_PER_SHEET]
        title = f"{group.title} · 第 {number} 组（第 {start + 1}–{start + len(chunk)} 位）"
        parts.append(CardGroup(title, group.kind, group.slug if number == 1 else f"{group.slug}/{number}", chunk))
    return parts


def _whole_card_groups(catalogue: Catalogue) -> list[CardGroup]:
    """All martyrs; each period's, each native place's, each facility's (only groups with martyrs)."""
    ordered = catalogue.martyrs_by_strokes
    by_period: dict[str, list] = {}
    by_place: dict[str, list] = {}
    for m in ordered:  # one pass: the groups grow linearly with the records
        by_period.setdefault(m.period, []).append(m)
        by_place.setdefault(m.native_place, []).append(m)
    groups = [CardGroup("全部英烈", "全部", "all", tuple(ordered))]
    for number, period in enumerate(catalogue.settings.periods, start=1):
        if period.name in by_period:
            groups.append(CardGroup(period.name, "历史时期", f"period-{number}", tuple(by_period[period.name])))
    slugs: set[str] = set()
    for place in catalogue.filter_values("native_place"):
        slug = _unique(f"place-{name_keys(place).pinyin_text or 'x'}", slugs)
        groups.append(CardGroup(place, "籍贯", slug, tuple(by_place[place])))
    for facility in catalogue.facilities_by_name:
        residents = catalogue.residents(facility.id)
        if residents:
            groups.append(CardGroup(facility.display_name, "纪念设施", f"facility-{facility.id}", tuple(residents)))
    return groups


def _unique(slug: str, taken: set[str]) -> str:
    slug = re.sub(r"[^a-z0-9-]+", "-", slug.lower()).strip("-") or "x"
    candidate, number = slug, 2
    while candidate in taken:
        candidate, number = f"{slug}-{number}", number + 1
    taken.add(candidate)
    return candidate


def themes(catalogue: Catalogue) -> list:
    return catalogue.records.get("theme", [])


def theme_martyrs(catalogue: Catalogue, theme) -> list:
    return [m for m in catalogue.martyrs_by_strokes if theme.gathers(m)]


def theme_events(catalogue: Catalogue, theme) -> list:
    return [e for e in catalogue.events_newest_first if e.id in theme.events]


def teacher_pages(catalogue: Catalogue) -> list[SitePage]:
    """教师专区 and one page per theme (the theme kind's pages)."""
    pages = [SitePage(TEACHERS, "教师专区", "teachers.html", context={
        "card_groups": card_groups(catalogue), "school_themes": themes(catalogue),
        "school_stages": tuple(STAGE_SLUGS.items()), "school_contact": catalogue.settings.school_contact,
        "martyr_count": len(catalogue.martyrs),
        "stories_written": sum(1 for m in catalogue.martyrs if m.stories),
    })]
    for theme in themes(catalogue):
        pages.append(SitePage(f"themes/{theme.id}/index.md", theme.title, "school-theme.html", body=theme.intro,
                              context={"theme": theme, "theme_martyrs": theme_martyrs(catalogue, theme),
                                       "theme_events": theme_events(catalogue, theme),
                                       "school_stages": tuple(STAGE_SLUGS.items())},
                              edit_path=theme.path))
    return pages


def classroom_sheets(catalogue: Catalogue, kept_stories: dict[int, MartyrStories] | None = None) -> list[PlaqueSheet]:
    """Every print file of the kit, not yet rendered.

    `kept_stories`: the martyrs' stories of the last build in this session, by record
    object (session.py): `mkdocs serve` keeps the objects of unchanged records, so an
    edit does not render again the stories of the hundred martyrs on each group sheet
    that holds the edited one. Updated in place to the current records.
    """
    stages = tuple(STAGE_SLUGS.items())
    kept_stories = {} if kept_stories is None else kept_stories
    stories = {}
    for m in catalogue.martyrs:
        kept = kept_stories.get(id(m))
        stories[m.id] = kept if kept is not None and kept.martyr is m else MartyrStories(m)  # drawn when first used
    kept_stories.clear()
    kept_stories.update({id(told.martyr): told for told in stories.values()})

    def with_stories(martyrs) -> list[MartyrStories]:
        return [stories[m.id] for m in martyrs]

    sheets = []
    for m in catalogue.martyrs:
        told = with_stories([m])
        sheets.append(PlaqueSheet(f"{m.url}card/index.html", "story-cards.html", {
            "sheet_title": f"{m.display_name} · 故事卡", "back": m.url, "back_label": "返回英烈页面",
            "cards": told * 2, "single": True, "school_stages": stages, "not_written": NOT_WRITTEN}, (m.path,)))
        sheets.append(PlaqueSheet(f"{m.url}projector/index.html", "projector.html", {
            "sheet_title": f"{m.display_name} · 投影", "back": m.url, "opening": None, "opening_html": "",
            "cards": told, "school_stages": stages, "not_written": NOT_WRITTEN}, (m.path,)))
    for group in card_groups(catalogue):
        sheets.append(PlaqueSheet(f"{group.url}index.html", "story-cards.html", {
            "sheet_title": f"{group.title} · 故事卡（{len(group.martyrs)} 位）", "back": "teachers/",
            "back_label": "返回教师专区", "cards": with_stories(group.martyrs), "single": False,
            "school_stages": stages, "not_written": NOT_WRITTEN}, tuple(m.path for m in group.martyrs)))
    sheets.append(PlaqueSheet(BLANK_LETTER_SHEET, "letter-sheet.html",
                              {"sheet_title": "致英烈的一封信", "back": "teachers/", "addressed": []}, ()))
    for theme in themes(catalogue):
        gathered = theme_martyrs(catalogue, theme)
        records = (theme.path, *(m.path for m in gathered))
        told = with_stories(gathered)
        sheets.append(PlaqueSheet(f"{theme.url}cards/index.html", "story-cards.html", {
            "sheet_title": f"{theme.title} · 故事卡（{len(gathered)} 位）", "back": theme.url,
            "back_label": "返回专题", "cards": told, "single": False, "school_stages": stages,
            "not_written": NOT_WRITTEN}, records))
        sheets.append(PlaqueSheet(f"{theme.url}projector/index.html", "projector.html", {
            "sheet_title": f"{theme.title} · 投影", "back": theme.url, "opening": theme,
            "opening_html": Markup(sanitise_html(markdown_html(theme.intro), SHEET_TAGS)),
            "cards": told, "school_stages": stages, "not_written": NOT_WRITTEN}, records))
        sheets.append(PlaqueSheet(f"{theme.url}letter-sheet/index.html", "letter-sheet.html", {
            "sheet_title": f"{theme.title} · 致英烈的一封信", "back": theme.url, "addressed": gathered}, records))
    return sheets
