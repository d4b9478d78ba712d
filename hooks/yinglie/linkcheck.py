"""Link checker over a built site: every internal link and asset must resolve.

MkDocs' strict mode checks links between Markdown pages, but not what templates
write (asset paths, generated pages, the 404 page) nor how the site behaves when
a host serves it under a sub-path. This checker reads every HTML and CSS file in
the site folder, resolves each href, src, srcset and url() against the page's own
address as the host would serve it (at `mount`, e.g. /zt/yinglie/), and reports
every target that is not a file of the site. `#fragment`s must name an element
on the target page. Links to other hosts are not fetched (the build has no
network); links to the site's own address (`site_url`) are checked like
internal ones.

    python -m yinglie.linkcheck [--site-dir site] [--mount /zt/yinglie/]
"""

from __future__ import annotations

import argparse
import re
import sys
from dataclasses import dataclass
from functools import cache
from html.parser import HTMLParser
from pathlib import Path, PurePosixPath
from urllib.parse import unquote, urljoin, urlsplit

LINK_ATTRIBUTES = {"href", "src", "poster", "data", "action"}
CSS_URL = re.compile(r"""url\(\s*(['"]?)([^'")]+)\1\s*\)""")
SKIPPED_SCHEMES = {"mailto", "tel", "javascript", "data", "blob", "about"}
LOCAL_HOST = "site.invalid"  # pages are resolved as if served from this host


@dataclass(frozen=True, order=True)
class BrokenLink:
    page: str
    target: str
    reason: str

    def __str__(self) -> str:
        return f"{self.page}: {self.target}: {self.reason}"


class _PageParser(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.links: list[str] = []
        self.ids: set[str] = set()
        self.base: str | None = None

    def handle_starttag(self, tag, attrs):
        # <link rel=preconnect> names a host, not a file.
        hint_only = tag == "link" and {"preconnect", "dns-prefetch"} & set((dict(attrs).get("rel") or "").split())
        for name, value in attrs:
            if value is None:
                continue
            if name == "id" or (name == "name" and tag == "a"):
                self.ids.add(value)
            elif tag == "base" and name == "href":
                self.base = value
            elif name in LINK_ATTRIBUTES and not hint_only:
                self.links.append(value)
            elif name == "srcset":
                self.links.extend(part.strip().split(" ")[0] for part in value.split(",") if part.strip())
            elif name == "style":
                self.links.extend(match.group(2) for match in CSS_URL.finditer(value))


@dataclass
class _Page:
    links: list[str]
    ids: set[str]
    base: str | None


class LinkChecker:
    def __init__(self, site_dir: Path, mount: str = "/", site_url: str | None = None):
        if not (mount.startswith("/") and mount.endswith("/")):
            raise ValueError("mount must start and end with /")
        self.site_dir = site_dir
        self.mount = mount
        self.site_url = site_url.rstrip("/") + "/" if site_url else None
        self.origin = f"https://{LOCAL_HOST}"
        self._files: dict[str, Path | None] = {}

    def check(self) -> list[BrokenLink]:
        broken: set[BrokenLink] = set()
        for path in sorted(self.site_dir.rglob("*")):
            if path.suffix in (".html", ".htm"):
                page = _parse(path)
                base = urljoin(self._address(path), page.base) if page.base else self._address(path)
                for link in page.links:
                    broken.update(self._check_link(path, base, link))
            elif path.suffix == ".css":
                text = path.read_text(encoding="utf-8", errors="replace")
                for match in CSS_URL.finditer(text):
                    broken.update(self._check_link(path, self._address(path), match.group(2)))
        return sorted(broken)

    def _address(self, path: Path) -> str:
        relative = path.relative_to(self.site_dir).as_posix()
        return self.origin + self.mount + relative

    def _check_link(self, page_path: Path, base: str, link: str):
        link = link.strip()
        if not link or link == "#":
            return
        scheme = urlsplit(link).scheme.lower()
        if scheme in SKIPPED_SCHEMES:
            return
        resolved = link
        if self.site_url and link.startswith(self.site_url):  # the site's own public address
            resolved = self.origin + self.mount + link[len(self.site_url):]
        url = urlsplit(urljoin(base, resolved))
        if url.scheme not in ("http", "https", "") or url.netloc != LOCAL_HOST:
            return  # another host: not ours to check, and not fetched
        page = page_path.relative_to(self.site_dir).as_posix()
        path = unquote(url.path)
        if not path.startswith(self.mount):
            yield BrokenLink(page, link, f"outside the site (mounted at {self.mount})")
            return
        target = self._file_for(path[len(self.mount):])
        if target is None:
            yield BrokenLink(page, link, "no such file in the site")
            return
        fragment = unquote(url.fragment)
        if fragment and target.suffix == ".html" and fragment not in _parse(target).ids:
            yield BrokenLink(page, link, f"no element with id “{fragment}” on the target page")

    def _file_for(self, relative: str) -> Path | None:
        # Every page links the same assets: look each target up once.
        if relative not in self._files:
            self._files[relative] = self._find_file(relative)
        return self._files[relative]

    def _find_file(self, relative: str) -> Path | None:
        if ".." in PurePosixPath(relative).parts:
            return None
        candidate = self.site_dir / relative
        if relative == "" or relative.endswith("/"):
            candidate = candidate / "index.html"
        elif candidate.is_dir():
            candidate = candidate / "index.html"
        return candidate if candidate.is_file() else None


@cache
def _parse(path: Path) -> _Page:
    parser = _PageParser()
    parser.feed(path.read_text(encoding="utf-8", errors="replace"))
    parser.close()
    return _Page(parser.links, parser.ids, parser.base)


def check_site(site_dir: Path, mount: str = "/", site_url: str | None = None) -> list[BrokenLink]:
    _parse.cache_clear()
    return LinkChecker(site_dir, mount, site_url).check()


def _from_config(config_file: Path) -> tuple[str, str | None]:
    """The mount and address the site was built for, from mkdocs.yml's site_url."""
    from mkdocs.config import load_config

    site_url = load_config(str(config_file)).site_url
    if not site_url:
        return "/", None
    path = urlsplit(site_url).path or "/"
    return (path if path.endswith("/") else path + "/"), site_url


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m yinglie.linkcheck", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--site-dir", type=Path, default=Path("site"))
    parser.add_argument("--config-file", type=Path, default=Path("mkdocs.yml"))
    parser.add_argument("--mount", help="the path the site is served at (default: the path of site_url)")
    args = parser.parse_args(argv)
    mount, site_url = _from_config(args.config_file)
    if args.mount:
        mount = args.mount if args.mount.endswith("/") else args.mount + "/"
    if not (args.site_dir / "index.html").is_file():
        print(f"{args.site_dir}/index.html 不存在，请先生成网站 / not built yet: run `make build`", file=sys.stderr)
        return 2
    broken = check_site(args.site_dir, mount, site_url)
    for link in broken:
        print(link)
    if broken:
        print(f"失效链接 {len(broken)} 处 / {len(broken)} broken links", file=sys.stderr)
        return 1
    print(f"链接检查通过 / links OK (mounted at {mount})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
