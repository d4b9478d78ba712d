"""`mkdocs serve` while a record is wrong: every address shows the list of problems
(escaped), the page reloads itself after the next build, and fixing the record brings
the site back, all without restarting the server. Run against the real `mkdocs serve`,
as tests/test_serve.py does."""

from __future__ import annotations

import os
import subprocess
import sys
import time
import urllib.error
import urllib.request

import pytest
from test_serve import free_port

PROBLEMS_TITLE = "记录有误，网站暂未更新"


def fetch(url: str) -> tuple[int, str]:
    """(status, body), the body of an error answer too (the problems page comes as a 404)."""
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.status, response.read().decode("utf-8")
    except urllib.error.HTTPError as error:
        return error.code, error.read().decode("utf-8")
    except OSError:
        return 0, ""


def wait_for(url: str, text: str, seconds: float = 90) -> str:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        _, body = fetch(url)
        if text in body:
            return body
        time.sleep(0.5)
    raise AssertionError(f"{url} never showed {text!r}; last: {fetch(url)[1][:500]}")


# `mkdocs serve` as the tests of test_serve.py run it, and as `make serve` does.
PLAIN, MAKE_SERVE = (), ("--livereload", "--dirty", "--no-strict")


def serve(project, options=PLAIN):
    port = free_port()
    server = subprocess.Popen(
        [sys.executable, "-m", "mkdocs", "serve", *options, "--dev-addr", f"127.0.0.1:{port}"],
        cwd=project.root, env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )
    return server, f"http://127.0.0.1:{port}/zt/yinglie/"


def stop(server) -> None:
    server.terminate()
    server.wait(timeout=10)


def break_record(project) -> tuple[str, str]:
    """ran-jun.yml with a wrong gender holding markup; returns (good text, bad text)."""
    record = project.root / "martyrs" / "ran-jun.yml"
    good = record.read_text(encoding="utf-8")
    bad = good.replace("gender: 不详", "gender: <b>男士</b>")
    assert bad != good
    return good, bad


@pytest.fixture
def wrong_from_the_start(project):
    _, bad = break_record(project)
    (project.root / "martyrs" / "ran-jun.yml").write_text(bad, encoding="utf-8")
    server, base = serve(project)
    try:
        yield project, base
    finally:
        stop(server)


def test_every_address_shows_the_problems_until_the_record_is_fixed(wrong_from_the_start):
    project, base = wrong_from_the_start
    # The server starts although the records are wrong, and the home lists the problem.
    home = wait_for(base, PROBLEMS_TITLE)
    assert "martyrs/ran-jun.yml:3: gender: " in home
    assert "&lt;b&gt;男士&lt;/b&gt;" in home and "<b>男士</b>" not in home
    assert "The records have problems" in home  # the heading in English too
    # Every other address of the site shows the same page.
    for address in ("martyrs/ran-jun/", "martyrs/", "no/such/page/"):
        status, body = fetch(base + address)
        assert PROBLEMS_TITLE in body and "martyrs/ran-jun.yml:3: gender: " in body, address
    # The page asks mkdocs serve for its next build, to reload itself then.
    assert '"/livereload/"' in home
    status, epoch = fetch(base.split("/zt/")[0] + "/livereload/0/1")
    assert status == 200 and epoch.strip().isdigit()

    record = project.root / "martyrs" / "ran-jun.yml"
    record.write_text(record.read_text(encoding="utf-8").replace("gender: <b>男士</b>", "gender: 不详"),
                      encoding="utf-8")
    page = wait_for(base + "martyrs/ran-jun/", "<h1>冉钧</h1>")
    assert PROBLEMS_TITLE not in page
    home = wait_for(base, "英烈名录")
    assert PROBLEMS_TITLE not in home
    # The site is whole again: its styles and the other records are back.
    assert fetch(base + "assets/memorial.css")[0] == 200
    assert "<h1>漆南薰</h1>" in fetch(base + "martyrs/qi-nanxun/")[1]


@pytest.mark.parametrize("options", [PLAIN, MAKE_SERVE], ids=["serve", "make-serve"])
def test_a_record_broken_while_serving_shows_its_problems_then_comes_back(project, options):
    server, base = serve(project, options)
    try:
        wait_for(base + "martyrs/ran-jun/", "<h1>冉钧</h1>")
        good, bad = break_record(project)
        record = project.root / "martyrs" / "ran-jun.yml"
        record.write_text(bad, encoding="utf-8")
        page = wait_for(base + "martyrs/ran-jun/", PROBLEMS_TITLE)
        assert "martyrs/ran-jun.yml:3: gender: " in page
        record.write_text(good, encoding="utf-8")
        wait_for(base + "martyrs/ran-jun/", "<h1>冉钧</h1>")
        # The home is the site's again (a dirty rebuild would keep a newer page there).
        home = fetch(base)[1]
        assert PROBLEMS_TITLE not in home and "英烈名录" in home
        assert "<h1>漆南薰</h1>" in fetch(base + "martyrs/qi-nanxun/")[1]
        assert fetch(base + "martyrs/qi-nanxun/qr.svg")[0] == 200
    finally:
        stop(server)
