"""The last scan: what the build wrote, as a visitor would read it (placeholder: see issue 11)."""

from __future__ import annotations

from pathlib import Path


class PublishedScan:
    def __init__(self, settings, pages):
        self.settings, self.pages = settings, pages

    def scan_page(self, html: str, src_uri: str) -> None:
        pass

    def scan_files(self, site_dir: Path) -> None:
        pass

    def raise_if_any(self) -> None:
        pass
