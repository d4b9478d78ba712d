"""The browser tests' own watch: it must notice what the page tests promise to catch."""

from __future__ import annotations

from browser.server import serve


def test_visit_records_console_errors_failed_and_outside_requests(open_page, tmp_path):
    (tmp_path / "index.html").write_text(
        "<!doctype html><title>t</title>"
        '<img src="https://fonts.example.com/x.png" alt="">'
        '<img src="missing.png" alt="">'
        "<script>console.error('broken')</script>",
        encoding="utf-8",
    )
    with serve(tmp_path, "/sub/") as url:
        _, visit = open_page(url)
        # The mount is enforced: the folder is not reachable at the host's root.
        _, outside_mount = open_page(url.replace("/sub/", "/index.html"))
    assert visit.outside_requests == ["https://fonts.example.com/x.png"]
    assert any("missing.png" in failure and failure.startswith("404") for failure in visit.failed_requests)
    assert "broken" in visit.console_errors
    assert any(failure.startswith("404") for failure in outside_mount.failed_requests)
