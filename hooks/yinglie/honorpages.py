"""What the site publishes of the award notices: the honor roll pages and honors.json.

Both are made from one public view of a notice (`public_notice`), so the open data
holds exactly what the pages show, and nothing held back reaches either: only
`HonorRoll.published` notices are ever turned into public views.

Pages: a summary across years (a table and a bar chart drawn at build time), and
per year the roll by award class (configured order, names in stroke order) and the
same notices by town or street.
"""

from __future__ import annotations

import json

from .catalogue import Catalogue
from .chart import grouped_bars
from .honors import HonorRoll, Notice
from .formats import inert_json
from .pages import SitePage, TemplateFields

HONORS_INDEX = "honors/index.md"
HONORS_JSON = "data/honors.json"


def year_page(year: int) -> str:
    return f"honors/{year}/index.md"


def townships_page(year: int) -> str:
    return f"honors/{year}/townships/index.md"


def public_notice(notice: Notice) -> dict:
    """The fields of a notice the public sees: the pages and the open data use only this."""
    delivered = notice.delivered
    return {
        "year": notice.year,
        "award": notice.award,
        "name": notice.shown_name or None,  # None: the name is not shown
        "township": notice.township,
        "branch": notice.branch,
        "citation": notice.citation,
        "delivered": {"date": delivered.iso(), "text": delivered.chinese()} if delivered.known else None,
        "delivered_by": notice.delivered_by,
    }


def town_anchor(roll: HonorRoll, award: str, township: str) -> str:
    """A town within an award class on its year page (`honors/2022/#a2-t5`: the second
    class and the fifth town, as configured), where the search sends each of its notices.
    It stays right while the settings list classes and towns in the same order, whatever
    notices are added; an address per notice would cost its page some 12 bytes gzipped a
    name (2 KiB of 9 at 251 names)."""
    return f"a{roll.settings.award_classes.index(award) + 1}-t{roll.settings.townships.index(township) + 1}"


def _shown_on_page(notice: Notice) -> TemplateFields:
    shown = TemplateFields(public_notice(notice))
    if shown["delivered"] is not None:
        shown["delivered"] = TemplateFields(shown["delivered"])
    return shown


def _year_summary(roll: HonorRoll, year: int) -> dict:
    counts = roll.counts(year)
    declared = roll.totals.get(year)
    return {
        "year": year,
        "counts": [(award, count) for award, count in counts.items() if count],
        "total": sum(counts.values()),
        "held_back": roll.held_in(year),
        "declared_total": None if declared is None else (declared.total or sum(declared.by_class.values())),
        "declared_source": "" if declared is None else declared.source,
        "declared_note": "" if declared is None else declared.note,
    }


def _class_group(roll: HonorRoll, award: str, notices: list[Notice]) -> TemplateFields:
    """One award class of a year's page: its count, and its notices by town (configured
    order, stroke order within), each town opened by the visitor and addressed by its
    `town_anchor`. A citation every notice of the class shares (被评为优秀士兵，特此报喜。)
    is said once, not on every name."""
    citations = {n.citation for n in notices}
    shared = citations.pop() if len(citations) == 1 else ""
    towns: dict[str, list[TemplateFields]] = {town: [] for town in roll.settings.townships}
    for notice in notices:  # already in stroke order
        shown = _shown_on_page(notice)
        if shared:
            shown["citation"] = ""
        towns.setdefault(notice.township, []).append(shown)
    shown_towns = [(town, town_anchor(roll, award, town), group) for town, group in towns.items() if group]
    return TemplateFields(award=award, count=len(notices), citation=shared, towns=shown_towns)


def honor_pages(catalogue: Catalogue) -> list[SitePage]:
    roll = catalogue.honors
    if roll is None or not roll.notices:
        # The nav links the honor roll: with no notices yet it says so instead of vanishing.
        return [SitePage(HONORS_INDEX, "荣誉榜", "honors.html", context={"years": [], "classes": [], "chart": ""})]
    summaries = [TemplateFields(_year_summary(roll, year)) for year in roll.years]
    classes = [award for award in roll.settings.award_classes if any(dict(s["counts"]).get(award) for s in summaries)]
    chart = grouped_bars(
        [(f"{s['year']}年", list(s["counts"])) for s in sorted(summaries, key=lambda s: s["year"])],
        title="各年度喜报数（按奖励类别）",
        chart_id="honors-chart",
    )
    pages = [
        SitePage(HONORS_INDEX, "荣誉榜", "honors.html",
                 context={"years": summaries, "classes": classes, "chart": chart,
                          "year_url": _url(year_page), "townships_url": _url(townships_page)}),
    ]
    for summary in summaries:
        year = summary["year"]
        pages.append(SitePage(
            year_page(year), f"{year}年度荣誉榜", "honor-year.html",
            context={"summary": summary, "townships_url": _url(townships_page)(year),
                     "groups": [_class_group(roll, award, group) for award, group in roll.by_class(year)]},
        ))
        pages.append(SitePage(
            townships_page(year), f"{year}年度荣誉榜（按镇街）", "honor-townships.html",
            context={"summary": summary, "year_url": _url(year_page)(year),
                     "groups": [(town, [_shown_on_page(n) for n in group]) for town, group in roll.by_township(year)]},
            in_search=False,  # the same names as the year page: one search hit is enough
        ))
    return pages


def _url(page_of):
    """The address template code uses with `| url`: honors/2022/ for honors/2022/index.md."""
    return lambda year: page_of(year).removesuffix("index.md")


def honors_json(catalogue: Catalogue) -> str:
    roll = catalogue.honors
    years = [_year_summary(roll, year) for year in roll.years] if roll else []
    notices = [
        public_notice(n)
        for year in (roll.years if roll else [])
        for _award, group in roll.by_class(year)
        for n in group
    ]
    document = {
        "count": len(notices),
        "order": "年度（新到旧）、奖励类别（按设置顺序）、姓氏笔画",
        "years": [
            {"year": s["year"], "count": s["total"], "by_award": dict(s["counts"]), "held_back": s["held_back"]}
            for s in years
        ],
        "notices": notices,
    }
    return inert_json(json.dumps(document, ensure_ascii=False, sort_keys=True, indent=1)) + "\n"


