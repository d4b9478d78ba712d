"""The pages' Content-Security-Policy, and the check that the pages keep to it.

Defence in depth: record text is sanitised (sanitise.py), and should anything slip
through, the browser still runs no script but the site's own files.

The policy grants scripts by origin only ('self'): no hash, no nonce, no
'unsafe-inline', no 'unsafe-eval'. So no inline script, inline event handler
(`onerror=`) or `javascript:` URL runs in a page, whoever wrote it; nothing has to
tell the theme's inline scripts from a record's. To make that possible the theme has
none: Material's inline scripts are files in theme/assets/material/ (the overrides in
theme/partials/javascripts/), ours are files in theme/assets/.

Every HTML file the build writes passes through `with_policy`, which puts the policy
into <head> as a <meta http-equiv> and refuses the page (the build fails, the old
site stays) if it holds anything the policy would block: an inline script, an `on…=`
attribute, a `javascript:` URL, a script from another host, a <style> element or a
style attribute. So the published site never trips its own policy, and a template
change that would (an upgrade of Material adding an inline script, a feature that
needs one) is caught at build time, not by a visitor. The check keeps the site
working under its policy; what stops an injected script is the policy itself, in
the browser, however the markup got there.

The server should send the same policy as a header, with what a <meta> cannot set
(frame-ancestors): `python -m yinglie.csp` prints it; the README shows an nginx block.

`mkdocs serve` (the preview) injects its live-reload script inline; there, and only
there, the meta policy also allows inline scripts. The check above still runs.
"""

from __future__ import annotations

import re
import sys
from html import unescape
from operator import itemgetter

from mkdocs.exceptions import PluginError

# What a page may load, and from where. Everything is the site's own: no other host.
DIRECTIVES = (
    ("default-src", "'self'"),
    ("script-src", "'self'"),        # files only: no inline script, handler, javascript: URL, eval
    ("style-src", "'self'"),         # stylesheets only: no <style>, no style="" (Material sets styles from script, which is allowed)
    ("img-src", "'self' data:"),     # Material's icons are data: SVG in its stylesheet
    ("font-src", "'self'"),
    ("connect-src", "'self'"),       # the search index, data/*.json
    ("worker-src", "'self'"),        # Material's search worker
    ("manifest-src", "'self'"),
    ("media-src", "'self'"),
    ("object-src", "'none'"),
    ("base-uri", "'self'"),
    ("form-action", "'self'"),
)
# Only a response header can set these (a <meta> policy ignores them, with a warning).
HEADER_ONLY = (("frame-ancestors", "'self'"),)

# The preview server's live-reload script is inline and differs on every request.
PREVIEW_SCRIPTS = "'self' 'unsafe-inline'"

# Inline <script> elements with these types are data, never run: Material's __config.
DATA_SCRIPT_TYPES = {"application/json", "application/ld+json"}


def _join(directives) -> str:
    return "; ".join(f"{name} {value}" for name, value in directives)


def meta_policy(preview: bool = False) -> str:
    """The policy in every page's <meta http-equiv="Content-Security-Policy">."""
    if not preview:
        return _join(DIRECTIVES)
    return _join((name, PREVIEW_SCRIPTS if name == "script-src" else value) for name, value in DIRECTIVES)


def header_policy() -> str:
    """The Content-Security-Policy header the web server sends with the published site."""
    return _join(DIRECTIVES + HEADER_ONLY)


def meta_tag(preview: bool = False) -> str:
    return f'<meta http-equiv="Content-Security-Policy" content="{meta_policy(preview)}">'


class UnsafePage(PluginError):
    """A page holds what the policy would block; the message lists each thing."""


def with_policy(html: str, where: str = "", serving: bool = False) -> str:
    """The page with its policy as the first thing in <head> after the charset.

    `serving`: the page is served by `mkdocs serve`, which injects its live-reload
    script inline (the session knows: session.py). Raises UnsafePage if the page
    holds anything the policy blocks (see `problems`).
    """
    found = problems(html)
    if found:
        raise unsafe_pages({where: found})
    return placed_policy(html, where, serving)


def unsafe_pages(found: dict[str, list[str]]) -> UnsafePage:
    """The refusal of pages whose `problems` were found: {where: problems}."""
    return UnsafePage(
        f"{', '.join(found)}: 页面含有内容安全策略（CSP）禁止的内容，网站未生成 / "
        f"the page holds what its Content-Security-Policy blocks; the site was not built:\n"
        + "\n".join(f"  {where}: {problem}" for where, listed in found.items() for problem in listed)
        + "\n  脚本请放入 theme/assets/ 下的文件，事件用 addEventListener 绑定 / put scripts in files under"
        " theme/assets/ and bind events with addEventListener (README, Content-Security-Policy)"
    )


def placed_policy(html: str, where: str = "", serving: bool = False) -> str:
    """The page with its policy placed, unread: only for a page whose `problems` are read
    elsewhere before the site is published (sitebuild.py reads them beside the build)."""
    tag = meta_tag(preview=serving)
    head = _HEAD.search(html)
    if head is None:
        raise UnsafePage(f"{where}: 页面没有 <head> / the page has no <head> for its Content-Security-Policy")
    # Right after <meta charset> (which must come first), before any script, style or link.
    at = head.end()
    charset = _CHARSET.match(html, at)
    if charset is not None:
        at = charset.end()
    return html[:at] + tag + html[at:]


_HEAD = re.compile(r"<head\b[^>]*>", re.IGNORECASE)
_CHARSET = re.compile(r"\s*<meta\s+charset=[\"']?[\w-]+[\"']?\s*/?>", re.IGNORECASE)
# Browsers drop tabs and newlines anywhere in a URL and spaces and controls around it.
_URL_IGNORED = re.compile(r"[\x00-\x20]")

# Start tags as the HTML tokenizer reads them: a name, then attributes separated by
# white space or "/" (or by nothing, after a quoted value), a value quoted with " or '
# (which may hold ">") or unquoted up to white space or ">". Comments are skipped (a
# tuple of empty strings). Other text is not: words inside <title>, <textarea> and the
# like are read as if they were tags, which can only find more than a browser would.
_WS = r"\t\n\f\r "
_NAME = rf"[^{_WS}/>][^{_WS}/=>]*+"
_VALUE = rf"""(?:"[^"]*+"|'[^']*+'|[^{_WS}>]*+)"""
_ATTRIBUTE = re.compile(rf"({_NAME})(?:[{_WS}]*+=[{_WS}]*+({_VALUE}))?+")
_TAG = re.compile(
    rf"<!--(?:-?>|[\s\S]*?(?:--!?>|\Z))"
    rf"|<([a-zA-Z][^{_WS}/>]*+)((?:[{_WS}/]++|{_NAME}(?:[{_WS}]*+=[{_WS}]*+{_VALUE})?+)*+)>"
)
# Tags always read attribute by attribute. The others only when one search over all
# their attributes finds on…=, style= or srcdoc=, a "&" or a "t:" (with at most tabs
# and newlines between, which URLs drop): without these no attribute is a handler or
# a style, and no value is, or decodes to, a javascript: URL.
_READ_TAGS = {"script", "style", "meta"}
_SUSPECT = re.compile(rf"[\x00{_WS}/\"'](?:on[^{_WS}/=>]*|style|srcdoc)[{_WS}]*=|t[\t\n\r]*:|&", re.IGNORECASE)


def problems(html: str) -> list[str]:
    """Everything in the page that its policy would block, one line each (empty: none).

    Start tags are read as a browser reads them (attribute values with character
    references decoded), so `<a href="jav&#x61;script:…">` and `<svg/onload=…>` are
    found. Regular expressions, not Python's HTML parser: a page takes a fraction of a
    millisecond, which matters at ten thousand pages. The page's own policy, once
    placed by `with_policy`, is no problem: another policy is.
    """
    tags = _TAG.findall(html)
    read_all = _SUSPECT.search("\x00".join(map(itemgetter(1), tags))) is not None
    found = []
    for index, (name, attributes) in enumerate(tags):
        name = name.lower()
        if read_all or name in _READ_TAGS:
            found.extend((index, problem) for problem in _tag_problems(name, _attributes(attributes)))
    if not found:
        return []
    matches = list(_TAG.finditer(html))  # the same tags again, now with where they are
    return [f"line {html.count(chr(10), 0, matches[index].start()) + 1}: {problem}: {_shorten(matches[index].group(0))}"
            for index, problem in found]


def _attributes(text: str) -> list[tuple[str, str]]:
    pairs = []
    for name, value in _ATTRIBUTE.findall(text):
        if value[:1] in ("'", '"'):
            value = value[1:-1]
        pairs.append((name.lower(), unescape(value)))
    return pairs


def _tag_problems(tag: str, attributes: list[tuple[str, str]]):
    values: dict[str, str] = {}
    for name, value in attributes:
        values.setdefault(name, value)  # the first of two same-named attributes counts
        if name.startswith("on"):
            yield f"inline event handler 内联事件处理 {name}="
        if _URL_IGNORED.sub("", value).lower().startswith("javascript:"):
            yield "javascript: URL 链接"
        if name == "style":
            yield "style attribute 内联样式"
        if name == "srcdoc":
            yield "srcdoc (an inline document 内联文档)"
    if tag == "style":
        yield "<style> element 内联样式表"
    if tag == "script":
        src = values.get("src")
        if src is None:
            if values.get("type", "").strip().lower() not in DATA_SCRIPT_TYPES:
                yield "inline script 内联脚本"
        elif re.match(r"^[\x00-\x20]*([a-z][a-z0-9+.\t\n-]*:|[/\\][/\\])", src, re.IGNORECASE):
            yield "script not from this site 外站脚本"
    if tag == "meta" and values.get("http-equiv", "").strip().lower() == "content-security-policy":
        if values.get("content") not in (meta_policy(), meta_policy(preview=True)):
            yield "another Content-Security-Policy 另一条安全策略"


def _shorten(text: str, limit: int = 120) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def main(argv: list[str] | None = None) -> int:
    """`python -m yinglie.csp`: the header value for the web server (README, "Content-Security-Policy").

    `--meta` prints the policy the pages carry instead.
    """
    argv = sys.argv[1:] if argv is None else argv
    print(meta_policy() if "--meta" in argv else header_policy())
    return 0


if __name__ == "__main__":
    sys.exit(main())
