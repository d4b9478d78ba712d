"""Photos from a phone: a 50-megapixel JPEG and a HEIC are accepted and reduced, their
web copies carry no metadata, a GPS position left in an original is named in a warning,
and `python -m yinglie strip-photos` removes the metadata from the originals in place.

Every photo is made here with Pillow and pillow-heif (photofixtures.py): no binary fixtures.
"""

from __future__ import annotations

import pillow_heif
import pytest
from conftest import copy_project
from PIL import ExifTags, Image
from photofixtures import BLUE, RED, two_tone

pillow_heif.register_heif_opener()

PHOTO_ENTRY = """
  - file: photos/{name}
    alt: 测试照片，左红右蓝
    credit: 测试单位提供
"""


def martyr_with(*names: str) -> str:
    entries = "".join(PHOTO_ENTRY.format(name=name) for name in names)
    return f"""
name: 手机照片测试
sources:
  - title: 测试资料
    where: 测试
photos:{entries}"""


def gps_of(path) -> dict:
    with Image.open(path) as image:
        return dict(image.getexif().get_ifd(ExifTags.IFD.GPSInfo))


def cached_copies(project) -> list:
    return sorted((project.root / ".cache/images").rglob("*-*.*"))


@pytest.fixture
def phone_project(tmp_path):
    return copy_project(tmp_path / "project")


def test_a_50_megapixel_phone_photo_is_accepted_and_reduced(phone_project):
    # 8160 x 6120 (a 50 MP phone sensor), stored on its side: EXIF orientation 6.
    two_tone(phone_project.root / "martyrs/photos/phone.jpg", size=(8160, 6120), orientation=6, gps=True)
    phone_project.write("martyrs/phone-test.yml", martyr_with("phone.jpg"))
    result = phone_project.check()
    assert result.returncode == 0, result.stdout + result.stderr
    largest = [path for path in cached_copies(phone_project) if path.name.endswith("-1600.jpg")]
    assert largest, [p.name for p in cached_copies(phone_project)]
    with Image.open(largest[0]) as copy:
        # Upright: 6120 wide x 8160 high, reduced to the largest web width.
        assert copy.size == (1600, round(8160 * 1600 / 6120))
        assert not copy.getexif() and "exif" not in copy.info
        left, right = copy.convert("RGB").getpixel((10, copy.height // 2)), copy.getpixel((copy.width - 10, copy.height // 2))
    # Turned upright: the stored left half (red) is now the top, so left and right match.
    assert left == pytest.approx(right, abs=40)
    # The original still says where it was taken: one warning line names it, and it is no failure.
    warnings = [line for line in result.stderr.splitlines() if "photos/phone.jpg" in line]
    assert len(warnings) == 1, result.stderr
    assert warnings[0].startswith("martyrs/phone-test.yml:") and "photos[1].file" in warnings[0]
    assert "make strip-photos" in warnings[0]


def test_a_photo_over_the_file_size_limit_is_refused_with_its_setting(phone_project):
    config = phone_project.root / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8").replace("  records:\n", "  records:\n    photo_max_mib: 1\n", 1),
                      encoding="utf-8")
    noisy = phone_project.root / "martyrs/photos/big.jpg"
    noisy.parent.mkdir(parents=True, exist_ok=True)
    Image.effect_noise((1400, 1400), 100).convert("RGB").save(noisy, "JPEG", quality=100)
    assert noisy.stat().st_size > 2**20
    phone_project.write("martyrs/phone-test.yml", martyr_with("big.jpg"))
    result = phone_project.check()
    assert result.returncode == 1
    assert "martyrs/phone-test.yml:6: photos[1].file: 照片“photos/big.jpg”文件大小" in result.stderr
    assert "extra.records.photo_max_mib" in result.stderr


def heic(path, orientation=None, gps=True, size=(320, 240)):
    """A HEIC like an iPhone's: red left half, blue right half, with EXIF and a GPS position."""
    image = Image.new("RGB", size, BLUE)
    image.paste(RED, (0, 0, size[0] // 2, size[1]))
    exif = Image.Exif()
    exif[ExifTags.Base.Make] = "TestPhone"
    if orientation:
        exif[ExifTags.Base.Orientation] = orientation
    if gps:
        position = exif.get_ifd(ExifTags.IFD.GPSInfo)
        position[ExifTags.GPS.GPSLatitudeRef] = "N"
        position[ExifTags.GPS.GPSLatitude] = (29.0, 17.0, 30.0)
    path.parent.mkdir(parents=True, exist_ok=True)
    image.save(path, "HEIF", exif=exif.tobytes(), quality=90)
    return path


def test_a_heic_photo_gets_web_copies_without_metadata(phone_project):
    source = heic(phone_project.root / "martyrs/photos/iphone.heic", gps=True)
    assert gps_of(source), "the fixture must carry a GPS position"
    phone_project.write("martyrs/phone-test.yml", martyr_with("iphone.heic"))
    result = phone_project.build()
    assert result.returncode == 0, result.stdout + result.stderr
    copies = sorted((phone_project.site / "assets/photos").iterdir())
    assert {path.suffix for path in copies} == {".webp", ".jpg"}
    for copy in copies:
        with Image.open(copy) as image:
            assert not image.getexif(), copy.name
            assert not image.info.get("exif") and not image.info.get("xmp"), copy.name
            assert image.width == 320 or image.width in (480, 960, 1600) or image.width < 320
    page = (phone_project.site / "martyrs/phone-test/index.html").read_text(encoding="utf-8")
    assert "assets/photos/" in page and "iphone.heic" not in page
    assert any("photos/iphone.heic" in line and "GPS" in line for line in result.stderr.splitlines()), result.stderr


def test_strip_photos_removes_metadata_from_the_originals_in_place(phone_project):
    folder = phone_project.root / "martyrs/photos"
    jpeg = two_tone(folder / "sideways.jpg", size=(300, 200), orientation=6, gps=True)
    phone = heic(folder / "iphone.heic", gps=True)
    plain = folder / "plain.png"
    Image.new("RGB", (40, 30), RED).save(plain)
    facility = two_tone(phone_project.root / "martyrs/memorials/photos/gate.jpg", gps=True)
    plain_bytes = plain.read_bytes()
    assert gps_of(jpeg) and gps_of(phone) and gps_of(facility)

    result = phone_project.run("strip-photos")
    assert result.returncode == 0, result.stdout + result.stderr
    for path in (jpeg, phone, facility):
        with Image.open(path) as image:
            assert not image.getexif(), path.name
            assert not image.info.get("exif") and not image.info.get("xmp"), path.name
        assert path.relative_to(phone_project.root).as_posix() in result.stdout
    with Image.open(jpeg) as image:
        # EXIF orientation 6 applied to the pixels: 300 x 200 stored is 200 x 300 upright,
        # the red left half now on top.
        assert image.size == (200, 300)
        top, bottom = image.getpixel((100, 20)), image.getpixel((100, 280))
        assert top[0] > 150 > top[2] and bottom[2] > 150 > bottom[0]
    assert plain.read_bytes() == plain_bytes, "a photo without metadata is left as it was"
    assert "martyrs/photos/plain.png" not in result.stdout
    assert not list(folder.glob(".*")), "no staging file is left behind"

    # Stripped, the photo no longer draws the warning, and a second run changes nothing.
    phone_project.write("martyrs/phone-test.yml", martyr_with("sideways.jpg", "iphone.heic"))
    checked = phone_project.check()
    assert checked.returncode == 0, checked.stderr
    assert "GPS" not in checked.stderr
    before = {path: path.read_bytes() for path in (jpeg, phone)}
    again = phone_project.run("strip-photos")
    assert again.returncode == 0 and {path: path.read_bytes() for path in before} == before
