"""Nothing about a real person is invented: every quotation a record gives as its
source stands, word for word, in the document its source names in sources/.

`make check` does this for any records (hooks/yinglie/quotations.py); these tests
run it on fixture projects built from the demo records kept in tests/fixtures/records,
so that a district that replaces the demo still passes.
"""

from __future__ import annotations

import re

import yaml

from conftest import RECORDS, ROOT

DOCUMENT = "2022-jiangjin-veterans-affairs-review.txt"
SOURCE_TEXT = (RECORDS / "sources" / DOCUMENT).read_text(encoding="utf-8")


def plain(text: str) -> str:
    """The document is extracted from a PDF: compare without spaces and line breaks."""
    return re.sub(r"\s+", "", text)


def sources_of(value):
    if isinstance(value, dict):
        for key, item in value.items():
            if key == "sources" and isinstance(item, list):
                yield from item
            else:
                yield from sources_of(item)
    elif isinstance(value, list):
        for item in value:
            yield from sources_of(item)


def test_every_quotation_in_the_demo_records_names_its_document_and_stands_in_it():
    found = 0
    for path in sorted(RECORDS.glob("**/*.yml")):
        for source in sources_of(yaml.safe_load(path.read_text(encoding="utf-8"))):
            if "quote" in source:
                found += 1
                assert source.get("document") == DOCUMENT, path
                assert plain(source["quote"]) in plain(SOURCE_TEXT), f"{path.relative_to(RECORDS)}: {source['quote']}"
    assert found >= 8  # the four martyrs, four events, the memorial work


def test_every_quotation_on_the_sources_page_is_in_a_source_document():
    """The hand-written page quotes the documents too (a district's page may quote none)."""
    page = (ROOT / "content" / "sources.md").read_text(encoding="utf-8")
    documents = [plain(path.read_text(encoding="utf-8")) for path in (ROOT / "sources").glob("*.txt")]
    for quote in re.findall(r"^> (.+)$", page, re.M):
        assert any(plain(quote) in document for document in documents), quote


def test_the_declared_award_totals_are_the_documents_figures():
    totals = yaml.safe_load((RECORDS / "honors" / "2022" / "totals.yml").read_text(encoding="utf-8"))
    figures = re.search(r"送达各类喜报(\d+)个（二等功(\d+)个、三等功(\d+)个、优秀(\d+)个）", plain(SOURCE_TEXT))
    total, second, third, excellent = (int(figure) for figure in figures.groups())
    assert totals["total"] == total
    assert totals["totals"] == {"二等功": second, "三等功": third, "优秀士兵": excellent}


# --- `make check` checks the quotations -------------------------------------------------

QUOTED_MARTYR = """
name: 测试烈士
sources:
  - title: 测试资料
    where: 测试
  - title: 工作回顾
    where: 测试
    document: {document}
    quote: {quote}
"""


def test_check_accepts_a_quotation_that_stands_in_its_document_across_line_breaks(project):
    project.write("sources/test.txt", "第一行的开头，\n  这一句在这里\n换行。结尾\n")
    project.write("martyrs/test-quote.yml", QUOTED_MARTYR.format(document="test.txt", quote="这一句在这里换行。"))
    result = project.check()
    assert result.returncode == 0, result.stderr


def test_check_refuses_a_quotation_not_in_its_document_with_its_line(project):
    project.write("sources/test.txt", "资料原文。\n")
    project.write("martyrs/test-quote.yml", QUOTED_MARTYR.format(document="test.txt", quote="资料里没有的话。"))
    result = project.check()
    assert result.returncode == 1
    assert ("martyrs/test-quote.yml:8: sources[2].quote: 原文摘录在资料文本 sources/test.txt 中找不到"
            "（已忽略空格和换行）：请逐字照抄原文") in result.stderr


def test_check_refuses_a_quotation_whose_document_is_not_kept(project):
    project.write("martyrs/test-quote.yml", QUOTED_MARTYR.format(document="missing.txt", quote="任何话。"))
    project.write("sources/.hidden", "site_name")
    for event, name in (("outside", "../mkdocs.yml"), ("hidden", ".hidden")):
        project.write(f"events/2030-{event}.yml", f"""
            title: 测试活动
            date: 2030
            type: 清明祭英烈
            sources:
              - title: 测试
                where: 测试
                document: "{name}"
                quote: site_name
            """)
    result = project.check(env={"YINGLIE_LANG": "en"})
    assert result.returncode == 1
    assert ('martyrs/test-quote.yml:7: sources[2].document: no document "missing.txt" in sources/: '
            "keep the document's text there (UTF-8), or correct the file name") in result.stderr
    # Only a file directly in sources/ is a document: not one outside, nor a hidden one.
    assert 'events/2030-outside.yml:7: sources[1].document: no document "../mkdocs.yml"' in result.stderr
    assert 'events/2030-hidden.yml:7: sources[1].document: no document ".hidden"' in result.stderr


def test_the_build_refuses_a_changed_document_the_records_quote(project):
    """Editing the document (not the record) is caught too: quotations are checked on every run."""
    document = project.root / "sources" / DOCUMENT
    document.write_text(document.read_text(encoding="utf-8").replace("474 万", "475 万"), encoding="utf-8")
    result = project.build()
    assert result.returncode != 0
    assert "martyrs/memorials/work/2022.yml:12: sources[1].quote: 原文摘录在资料文本" in result.stderr
