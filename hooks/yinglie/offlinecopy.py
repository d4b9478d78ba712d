"""The classroom copy (`make offline`): the site as one zip that works from a USB stick.

A teacher unzips it and opens index.html from the file system, on a classroom PC
that may have no network. There, a browser lists a folder's files instead of opening
its index.html, fetches nothing (no fetch() of data/*.json from a file:// page) and
starts no Web Worker. So the copy is the normal build, strict and checked as always,
made with Material's offline plugin (`YINGLIE_OFFLINE=1`: the search index as a
script), then changed in four ways, by the rules below and nothing else:

1. every link to a folder of the site points at its index.html, in the pages and in
   Material's search index;
2. each data file the site's scripts read (the record search index, 今日纪念's months,
   the correction form's names)
   is also written as a script beside it, which theme/assets/site-data.js loads on a
   file:// page instead of fetching the JSON;
3. Material's search worker runs in a hidden frame (theme/assets/offline/, in place
   of the iframe-worker shim the plugin would load from unpkg.com, another host);
4. photos keep one width, the JPEG each <img> names for browsers without srcset (the
   middle width): the other widths and the WebP copies are left out.

The zip is named with the build's date (the last commit's, reproducible.py).
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
import zipfile
from pathlib import Path
from urllib.parse import urlsplit

from .reproducible import source_date_epoch

# The worker shim the copy loads in place of the plugin's (it names unpkg.com).
WORKER_SHIM = "assets/offline/worker-shim.js"
# Where `make build` publishes the copy (extra.offline.download), under a name that
# stays the same from build to build, so that a link to it keeps working.
DOWNLOAD = "downloads/yinglie-offline.zip"
# Set for the build of the copy itself.
OFFLINE_ENV = "YINGLIE_OFFLINE"


def prepare(config) -> None:
    """Called from on_config, after Material's offline plugin (hooks run after plugins):
    keep the site's own page addresses, and load the worker shim from the site itself."""
    plugin = config.plugins.get("material/offline") or config.plugins.get("offline")
    if plugin is None or not plugin.config.enabled:
        return
    # The plugin turns directory addresses off; the copy keeps the site's addresses (so
    # that every page, link and QR code is the one the site has) and points each link
    # at index.html afterwards, which works for links written by templates too.
    config.use_directory_urls = True
    # The copy holds no copy of itself: its pages do not offer the download.
    if isinstance(config.extra.get("offline"), dict):
        config.extra["offline"]["download"] = False
    polyfills = config.extra.get("polyfills", [])
    config.extra["polyfills"] = [WORKER_SHIM if "iframe-worker" in url else url for url in polyfills]


# The data files the site's scripts read (through theme/assets/site-data.js).
FETCHED_DATA = ("data/search-records.json", "data/on-this-day/*.json", "data/names/*.json")
# How each is written as a script: it registers its JSON under the JSON file's address.
DATA_SCRIPT = "window.yinglieData.register(document.currentScript.src.replace(/\\.js$/, \".json\"), {json});\n"
SEARCH_INDEX = "search/search_index.js"
MATERIAL_INDEX_PREFIX = "var __index = "

_LINK_ATTRIBUTE = re.compile(r'(?P<before>\s(?:href|src)=")(?P<url>[^"]*)"')
# What offers a photo in other widths or formats: each <img> keeps its src alone.
_OTHER_WIDTHS = re.compile(r'<source\s[^>]*\bsrcset="[^"]*"[^>]*>|\s(?:srcset|sizes)="[^"]*"')


class OfflineCopy:
    """The changes that make a built site work from the file system, in its folder."""

    def __init__(self, site: Path):
        self.site = site

    def folder_link(self, url: str, base: str) -> str:
        """`url`, found in a file at `base` (a site-relative folder), pointed at the
        index.html of the folder it names; anything else is left as it is."""
        parts = urlsplit(url)
        if parts.scheme or parts.netloc or url.startswith(("/", "#")) or not url:
            return url
        path = parts.path
        target = (self.site / base / path).resolve()
        if self.site.resolve() not in (target, *target.parents) or not (target / "index.html").is_file():
            return url
        fixed = path.rstrip("/") + "/index.html" if path not in ("", ".") else "index.html"
        if parts.query:
            fixed += "?" + parts.query
        if parts.fragment:
            fixed += "#" + parts.fragment
        return fixed

    def pages(self) -> None:
        for page in sorted(self.site.rglob("*.html")):
            base = page.parent.relative_to(self.site).as_posix()
            base = "" if base == "." else base
            text = page.read_text(encoding="utf-8")
            text = _LINK_ATTRIBUTE.sub(lambda m: f'{m["before"]}{self.folder_link(m["url"], base)}"', text)
            text = _OTHER_WIDTHS.sub("", text)
            page.write_text(text, encoding="utf-8")

    def data_addresses(self, value):
        """Site-relative addresses of folders in fetched data, pointed at their index.html."""
        if isinstance(value, dict):
            return {key: self.data_addresses(item) for key, item in value.items()}
        if isinstance(value, list):
            return [self.data_addresses(item) for item in value]
        if isinstance(value, str) and "/" in value and not value.startswith("/"):
            return self.folder_link(value, "")
        return value

    def data_scripts(self) -> None:
        for pattern in FETCHED_DATA:
            for source in sorted(self.site.glob(pattern)):
                data = self.data_addresses(json.loads(source.read_text(encoding="utf-8")))
                # JSON is a JavaScript expression; "</" is escaped as in every inert JSON we write.
                text = json.dumps(data, ensure_ascii=False, separators=(",", ":")).replace("</", "<\\/")
                source.with_suffix(".js").write_text(DATA_SCRIPT.format(json=text), encoding="utf-8")

    def search_index(self) -> None:
        """Material's index, which its offline plugin wrote as a script: result links
        open the index.html of a page's folder."""
        path = self.site / SEARCH_INDEX
        if not path.is_file():
            return
        text = path.read_text(encoding="utf-8")
        index = json.loads(text.removeprefix(MATERIAL_INDEX_PREFIX))
        for doc in index.get("docs", []):
            location = doc.get("location", "")
            doc["location"] = self.folder_link(location, "") if location.split("#")[0] else "index.html" + location
        path.write_text(MATERIAL_INDEX_PREFIX + json.dumps(index, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")

    def unused_photos(self) -> list[Path]:
        """Photo copies no page names any more (the other widths)."""
        photos = [path for path in self.site.rglob("*") if path.suffix.lower() in (".webp", ".jpg", ".jpeg", ".png")
                  and "photos" in path.relative_to(self.site).parts]
        if not photos:
            return []
        named = "\n".join(path.read_text(encoding="utf-8") for path in self.site.rglob("*")
                          if path.suffix in (".html", ".json", ".js", ".xml"))
        return [path for path in photos if path.name not in named]

    def make(self) -> None:
        self.pages()
        self.data_scripts()
        self.search_index()
        for photo in self.unused_photos():
            photo.unlink()



class OfflineCopyFailed(Exception):
    pass


HOW_TO_OPEN = """\
离线版使用方法 / How to open the offline copy

1. 把整个文件夹复制到 U 盘或电脑上（先解压，不要在压缩包里直接打开）。
2. 双击文件夹里的 index.html，用浏览器打开。
3. 不需要联网：页面、站内搜索、英烈检索和“今日纪念”都在本文件夹里。

Unzip the whole folder first, then open index.html in a browser. No network is needed.
"""


def building_copy() -> bool:
    """Whether this process builds the copy (and so must not publish one)."""
    return os.environ.get(OFFLINE_ENV, "").lower() == "true"


def build_copy(config_file: Path, out_dir: Path, archive_name: str | None = None) -> Path:
    """Build the site for the file system, make the copy, and zip it into out_dir, as
    yinglie-offline-<date>.zip or archive_name."""
    root = config_file.parent
    epoch = int(source_date_epoch(root))
    day = time.strftime("%Y-%m-%d", time.gmtime(epoch))
    name = f"yinglie-offline-{day}"
    with tempfile.TemporaryDirectory(prefix=".offline-", dir=root) as work:
        site = Path(work) / name
        env = {**os.environ, OFFLINE_ENV: "true"}
        command = [sys.executable, "-m", "yinglie", "build", "--config-file", str(config_file), "--site-dir", str(site)]
        if subprocess.run(command, env=env).returncode != 0:
            raise OfflineCopyFailed(f"离线版生成失败 / the offline copy was not built: {config_file}")
        OfflineCopy(site).make()
        (site / "使用说明.txt").write_text(HOW_TO_OPEN, encoding="utf-8")
        out_dir.mkdir(parents=True, exist_ok=True)
        archive = out_dir / (archive_name or f"{name}.zip")
        _zip(site, archive, epoch)
    return archive


def _zip(folder: Path, archive: Path, epoch: int) -> None:
    """A zip of folder (as its top folder), with every entry dated to the build: the
    same commit gives the same bytes."""
    stamp = time.gmtime(max(epoch, 315532800))[:6]  # zip dates start in 1980
    partial = archive.with_name(archive.name + ".part")
    with zipfile.ZipFile(partial, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as zipped:
        for path in sorted(folder.rglob("*")):
            if path.is_file():
                entry = zipfile.ZipInfo(f"{folder.name}/{path.relative_to(folder).as_posix()}", stamp)
                entry.compress_type = zipfile.ZIP_DEFLATED
                entry.external_attr = 0o644 << 16
                zipped.writestr(entry, path.read_bytes())
    partial.replace(archive)


def main(argv: list[str] | None = None) -> int:
    import argparse

    parser = argparse.ArgumentParser(prog="python -m yinglie.offlinecopy", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--config-file", type=Path, default=Path("mkdocs.yml"))
    parser.add_argument("--out-dir", type=Path, default=Path("dist"))
    args = parser.parse_args(argv)
    try:
        archive = build_copy(args.config_file.resolve(), args.out_dir.resolve())
    except OfflineCopyFailed as error:
        print(error, file=sys.stderr)
        return 1
    size = archive.stat().st_size
    print(f"离线版已生成 / offline copy written: {archive} ({size / 1024 / 1024:.1f} MiB)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
