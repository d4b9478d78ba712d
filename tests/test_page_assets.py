"""A page loads only what it uses (theme/main.html, blocks kind_styles / kind_scripts).

Every page loads the same few files of ours (the site's stylesheet, the <head> script
of the reading modes, the deferred scripts of every page); a stylesheet or script
that only one page kind uses is loaded by the pages that have its markup, and by no
other. Which markup an asset serves is read from the asset itself: the classes a
kind's stylesheet styles, the data- attributes a kind's script looks for.
"""

from __future__ import annotations

import gzip
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest

from browser.pages import PAGE_KINDS

# Loaded by every page (theme/main.html, partials/accessibility-head.html, mkdocs.yml).
EVERY_PAGE = {"assets/memorial.css", "assets/orientation.css", "assets/teachers.css", "assets/reading-modes-head.js",
              "assets/reading-modes.js", "assets/accessibility.js", "assets/site-data.js", "assets/record-search.js"}
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
        if name in EVERY_PAGE | PLAQUE_SHEET | CLASSROOM_SHEET:
            continue
        text = path.read_text(encoding="utf-8")
        if path.suffix == ".css":
            # the classes it styles that the shared stylesheet does not (which it may restyle for print)
            found[name] = ("class", set(re.findall(r"\.(ml-[\w-]+)", text)) - shared)
        else:
            # Material's own data-md-* attributes are on every page: they mark no page kind.
            found[name] = ("data", {a for a in re.findall(r"\[(data-[\w-]+)", text) if not a.startswith("data-md-")})
    return found


def test_every_kind_specific_asset_names_its_markup(root):
    for name, (what, markers) in kind_assets(root / "theme").items():
        assert markers, f"{name}: no {what} found that a page would use it by"


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
            continue
        assert EVERY_PAGE <= mine, f"{page}: lacks {sorted(EVERY_PAGE - mine)}"
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
    """In <head>, only the two tiny scripts that must run before the page is drawn are
    synchronous (Material's scope, our reading modes); every other script of ours is
    deferred or at the end of <body>."""
    for kind in PAGE_KINDS:
        page = demo_site / kind.path.split("?")[0] / "index.html"
        head = page.read_text(encoding="utf-8").split("</head>", 1)[0]
        blocking = [src for src, attributes in scripts_in(head) if "defer" not in attributes and "async" not in attributes]
        names = sorted(Path(src).name for src in blocking)
        assert names == ["base.js", "reading-modes-head.js"], f"{kind.name}: {names}"
        total = sum(len(gzip.compress((page.parent / src).read_bytes())) for src in blocking)
        assert total < 1024, f"{kind.name}: {total} bytes gzip of scripts block the first paint"


def scripts_in(html: str) -> list[tuple[str, dict]]:
    parser = Assets()
    parser.feed(html)
    return parser.scripts


@pytest.fixture(scope="module")
def root() -> Path:
    from conftest import ROOT
    return ROOT
