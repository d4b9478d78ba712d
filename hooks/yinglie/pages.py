"""Generated pages: `SitePage`, and the martyrs' pages.

A `SitePage` is a small value (address, title, template, body, the record it
shows). Each record kind makes its own (`RecordKind.pages`: the martyrs' here,
the others' in eventpages.py, honorpages.py, memorialpages.py); siteplan.py
gathers them and refuses two at one address. The hook turns each page into an
MkDocs `File.generated`.

The contract between a page and its template, safe by default:

- the body is sanitised (sanitise.py) unless the page says `trusted=True`, which only
  a page whose body this code writes itself may say;
- the title is plain text: `SitePage.markdown` escapes it, nowhere else does;
- the template gets the data of its page from `SitePage.context` (a hand-written page
  in content/ from `content_page_context`, by the template it names), never the whole
  catalogue;
- a template that reads a field our objects do not have fails the build, naming the
  template (`TemplateUndefined`), instead of printing nothing or 不详.
"""

from __future__ import annotations

import html
import json
import sys
from dataclasses import dataclass, field
from pathlib import Path

from jinja2 import StrictUndefined, Undefined
from jinja2.utils import missing
from mkdocs.exceptions import PluginError

from .catalogue import Catalogue
from .collation import stroke_count
from .letters import letters_by_martyr
from .minify import CompactTemplates

DIRECTORY = "martyrs/index.md"
DIRECTORY_PINYIN = "martyrs/pinyin/index.md"


@dataclass(frozen=True)
class SitePage:
    src_uri: str
    title: str
    template: str
    body: str = ""
    context: dict = field(default_factory=dict, compare=False)
    edit_path: object = None  # the record file that "edit" opens
    # The body's HTML is sanitised unless the page says it is trusted: only a page
    # whose body this code writes itself (never record text) may say so.
    trusted: bool = False
    in_search: bool = True

    def __post_init__(self):
        if self.trusted and self.edit_path is not None:
            raise ValueError(f"{self.src_uri}: a page made from a record file is never trusted")

    def markdown(self) -> str:
        """The generated Markdown source: front matter, then the body.

        `title` is plain text, escaped here and only here: MkDocs and Material print
        a page's title as it stands in the front matter."""
        meta = {"title": html.escape(self.title), "template": self.template}
        if not self.in_search:
            meta["search"] = {"exclude": True}
        # JSON is YAML, and quotes whatever a record puts in a title.
        front = "\n".join(f"{key}: {json.dumps(value, ensure_ascii=False)}" for key, value in meta.items())
        return f"---\n{front}\n---\n\n{self.body}\n"


def content_page_context(catalogue: Catalogue) -> dict[str, dict]:
    """What a hand-written page (content/) gets beside MkDocs' own values, by the
    template its front matter names: exactly the site-wide figures that template shows."""
    return {"home.html": {"martyr_count": len(catalogue.martyrs)}}


class TemplateFields(dict):
    """A mapping a page module builds for its template (an honor notice's public view, a
    year's summary): a name it lacks fails the build, as a record's missing field does."""


_PACKAGE = __name__.partition(".")[0]


def _ours(value) -> bool:
    """Made by this package: a record, a date, a photo, a page module's value."""
    module = type(value).__module__
    return module == _PACKAGE or module.startswith(_PACKAGE + ".")


class TemplateUndefined(Undefined):
    """The theme's `undefined` (see `strict_templates`). What MkDocs and Material hand to
    templates stays as lenient as Jinja's default: their templates read optional
    settings and page values that may be absent. A name that one of *our* objects lacks
    (`martyr.nmae`, `m.deedz`, `n.nmae`) is a misspelt field: the value then fails the
    build as soon as it is printed, tested or compared (`is defined` still answers)."""

    __slots__ = ()

    def __new__(cls, hint=None, obj=missing, name=None, exc=None):
        if obj is not missing and _ours(obj):
            return MisspeltField(hint, obj, name)
        return super().__new__(cls)


class TemplateFieldError(PluginError):
    """A template read a field the record has not: the build stops with this message alone."""


class MisspeltField(StrictUndefined):
    """A field our object lacks, read by a template; knows the template and line that read it."""

    __slots__ = ("_where",)

    def __init__(self, hint=None, obj=missing, name=None, exc=None):
        super().__init__(hint, obj, name, TemplateFieldError)
        self._where = _template_line()

    @property
    def _undefined_message(self) -> str:
        kind = type(self._undefined_obj).__name__
        where = f"{self._where}: " if self._where else ""
        return (f"{where}模板读取了不存在的字段 {self._undefined_name!r}（{kind} 没有这个字段，字段名拼错了吗？）"
                f" / {where}the template reads {self._undefined_name!r}, which a {kind} does not have "
                "(a misspelt field name?)")


def _template_line() -> str:
    """`theme/martyr.html:12`: the innermost template being run (as Jinja's own tracebacks
    find it), relative to the working folder when inside it; "" outside a template."""
    frame = sys._getframe(1)
    while frame is not None:
        template = frame.f_globals.get("__jinja_template__")
        if template is not None:
            filename = template.filename or ""  # "<template>" when not loaded from a file
            shown = filename if filename and not filename.startswith("<") else (template.name or "?")
            try:
                shown = Path(shown).resolve().relative_to(Path.cwd()).as_posix()
            except (ValueError, OSError):
                pass
            return f"{shown}:{template.get_corresponding_lineno(frame.f_lineno)}"
        frame = frame.f_back
    return ""


class ThemeFragments:
    """Parts of Material's frame drawn once and reused. The navigation, tabs, header,
    footer and script settings (main.html's config block) of the pages outside the nav
    (thousands of record pages) depend only on the folder the page is in (their links
    are relative to it), for the tabs on the section tab marked, and for the header on
    the page's title; drawing them again for each page was a fifth of the pages' time.

    `theme/partials/nav.html`, `tabs.html`, `footer.html` and main.html's config block
    ask `get(name, key)` and, when it gives None, draw the part and hand it to `keep`;
    `header.html` does the same with `around` and `keep_around`, which keep it cut
    around the title. A key of None (a page in the nav, whose own entry is marked) is
    never kept. One per build: the nav may change between two.
    """

    def __init__(self):
        self._kept: dict[tuple, str] = {}

    def get(self, name: str, key):
        return None if key is None else self._kept.get((name, key))

    def keep(self, name: str, key, drawn: str) -> str:
        if key is not None:
            self._kept[(name, key)] = drawn
        return drawn

    # The header also shows the page's title: it is kept cut around the title, after
    # the element Material puts it in, and each page's own title put back in.
    TITLE_PLACE = 'data-md-component="header-topic"'

    def around(self, name: str, key, title: str):
        kept = None if key is None else self._kept.get((name, key))
        return None if kept is None else kept[0] + title + kept[1]

    def keep_around(self, name: str, key, drawn: str, title: str) -> str:
        place = drawn.find(self.TITLE_PLACE)
        at = drawn.find(title, place) if place >= 0 and title else -1
        if key is not None and at >= 0:
            self._kept[(name, key)] = (drawn[:at], drawn[at + len(title):])
        return drawn


def fragment_key(page_url: str, in_nav: bool) -> tuple[str, bool] | None:
    """The key of a page's navigation in `ThemeFragments`, for a page outside the nav:
    the folder above the page, and whether the page is a folder itself ("a/b/", not
    "a/b.html": its links go one level further up). None for a page in the nav."""
    return None if in_nav else (page_url.rstrip("/").rpartition("/")[0], page_url.endswith("/"))


def strict_templates(env, compiled=None):
    """The theme's Jinja environment, with `TemplateUndefined`: the build's pages (on_env)
    and the plaque sheets (plaques.py) are rendered with it. `compiled`: the session's
    compiled templates (session.TemplateCode), reused from the build before."""
    env.undefined = TemplateUndefined
    env.add_extension(CompactTemplates)  # templates' indentation left out as they compile (minify.py)
    # `tojson` (Material's settings on every page, a martyr's JSON-LD) writes Chinese as
    # itself, not as \u escapes: 60 bytes gzipped a page. It still writes <, >, & and '
    # as \u escapes, so no text can close the element it is in.
    env.policies["json.dumps_kwargs"] = {**env.policies.get("json.dumps_kwargs", {}), "ensure_ascii": False}
    if compiled is not None:
        env.bytecode_cache = compiled
    return env
CHINESE_NUMERALS = "〇一二三四五六七八九"


def _stroke_label(count: int | None) -> str:
    """二画, 十四画, 二十一画: as printed rolls head their groups."""
    if count is None:
        return "其他"
    tens, ones = divmod(count, 10)
    text = (CHINESE_NUMERALS[tens] if tens > 1 else "") + ("十" if tens else "") + (CHINESE_NUMERALS[ones] if ones else "")
    return text + "画"


def _directory_groups(catalogue: Catalogue, order: str) -> list[tuple[str, str, list]]:
    """(key, heading, martyrs) in the directory's order: by the surname's stroke count,
    or by the initial of the name's pinyin. Both orders keep each group's names together."""
    groups: dict[str, tuple[str, list]] = {}
    martyrs = catalogue.martyrs_by_strokes if order == "strokes" else catalogue.martyrs_by_pinyin
    for martyr in martyrs:
        keys = catalogue.name_keys[martyr.id]
        if martyr.unnamed:
            key, heading = "unnamed", "无名烈士"
        elif order == "strokes":
            count = stroke_count(keys.strokes[0])
            key, heading = (str(count), _stroke_label(count)) if count else ("other", "其他")
        else:
            initial = keys.pinyin[0][:1].upper() if keys.pinyin and keys.pinyin[0] else ""
            key, heading = (initial.lower(), initial) if "A" <= initial <= "Z" else ("other", "其他")
        groups.setdefault(key, (heading, []))[1].append(martyr)
    return [(key, heading, names) for key, (heading, names) in groups.items()]


def _directory_pages(catalogue: Catalogue, order: str, src_uri: str, title: str, filters: dict) -> list[SitePage]:
    """One order of the directory. Up to `directory_page_names` names: one page, with a
    heading and a jump link per group. Above: that page lists the groups (jump links to
    their pages), and each group has its own page (a big group in parts), so that no page
    grows with the whole roll and every name is still two plain links from the index."""
    limit = catalogue.settings.directory_page_names
    folder = src_uri.removesuffix("index.md")  # martyrs/ or martyrs/pinyin/
    groups = _directory_groups(catalogue, order)
    common = {"order": order, "total": len(catalogue.martyrs), "index_url": folder, **filters}
    if len(catalogue.martyrs) <= limit:
        entries = [TemplateFields(key=key, heading=heading, count=len(martyrs), urls=[f"#g-{key}"], martyrs=martyrs)
                   for key, heading, martyrs in groups]
        return [SitePage(src_uri, title, "martyrs.html", context={**common, "layout": "full", "groups": entries},
                         in_search=False)]
    group_folder = folder + ("strokes/" if order == "strokes" else "")  # martyrs/strokes/7/, martyrs/pinyin/w/
    pages, entries = [], []
    for key, heading, martyrs in groups:
        parts = [martyrs[i:i + limit] for i in range(0, len(martyrs), limit)]
        urls = [f"{group_folder}{key}/" + (f"{number}/" if number > 1 else "") for number in range(1, len(parts) + 1)]
        for number, (url, part) in enumerate(zip(urls, parts), start=1):
            part_label = f"（第 {number}/{len(parts)} 页）" if len(parts) > 1 else ""
            group = TemplateFields(key=key, heading=heading, part=part_label, count=len(part), urls=[], martyrs=part)
            pages.append(SitePage(f"{url}index.md", f"{title}：{heading}{part_label}", "martyrs.html",
                                  context={**common, "layout": "group", "groups": [group]}, in_search=False))
        entries.append(TemplateFields(key=key, heading=heading, count=len(martyrs), urls=urls, martyrs=[]))
    index = SitePage(src_uri, title, "martyrs.html", context={**common, "layout": "index", "groups": entries},
                     in_search=False)
    return [index, *pages]


def martyr_pages(catalogue: Catalogue) -> list[SitePage]:
    # The directory's filters: the distinct known values, once for both orders.
    filters = {"periods": catalogue.filter_values("period"), "native_places": catalogue.filter_values("native_place")}
    pages = [
        *_directory_pages(catalogue, "strokes", DIRECTORY, "英烈名录", filters),
        *_directory_pages(catalogue, "pinyin", DIRECTORY_PINYIN, "英烈名录（按拼音排序）", filters),
    ]
    letters = letters_by_martyr(catalogue.records.get("letter", []))  # 寄语: students' letters
    for martyr in catalogue.martyrs_by_strokes:
        resting = catalogue.facility(martyr.resting_facility) if martyr.resting_facility else None
        pages.append(
            SitePage(
                f"martyrs/{martyr.id}/index.md",
                martyr.display_name,
                "martyr.html",
                body=martyr.deeds,
                context={"martyr": martyr, "martyr_events": catalogue.events_by_martyr.get(martyr.id, []),
                         "resting": resting, "tracing": catalogue.settings.tracing,
                         "known_facts": known_facts(martyr, resting), "unknown_facts": unknown_facts(martyr, resting),
                         "person": person_data(martyr),
                         "martyr_letters": letters.get(martyr.id, [])},
                edit_path=martyr.path,
                # Records are found through the record search index (search.py),
                # not Material's full-text index: see the README, "Search".
                in_search=False,
            )
        )
    return pages


# The facts a martyr page shows, in the order official rolls give them: label, field.
MARTYR_FACTS = (
    ("性别", "gender"), ("民族", "ethnicity"), ("籍贯", "native_place"), ("出生时间", "born"),
    ("参加革命（工作）时间", "joined"), ("生前单位", "unit"), ("职务", "position"), ("生前立功情况", "merits"),
    ("牺牲时间", "died"), ("牺牲地点", "death_place"), ("历史时期", "period"), ("安葬地", "burial"),
)
UNKNOWN = "不详"


def _fact_text(value) -> str:
    """A fact as the page shows it; "" when the record does not know it."""
    if hasattr(value, "known"):  # a date
        return value.chinese() if value.known else ""
    text = value or ""
    return "" if text == UNKNOWN else text


def _facts(martyr, resting=None) -> list[tuple[str, str, str]]:
    """(label, field, text) of every fact; 安葬地 is the resting facility's name when the
    record gives no `burial` but names the facility it rests in."""
    facts = []
    for label, name in MARTYR_FACTS:
        text = _fact_text(getattr(martyr, name))
        if name == "burial" and not text and resting is not None:
            text = resting.display_name
        facts.append((label, name, text))
    return facts


def person_data(martyr) -> dict:
    """schema.org Person data of a martyr, with what the page shows of the record (its
    known facts only: `_fact_text`), for theme/partials/martyr-jsonld.html, which adds the
    page's address and writes it with `tojson`."""
    person = {"@context": "https://schema.org", "@type": "Person", "name": martyr.display_name}
    gender = {"男": "Male", "女": "Female"}.get(martyr.gender)
    optional = {
        "gender": gender,
        "birthDate": martyr.born.iso() if martyr.born.known else "",
        "deathDate": martyr.died.iso() if martyr.died.known else "",
        "deathPlace": _place(_fact_text(martyr.death_place)),
        "homeLocation": _place(_fact_text(martyr.native_place)),
        "affiliation": {"@type": "Organization", "name": martyr.unit} if _fact_text(martyr.unit) else None,
        "jobTitle": _fact_text(martyr.position),
        "description": martyr.summary,
    }
    person.update({key: value for key, value in optional.items() if value})
    return person


def _place(name: str) -> dict | None:
    return {"@type": "Place", "name": name} if name else None


def known_facts(martyr, resting=None) -> list[tuple[str, str]]:
    return [(label, text) for label, _name, text in _facts(martyr, resting) if text]


def unknown_facts(martyr, resting=None) -> list[str]:
    """The labels of the facts the record does not know yet (生前立功情况 is only shown when known)."""
    return [label for label, name, text in _facts(martyr, resting) if name != "merits" and not text]
