"""The last scan: everything the build wrote, as a visitor (or a program) reads it.

The publication guard (guard.py) reads every record value as typed. What a page
shows can differ: Markdown decodes `&#51;` and `\\-`, an empty tag such as
`<span></span>` disappears from the text, and a template may join values. So after
the build, and before the new site replaces the old one, every file written is read
again in the form it is published in, and passed through the same guard:

- pages and plaque sheets (HTML): the text with tags removed (inline tags join what
  is either side of them, block tags end a line), entities decoded, plus the
  attribute values a browser shows or follows (title, alt, aria-label, placeholder,
  value, meta content, href, data-*), and inline JSON (Material's settings);
  `<script>` code and `<style>` are not text;
- every JSON file (open data, the record search index, Material's search index):
  each string, also with its tags removed and entities decoded;
- the Atom feed, the sitemap and other XML: element text, decoded twice (a feed
  entry's HTML is escaped inside the XML), and attribute values;
- the calendar (.ics): lines unfolded, `\\,` `\\;` `\\n` unescaped;
- any other text file. The theme's code (`.js`, `.css`, source maps: Material's
  and theme/assets) is not published record text and is not read.

Before the guard sees a text it is normalised (NFKC; zero-width, format and other
invisible characters removed) and the values mkdocs.yml declares public (the
footer's items, `extra.publication_guard.public_values`) are struck out, matched
whatever separators stand between their characters and never as part of a longer
number. Award-notice rules (addresses below town level) apply to the honor roll's
pages, `data/honors.json` and the notice entries of the search indexes.

Text is read block by block (a paragraph, a table cell, an attribute value: what a
visitor sees apart), and a block read clean once is not read again: the theme's
labels are on every page, and a martyr's deeds on the page, the story card and the
projector view.

A finding names the record file, line and field it came from, found by scanning
that record's values (as typed, and as Markdown renders them); where no record
value holds it, it names the output file. All findings are reported at once and
the build fails, so `python -m yinglie build` keeps the previous site.
"""

from __future__ import annotations

import csv
import gzip
import html
import io
import json
import logging
import os
import re
import time
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from urllib.parse import unquote

from mkdocs.exceptions import PluginError

from . import guard
from .errors import Problems, RecordsInvalid
from .honorpages import HONORS_JSON
from .publictables import TABLE_FILES
from .publicvalues import STRUCK, public_values
from .recordfile import read_document
from .search import SEARCH_INDEX
from .urls import EXTENSIONS
from .yamlsource import Located

log = logging.getLogger("mkdocs.plugins.yinglie.published")

# --- Published text of each kind of file ----------------------------------------------

# A tag, its attributes quoted or not (a quoted value may hold ">").
_TAG_BODY = r"""[^>"']*(?:(?:"[^"]*"|'[^']*')[^>"']*)*"""
_BLOCK_NAMES = (
    "address|article|aside|blockquote|body|br|button|caption|col|colgroup|dd|details|dialog|div|dl|dt|"
    "fieldset|figcaption|figure|footer|form|h[1-6]|head|header|hr|html|input|label|legend|li|link|main|"
    "menu|meta|nav|noscript|ol|optgroup|option|p|pre|section|select|summary|table|tbody|td|textarea|"
    "tfoot|th|thead|title|tr|ul|svg|g|text|desc|iframe|video|audio|source|picture|canvas|object|embed"
)
# Lower case only: MkDocs, Python-Markdown and the sanitiser (nh3) write tags and
# attributes in lower case. A tag in capitals is read as inline (it joins, never splits).
_BLOCK_TAG = re.compile(rf"</?(?:{_BLOCK_NAMES})(?![\w-]){_TAG_BODY}>")
_ANY_TAG = re.compile(rf"<[A-Za-z/!?]{_TAG_BODY}>")
_COMMENT_MARK = re.compile(r"<!--|-->")
# Between two blocks (paragraphs, table cells, list items, attribute values): a mark
# that is neither a letter, a digit nor a separator, so that the guard never joins the
# numbers on either side into one (two table cells "1380" and "0138000" are two numbers).
# Within a block, line breaks are spaces, and the guard joins digit groups across them.
BOUNDARY = "\n¶\n"
_RAW_TEXT = re.compile(rf"<(script|style)(?![\w-])({_TAG_BODY})>(.*?)</\1\s*>", re.IGNORECASE | re.DOTALL)
# Attribute values a browser shows (title, alt, aria-*, placeholder, value, label,
# meta content), follows (href, src, action) or a script may show (data-*).
_ATTRIBUTE = re.compile(
    r"""[\s"'](?=[tavlchsdp])(?:title|alt|aria-[\w-]+|placeholder|value|label|content|href|src|srcset|action"""
    r"""|data-[\w-]+)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+))"""
)


def _strings(value, out: list[str]) -> None:
    """Every string in a parsed JSON value (keys too), in document order."""
    if isinstance(value, str):
        out.append(value)
    elif isinstance(value, dict):
        for key, item in value.items():
            out.append(key)
            _strings(item, out)
    elif isinstance(value, list):
        for item in value:
            _strings(item, out)


def _script_text(match: re.Match) -> str:
    """Inline JSON (Material's settings) is data and read; scripts and styles are code."""
    if match.group(1).lower() == "script" and "json" in match.group(2).lower():
        try:
            found: list[str] = []
            _strings(json.loads(match.group(3)), found)
            return BOUNDARY + BOUNDARY.join(found) + BOUNDARY
        except ValueError:
            return "\n" + match.group(3) + "\n"
    return "\n"


def visible_html(markup: str, every_tag_a_block: bool = False) -> str:
    """What a page shows and links to, as text: see the module's docstring.
    `every_tag_a_block`: XML (the feed, the sitemap), whose elements are fields, not
    inline text: two elements' texts are never one number."""
    attributes = []
    for match in _ATTRIBUTE.finditer(markup):
        value = html.unescape(match.group(1) or match.group(2) or match.group(3) or "")
        attributes.append(unquote(value) if "%" in value else value)
    text = _RAW_TEXT.sub(_script_text, markup) if "<s" in markup or "<S" in markup else markup
    if "<!--" in text:
        text = _COMMENT_MARK.sub("\n", text)
    text = _ANY_TAG.sub(BOUNDARY if every_tag_a_block else "", _BLOCK_TAG.sub(BOUNDARY, text))
    text = html.unescape(text)
    return BOUNDARY.join([text, *attributes]) if attributes else text


def decoded_string(value: str) -> str:
    """A string from a JSON or XML file, and what it shows if it holds markup."""
    if "<" in value or "&" in value:
        return value + BOUNDARY + visible_html(value)
    return value


# A calendar entry's UID (`qingming-2022@www.example.gov.cn`) is an identifier the
# format requires, made by feeds.py from a record's file name and the site's host; no
# calendar program shows it. It looks like an email address, so it is not read.
_CALENDAR_UID = re.compile(r"^UID[;:].*$", re.MULTILINE | re.IGNORECASE)


def calendar_text(text: str) -> str:
    """An iCalendar file's values: lines unfolded, text escapes undone, UIDs left out."""
    text = _CALENDAR_UID.sub("", re.sub(r"\r?\n[ \t]", "", text))
    return re.sub(r"\\([,;\\nN])", lambda m: "\n" if m.group(1) in "nN" else m.group(1), text)


# --- Where a finding came from ---------------------------------------------------------

@dataclass(frozen=True)
class Source:
    """A record value: its file, line and field name, as the record-time guard names it."""

    path: Path
    line: int
    field: str


def _record_values(raw, path: Path, prefix: str = ""):
    """(line, field, text) of every text value of a record read from YAML (as guard_record names them)."""
    if isinstance(raw, Located):
        for key, value in raw.items():
            yield from _field_values(value, raw.line_of(key), f"{prefix}{key}")
    elif isinstance(raw, list):  # a file of award notices: each item is a record
        for item in raw:
            yield from _record_values(item, path)


def _field_values(value, line: int, name: str):
    if isinstance(value, str):
        yield line, name, value
    elif isinstance(value, Located):
        yield from _record_values(value, None, prefix=name + ".")
    elif isinstance(value, list):
        lines = getattr(value, "item_lines", [line] * len(value))
        for index, item in enumerate(value):
            yield from _field_values(item, lines[index], f"{name}[{index + 1}]")
    elif isinstance(value, int) and not isinstance(value, bool):
        yield line, name, str(value)


# --- The scan -------------------------------------------------------------------------

# The theme's code (Material's and theme/assets, both copied to assets/) is not
# published record text; images and fonts are not text.
CODE_FOLDER = "assets/"
CODE_SUFFIXES = {".js", ".mjs", ".css", ".map"}
BINARY_SUFFIXES = {".png", ".jpg", ".jpeg", ".webp", ".gif", ".ico", ".woff", ".woff2", ".ttf", ".eot",
                   ".otf", ".pdf", ".zip"}
# Output under this folder is the honor roll: the notice rules apply.
HONORS_PREFIX = "honors/"
NOTICE_FILES = {HONORS_JSON, TABLE_FILES["notice"]}
# At most this many output files are named for one finding that no record holds
# (a template's text is on every page); the rest are counted.
FILES_NAMED = 5


# The page's own content in Material's layout: from the content column to the end of
# <main> (the navigation and table of contents come before it, and are read with the frame).
_CONTENT_START = '<div class="md-content" data-md-component="content">'
_CONTENT_END = "</main>"
FRAMES_KEPT = 1000  # distinct theme frames remembered (one per page depth and kind, usually)
FRAME_CONTEXT = 120  # characters each side of a page's own value in the frame, read again


class PublishedScan:
    """The scan of one build. `scan_page` as MkDocs writes each page, `scan_files` after."""

    def __init__(self, catalogue, pages, preview: bool = False, documents: dict | None = None):
        self.catalogue = catalogue
        self.settings = catalogue.settings
        self.pages = pages
        self.preview = preview
        self.documents = documents
        # The record search index's codes of the kinds that name living people (notices).
        self.notice_codes = {kind.search.code for kind in catalogue.kinds if kind.notice and kind.search}
        self.started = time.time()
        self.public = public_values(self.settings.public_values)
        self.scanned: set[str] = set()  # output files already read as pages
        self.found: dict[tuple, list[str]] = {}  # (key, excerpt, notice, record paths) -> output files
        self._sources: dict[tuple, Source | None] = {}
        self._frames: set[tuple[bool, str]] = set()
        self._clean_blocks: set[tuple[bool, str]] = set()  # (notice rules?, block) read with no finding
        self.seconds = {"pages": 0.0, "files": 0.0}  # time spent, shown by `mkdocs build --verbose`
        self.counts = {"pages": 0, "files": 0}

    # What each output gives the guard.

    def findings(self, text: str, notice: bool) -> list[guard.Finding]:
        return guard.scan(self.public.strike(text), notice)

    def scan_page(self, markup: str, src_uri: str, dest_uri: str | None = None, variable=()) -> None:
        """A page as MkDocs writes it. `variable`: what differs between pages that share
        a theme frame (the page title, its canonical address); see `_frame_seen`."""
        started = time.perf_counter()
        dest_uri = dest_uri or src_uri
        self.scanned.add(dest_uri)
        page = self.pages.get(src_uri)
        records = (Path(page.edit_path),) if page is not None and page.edit_path is not None else ()
        notice = dest_uri.startswith(HONORS_PREFIX)
        start, end = markup.find(_CONTENT_START), markup.rfind(_CONTENT_END)
        if 0 <= start < end:
            frame = markup[:start] + "\n" + markup[end:]
            if not self._frame_seen(frame, [v for v in variable if v and len(v) > 1], dest_uri, notice, records):
                self._note(visible_html(frame), dest_uri, notice, records)
            markup = markup[start:end]
        self._note(visible_html(markup), dest_uri, notice, records)
        self.seconds["pages"] += time.perf_counter() - started
        self.counts["pages"] += 1

    def _frame_seen(self, frame: str, variable: list[str], output: str, notice: bool, records: tuple) -> bool:
        """Whether the theme's frame around this page's content (head, header, navigation,
        footer, scripts) was read already, on another page, but for the page's own values.

        The frames of pages at one depth are the same but for the page title and address.
        With those taken out, a frame seen before on a page where it held nothing to
        refuse needs only the text around each of this page's values read: anything
        else in it was read on that page. (Thousands of record pages share a frame.)
        """
        key = frame
        for value in variable:
            key = key.replace(value, "\x00")
        key = (notice, key)  # the honor roll's pages are read with the notice rules
        if key not in self._frames:
            if len(self._frames) < FRAMES_KEPT and not self.findings(visible_html(frame), notice):
                self._frames.add(key)
                return True
            return False
        for value in variable:
            at = frame.find(value)
            while at >= 0:
                around = frame[max(0, at - FRAME_CONTEXT):at + len(value) + FRAME_CONTEXT]
                self._note(visible_html(around), output, notice, records)
                at = frame.find(value, at + len(value))
        return True

    def scan_files(self, site_dir: Path, share: tuple[int, int] = (0, 1)) -> None:
        """Every file in the site not read yet (`share`: (n, of): every of-th of them from the
        n-th, for a build that reads them in several processes; sitebuild.py)."""
        started = time.perf_counter()
        part, parts = share
        for path, relative in self.unread_files(site_dir)[part::parts]:
            self.scan_file(path, relative)
            self.counts["files"] += 1
        self.seconds["files"] += time.perf_counter() - started
        log.debug("Last scan: %d pages in %.0f ms (%d theme frames), %d other files in %.0f ms",
                  self.counts["pages"], self.seconds["pages"] * 1000, len(self._frames), self.counts["files"],
                  self.seconds["files"] * 1000)

    def unread_files(self, site_dir: Path) -> list[tuple[Path, str]]:
        """(path, address) of the files in the site the scan has not read, that it reads."""
        unread = []
        for folder, folders, names in os.walk(site_dir):
            folders.sort()
            base = Path(folder).relative_to(site_dir).as_posix()
            for name in sorted(names):
                suffix = os.path.splitext(name)[1].lower()
                relative = name if base == "." else f"{base}/{name}"
                if relative in self.scanned or suffix in BINARY_SUFFIXES or (
                        suffix in CODE_SUFFIXES and relative.startswith(CODE_FOLDER)):
                    continue
                path = Path(folder, name)
                if self.preview and path.stat().st_mtime < self.started - 1:
                    continue  # a preview reads only what this rebuild wrote
                unread.append((path, relative))
        return unread

    def findings_count(self) -> int:
        """How many (finding, output file) pairs the scan holds: unchanged by a clean read."""
        return sum(len(outputs) for outputs in self.found.values())

    def merge(self, scanned: set[str], found: dict[tuple, list[str]]) -> None:
        """What a copy of this scan read and found in another process (sidejob.py)."""
        self.scanned |= scanned
        for key, outputs in found.items():
            mine = self.found.setdefault(key, [])
            mine[:] = dict.fromkeys([*mine, *outputs])

    def scan_file(self, path: Path, relative: str) -> None:
        data = path.read_bytes()
        if relative.endswith(".gz"):
            data = gzip.decompress(data)
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError:
            return  # not text: an image or font under another name
        self.scan_text(text, relative)

    def scan_text(self, text: str, relative: str) -> None:
        """A file's text as written at `relative` in the site (a .gz file: its content)."""
        self.scanned.add(relative)
        relative_kind = relative[:-3] if relative.endswith(".gz") else relative
        kind = Path(relative_kind).suffix.lower()
        notice = relative_kind.startswith(HONORS_PREFIX) or relative_kind in NOTICE_FILES
        if kind == ".json":
            self._scan_json(text, relative, notice)
        elif kind in (".html", ".htm"):
            self._note(visible_html(text), relative, notice)
        elif kind in (".xml", ".svg", ".atom", ".rss"):
            self._note(decoded_string(visible_html(text, every_tag_a_block=True)), relative, notice)
        elif kind == ".ics":
            self._note(calendar_text(text), relative, notice)
        elif kind == ".csv":
            self._scan_csv(text, relative, notice)
        else:
            self._note(text, relative, notice)

    def _scan_json(self, text: str, relative: str, notice: bool) -> None:
        try:
            document = json.loads(text)
        except ValueError:
            self._note(text, relative, notice)
            return
        everything: list[str] = []
        _strings(document, everything)
        self._note_strings(everything, relative, notice)
        if not notice:  # the honor roll's entries in an index of all kinds
            self._note_strings(_notice_strings(document, relative, self.notice_codes), relative, True)

    def _scan_csv(self, text: str, relative: str, notice: bool) -> None:
        """A table (data/*.csv) cell by cell, as a spreadsheet program shows it: no number
        is made of two cells, and every cell is read, as the values of a JSON file are."""
        cells = [cell for row in csv.reader(io.StringIO(text.removeprefix("\ufeff"), newline="")) for cell in row]
        self._note_strings(cells, relative, notice)

    def _note_strings(self, strings: list[str], output: str, notice: bool) -> None:
        """Many short values, read a chunk at a time (the open data of 5,000 records is 18 MB).
        A mark no match runs across keeps the values apart. Each distinct value once: the
        same periods, towns, dates and sources recur in thousands of records."""
        chunk, size = [], 0
        for value in dict.fromkeys(strings):
            chunk.append(decoded_string(value))
            size += len(chunk[-1])
            if size > JSON_CHUNK:
                self._note(_JOINER.join(chunk), output, notice)
                chunk, size = [], 0
        if chunk:
            self._note(_JOINER.join(chunk), output, notice)

    def _note(self, text: str, output: str, notice: bool, records: tuple = ()) -> None:
        """The guard over `text` block by block (a paragraph, a table cell, an attribute:
        see BOUNDARY, which no rule matches across). A block read clean before, on this
        page or another, is not read again: the theme's labels recur on every page, a
        martyr's deeds on the page, the story card and the projector view."""
        for block in dict.fromkeys(text.split(BOUNDARY)):
            if (notice, block) not in self._clean_blocks:
                self._note_block(block, output, notice, records)

    def _note_block(self, text: str, output: str, notice: bool, records: tuple) -> None:
        findings = self.findings(text, notice)
        if not findings:
            self._clean_blocks.add((notice, text))
            return
        if "\n" in text:
            # The guard names the first match of each kind in a text: read each line too,
            # so that every number on a page (every value of a file) is reported at once.
            findings += [finding for line in text.split("\n") if line.strip()
                         for finding in self.findings(line, notice)]
        for finding in findings:
            outputs = self.found.setdefault((finding.key, finding.excerpt, notice, records), [])
            if output not in outputs[-1:]:
                outputs.append(output)

    # Naming the source.

    def problems(self) -> Problems:
        problems = Problems(self.settings.root, self.settings.language)
        unknown: dict[tuple, list[str]] = {}
        for (key, excerpt, notice, records), outputs in self.found.items():
            source = self._source(key, excerpt, notice, records)
            if source is not None:
                problems.add(source.path, source.line, source.field, key, excerpt=excerpt)
            else:
                unknown.setdefault((key, excerpt), []).extend(outputs)
        problems.found = list(dict.fromkeys(problems.found))  # one value shown in several files
        for (key, excerpt), outputs in unknown.items():
            outputs = sorted(set(outputs))
            for output in outputs[:FILES_NAMED]:
                problems.add(f"site/{output}", 1, "-", key, excerpt=excerpt)
            if len(outputs) > FILES_NAMED:
                problems.add("site", 1, "-", "published_more_files", count=len(outputs) - FILES_NAMED,
                             excerpt=excerpt)
        return problems

    def _source(self, key: str, excerpt: str, notice: bool, records: tuple) -> Source | None:
        """The record value that shows this finding: the page's own record first, then any.

        The search through every record is made once per finding, not once per page that
        shows it (a template's text is on every page: thousands of searches of thousands
        of records)."""
        wanted = (key, excerpt)
        for path in records:
            found = self._source_in(path, wanted, notice)
            if found is not None:
                return found
        anywhere = (key, excerpt, notice)
        if anywhere not in self._sources:
            self._sources[anywhere] = next((s for path in self._record_files
                                            if (s := self._source_in(path, wanted, notice)) is not None), None)
        return self._sources[anywhere]

    def _source_in(self, path: Path, wanted: tuple, notice: bool) -> Source | None:
        raw = read_document(path, self.settings, self.documents)
        for line, field, value in _record_values(raw, path):
            for text in self._shown_forms(value):
                if any((f.key, f.excerpt) == wanted for f in self.findings(text, notice)):
                    return Source(path, line, field)
        return None

    def _shown_forms(self, value: str):
        """A value as typed, and as the page shows it once Markdown has rendered it."""
        yield value
        if any(char in value for char in "&\\<*_`[!"):
            self._markdown.reset()
            yield visible_html(self._markdown.convert(value))

    @cached_property
    def _markdown(self):
        import markdown

        return markdown.Markdown(extensions=list(EXTENSIONS))

    @cached_property
    def _record_files(self) -> list[Path]:
        catalogue = self.catalogue
        # Every record of every kind with a list of records; the notices' roll below.
        paths = [record.path for records in catalogue.records.values() if isinstance(records, list)
                 for record in records]
        if catalogue.honors is not None:
            paths += [notice.path for notice in catalogue.honors.published]
            paths += [totals.path for totals in catalogue.honors.totals.values()]
        return list(dict.fromkeys(paths))

    def raise_if_any(self) -> None:
        problems = self.problems()
        if problems:
            raise PluginError(str(RecordsInvalid(problems.found, self.settings.language)))


_JOINER = f"\n{STRUCK}\n"
JSON_CHUNK = 200_000  # characters of JSON strings read at once


def _notice_strings(document, relative: str, notice_codes: set[str]) -> list[str]:
    """The strings of award-notice entries in an index that holds every kind of record
    (`notice_codes`: the search codes of the kinds that name living people)."""
    found: list[str] = []
    if relative == SEARCH_INDEX and isinstance(document, dict):
        facts = document.get("s") or []
        for row in document.get("r") or []:
            if isinstance(row, list) and row and row[0] in notice_codes:
                for item in row:
                    if isinstance(item, list):
                        found += [facts[i] for i in item if isinstance(i, int) and 0 <= i < len(facts)]
                    elif isinstance(item, str):
                        found.append(item)
    elif isinstance(document, dict) and isinstance(document.get("docs"), list):  # Material's search index
        for entry in document["docs"]:
            if isinstance(entry, dict) and str(entry.get("location", "")).startswith(HONORS_PREFIX):
                _strings(entry, found)
    return found
