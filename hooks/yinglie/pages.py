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
from .letters import letters_by_martyr

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


def strict_templates(env):
    """The theme's Jinja environment, with `TemplateUndefined`: the build's pages (on_env)
    and the plaque sheets (plaques.py) are rendered with it."""
    env.undefined = TemplateUndefined
    return env
def martyr_pages(catalogue: Catalogue) -> list[SitePage]:
    # The directory's filters: the distinct known values, once for both orders.
    filters = {"periods": catalogue.filter_values("period"), "native_places": catalogue.filter_values("native_place")}
    pages = [
        SitePage(DIRECTORY, "英烈名录", "martyrs.html",
                 context={"order": "strokes", "martyrs": catalogue.martyrs_by_strokes, **filters}, in_search=False),
        SitePage(DIRECTORY_PINYIN, "英烈名录（按拼音排序）", "martyrs.html",
                 context={"order": "pinyin", "martyrs": catalogue.martyrs_by_pinyin, **filters}, in_search=False),
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
                         "resting": resting, "martyr_letters": letters.get(martyr.id, [])},
                edit_path=martyr.path,
                # Records are found through the record search index (search.py),
                # not Material's full-text index: see the README, "Search".
                in_search=False,
            )
        )
    return pages
