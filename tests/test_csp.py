"""The Content-Security-Policy: in every built page, and kept by every page.

The browser side (no violation on any page kind, injected handlers blocked) is in
tests/browser/test_csp.py; here the built files and the build-time check.
"""

from __future__ import annotations

import re
import subprocess
import sys

import pytest

from yinglie.csp import DATA_SCRIPT_TYPES, UnsafePage, header_policy, meta_policy, problems, with_policy

META = re.compile(r'<meta http-equiv="Content-Security-Policy" content="([^"]*)">')
SCRIPT_TAG = re.compile(r"<script\b([^>]*)>", re.IGNORECASE)


def _html_files(site):
    files = sorted(site.rglob("*.html"))
    assert len(files) > 20  # the demo site: pages, 404.html, plaque sheets
    return files


def test_the_policy_allows_scripts_from_the_site_only():
    directives = dict(part.split(" ", 1) for part in meta_policy().split("; "))
    assert directives["script-src"] == "'self'"  # no hash, nonce, 'unsafe-inline' or 'unsafe-eval'
    assert directives["default-src"] == "'self'"
    assert directives["object-src"] == "'none'"
    assert directives["base-uri"] == "'self'"
    # No other host anywhere: every source is a keyword or data: (Material's icons, images only).
    sources = {source for value in directives.values() for source in value.split()}
    assert sources <= {"'self'", "'none'", "data:"}
    assert "data:" in directives["img-src"] and all("data:" not in v for k, v in directives.items() if k != "img-src")
    assert "frame-ancestors" not in directives  # ignored in <meta>: only the header sets it


def test_the_header_is_the_page_policy_plus_frame_ancestors():
    assert header_policy() == meta_policy() + "; frame-ancestors 'self'"
    printed = subprocess.run([sys.executable, "-m", "yinglie.csp"], capture_output=True, text=True, check=True)
    assert printed.stdout.strip() == header_policy()
    printed = subprocess.run([sys.executable, "-m", "yinglie.csp", "--meta"], capture_output=True, text=True, check=True)
    assert printed.stdout.strip() == meta_policy()


def test_every_built_page_carries_the_policy_before_anything_it_governs(demo_site):
    for path in _html_files(demo_site):
        html = path.read_text(encoding="utf-8")
        where = path.relative_to(demo_site)
        assert META.findall(html) == [meta_policy()], where
        head = html[: html.index("</head>")]
        first_loaded = min(head.index(tag) for tag in ("<script", "<link", "<style") if tag in head)
        assert META.search(html).start() < first_loaded, where
        assert re.search(r"<head>\s*<meta charset=\"utf-8\">", html[: META.search(html).start()], re.IGNORECASE), where


def test_no_built_page_has_an_inline_script_handler_or_javascript_url(demo_site):
    """The policy lists no hash: every script in a page must be a file of the site."""
    for path in _html_files(demo_site):
        html = path.read_text(encoding="utf-8")
        where = path.relative_to(demo_site)
        assert problems(html) == [], where
        # Independently of the checker: each <script> loads a file of the site, or is data.
        for attributes in SCRIPT_TAG.findall(html):
            src = re.search(r'\bsrc="([^"]+)"', attributes)
            if src:
                assert not re.match(r"^([a-z]+:|//)", src.group(1)), (where, attributes)
            else:
                kind = re.search(r'\btype="([^"]+)"', attributes)
                assert kind and kind.group(1) in DATA_SCRIPT_TYPES, (where, attributes)
        assert not re.search(r"<[^>]*\son[a-z]+\s*=", html), where
        assert not re.search(r"""\b(href|src|action)\s*=\s*["']?\s*javascript:""", html, re.IGNORECASE), where


def test_the_scripts_the_pages_load_are_the_themes_files(demo_site):
    """Material's former inline scripts are files beside its own, in every page kind."""
    home = (demo_site / "index.html").read_text(encoding="utf-8")
    assert '<script src="assets/head.js" data-md-scope="."></script>' in home  # Material's base script and ours
    missing = (demo_site / "404.html").read_text(encoding="utf-8")
    assert 'data-md-scope="/zt/yinglie/"' in missing  # 404.html is served at any depth: its scope is absolute
    sheet = (demo_site / "martyrs/qi-nanxun/plaque/index.html").read_text(encoding="utf-8")
    assert '<button type="button" data-print hidden>' in sheet and "assets/plaque.js" in sheet
    for name in ("head.js", "plaque.js"):
        assert (demo_site / "assets" / name).is_file()


@pytest.mark.parametrize("html, expected", [
    ("<p>ok</p><script>alert(1)</script>", "inline script"),
    ('<script type="module">alert(1)</script>', "inline script"),
    ('<script type="text/javascript">alert(1)</script>', "inline script"),
    ("<script/>", "inline script"),
    ('<img src="x" onerror="alert(1)">', "onerror="),
    ("<svg><a onClick='x()'></a></svg>", "onclick="),
    ('<IMG SRC=x ONERROR=alert(1)>', "onerror="),
    ("<svg/onload=alert(1)>", "onload="),
    ('<a href="x"onclick="y()">x</a>', "onclick="),
    ("<a title='a > b' onmouseover=y()>x</a>", "onmouseover="),
    ('<a title="<b" onfocus="y()">x</a>', "onfocus="),
    ("<a href=javascript:alert(1)>x</a>", "javascript: URL"),
    ('<a href="&#106;avascript&#x3A;alert(1)">x</a>', "javascript: URL"),
    ('<svg><a xlink:href="javascript:alert(1)"><text>x</text></a></svg>', "javascript: URL"),
    ('<script src="x.js" type="module"></script><script>y()</script>', "inline script"),
    ('<script data-x=\'src="a.js"\'>alert(1)</script>', "inline script"),
    ('<script src="\\\\cdn.example.com/x.js"></script>', "not from this site"),
    ('<a href="javascript:alert(1)">x</a>', "javascript: URL"),
    ('<a href=" JaVa&#x53;cript&colon;alert(1)">x</a>', "javascript: URL"),
    ('<a href="java\tscript:alert(1)">x</a>', "javascript: URL"),
    ('<form action="javascript:x()"></form>', "javascript: URL"),
    ('<script src="https://cdn.example.com/x.js"></script>', "not from this site"),
    ('<script src="//cdn.example.com/x.js"></script>', "not from this site"),
    ('<p style="color:red">x</p>', "style attribute"),
    ("<style>p{}</style>", "<style> element"),
    ('<iframe srcdoc="<script>x()</script>"></iframe>', "srcdoc"),
    ('<meta http-equiv="Content-Security-Policy" content="script-src *">', "another Content-Security-Policy"),
])
def test_the_check_finds_what_the_policy_would_block(html, expected):
    found = problems(html)
    assert len(found) == 1 and expected in found[0], found


def test_the_check_lets_the_sites_own_kinds_of_script_through():
    page = ('<head><script src="../assets/x.js" defer></script>'
            '<script id="__config" type="application/json">{"base": ".."}</script></head>'
            '<p title="onerror=x">JavaScript: 文字</p><a href="../martyrs/">名录</a>'
            '<!-- a comment is no tag: <img src=x onerror=y()> -->')
    assert problems(page) == []


def test_with_policy_puts_the_meta_after_the_charset_or_refuses_the_page():
    out = with_policy('<!doctype html><html><head>\n  <meta charset="utf-8">\n<title>t</title></head></html>', "x.md")
    assert out.startswith('<!doctype html><html><head>\n  <meta charset="utf-8"><meta http-equiv="Content-Security-Policy"')
    out = with_policy("<html><head><title>t</title></head></html>", "x.md")
    assert out.startswith('<html><head><meta http-equiv="Content-Security-Policy"')
    with pytest.raises(UnsafePage, match=r"(?s)martyrs/a\.md.*inline event handler.*javascript: URL"):
        with_policy('<html><head></head><img src=x onerror="y()"><a href="javascript:z()">', "martyrs/a.md")


def test_a_template_with_an_inline_script_fails_the_build(built_project):
    """A template that would need 'unsafe-inline' (or a hash) stops the build; the old site stays."""
    project = built_project
    before = (project.site / "index.html").read_text(encoding="utf-8")
    main = project.root / "theme/main.html"
    main.write_text(main.read_text(encoding="utf-8").replace(
        "{% block extrahead %}", '{% block extrahead %}\n  <script>console.log("inline")</script>'), encoding="utf-8")
    result = project.build()
    assert result.returncode != 0
    assert "inline script" in result.stderr and "Content-Security-Policy" in result.stderr
    assert (project.site / "index.html").read_text(encoding="utf-8") == before


def test_a_plaque_sheet_with_an_inline_handler_fails_the_build(project):
    """Plaque sheets are written beside MkDocs' pages, and are checked all the same."""
    sheet = project.root / "theme/plaque.html"
    sheet.write_text(sheet.read_text(encoding="utf-8").replace(
        "<button type=\"button\" data-print hidden>", "<button type=\"button\" onclick=\"print()\">"), encoding="utf-8")
    result = project.build()
    assert result.returncode != 0
    assert "plaque/index.html" in result.stderr and "onclick=" in result.stderr


def test_only_the_preview_lets_inline_scripts_run():
    """mkdocs serve injects its live-reload script inline; a build never allows one."""
    from yinglie.session import Session

    page = '<html><head><meta charset="utf-8"></head></html>'
    assert "'unsafe-inline'" not in with_policy(page, serving=Session("build").serving)
    assert "'unsafe-inline'" not in with_policy(page, serving=Session("build", dirty=True).serving)
    assert "script-src 'self' 'unsafe-inline';" in with_policy(page, serving=Session("serve").serving)
    # Even in the preview, the build check still refuses an inline script of the site's own.
    with pytest.raises(UnsafePage):
        with_policy("<html><head></head><script>x()</script></html>", serving=True)
