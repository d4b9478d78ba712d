"""QR codes ("一墓一码"): each martyr and facility page has one encoding its address.

The code holds the page's absolute address, built from `site_url` (sub-path
included), so a plaque at a grave leads to the record wherever the site is
published. Each page gets `qr.svg` (for print; scales to any size) and `qr.png`
beside it. Error correction level Q (25%) keeps an outdoor plaque readable when
weathered, and segno picks the mask the standard scores best for scanning.

That choice made a code cost about 6 ms with segno alone; `qrmask.make_qr` makes the
same code (the same mask, byte for byte) in about a third of that. Still, so:
- codes are cached in `.cache/qr/` by a hash of what they encode: a code depends
  only on its address, so a cached one stays right until `site_url` changes;
- missing codes are made by worker processes (`QrCodes.start`) while MkDocs
  renders the pages, and put into the site after the build (`QrCodes.place`),
  linked from the cache rather than copied.

While `site_url` is still a placeholder (config.url_is_placeholder), every code carries
a visible specimen mark below its quiet zone (样张 in the SVG, SPECIMEN in the PNG),
so that a plaque printed from a trial build cannot pass for the real one. The code
itself is left whole: it still scans.
"""

from __future__ import annotations

import functools
import hashlib
import io
import multiprocessing
import os
import re
import shutil
from concurrent.futures import Executor, ProcessPoolExecutor
from pathlib import Path

import segno
from PIL import Image, ImageColor, ImageDraw, ImageFont, ImageOps

from .config import url_is_placeholder

from .qrmask import make_qr

ERROR_LEVEL = "q"
FILE_NAMES = ("qr.svg", "qr.png")  # beside each record's page, in this order
PNG_SCALE = 10  # pixels per module: about 450 px for a typical address
BORDER = 4  # the quiet zone the standard asks for, in modules
RECIPE = f"segno {segno.__version__} {ERROR_LEVEL} png{PNG_SCALE} border{BORDER} specimen-mark1"
BATCH = 64  # codes per task sent to a worker process
INLINE_LIMIT = 32  # fewer missing codes than this are made in-process: a worker costs more to start
DARK_TO_BLACK = bytes([255, 0]) + bytes(254)  # module value (0 light, 1 dark) -> grey level
SPECIMEN_BAND = 6  # modules: the band below a specimen code that holds its mark
SPECIMEN_RED = "#b3261e"


def absolute_url(site_url: str, path: str) -> str:
    """The public address of a page: `site_url` (with its sub-path) + the page's path."""
    return (site_url if site_url.endswith("/") else site_url + "/") + path


class QrCodes:
    """The QR codes of one build: `{page path: address encoded}`, cached in `cache`."""

    def __init__(self, site_url: str, page_paths: list[str], cache: Path):
        self.cache = cache
        self.site_url = site_url
        self.codes = {path: absolute_url(site_url, path) for path in page_paths}
        self._work = []
        self._pool: Executor | None = None
        self.in_workers = False  # whether the work went to worker processes

    def start(self) -> None:
        """Begin making the codes the cache lacks, in worker processes when there are many."""
        self._make(list(self.codes.values()))

    def expect(self, page_paths: list[str]) -> None:
        """The pages that get codes, known once the records are read, when `start` began
        with the pages expected before: what is still missing is begun now (a code begun
        for a record that failed its checks stays in the cache, unused)."""
        begun = set(self.codes.values())
        self.codes = {path: absolute_url(self.site_url, path) for path in page_paths}
        self._make([url for url in self.codes.values() if url not in begun])

    def _make(self, urls: list[str]) -> None:
        missing = [url for url in urls if not all(p.is_file() for p in cached_files(url, self.cache))]
        if len(missing) < INLINE_LIMIT and self._pool is None:
            make_codes(missing, self.cache)
            return
        self.in_workers = True
        if self._pool is None:
            workers = max(1, min(os.cpu_count() or 1, len(missing) // BATCH + 1))
            # Spawned, not forked: `mkdocs serve` runs threads, which a fork copies mid-step.
            self._pool = ProcessPoolExecutor(max_workers=workers, mp_context=multiprocessing.get_context("spawn"))
        batches = [missing[i:i + BATCH] for i in range(0, len(missing), BATCH)]
        self._work += [self._pool.submit(make_codes, batch, self.cache) for batch in batches]

    def place(self, site_dir: Path, placed: dict[Path, dict[str, str]] | None = None, kept_site: bool = False) -> None:
        """Wait for the workers, then put `<page>/qr.svg` and `qr.png` into the built site.

        `placed`: the codes the last build in this session placed in each site folder
        (session.py), updated here. `kept_site`: the site folder was not emptied since
        then (a preview rebuild), so the codes placed then are still there.
        """
        self._finish()
        placed = {} if placed is None else placed
        placed_before = placed.get(site_dir, {}) if kept_site else {}
        for path, url in self.codes.items():
            if placed_before.get(path) == url:
                continue
            for source, name in zip(cached_files(url, self.cache), FILE_NAMES):
                _link_or_copy(source, site_dir / path / name)
        placed[site_dir] = dict(self.codes)

    def cancel(self) -> None:
        """The build failed: stop the workers without waiting for them."""
        if self._pool is not None:
            self._pool.shutdown(wait=False, cancel_futures=True)
            self._pool = None

    def _finish(self) -> None:
        if self._pool is None:
            return
        try:
            for task in self._work:
                task.result()  # re-raises a worker's error here, in the build
        finally:
            self._pool.shutdown()
            self._pool = None


def cached_files(url: str, cache: Path) -> tuple[Path, Path]:
    key = hashlib.sha256(f"{RECIPE}|{url}".encode()).hexdigest()[:32]
    return cache / f"{key}.svg", cache / f"{key}.png"


def make_codes(urls: list[str], cache: Path) -> None:
    """Make and cache the codes for `urls` (runs in a worker process)."""
    cache.mkdir(parents=True, exist_ok=True)
    for url in urls:
        svg, png = qr_code(url)
        for target, content in zip(cached_files(url, cache), (svg, png)):
            partial = target.with_name(f"{target.name}.{os.getpid()}.part")
            partial.write_bytes(content)
            partial.replace(target)


def qr_code(url: str) -> tuple[bytes, bytes]:
    """(SVG, PNG) of the QR code for `url`."""
    code = make_qr(url, ERROR_LEVEL)  # segno.make_qr(url, error=ERROR_LEVEL), faster
    svg = io.BytesIO()
    # No width/height in the SVG: it takes the size the page or the plaque gives it.
    code.save(svg, kind="svg", border=BORDER, xmldecl=False, omitsize=True, title=url)
    if url_is_placeholder(url):
        return _specimen_svg(svg.getvalue()), _png_bytes(_specimen_png(_png_image(code)))
    return svg.getvalue(), _png_bytes(_png_image(code))


def _specimen_svg(svg: bytes) -> bytes:
    """The SVG made taller by a band below the code, holding 样张 in red."""
    text = svg.decode("utf-8")
    found = re.search(r'viewBox="0 0 (\d+) (\d+)"', text)
    width, height = int(found.group(1)), int(found.group(2))
    text = text.replace(found.group(0), f'viewBox="0 0 {width} {height + SPECIMEN_BAND}"', 1)
    mark = (f'<rect x="0" y="{height}" width="{width}" height="{SPECIMEN_BAND}" fill="#fff"/>'
            f'<text x="{width / 2:g}" y="{height + SPECIMEN_BAND * 0.75:g}" text-anchor="middle" '
            f'font-size="{SPECIMEN_BAND * 0.8:g}" font-weight="bold" fill="{SPECIMEN_RED}" '
            f'class="qr-specimen">样张</text>')
    return text.replace("</svg>", mark + "</svg>").encode("utf-8")


def _specimen_png(code: Image.Image) -> Image.Image:
    """The PNG made taller by a band below the code, holding SPECIMEN in red (Pillow's own
    font has no Chinese characters; the SVG, which plaques print, says 样张). Three
    colours in a palette image: as fast to write as the code itself, unlike RGB."""
    band = _specimen_band(code.width)
    marked = Image.new("P", (code.width, code.height + band.height), 0)
    marked.putpalette(band.getpalette())
    marked.paste(code.convert("L").point(lambda value: 0 if value else 1), (0, 0))  # white 0, black 1
    marked.paste(band, (0, code.height))
    return marked


@functools.lru_cache(maxsize=64)
def _specimen_band(width: int) -> Image.Image:
    """The band of a code `width` pixels wide: the same for every code of one QR version
    (loading the font and drawing the word took a sixth of a code's time)."""
    height = SPECIMEN_BAND * PNG_SCALE
    band = Image.new("P", (width, height), 0)
    band.putpalette([255, 255, 255, 0, 0, 0, *ImageColor.getrgb(SPECIMEN_RED)])
    font = ImageFont.load_default(size=height * 0.6)
    ImageDraw.Draw(band).text((width / 2, height / 2), "SPECIMEN", fill=2, font=font, anchor="mm")
    return band


def _png_image(code: segno.QRCode) -> Image.Image:
    # Pillow draws the PNG from segno's module matrix three times faster than segno's
    # own pure-Python writer; the picture is the same (a 1-bit image, 10 px a module).
    width, height = code.symbol_size(scale=1, border=0)
    modules = b"".join(bytes(row) for row in code.matrix).translate(DARK_TO_BLACK)
    image = ImageOps.expand(Image.frombytes("L", (width, height), modules), border=BORDER, fill=255)
    image = image.convert("1", dither=Image.Dither.NONE)
    return image.resize((image.width * PNG_SCALE, image.height * PNG_SCALE), Image.Resampling.NEAREST)


def _png_bytes(image: Image.Image) -> bytes:
    out = io.BytesIO()
    image.save(out, "PNG")
    return out.getvalue()


def _link_or_copy(source: Path, target: Path) -> None:
    # A hard link costs no copy; the cache may sit on another disk, where only a copy works.
    try:
        if os.stat(target).st_ino == os.stat(source).st_ino:
            return  # a preview rebuild: already in place
        os.unlink(target)
    except FileNotFoundError:
        target.parent.mkdir(parents=True, exist_ok=True)
    try:
        os.link(source, target)
    except OSError:
        shutil.copyfile(source, target)
