"""The site's own stylesheets and scripts are published minified (hooks/yinglie/minify.py).

That they still work is for the browser tests (reading modes, search, layout shift,
the offline copy); here: each is smaller as published, keeps every class it styles and
every data- attribute and class it uses, holds no comment but a licence notice, and the
sources in theme/ stay as written. And every page and print sheet is published
without its templates' indentation, its preformatted text kept as written.
"""

from __future__ import annotations

import gzip
import re

from conftest import ROOT

# site-data.js is published inside the scripts that read data (tests/test_page_assets.py).
THEME_ASSETS = sorted(path for path in (ROOT / "theme" / "assets").rglob("*")
                      if path.suffix in (".css", ".js") and path.name != "site-data.js")
# What minifying must keep: the site's class names, and in scripts the data- attributes and storage keys too.
KEPT = {".css": re.compile(r"\.(ml-[\w-]+)"), ".js": re.compile(r"\b(?:ml-|data-|yinglie\.)[\w.-]+")}


def test_each_theme_asset_is_published_smaller_with_the_same_names(demo_site):
    assert len(THEME_ASSETS) > 10
    for source in THEME_ASSETS:
        written = source.read_text(encoding="utf-8")
        published = (demo_site / source.relative_to(ROOT / "theme")).read_text(encoding="utf-8")
        name = source.relative_to(ROOT).as_posix()
        assert len(gzip.compress(published.encode())) < len(gzip.compress(written.encode())), name
        code = re.sub(r"/\*.*?\*/|(?<=\s)//[^\n]*", "", written, flags=re.S)  # comments may name anything
        assert set(KEPT[source.suffix].findall(published)) == set(KEPT[source.suffix].findall(code)), name
        comments = re.findall(r"/\*.*?\*/", published, flags=re.S)
        assert all(comment.startswith("/*!") for comment in comments), (name, comments)
        assert "/*" in written  # the source keeps its comments


def test_materials_licence_notice_stays_with_its_code(demo_site):
    head = (demo_site / "assets" / "head.js").read_text(encoding="utf-8")
    assert head.startswith("/*! Material for MkDocs 9.8.2, copyright (c) 2016-2025 Martin Donath, MIT licence */")
    assert "__md_scope=" in head and '"ml-js"' in head


# Outside the elements whose text is shown as written, no line of a published page
# starts with the indentation of the template that wrote it (minify.CompactTemplates).
KEPT_AS_WRITTEN = re.compile(r"<(pre|textarea|code|script|style)\b.*?</\1\s*>", re.IGNORECASE | re.DOTALL)


def indented_lines(html: str) -> list[str]:
    return [line for line in KEPT_AS_WRITTEN.sub("", html).split("\n") if line[:1] in (" ", "\t")]


def test_compact_page_cuts_indentation_and_keeps_what_is_shown_as_written():
    from yinglie.minify import compact_page

    page = ("<ul>\n    <li>一</li>\n  \n\t\t<li>二</li>\n</ul>\n<p>甲\u3000乙\n\u3000\u3000丙  丁</p>\n"
            "<pre><code>def f():\n    return 1\n</code></pre>\n  <textarea>\n  留言\n</textarea>\n"
            "<p><code>a\n   b</code></p>\n<script>\n  var a = 1;\n</script>\n   <STYLE>\n  p {}\n</STYLE>")
    assert compact_page(page) == (
        "<ul>\n<li>一</li>\n\n<li>二</li>\n</ul>\n<p>甲\u3000乙\n\u3000\u3000丙  丁</p>\n"
        "<pre><code>def f():\n    return 1\n</code></pre>\n<textarea>\n  留言\n</textarea>\n"
        "<p><code>a\n   b</code></p>\n<script>\n  var a = 1;\n</script>\n<STYLE>\n  p {}\n</STYLE>")


def test_every_published_page_and_sheet_is_written_without_template_indentation(demo_site):
    pages = sorted(demo_site.rglob("*.html"))
    names = {page.relative_to(demo_site).as_posix() for page in pages}
    assert {"404.html", "index.html", "teachers/cards/all/index.html"} <= names  # pages and print sheets
    assert any(name.endswith("/plaque/index.html") for name in names)
    for page in pages:
        assert indented_lines(page.read_text(encoding="utf-8")) == [], page.relative_to(demo_site)


def test_preformatted_text_on_a_page_keeps_its_indentation(project):
    project.write("content/about.md", project.root.joinpath("content/about.md").read_text(encoding="utf-8") + """

    示例：

        第一行
            缩进四格的第二行
    """)
    result = project.build()
    assert result.returncode == 0, result.stderr
    about = (project.site / "about" / "index.html").read_text(encoding="utf-8")
    assert "<pre><code>第一行\n    缩进四格的第二行\n</code></pre>" in about
    assert indented_lines(about) == []
