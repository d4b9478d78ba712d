"""Test images made with Pillow: no binary fixtures in the repository."""

from __future__ import annotations

from pathlib import Path

from PIL import ExifTags, Image

ORIENTATION = 0x0112
RED, BLUE = (200, 20, 20), (20, 20, 200)


def two_tone(path: Path, size=(300, 200), orientation: int | None = None, gps: bool = False, fmt="JPEG") -> Path:
    """A picture whose left half is red and right half blue, optionally with an EXIF
    orientation and a GPS position (the things the web copies must drop or apply)."""
    image = Image.new("RGB", size, BLUE)
    image.paste(RED, (0, 0, size[0] // 2, size[1]))
    exif = Image.Exif()
    exif[ExifTags.Base.Make] = "TestCamera"
    if orientation:
        exif[ORIENTATION] = orientation
    if gps:
        position = exif.get_ifd(ExifTags.IFD.GPSInfo)
        position[ExifTags.GPS.GPSLatitudeRef] = "N"
        position[ExifTags.GPS.GPSLatitude] = (29.0, 17.0, 30.0)
        position[ExifTags.GPS.GPSLongitudeRef] = "E"
        position[ExifTags.GPS.GPSLongitude] = (106.0, 15.0, 10.0)
    path.parent.mkdir(parents=True, exist_ok=True)
    image.save(path, fmt, exif=exif.tobytes())
    return path


def truncated(path: Path) -> Path:
    """A JPEG whose header is fine but whose pixel data is cut off."""
    whole = path.with_suffix(".whole.jpg")
    Image.effect_noise((300, 200), 64).convert("RGB").save(whole, "JPEG", quality=95)
    data = whole.read_bytes()
    whole.unlink()
    path.write_bytes(data[: len(data) // 3])
    return path
