"""The site's own stylesheets and scripts are published minified (hooks/yinglie/minify.py).

That they still work is for the browser tests (reading modes, search, layout shift,
the offline copy); here: each is smaller as published, keeps every class it styles and
every data- attribute and class it uses, holds no comment but a licence notice, and the
sources in theme/ stay as written.
"""

from __future__ import annotations

import gzip
import re

from conftest import ROOT

THEME_ASSETS = sorted(path for path in (ROOT / "theme" / "assets").rglob("*") if path.suffix in (".css", ".js"))
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
