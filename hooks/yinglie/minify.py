"""What the site publishes, made smaller without changing what it shows.

- The site's own stylesheets and scripts, published without comments and spaces.

theme/assets/ keeps them as written, with the comments that explain them; the built
site gets them minified (rcssmin, rjsmin), which makes what every page loads of ours
(memorial.css, head.js) about half as large gzipped: on a phone on a slow
network that is most of what the site adds to Material's own files, which Material
ships minified already. A comment that opens with `/*!` (a licence notice) is kept.
A script that reads the site's data (`yinglieData.load(`) is published with the reader,
site-data.js, in front of it: a request fewer for the page (0.35 KiB on a phone, most of
it headers), and site-data.js is not published alone.

- Each page's HTML without the indentation its templates write (Material's and ours):
  about 0.4 KiB gzipped a page, of the 1 KiB or so that a page of ours weighed over
  plain Material's. A browser shows a run of white space between words or tags as one
  space, and none between blocks, so a line's leading spaces and tabs can go: its line
  break is kept (and with it every line's number, which a template's error names).
  Inside <pre>, <textarea> and <code> white space is shown as written, and <script> and
  <style> are left as the templates wrote them: those are copied unchanged. Only ASCII
  white space: U+3000 (the full-width space) is text.
"""

from __future__ import annotations

import re
from pathlib import Path

import rcssmin
import rjsmin
from jinja2.ext import Extension

MINIFIERS = {
    ".css": lambda text: rcssmin.cssmin(text, keep_bang_comments=True),
    ".js": lambda text: rjsmin.jsmin(text, keep_bang_comments=True),
}


DATA_READER = "site-data.js"  # in front of each script that reads data (window.yinglieData)


def minify_theme_assets(theme_dir: Path, site_dir: Path) -> None:
    """Minify, in the built site, each stylesheet and script the theme's assets/ folder
    holds; a script that reads data gets the data reader in front of it."""
    reader_source = theme_dir / "assets" / DATA_READER
    reader = reader_source.read_text(encoding="utf-8") if reader_source.is_file() else None
    for source in sorted((theme_dir / "assets").rglob("*")):
        minify = MINIFIERS.get(source.suffix)
        target = site_dir / source.relative_to(theme_dir)
        if minify is None or not target.is_file():
            continue
        if source == reader_source:
            target.unlink()
            continue
        # From the source, not the copy: a preview rebuild (`--dirty`) may keep the copy
        # made smaller before, which must not get the reader twice.
        text = source.read_text(encoding="utf-8")
        if reader is not None and source.suffix == ".js" and "yinglieData.load(" in text:
            text = reader + "\n" + text
        target.write_text(minify(text), encoding="utf-8")


# An element whose text is kept as written, whole up to its own end tag (a <pre> that
# holds a <code> is kept up to </pre>).
_KEPT_AS_WRITTEN = re.compile(r"<(pre|textarea|code|script|style)\b.*?</\1\s*>", re.IGNORECASE | re.DOTALL)
_INDENTATION = re.compile(r"\n[ \t]+")


def compact_page(html: str) -> str:
    """The page without the spaces and tabs that begin its lines, outside the elements
    kept as written (module docstring)."""
    parts, done = [], 0
    for kept in _KEPT_AS_WRITTEN.finditer(html):
        parts.append(_INDENTATION.sub("\n", html[done:kept.start()]))
        parts.append(kept.group())
        done = kept.end()
    parts.append(_INDENTATION.sub("\n", html[done:]))
    return "".join(parts)


class CompactTemplates(Extension):
    """An HTML template (Material's or ours) compacted as it is compiled: its pages come
    out without the indentation, at no cost per page (`compact_page` on each page would
    cost about 70 µs)."""

    def preprocess(self, source: str, name: str | None, filename: str | None = None) -> str:
        return compact_page(source) if name is not None and name.endswith(".html") else source
