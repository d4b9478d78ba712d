"""Photos of martyrs and memorial facilities: checked, then made fit for the web.

A record lists photos kept beside its YAML file, each with a description for
readers who cannot see it (in Chinese) and where the photo came from:

    photos:
      - file: photos/qi-nanxun.jpg
        alt: 漆南薰烈士遗像，黑白半身照
        credit: 江津区退役军人事务局提供

Each photo is checked (path inside martyrs/, file present, a JPEG/PNG/WebP image,
not over the configured pixel limit) and then turned into web copies: EXIF
orientation applied, every metadata block dropped (camera, GPS position, colour
profile after converting to sRGB), WebP plus a JPEG fallback in a few widths.
The copies are kept in `.cache/images/`, named by a hash of the file's bytes and
the recipe, so a rebuild re-uses them instead of decoding every photo again.
"""

from __future__ import annotations

import hashlib
import io
import json
import os
import re
import shutil
import tempfile
from dataclasses import dataclass
from pathlib import Path

from PIL import Image, ImageCms, ImageOps, UnidentifiedImageError

from .config import Settings
from .messages import Text, phrase
from .recordcache import file_stamp
from .schema import Checker, Field, PlainText, Schema
from .yamlsource import Located

PHOTO = Schema(
    "photo",
    (
        Field("file", PlainText(max_length=300), Text("照片文件", "photo file"), required=True,
              help="相对于本记录文件的路径，如 photos/qi-nanxun.jpg"),
        Field("alt", PlainText(max_length=200), Text("照片说明（供看不到照片的读者）", "alt text"), required=True,
              help="用中文描述照片内容，如“漆南薰烈士遗像，黑白半身照”"),
        Field("credit", PlainText(max_length=200), Text("照片来源", "credit"), required=True,
              help="拍摄者或提供单位，如“江津区退役军人事务局提供”"),
    ),
    title="照片 / Photo",
)

FORMATS = ("JPEG", "PNG", "WEBP")
CHINESE = re.compile(r"[\u3400-\u9fff]")
# Bump when the way copies are made changes, so old cached copies are not reused.
RECIPE = "v1 webp80 jpeg82"
WEBP_QUALITY = 80
JPEG_QUALITY = 82


@dataclass(frozen=True)
class Rendition:
    """One width of a photo, in WebP and JPEG; addresses relative to the site root."""

    width: int
    height: int
    webp: str
    jpeg: str


@dataclass(frozen=True)
class WebPhoto:
    alt: str
    credit: str
    key: str
    folder: Path  # the cache folder holding the copies
    renditions: tuple[Rendition, ...]
    # The photo file, and its time and size before it was read: a record kept
    # between rebuilds is checked again when its photo changes (recordcache.py).
    source: Path | None = None
    source_stamp: tuple[int, int] | None = None

    @property
    def largest(self) -> Rendition:
        return self.renditions[-1]

    @property
    def fallback(self) -> Rendition:
        """The JPEG a browser without srcset support shows: the middle width."""
        return self.renditions[len(self.renditions) // 2]

    def files(self) -> dict[str, Path]:
        """Site address -> cached file, for every copy."""
        found = {}
        for rendition in self.renditions:
            for address in (rendition.webp, rendition.jpeg):
                found[address] = self.folder / Path(address).name
        return found


def web_photos(raw: Located, check: Checker, settings: Settings) -> list[WebPhoto]:
    """Check the `photos` of one record and make their web copies.

    Reads the raw entries (not the schema's clean values) so that photo problems
    are reported together with every other problem of the record. Entries the
    schema refuses (not a mapping, a field missing) are left to the schema.
    """
    entries = raw.get("photos") if isinstance(raw, Located) else None
    if not isinstance(entries, list):
        return []
    photos = []
    # Each photo file is found and read once, however many entries name it (a record
    # could name one large file, or itself, thousands of times), and its problems are
    # reported again for every entry naming it: as written -> (file or None, problems);
    # file -> (stamp, copies, problems).
    located: dict[str, tuple] = {}
    checked: dict[Path, tuple] = {}
    longest = PHOTO.field("file").kind.max_length
    for index, entry in enumerate(entries):
        if not isinstance(entry, Located) or not all(isinstance(entry.get(k), str) for k in ("file", "alt", "credit")):
            continue
        if not entry["file"].strip() or len(entry["file"].strip()) > longest:
            continue  # the schema reports the empty or too long value
        name = f"photos[{index + 1}]"
        alt, credit = entry["alt"].strip(), entry["credit"].strip()
        if alt and not CHINESE.search(alt):
            check.problems.add(check.path, entry.line_of("alt"), f"{name}.alt", "alt_not_chinese")
        if entry["file"] not in located:
            found = _Found()
            path = _photo_path(entry["file"], entry.line_of("file"), f"{name}.file",
                               Checker(check.path, found, check.choices), settings)
            located[entry["file"]] = (path, found.problems)
        path, problems = located[entry["file"]]
        for key, params in problems:
            check.problems.add(check.path, entry.line_of("file"), f"{name}.file", key, **params)
        if path is None:
            continue
        if path not in checked:
            found = _Found()
            stamp = file_stamp(path)
            made = _web_copies(path, entry["file"], entry.line_of("file"), f"{name}.file",
                               Checker(check.path, found, check.choices), settings)
            checked[path] = (stamp, made, found.problems)
        stamp, made, problems = checked[path]
        for key, params in problems:
            check.problems.add(check.path, entry.line_of("file"), f"{name}.file", key, **{**params, "value": entry["file"]})
        if made is not None and alt and credit:
            key, folder, renditions = made
            photos.append(WebPhoto(alt, credit, key, folder, renditions, path, stamp))
    return photos


def _photo_path(written: str, line: int, name: str, check: Checker, settings: Settings) -> Path | None:
    """The photo's file, which must lie inside martyrs/ (the records folder), as written
    and, when it is a symbolic link, where the link leads."""
    written = written.strip()
    literal = Path(os.path.abspath(Path(check.path).parent / written))
    if Path(written).is_absolute() or not literal.is_relative_to(os.path.abspath(settings.martyrs_dir)):
        check.problems.add(check.path, line, name, "photo_outside", value=written)
        return None
    try:
        candidate = literal.resolve()
        data_root = settings.martyrs_dir.resolve()
    except (OSError, RuntimeError):  # a link loop: RuntimeError before Python 3.13, OSError after
        check.problems.add(check.path, line, name, "photo_link_loop", value=written)
        return None
    if not candidate.is_relative_to(data_root):
        check.problems.add(check.path, line, name, "photo_link_outside", value=written)
        return None
    try:
        present = candidate.is_file()
    except OSError:  # a name too long for the file system
        present = False
    if not present:
        check.problems.add(check.path, line, name, "photo_missing", value=written)
        return None
    return candidate


class _Found:
    """Takes the problems of one photo file's check, to report them for each entry naming it."""

    def __init__(self):
        self.problems: list[tuple[str, dict]] = []

    def add(self, path, line: int, field_name: str, key: str, **params) -> None:
        self.problems.append((key, params))


def _web_copies(path: Path, written: str, line: int, name: str, check: Checker, settings: Settings):
    """(key, cache folder, renditions) for the photo at `path`, or None after a problem."""
    data = path.read_bytes()
    widths = settings.photo_widths
    key = hashlib.sha256(data + f"|{RECIPE}|{widths}".encode()).hexdigest()[:24]
    folder = settings.cache_dir / "images" / key
    # The size check comes first even for cached copies: the limit may have been lowered.
    opened = _open_checked(data, written, line, name, check, settings)
    if opened is None:
        return None
    cached = _read_manifest(folder)
    if cached is None:
        try:
            sizes = _make_copies(opened, folder, widths)
        except (OSError, SyntaxError, ValueError, Image.DecompressionBombError) as error:
            check.problems.add(check.path, line, name, "photo_not_image", value=written, detail=_short(error))
            return None
    else:
        sizes = cached
    renditions = tuple(
        Rendition(width, height, f"assets/photos/{key}-{width}.webp", f"assets/photos/{key}-{width}.jpg")
        for width, height in sizes
    )
    return key, folder, renditions


def _open_checked(data: bytes, written: str, line: int, name: str, check: Checker, settings: Settings):
    """Open the image's header only and compare its size to the limit before any decoding."""
    # Pillow's own guard would raise only at twice its default limit; the header
    # read below allocates nothing, so switch it off here and apply ours.
    previous = Image.MAX_IMAGE_PIXELS
    Image.MAX_IMAGE_PIXELS = None
    try:
        image = Image.open(io.BytesIO(data), formats=FORMATS)
    except UnidentifiedImageError:
        check.problems.add(check.path, line, name, "photo_not_image", value=written, detail=phrase("unknown_format"))
        return None
    except (OSError, SyntaxError, ValueError) as error:
        check.problems.add(check.path, line, name, "photo_not_image", value=written, detail=_short(error))
        return None
    finally:
        Image.MAX_IMAGE_PIXELS = previous
    pixels = image.width * image.height
    if pixels > settings.photo_max_pixels:
        check.problems.add(check.path, line, name, "photo_too_large", value=written, pixels=pixels,
                           limit=settings.photo_max_pixels)
        return None
    return image


def _make_copies(image: Image.Image, folder: Path, widths: tuple[int, ...]) -> list[tuple[int, int]]:
    """Decode, orient, convert to sRGB, and write every width; returns the (width, height) made."""
    previous = Image.MAX_IMAGE_PIXELS
    Image.MAX_IMAGE_PIXELS = None  # size already checked against the configured limit
    try:
        image.load()
    finally:
        Image.MAX_IMAGE_PIXELS = previous
    image = ImageOps.exif_transpose(image)
    image = _srgb(image)
    targets = [w for w in widths if w < image.width] + [min(image.width, max(widths))]
    staging = Path(tempfile.mkdtemp(prefix=".tmp-", dir=_ensure(folder.parent)))
    sizes = []
    try:
        for width in sorted(set(targets)):
            height = max(1, round(image.height * width / image.width))
            resized = image.resize((width, height), Image.Resampling.LANCZOS) if width != image.width else image
            # A fresh image carries pixels only: no EXIF, GPS, XMP, comments or ICC profile.
            clean = Image.new("RGB", resized.size)
            clean.paste(resized)
            stem = f"{folder.name}-{width}"
            clean.save(staging / f"{stem}.webp", "WEBP", quality=WEBP_QUALITY, method=4)
            clean.save(staging / f"{stem}.jpg", "JPEG", quality=JPEG_QUALITY, optimize=True, progressive=True)
            sizes.append((width, height))
        (staging / "manifest.json").write_text(json.dumps({"sizes": sizes}), encoding="utf-8")
        if folder.exists():  # left half-made by an interrupted build
            shutil.rmtree(folder)
        staging.rename(folder)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    return sizes


def _srgb(image: Image.Image) -> Image.Image:
    """RGB pixels in sRGB: the colour profile is dropped with the metadata, so apply it first."""
    profile = image.info.get("icc_profile")
    if image.mode in ("RGBA", "LA", "PA") or (image.mode == "P" and "transparency" in image.info):
        rgba = image.convert("RGBA")
        image = Image.new("RGB", rgba.size, "white")
        image.paste(rgba, mask=rgba.getchannel("A"))
    elif image.mode != "RGB":
        image = image.convert("RGB")
    if profile:
        try:
            source = ImageCms.ImageCmsProfile(io.BytesIO(profile))
            image = ImageCms.profileToProfile(image, source, ImageCms.createProfile("sRGB"), outputMode="RGB")
        except (ImageCms.PyCMSError, OSError, ValueError):
            pass  # an unreadable profile: keep the pixels as they are
    return image


def _read_manifest(folder: Path) -> list[tuple[int, int]] | None:
    try:
        sizes = json.loads((folder / "manifest.json").read_text(encoding="utf-8"))["sizes"]
    except (OSError, ValueError, KeyError, TypeError):
        return None
    for width, _height in sizes:
        stem = f"{folder.name}-{width}"
        if not (folder / f"{stem}.webp").is_file() or not (folder / f"{stem}.jpg").is_file():
            return None
    return [(int(w), int(h)) for w, h in sizes]


def _ensure(folder: Path) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def _short(error: Exception) -> str:
    text = str(error).splitlines()[0] if str(error) else type(error).__name__
    return text[:200]
