"""A page loads only what it uses (theme/main.html, blocks kind_styles / kind_scripts).

Every page loads the same three files of ours (the site's stylesheet, the <head>
script, the deferred script of every page); a stylesheet or script that only one page
kind uses is loaded by the pages that have its markup, and by no other. Which markup
an asset serves is read from the asset itself: the classes a kind's stylesheet styles,
the data- attributes a kind's script looks for. site-data.js is published inside each
script that reads data through it, and loaded by no page; the record search is added
by head.js on demand, never by a page.
"""

from __future__ import annotations

import gzip
import json
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest
from mkdocs.config import load_config

from browser.pages import PAGE_KINDS

# Loaded by every page (mkdocs.yml extra_css, theme/partials/javascripts/base.html, theme/main.html).
EVERY_PAGE = {"assets/memorial.css", "assets/head.js"}
# How the page scripts read data/*.json: published in front of each of them (minify.py).
DATA_READER = "assets/site-data.js"
# Added by head.js when the visitor first turns to the search box.
ON_DEMAND = {"assets/record-search.js"}
# The printable sheets' and the projector's own frames (plaque-base.html, classroom-base.html): no site chrome.
PLAQUE_SHEET = {"assets/plaque.css", "assets/plaque.js"}
CLASSROOM_SHEET = {"assets/classroom.css", "assets/plaque.js", "assets/projector.js"}


class Assets(HTMLParser):
    """The stylesheets and scripts a page references, the classes and data- attributes it uses."""

    def __init__(self):
        super().__init__()
        self.styles: list[str] = []
        self.scripts: list[tuple[str, dict]] = []
        self.classes: set[str] = set()
        self.data_attributes: set[str] = set()

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        if tag == "link" and attributes.get("rel") == "stylesheet":
            self.styles.append(attributes["href"])
        if tag == "script" and attributes.get("src"):
            self.scripts.append((attributes["src"], attributes))
        self.classes.update((attributes.get("class") or "").split())
        self.data_attributes.update(name for name in attributes if name.startswith("data-"))


def read_page(page: Path) -> Assets:
    parser = Assets()
    parser.feed(page.read_text(encoding="utf-8"))
    return parser


def site_path(site: Path, page: Path, reference: str) -> str:
    """A page's reference as a path from the site root ('assets/x.css'). The 404 page,
    served at any depth, refers by absolute paths under the site's sub-path."""
    from conftest import SUB_PATH
    if reference.startswith(SUB_PATH):
        return reference[len(SUB_PATH):].split("?")[0]
    return (page.parent / reference.split("?")[0]).resolve().relative_to(site.resolve()).as_posix()


def ours(paths) -> set[str]:
    """Our own assets (theme/assets), not Material's (its stylesheets, bundle and inline scripts as files)."""
    return {p for p in paths if p.startswith("assets/") and p.count("/") == 1}


def kind_assets(theme: Path) -> dict[str, tuple[str, set[str]]]:
    """Each stylesheet or script of ours that is not loaded by every page: what marks
    a page that uses it (('class', names) or ('data', attributes))."""
    shared = set(re.findall(r"\.(ml-[\w-]+)", (theme / "assets" / "memorial.css").read_text(encoding="utf-8")))
    found = {}
    for path in sorted((theme / "assets").glob("*.css")) + sorted((theme / "assets").glob("*.js")):
        name = f"assets/{path.name}"
        if name in EVERY_PAGE | PLAQUE_SHEET | CLASSROOM_SHEET | ON_DEMAND | {DATA_READER}:
            continue
        text = path.read_text(encoding="utf-8")
        if path.suffix == ".css":
            # the classes it styles that the shared stylesheet does not (which it may restyle for print)
            found[name] = ("class", set(re.findall(r"\.(ml-[\w-]+)", text)) - shared)
        else:
            # Material's own data-md-* attributes are on every page: they mark no page kind.
            found[name] = ("data", {a for a in re.findall(r"\[(data-[\w-]+)", text) if not a.startswith("data-md-")})
    return found


def reads_data(theme: Path) -> set[str]:
    """Our scripts that read data/*.json through site-data.js (window.yinglieData)."""
    return {f"assets/{path.name}" for path in (theme / "assets").glob("*.js")
            if "yinglieData.load(" in path.read_text(encoding="utf-8")} - {DATA_READER}


def test_every_kind_specific_asset_names_its_markup(root):
    for name, (what, markers) in kind_assets(root / "theme").items():
        assert markers, f"{name}: no {what} found that a page would use it by"


def test_the_record_search_is_loaded_on_demand_with_what_it_reads_by(root):
    site_script = (root / "theme" / "assets" / "head.js").read_text(encoding="utf-8")
    for name in ON_DEMAND:
        assert f'add("{Path(name).name}")' in site_script
        assert name in reads_data(root / "theme")
    assert Path(DATA_READER).name not in site_script.split("/* 5.", 1)[1]  # it comes inside record-search.js


def test_each_script_that_reads_data_is_published_with_the_reader_in_front(demo_site, root):
    readers = reads_data(root / "theme")
    assert {"assets/on-this-day.js", "assets/correction.js", "assets/record-search.js"} <= readers
    reader = (root / "theme" / DATA_READER).read_text(encoding="utf-8")
    assert "if (window.yinglieData) return;" in reader  # two such scripts on a page define it once
    for name in readers:
        published = (demo_site / name).read_text(encoding="utf-8")
        assert published.startswith('(function(){"use strict";if(window.yinglieData)return;'), name
        assert published.count("window.yinglieData={register:") == 1, name
    others = {f"assets/{path.name}" for path in (root / "theme" / "assets").glob("*.js")} - readers - {DATA_READER}
    for name in others:
        assert "yinglieData={" not in (demo_site / name).read_text(encoding="utf-8"), name
    assert not (demo_site / DATA_READER).exists()  # no page would load it


def test_each_page_loads_only_what_its_markup_uses(demo_site, root):
    kinds = kind_assets(root / "theme")
    pages = [page for page in demo_site.rglob("*.html")]
    assert len(pages) > 20
    used = set()
    for page in pages:
        found = read_page(page)
        loaded = [site_path(demo_site, page, ref) for ref in found.styles + [src for src, _ in found.scripts]]
        assert len(loaded) == len(set(loaded)), f"{page}: an asset is loaded twice"
        for path in loaded:
            assert (demo_site / path).is_file(), f"{page}: loads {path}, which the site lacks"
        mine = ours(loaded)
        used |= mine
        if mine & PLAQUE_SHEET and not mine & CLASSROOM_SHEET - PLAQUE_SHEET:
            assert mine == PLAQUE_SHEET, f"{page}: a plaque sheet loads only its own frame"
            continue
        if mine & CLASSROOM_SHEET:
            assert mine <= CLASSROOM_SHEET, f"{page}: a classroom sheet loads only its own frame"
            assert "assets/classroom.css" in mine, f"{page}: a classroom sheet lacks its stylesheet"
            continue
        assert EVERY_PAGE <= mine, f"{page}: lacks {sorted(EVERY_PAGE - mine)}"
        assert not mine & ON_DEMAND, f"{page}: loads {sorted(mine & ON_DEMAND)}, which head.js adds on demand"
        for name, (what, markers) in kinds.items():
            marks = found.classes if what == "class" else found.data_attributes
            uses = bool(markers & marks)
            assert (name in mine) == uses, (
                f"{page.relative_to(demo_site)}: {'lacks' if uses else 'loads'} {name}, "
                f"whose {what}es it {'uses' if uses else 'does not use'}")
    # The online-tribute section (and its script) shows only with extra.tribute.links: the demo sets none.
    expected = (set(kinds) | EVERY_PAGE) - {"assets/tribute.js"}
    assert used >= expected, f"never loaded: {sorted(expected - used)}"


def test_scripts_do_not_hold_up_the_first_paint(demo_site):
    """In <head>, only the one small script of every page is synchronous (Material's
    scope and our reading modes, which must run before the page is drawn, and the parts
    that wait for the page, in one file: a request fewer is worth more to a phone on a
    slow network than the 0.7 KiB they add); every other script is deferred."""
    for kind in PAGE_KINDS:
        page = demo_site / kind.path.split("?")[0] / "index.html"
        head = page.read_text(encoding="utf-8").split("</head>", 1)[0]
        blocking = [src for src, attributes in scripts_in(head) if "defer" not in attributes and "async" not in attributes]
        names = sorted(Path(src).name for src in blocking)
        assert names == ["head.js"], f"{kind.name}: {names}"
        total = sum(len(gzip.compress((page.parent / src).read_bytes())) for src in blocking)
        assert total < 1536, f"{kind.name}: {total} bytes gzip of scripts block the first paint"
        # Nor does one in <body>: a parser-blocking script there (Material's 35 KiB bundle
        # among them) may run before the page is first drawn (theme/main.html).
        body = page.read_text(encoding="utf-8").split("</head>", 1)[1]
        parser_blocking = [src for src, attributes in scripts_in(body)
                           if src and "defer" not in attributes and "async" not in attributes]
        assert parser_blocking == [], f"{kind.name}: {parser_blocking}"
        assert any("/bundle." in src for src, _ in scripts_in(body)), f"{kind.name}: no Material bundle"


def scripts_in(html: str) -> list[tuple[str, dict]]:
    parser = Assets()
    parser.feed(html)
    return parser.scripts


@pytest.fixture(scope="module")
def root() -> Path:
    from conftest import ROOT
    return ROOT


def test_materials_palette_and_tab_scripts_only_with_a_palette_and_tabs(demo_site, tmp_path):
    """Material's palette script restores a scheme chosen with the palette switch, its
    content script opens a tab (pymdownx.tabbed): without a `palette` in mkdocs.yml and
    without the tabs extension no page loads them; with both, every page does."""
    from conftest import ROOT, copy_project
    settings = load_config(str(ROOT / "mkdocs.yml"))
    if not settings.theme.get("palette") and "pymdownx.tabbed" not in settings.markdown_extensions:
        for kind in PAGE_KINDS:  # the project's own settings name neither (a district may add them)
            html = (demo_site / kind.path.split("?")[0] / "index.html").read_text(encoding="utf-8")
            assert "assets/material/" not in html, kind.name
    project = copy_project(tmp_path / "project")
    config = (project.root / "mkdocs.yml").read_text(encoding="utf-8")
    config = config.replace("  features:\n", "  palette:\n    - scheme: default\n  features:\n", 1)
    config = config.replace("markdown_extensions:\n", "markdown_extensions:\n  - pymdownx.tabbed\n", 1)
    (project.root / "mkdocs.yml").write_text(config, encoding="utf-8")
    result = project.build()
    assert result.returncode == 0, result.stderr[-2000:]
    home = (project.site / "index.html").read_text(encoding="utf-8")
    assert '<script src="assets/material/palette.js"></script>' in home
    assert '<script src="assets/material/content.js"></script>' in home


def test_materials_settings_on_each_page_are_written_in_chinese_as_itself(demo_site):
    """Material's settings block (its translations) is JSON from Jinja's `tojson`: written
    without \\u escapes for Chinese, 60 bytes gzipped a page (theme's Jinja policy, pages.py)."""
    html = (demo_site / "index.html").read_text(encoding="utf-8")
    block = re.search(r'<script id="__config" type="application/json">(.*?)</script>', html, re.S)[1]
    assert json.loads(block)["translations"]["search.result.placeholder"] == "键入以开始搜索"
    assert "键入以开始搜索" in block and not re.search(r"\\u[4-9][0-9a-f]{3}", block)
