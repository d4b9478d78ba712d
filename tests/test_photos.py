"""Photos: checks with exact lines, and the web copies the build makes.

The photos are made here with Pillow (photofixtures.py), including an EXIF
orientation and a GPS position, to prove the copies are turned upright and carry
no metadata.
"""

from __future__ import annotations

import re

import pytest
from conftest import copy_project
from PIL import Image
from photofixtures import BLUE, RED, truncated, two_tone

WIDTHS_SETTING = """
    photo_widths: [100, 200]
    photo_max_pixels: 100000
"""


def with_settings(project, extra: str = WIDTHS_SETTING):
    config = project.root / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    config.write_text(text.replace("  records:\n", "  records:\n" + extra.strip("\n") + "\n", 1), encoding="utf-8")


def martyr_with_photos(photos: str) -> str:
    return f"""
name: 照片测试
sources:
  - title: 测试资料
    where: 测试
photos:
{photos}"""


@pytest.fixture(scope="module")
def photo_project(tmp_path_factory):
    project = copy_project(tmp_path_factory.mktemp("photos") / "project")
    with_settings(project)
    # 300 x 200 as stored, but EXIF says "rotate 90° clockwise": upright it is 200 x 300.
    source = two_tone(project.root / "martyrs/photos/test-photo.jpg", orientation=6, gps=True)
    assert Image.open(source).getexif().get_ifd(0x8825), "the fixture must carry a GPS position"
    project.write("martyrs/test-photo.yml", martyr_with_photos("""
  - file: photos/test-photo.jpg
    alt: 测试照片，上红下蓝 <b>
    credit: 测试单位提供
"""))
    result = project.build()
    assert result.returncode == 0, result.stdout + result.stderr
    return project


def copies(project) -> list:
    return sorted((project.site / "assets/photos").iterdir())


def test_copies_in_configured_widths_as_webp_and_jpeg(photo_project):
    names = [p.name for p in copies(photo_project)]
    assert len(names) == 4
    assert sorted(re.sub(r"^[0-9a-f]{24}-", "", n) for n in names) == ["100.jpg", "100.webp", "200.jpg", "200.webp"]
    for path in copies(photo_project):
        image = Image.open(path)
        assert image.format == ("WEBP" if path.suffix == ".webp" else "JPEG")


def test_copies_are_upright(photo_project):
    for path in copies(photo_project):
        image = Image.open(path).convert("RGB")
        width = int(path.stem.rsplit("-", 1)[1])
        assert image.size == (width, width * 3 // 2)  # portrait once the orientation is applied
        top = image.getpixel((width // 2, image.height // 8))
        bottom = image.getpixel((width // 2, image.height * 7 // 8))
        assert _close(top, RED) and _close(bottom, BLUE), (path.name, top, bottom)


def _close(colour, expected, tolerance=60):
    return all(abs(a - b) <= tolerance for a, b in zip(colour, expected))


def test_copies_carry_no_metadata(photo_project):
    for path in copies(photo_project):
        data = path.read_bytes()
        image = Image.open(path)
        assert not image.getexif(), path.name
        assert not {"exif", "icc_profile", "xmp", "comment"} & set(image.info), (path.name, image.info.keys())
        assert b"Exif" not in data and b"EXIF" not in data and b"TestCamera" not in data


def test_page_serves_picture_with_srcset_and_size(photo_project):
    html = (photo_project.site / "martyrs/test-photo/index.html").read_text(encoding="utf-8")
    picture = html.split("<picture>", 1)[1].split("</picture>", 1)[0]
    assert re.search(r'<source type="image/webp" sizes="[^"]+"\s+srcset="\.\./\.\./assets/photos/[0-9a-f]{24}-100\.webp 100w, '
                     r'\.\./\.\./assets/photos/[0-9a-f]{24}-200\.webp 200w"', picture)
    assert re.search(r'srcset="[^"]+-100\.jpg 100w, [^"]+-200\.jpg 200w"', picture)
    assert 'width="200" height="300"' in picture
    assert 'alt="测试照片，上红下蓝 &lt;b&gt;"' in picture
    assert "来源：测试单位提供" in html
    assert "ml-photo-placeholder" not in html


def test_page_without_photo_shows_placeholder(photo_project):
    html = (photo_project.site / "martyrs/qi-nanxun/index.html").read_text(encoding="utf-8")
    assert '<div class="ml-photo-placeholder" role="img" aria-label="暂无照片">' in html
    assert "<picture>" not in html


def test_rebuild_reuses_cached_copies(photo_project):
    cache = photo_project.root / ".cache/images"
    cached = sorted(cache.glob("*/*-100.jpg"))
    assert len(cached) == 1
    before = {p: p.stat().st_mtime_ns for p in cache.rglob("*") if p.is_file()}
    # A rebuild that made the copies again would overwrite this marker.
    cached[0].write_bytes(b"marker: served from the cache")
    before[cached[0]] = cached[0].stat().st_mtime_ns
    result = photo_project.build(site_dir="site-again")
    assert result.returncode == 0, result.stderr
    served = photo_project.root / "site-again/assets/photos" / cached[0].name
    assert served.read_bytes() == b"marker: served from the cache"
    assert {p: p.stat().st_mtime_ns for p in cache.rglob("*") if p.is_file()} == before


def test_bad_photos_each_get_a_clear_message(tmp_path):
    project = copy_project(tmp_path / "project")
    with_settings(project)
    two_tone(project.root / "martyrs/photos/big.png", size=(400, 400), fmt="PNG")
    (project.root / "martyrs/photos/notes.jpg").write_text("这不是图片", encoding="utf-8")
    truncated(project.root / "martyrs/photos/cut.jpg")
    two_tone(project.root / "martyrs/photos/fine.jpg")
    project.write("martyrs/test-photo.yml", martyr_with_photos("""
  - file: photos/fine.jpg
    credit: 测试单位提供
  - file: photos/fine.jpg
    alt: A red and blue picture
    credit: 测试单位提供
  - file: photos/missing.jpg
    alt: 不存在的照片
    credit: 测试单位提供
  - file: photos/notes.jpg
    alt: 文字文件
    credit: 测试单位提供
  - file: photos/big.png
    alt: 过大的照片
    credit: 测试单位提供
  - file: ../mkdocs.yml
    alt: 记录文件夹以外的文件
    credit: 测试单位提供
  - file: photos/cut.jpg
    alt: 损坏的照片
    credit: 测试单位提供
"""))
    result = project.check()
    assert result.returncode == 1
    errors = result.stderr
    expected = [
        "martyrs/test-photo.yml:7: photos[1].alt: 缺少必填字段",
        "martyrs/test-photo.yml:10: photos[2].alt: 照片说明应为中文",
        "martyrs/test-photo.yml:12: photos[3].file: 找不到照片文件“photos/missing.jpg”",
        "martyrs/test-photo.yml:15: photos[4].file: “photos/notes.jpg”不是可用的图片（支持 JPEG、HEIC、PNG、WebP）：无法识别的文件格式",
        "martyrs/test-photo.yml:18: photos[5].file: 照片“photos/big.png”有 160000 像素，超过上限 100000 像素",
        "martyrs/test-photo.yml:21: photos[6].file: 照片路径“../mkdocs.yml”超出了记录文件夹 martyrs/",
        "martyrs/test-photo.yml:24: photos[7].file: “photos/cut.jpg”不是可用的图片（支持 JPEG、HEIC、PNG、WebP）：image file is truncated",
    ]
    for line in expected:
        assert line in errors, f"{line}\n---\n{errors}"
    assert errors.count("photos[") == len(expected)


def test_facility_photos_live_beside_the_facility_records(tmp_path):
    project = copy_project(tmp_path / "project")
    two_tone(project.root / "martyrs/memorials/photos/gate.jpg", size=(120, 80))
    project.write("martyrs/memorials/test-gate.yml", """
        name: 测试纪念碑
        type: 纪念碑亭
        level: 市级
        photos:
          - file: photos/gate.jpg
            alt: 纪念碑正面
            credit: 测试单位提供
          - file: ../../../content/index.md
            alt: 站外文件
            credit: 测试单位提供
    """)
    result = project.check()
    assert ("martyrs/memorials/test-gate.yml:8: photos[2].file: 照片路径“../../../content/index.md”超出了记录文件夹"
            in result.stderr)
    project.write("martyrs/memorials/test-gate.yml", """
        name: 测试纪念碑
        type: 纪念碑亭
        level: 市级
        photos:
          - file: photos/gate.jpg
            alt: 纪念碑正面
            credit: 测试单位提供
    """)
    result = project.build()
    assert result.returncode == 0, result.stderr
    html = (project.site / "memorials/test-gate/index.html").read_text(encoding="utf-8")
    assert 'width="120" height="80"' in html and 'alt="纪念碑正面"' in html


def test_photo_settings_must_be_positive(project):
    with_settings(project, "    photo_widths: [0, 200]\n")
    result = project.check()
    assert result.returncode == 1
    assert "extra.records.photo_widths: 0 is not a positive whole number" in result.stderr
