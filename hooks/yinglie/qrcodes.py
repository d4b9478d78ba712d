"""QR codes ("一墓一码"): each martyr and facility page has one encoding its address.

The code holds the page's absolute address, built from `site_url` (sub-path
included), so a plaque at a grave leads to the record wherever the site is
published. Each page gets `qr.svg` (for print; scales to any size) and `qr.png`
beside it. Error correction level Q (25%) keeps an outdoor plaque readable when
weathered. Making a code takes milliseconds, which adds up over thousands of
records, so the files are cached in `.cache/qr/` by a hash of what they encode.
"""

from __future__ import annotations

import hashlib
import io
from pathlib import Path

import segno

from .catalogue import Catalogue

ERROR_LEVEL = "q"
PNG_SCALE = 10  # pixels per module: about 450 px for a typical address
BORDER = 4  # the quiet zone the standard asks for, in modules
RECIPE = f"segno {segno.__version__} {ERROR_LEVEL} png{PNG_SCALE} border{BORDER}"


def absolute_url(site_url: str, path: str) -> str:
    """The public address of a page: `site_url` (with its sub-path) + the page's path."""
    return (site_url if site_url.endswith("/") else site_url + "/") + path


def record_urls(catalogue: Catalogue) -> list[str]:
    """Site-relative addresses of every page that carries a QR code."""
    return [m.url for m in catalogue.martyrs] + [f.url for f in catalogue.facilities]


def qr_files(catalogue: Catalogue, site_url: str) -> dict[str, bytes]:
    """Site address -> file content: `<page>/qr.svg` and `<page>/qr.png` for every record page."""
    cache = catalogue.settings.cache_dir / "qr"
    files = {}
    for path in record_urls(catalogue):
        svg, png = qr_code(absolute_url(site_url, path), cache)
        files[path + "qr.svg"] = svg
        files[path + "qr.png"] = png
    return files


def qr_code(url: str, cache: Path | None = None) -> tuple[bytes, bytes]:
    """(SVG, PNG) of the QR code for `url`, from the cache when it has them."""
    key = hashlib.sha256(f"{RECIPE}|{url}".encode()).hexdigest()[:32]
    if cache is not None:
        svg_file, png_file = cache / f"{key}.svg", cache / f"{key}.png"
        if svg_file.is_file() and png_file.is_file():
            return svg_file.read_bytes(), png_file.read_bytes()
    code = segno.make_qr(url, error=ERROR_LEVEL)
    svg, png = io.BytesIO(), io.BytesIO()
    # No width/height in the SVG: it takes the size the page or the plaque gives it.
    code.save(svg, kind="svg", border=BORDER, xmldecl=False, omitsize=True, title=url)
    code.save(png, kind="png", scale=PNG_SCALE, border=BORDER)
    if cache is not None:
        cache.mkdir(parents=True, exist_ok=True)
        for target, content in ((svg_file, svg.getvalue()), (png_file, png.getvalue())):
            partial = target.with_suffix(".part")
            partial.write_bytes(content)
            partial.replace(target)
    return svg.getvalue(), png.getvalue()
