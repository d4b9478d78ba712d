"""`make serve`: edits to records, hook modules and templates show up without a restart."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request

import pytest


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def fetch(url: str) -> str:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.read().decode("utf-8")
    except OSError:
        return ""


def wait_for(url: str, text: str, seconds: float = 60) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if text in fetch(url):
            return True
        time.sleep(0.5)
    return False


@pytest.fixture
def served(project):
    port = free_port()
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    server = subprocess.Popen(
        [sys.executable, "-m", "mkdocs", "serve", "--dev-addr", f"127.0.0.1:{port}"],
        cwd=project.root, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
    )
    base = f"http://127.0.0.1:{port}/zt/yinglie/"
    try:
        assert wait_for(base + "martyrs/ran-jun/", "冉钧"), "the preview server did not start"
        yield project, base
    finally:
        server.terminate()
        server.wait(timeout=10)


def test_edits_show_up_without_restarting(served):
    project, base = served
    record = project.root / "martyrs" / "ran-jun.yml"
    record.write_text(record.read_text(encoding="utf-8").replace("summary: 革命先驱。", "summary: 已修改的简介。"), encoding="utf-8")
    assert wait_for(base + "martyrs/ran-jun/", "已修改的简介。")

    module = project.root / "hooks" / "yinglie" / "pages.py"
    module.write_text(module.read_text(encoding="utf-8").replace('"英烈名录（按拼音排序）"', '"拼音序名录"'), encoding="utf-8")
    assert wait_for(base + "martyrs/pinyin/", "<title>拼音序名录")

    template = project.root / "theme" / "martyr.html"
    heading = '<h2 id="facts-heading">基本情况</h2>'
    text = template.read_text(encoding="utf-8")
    assert heading in text  # the edit below changes something
    template.write_text(text.replace(heading, '<h2 id="facts-heading">概况</h2>'), encoding="utf-8")
    assert wait_for(base + "martyrs/ran-jun/", '<h2 id="facts-heading">概况</h2>')
