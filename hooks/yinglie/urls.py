"""Links in records: web addresses in `url` fields, and every link in Markdown fields.

This module checks a link by itself (its scheme, its characters, where a relative
one leads); links.py resolves the relative ones against the pages of the site.

A record's text reaches the site as a link in two ways: a `url` field (a source's
web address) and the Markdown of `deeds`, an event's `body` or a facility's
`description` (inline links `[x](target)`, reference definitions `[x]: target`,
autolinks `<https://…>`, raw HTML `href=` / `src=`, attributes set with `{: }`).
Both are checked when the records load, so `make check` refuses what the site
must not carry, each as `path:line: field: message`:

- a web address is `http:` or `https:` with a host, without spaces or control
  characters, backslashes or a user name and password, however its scheme is
  written (`JaVaScRiPt:`, `&#106;avascript:`, `java<TAB>script:` are all refused);
- a Markdown link is such an address, a `#fragment`, or a relative link to a file
  of the site, resolved as MkDocs resolves it against the record's page
  (`martyrs/<id>/index.md`): MkDocs (strict, `validation.links`) refuses a link to
  a folder, an absolute path and a target that is no file, so the check does too,
  before MkDocs ever sees the page. Raw HTML is left as written by MkDocs, so a
  relative link there would break; it must be written as a Markdown link.

Links are found by rendering the Markdown with Python-Markdown (as the build does)
and reading the rendered links, so a link in a code span is not a link, and a
disguised one is seen as the browser would see it.
"""

from __future__ import annotations

import html
import posixpath
import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

import markdown
from markdown.treeprocessors import Treeprocessor

from .errors import Problems
from .messages import phrase

WEB_SCHEMES = ("http", "https")
# Attributes that hold an address, on any element (attr_list can set them on any).
URL_ATTRIBUTES = frozenset({
    "href", "src", "srcset", "action", "formaction", "poster", "data", "cite", "background", "longdesc",
    "lowsrc", "dynsrc", "ping", "icon", "manifest", "codebase", "archive", "usemap", "profile", "xlink:href",
})
# The extensions of mkdocs.yml that make links (toc's permalinks are #fragments).
EXTENSIONS = ("attr_list", "tables")
# Python-Markdown writes "&" in an email autolink as this placeholder.
_AMP_SUBSTITUTE = "\x02amp\x03"
_SHOWN = 80  # characters of a target shown in a message


@dataclass(frozen=True)
class Link:
    target: str  # as written into the page's HTML (entities not decoded)
    markdown: bool  # made by Markdown syntax (MkDocs resolves it), not raw HTML


def _unsafe(char: str) -> bool:
    """A space, a control character, or an invisible one (formatting, unassigned)."""
    return char.isspace() or unicodedata.category(char) in ("Cc", "Cf", "Zs", "Zl", "Zp", "Cs", "Co", "Cn")


def _unsafe_character(text: str) -> str | None:
    return next((char for char in text if _unsafe(char)), None)


def shown(target: str) -> str:
    """The target as a message shows it: shortened, invisible characters written as \\uXXXX."""
    if len(target) > _SHOWN:
        target = target[:_SHOWN - 1] + "…"
    return "".join(f"\\u{ord(char):04x}" if _unsafe(char) and char != " " else char for char in target)


def url_problem(text: str, in_markdown: bool = False) -> tuple[str, dict] | None:
    """Why `text` is not a web address a page may link to, as (message key, parameters),
    or None. `in_markdown`: a target without a scheme is a relative link (checked
    elsewhere), not a problem here."""
    params = {"target": shown(text)}
    char = _unsafe_character(text)
    if char is not None:
        return "url_characters", {**params, "code": f"U+{ord(char):04X}"}
    if "\\" in text:
        return "url_backslash", params
    try:
        parts = urlsplit(text)
        port = parts.port  # a port that is not a number raises here
    except ValueError:
        return "url_malformed", params
    if not parts.scheme:
        if in_markdown and not text.startswith("//"):
            return None  # a relative link: resolved against the site's files later
        return "url_no_scheme", params  # "//host/…" too: its scheme is the page's
    if parts.scheme.lower() not in WEB_SCHEMES:
        scheme = shown(text[:text.index(":")])  # as written: urlsplit gives it in lower case
        return ("link_scheme" if in_markdown else "url_scheme"), {**params, "scheme": scheme}
    if "@" in parts.netloc:
        return "url_credentials", params
    if not text.lower().startswith(parts.scheme.lower() + "://") or not parts.hostname or port == 0:
        return "url_malformed", params
    return None


# --- Finding the links of a Markdown text -------------------------------------------------

class _Collector(Treeprocessor):
    """Runs after every other tree step (as MkDocs' own link step does): collects the
    address attributes of every element Markdown made."""

    def run(self, root):
        for element in root.iter():
            for name, value in element.items():
                if name in URL_ATTRIBUTES and value is not None:  # attr_list may give a name alone
                    self.md.found_links.extend(_addresses(name, value, markdown=True))
        return root


class _RawHtml(HTMLParser):
    """The address attributes of raw HTML (tags and blocks Markdown passed through)."""

    def __init__(self, found: list[Link]):
        super().__init__(convert_charrefs=False)
        self.found = found

    def handle_starttag(self, tag, attrs):
        for name, value in attrs:
            if name in URL_ATTRIBUTES and value is not None:
                self.found.extend(_addresses(name, value, markdown=False))

    handle_startendtag = handle_starttag


def _addresses(attribute: str, value: str, markdown: bool) -> list[Link]:
    if attribute == "srcset":  # "a.jpg 1x, b.jpg 2x"
        return [Link(candidate.split()[0], markdown) for candidate in value.split(",") if candidate.split()]
    return [Link(value, markdown)]


_renderer: markdown.Markdown | None = None
_plain_renderer: markdown.Markdown | None = None


# A paragraph in which Markdown has nothing to do: no character any of its inline
# patterns, HTML or entities start with, and no line that could start a block (a list,
# quote, heading, rule, table, code or attribute list) or end in a hard break.
_NOTHING_TO_RENDER = re.compile(
    r"(?!.*(?:^[ ]|[ ]$|^\d+[.)][ ]|^[-+*#>=_|]|\n[ ]*\n))"
    r"[^*_`\[\]!<>&\\{}|~\"'\s]+(?:[ \n][^*_`\[\]!<>&\\{}|~\"'\s]+)*",
    re.MULTILINE | re.DOTALL,
)


def markdown_html(text: str) -> str:
    """Record Markdown as the site's pages render it (not yet sanitised). One renderer,
    reset between texts: making a new one costs more than the text (thousands of cards).
    Most paragraphs of Chinese records hold no Markdown at all: they come back as the
    renderer gives them, `<p>text</p>`, without running it (tests/test_links.py
    compares the two on every paragraph of the records and on random text)."""
    text = text.strip("\n")
    if _NOTHING_TO_RENDER.fullmatch(text):
        return f"<p>{text}</p>"
    global _plain_renderer
    if _plain_renderer is None:
        _plain_renderer = markdown.Markdown(extensions=list(EXTENSIONS))
    _plain_renderer.reset()
    return _plain_renderer.convert(text)


def _markdown() -> markdown.Markdown:
    global _renderer
    if _renderer is None:
        _renderer = markdown.Markdown(extensions=list(EXTENSIONS))
        _renderer.treeprocessors.register(_Collector(_renderer), "yinglie_links", 0)
    return _renderer


def markdown_links(text: str) -> tuple[Link, ...]:
    """Every link target in `text` as the rendered page holds it."""
    if "[" not in text and "<" not in text and "{" not in text:
        return ()  # nearly every text: no link, autolink, raw HTML or attribute list without one of these
    return _rendered_links(text)


@lru_cache(maxsize=4096)  # asked when the field is checked, and again when relative links are resolved
def _rendered_links(text: str) -> tuple[Link, ...]:
    md = _markdown()
    md.reset()
    md.found_links = []
    md.convert(text)
    found = md.found_links
    raw = _RawHtml(found)
    for block in md.htmlStash.rawHtmlBlocks:
        raw.feed(block if isinstance(block, str) else str(block))
    raw.close()
    return tuple(found)


def link_problem(link: Link) -> tuple[str, dict] | None:
    """Why a page must not carry this link, leaving relative Markdown links to `relative_problem`."""
    decoded = html.unescape(link.target.replace(_AMP_SUBSTITUTE, "&"))  # as the browser reads it
    for target in dict.fromkeys((link.target, decoded)):
        problem = url_problem(target, in_markdown=True)
        if problem is not None:
            return problem
    if not link.markdown and not urlsplit(decoded).scheme and urlsplit(decoded).path:
        return "link_raw_relative", {"target": shown(link.target)}
    return None


# Python's HTML parser (which Python-Markdown, and so MkDocs, run over raw HTML) reads
# the words after a tag that is never closed (`<a` and no `>`) as its attributes, to
# the end of the text: a few such tags before a long text, or thousands of tags, would
# stall the check and the build. Record text needs few raw tags, if any, and closes them.
MAX_HTML_TAGS = 200
MAX_UNCLOSED_TAGS = 3
# Python-Markdown's link patterns try every "[" against the rest of the text: 20,000
# of them take half a minute. A text with links holds a few dozen.
MAX_BRACKETS = 1000
_HTML_TAG_START = re.compile(r"[A-Za-z/!?]")


def _raw_tags(text: str) -> tuple[int, int]:
    """(tags, tags never closed) in `text`: a tag is "<" and a letter, "/", "!" or "?";
    it is closed by a ">" before the next "<"."""
    tags = unclosed = 0
    for part in text.split("<")[1:]:
        if _HTML_TAG_START.match(part):
            tags += 1
            unclosed += ">" not in part
    return tags, unclosed


def markdown_problems(text: str) -> list[tuple[str, dict]]:
    """The problems of every link in a Markdown text (relative links are resolved later),
    or that it holds more raw HTML than a page can be made from in reasonable time."""
    brackets = text.count("[")
    if brackets > MAX_BRACKETS:
        return [("markdown_too_many_brackets", {"count": brackets, "limit": MAX_BRACKETS})]
    if "<" in text:
        tags, unclosed = _raw_tags(text)
        if tags > MAX_HTML_TAGS:
            return [("markdown_too_many_tags", {"count": tags, "limit": MAX_HTML_TAGS})]
        if unclosed > MAX_UNCLOSED_TAGS:
            return [("markdown_unclosed_tags", {"count": unclosed})]
    return [problem for link in markdown_links(text) if (problem := link_problem(link)) is not None]


# --- Relative links, against the files of the site ---------------------------------------------

def relative_problem(target: str, page: str, exists) -> tuple[str, dict] | None:
    """Why the relative Markdown link `target` on the page `page` (a src_uri such as
    martyrs/<id>/index.md) does not resolve, or None. `exists(uri)` says whether the
    site has that file. The rules are MkDocs' (structure/pages.py, path_to_url)."""
    try:
        parts = urlsplit(target)
    except ValueError:
        return None  # not an address at all: link_problem reports it
    if parts.scheme or parts.netloc:
        return None  # a web address, checked by link_problem
    params = {"target": shown(target)}
    if target.startswith("/"):
        return "link_absolute", {**params, "hint": _suggest(parts.path.lstrip("/"), page, exists)}
    if not parts.path:
        return None  # #fragment or ?query on the page itself
    path = unquote(parts.path)
    resolved = posixpath.normpath(posixpath.join(posixpath.dirname(page), path).lstrip("/"))
    if not resolved.startswith("../") and resolved != ".." and exists(resolved):
        return None
    if not posixpath.splitext(path)[1]:
        return "link_folder", {**params, "hint": _suggest(resolved, page, exists)}
    return "link_not_found", {**params, "resolved": resolved, "hint": _suggest(resolved, page, exists)}


def _suggest(resolved: str, page: str, exists):
    """'; write ../x/index.md' when such a page exists, else how to link a record."""
    resolved = posixpath.normpath(resolved)
    stem = posixpath.splitext(resolved)[0]
    for guess in (resolved, f"{resolved}/index.md", f"{stem}.md", f"{stem}/index.md"):
        if not guess.startswith("..") and exists(guess):
            return phrase("link_write", link=posixpath.relpath(guess, posixpath.dirname(page)))
    return phrase("link_how", example=posixpath.relpath("martyrs/qi-nanxun/index.md", posixpath.dirname(page)))
