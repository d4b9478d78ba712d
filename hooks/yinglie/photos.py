"""Photos of martyrs and memorial facilities: checked, then made fit for the web.

A record lists photos kept beside its YAML file, each with a description for
readers who cannot see it (in Chinese) and where the photo came from:

    photos:
      - file: photos/qi-nanxun.jpg
        alt: 漆南薰烈士遗像，黑白半身照
        credit: 江津区退役军人事务局提供

Each photo is checked (path inside martyrs/, file present, a JPEG/PNG/WebP image or
a phone's HEIC (pillow-heif), not over the configured size and pixel limits) and then
turned into web copies: EXIF orientation applied, every metadata block dropped
(camera, GPS position, colour profile after converting to sRGB), WebP plus a JPEG
fallback in a few widths. The copies are kept in `.cache/images/`, named by a hash of
the file's bytes and the recipe, so a rebuild re-uses them instead of decoding every
photo again.

A phone's photo records where it was taken. The web copies never carry it, but the
original committed to the repository does: each such photo is named in a warning
(`gps_warnings`), and `python -m yinglie strip-photos` (`make strip-photos`) removes
the metadata from the originals in place (`strip_metadata`).
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

import pillow_heif
from PIL import ExifTags, Image, ImageCms, ImageOps, UnidentifiedImageError

from .config import Settings
from .messages import Text, phrase, render
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

# Phones save HEIC (iPhones by default); pillow-heif teaches Pillow to read it as "HEIF".
pillow_heif.register_heif_opener()
FORMATS = ("JPEG", "PNG", "WEBP", "HEIF")
SUFFIXES = (".jpg", ".jpeg", ".png", ".webp", ".heic", ".heif")  # the files strip-photos visits
CHINESE = re.compile(r"[\u3400-\u9fff]")
# Bump when the way copies are made changes, so old cached copies are not reused.
RECIPE = "v2 draft webp80 jpeg82"
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
    # The original still holds a GPS position: (record file, line, field, file as written).
    gps_left: tuple[Path, int, str, str] | None = None

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
            key, folder, renditions, has_gps = made
            gps_left = (Path(check.path), entry.line_of("file"), f"{name}.file", entry["file"]) if has_gps else None
            photos.append(WebPhoto(alt, credit, key, folder, renditions, path, stamp, gps_left))
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
    """(key, cache folder, renditions, whether the original holds a GPS position) for the
    photo at `path`, or None after a problem."""
    size = path.stat().st_size
    if size > settings.photo_max_bytes:  # before reading it: the limit is what we read
        check.problems.add(check.path, line, name, "photo_file_too_large", value=written,
                           size=f"{size / 2**20:.1f} MB", limit=f"{settings.photo_max_bytes / 2**20:.0f} MB")
        return None
    data = path.read_bytes()
    widths = settings.photo_widths
    key = hashlib.sha256(data + f"|{RECIPE}|{widths}".encode()).hexdigest()[:24]
    folder = settings.cache_dir / "images" / key
    # The size check comes first even for cached copies: the limit may have been lowered.
    opened = _open_checked(data, written, line, name, check, settings)
    if opened is None:
        return None
    has_gps = holds_gps(opened)
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
    return key, folder, renditions, has_gps


def holds_gps(image: Image.Image) -> bool:
    """Whether an opened image's EXIF holds a GPS position (read from the header only)."""
    try:
        return bool(image.getexif().get_ifd(ExifTags.IFD.GPSInfo))
    except (OSError, SyntaxError, ValueError, TypeError, KeyError):
        return False  # unreadable EXIF: nothing the copies keep anyway


def gps_warnings(photos: list[WebPhoto], root: Path, language: str) -> list[str]:
    """One warning line per photo file whose original still holds a GPS position:
    `record:line: photos[n].file: message`, each file named once."""
    lines, named = [], set()
    for photo in photos:
        if photo.gps_left is None or photo.source in named:
            continue
        named.add(photo.source)
        record, line, field_name, written = photo.gps_left
        try:
            shown = record.relative_to(root).as_posix()
        except ValueError:
            shown = record.as_posix()
        lines.append(f"{shown}:{line}: {field_name}: {render('photo_gps_kept', {'value': written}, language)}")
    return sorted(lines)
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
        # A JPEG can be decoded at 1/2, 1/4 or 1/8 of its size: a phone's 50-megapixel
        # photo needs no more than the largest web width on its shorter side (either side
        # may become the width once the EXIF orientation is applied).
        if image.format == "JPEG":
            image.draft(image.mode, (max(widths), max(widths)))
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


# --- Removing metadata from the originals (`make strip-photos`) --------------------------

STRIP_JPEG_QUALITY = 95  # an original is re-encoded only when its orientation must be applied
STRIP_HEIF_QUALITY = 90
# Where Pillow (and pillow-heif) put the blocks that can say where, when and with what a
# photo was taken: EXIF (GPS included), XMP, JPEG comments, Photoshop's IPTC.
METADATA_KEYS = ("exif", "xmp", "XML:com.adobe.xmp", "comment", "photoshop")


def photo_files(folder: Path) -> list[Path]:
    """Every photo file under `folder` (the records folder), by its suffix, in a stable order."""
    return sorted(path for path in folder.rglob("*")
                  if path.suffix.lower() in SUFFIXES and path.is_file() and not path.is_symlink())


def strip_metadata(path: Path) -> bool:
    """Remove every metadata block (EXIF with its GPS position, XMP, comments) from the
    photo at `path`, in place, after turning its pixels upright as EXIF orientation
    says; the colour profile is kept (it holds no personal data and the colours need it).
    Returns whether the file held metadata and was rewritten."""
    with Image.open(path, formats=FORMATS) as image:
        fmt = image.format
        exif = image.getexif()
        personal = bool(exif) or any(image.info.get(key) for key in METADATA_KEYS)
        if not personal:
            return False
        orientation = exif.get(ExifTags.Base.Orientation, 1)
        icc = image.info.get("icc_profile")
        image.load()
        upright = ImageOps.exif_transpose(image) if orientation != 1 else image
        # The pixels (and palette) only; the colour profile is given back explicitly.
        clean = upright.copy()
        clean.info = {}
    options: dict = {"icc_profile": icc} if icc else {}
    if fmt == "JPEG":
        options.update(quality=STRIP_JPEG_QUALITY)
    elif fmt == "WEBP":
        options.update(lossless=False, quality=STRIP_JPEG_QUALITY)
    elif fmt == "HEIF":
        options.update(quality=STRIP_HEIF_QUALITY)
    # Written beside the original, then renamed over it: an interruption leaves the original whole.
    staging = path.with_name(f".{path.name}.strip-{os.getpid()}")
    try:
        clean.save(staging, fmt, **options)
        os.replace(staging, path)
    finally:
        staging.unlink(missing_ok=True)
    return True

