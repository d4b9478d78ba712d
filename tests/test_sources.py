"""Nothing about a real person is invented: every quotation the demo content gives
as its source stands, word for word, in the source document kept in sources/.

The demo records are read as the tests keep them (tests/fixtures/records), so that a
district that replaces them still passes; the project's own records are checked by
tests/test_own_records.py."""

from __future__ import annotations

import re
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]
RECORDS = ROOT / "tests" / "fixtures" / "records"
SOURCE_TEXT = (ROOT / "sources" / "2022-jiangjin-veterans-affairs-review.txt").read_text(encoding="utf-8")


def plain(text: str) -> str:
    """The document is extracted from a PDF: compare without spaces and line breaks."""
    return re.sub(r"\s+", "", text)


def quotations(value):
    if isinstance(value, dict):
        for key, item in value.items():
            if key == "quote" and isinstance(item, str):
                yield item
            else:
                yield from quotations(item)
    elif isinstance(value, list):
        for item in value:
            yield from quotations(item)


def test_every_quotation_in_the_records_is_in_the_source_document():
    found = 0
    for path in sorted(RECORDS.glob("martyrs/**/*.yml")) + sorted(RECORDS.glob("events/*.yml")) + sorted(RECORDS.glob("honors/**/*.yml")):
        for quote in quotations(yaml.safe_load(path.read_text(encoding="utf-8"))):
            found += 1
            assert plain(quote) in plain(SOURCE_TEXT), f"{path.relative_to(RECORDS)}: {quote}"
    assert found >= 8  # the four martyrs, four events, the memorial work


def test_every_quotation_on_the_sources_page_is_in_the_source_document():
    page = (ROOT / "content" / "sources.md").read_text(encoding="utf-8")
    quotes = re.findall(r"^> (.+)$", page, re.M)
    assert len(quotes) == 8
    for quote in quotes:
        assert plain(quote) in plain(SOURCE_TEXT), quote


def test_the_declared_award_totals_are_the_documents_figures():
    totals = yaml.safe_load((RECORDS / "honors" / "2022" / "totals.yml").read_text(encoding="utf-8"))
    figures = re.search(r"送达各类喜报(\d+)个（二等功(\d+)个、三等功(\d+)个、优秀(\d+)个）", plain(SOURCE_TEXT))
    total, second, third, excellent = (int(figure) for figure in figures.groups())
    assert totals["total"] == total
    assert totals["totals"] == {"二等功": second, "三等功": third, "优秀士兵": excellent}
