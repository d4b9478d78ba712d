"""The site's own stylesheets and scripts, published without comments and spaces.

theme/assets/ keeps them as written, with the comments that explain them; the built
site gets them minified (rcssmin, rjsmin), which makes what every page loads of ours
(memorial.css, head.js) about half as large gzipped: on a phone on a slow
network that is most of what the site adds to Material's own files, which Material
ships minified already. A comment that opens with `/*!` (a licence notice) is kept.
"""

from __future__ import annotations

from pathlib import Path

import rcssmin
import rjsmin

MINIFIERS = {
    ".css": lambda text: rcssmin.cssmin(text, keep_bang_comments=True),
    ".js": lambda text: rjsmin.jsmin(text, keep_bang_comments=True),
}


def minify_theme_assets(theme_dir: Path, site_dir: Path) -> None:
    """Minify, in the built site, each stylesheet and script the theme's assets/ folder holds."""
    for source in sorted((theme_dir / "assets").rglob("*")):
        minify = MINIFIERS.get(source.suffix)
        target = site_dir / source.relative_to(theme_dir)
        if minify is None or not target.is_file():
            continue
        text = target.read_text(encoding="utf-8")
        smaller = minify(text)
        if smaller != text:
            target.write_text(smaller, encoding="utf-8")
