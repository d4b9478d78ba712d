"""The browser harness itself: it must notice what the page tests promise to catch,
and it must never skip the browser tests in CI."""

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


def test_missing_browser_skips_for_a_developer_and_fails_in_ci(monkeypatch):
    import pytest

    from browser.conftest import _missing_browser

    monkeypatch.delenv("CI", raising=False)
    with pytest.raises(pytest.skip.Exception, match="apt-get install chromium"):
        _missing_browser("no Chromium found")
    monkeypatch.setenv("CI", "true")
    with pytest.raises(pytest.fail.Exception, match="CI=true"):
        _missing_browser("no Chromium found")
