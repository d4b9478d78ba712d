"""`make serve` previews with dirty rebuilds: an edited record is re-rendered, the others are not.

The preview mode is what `--dirty` switches on (session.py); here two `mkdocs build
--dirty` runs stand in for the server's first build and its rebuild after an edit.
"""

from __future__ import annotations

import os
import subprocess
import sys


def _dirty_build(project) -> None:
    env = {**os.environ, "PYTHONPATH": str(project.root / "hooks"), "NO_MKDOCS_2_WARNING": "1"}
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--dirty", "--no-strict", "--site-dir", "preview"],
        cwd=project.root, env=env, capture_output=True, text=True,
    )
    assert result.returncode == 0, result.stderr


def test_dirty_rebuild_renders_the_edited_record_only(project):
    _dirty_build(project)
    edited = project.root / "preview" / "martyrs" / "ran-jun" / "index.html"
    untouched = project.root / "preview" / "martyrs" / "zhong-rumei" / "index.html"
    untouched_before = untouched.stat().st_mtime_ns
    record = project.root / "martyrs" / "ran-jun.yml"
    record.write_text(record.read_text(encoding="utf-8").replace("summary: ", "summary: 预览修改测试", 1),
                      encoding="utf-8")

    _dirty_build(project)

    assert "预览修改测试" in edited.read_text(encoding="utf-8")
    assert untouched.stat().st_mtime_ns == untouched_before
    directory = (project.root / "preview" / "martyrs" / "index.html").read_text(encoding="utf-8")
    assert "预览修改测试" in directory  # pages without their own record file are always rebuilt


def test_dirty_rebuild_redraws_the_edited_record_plaque_only(project):
    _dirty_build(project)
    preview = project.root / "preview" / "martyrs"
    edited, untouched = preview / "ran-jun" / "plaque" / "index.html", preview / "zhong-rumei" / "plaque" / "index.html"
    untouched_before = untouched.stat().st_mtime_ns
    record = project.root / "martyrs" / "ran-jun.yml"
    text = record.read_text(encoding="utf-8")
    assert "name: 冉钧" in text
    record.write_text(text.replace("name: 冉钧", "name: 冉钧改", 1), encoding="utf-8")

    _dirty_build(project)

    assert "冉钧改" in edited.read_text(encoding="utf-8")
    assert untouched.stat().st_mtime_ns == untouched_before
    assert (preview / "zhong-rumei" / "qr.png").is_file()  # codes stay in place across rebuilds


def test_template_edit_renders_every_record_again(project):
    _dirty_build(project)
    page = project.root / "preview" / "martyrs" / "zhong-rumei" / "index.html"
    template = project.root / "theme" / "martyr.html"
    template.write_text(template.read_text(encoding="utf-8").replace("基本情况", "基本情况（模板已改）"),
                        encoding="utf-8")

    _dirty_build(project)

    assert "基本情况（模板已改）" in page.read_text(encoding="utf-8")


# `mkdocs serve` rebuilds in one process, keeping the session (session.py): compiled
# templates and the martyrs' stories of unchanged records are reused. Two builds in one
# child process stand in for the server's first build and its rebuild after edits.
SERVE_TWICE = """
import sys
from pathlib import Path
from mkdocs.commands.build import build
from mkdocs.config import load_config

def serve_build():
    config = load_config("mkdocs.yml", site_dir="preview", strict=False)
    config.plugins.on_startup(command="serve", dirty=True)
    build(config, serve_url="http://127.0.0.1:8000/zt/yinglie/", dirty=True)

serve_build()
for path, old, new in [sys.argv[1:4], sys.argv[4:7]]:
    path = Path(path)
    text = path.read_text(encoding="utf-8")
    assert old in text, (path, old)
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
serve_build()
"""


def test_a_serve_rebuild_shows_an_edited_template_and_record_on_every_sheet(project):
    env = {**os.environ, "PYTHONPATH": str(project.root / "hooks"), "NO_MKDOCS_2_WARNING": "1"}
    edits = ["theme/story-cards.html", 'aria-label="故事卡"', 'aria-label="故事卡" data-test="模板已改"',
             "martyrs/ran-jun.yml", "summary: 革命先驱。", "summary: 革命先驱。预览修改测试"]
    result = subprocess.run([sys.executable, "-c", SERVE_TWICE, *edits], cwd=project.root, env=env,
                            capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    preview = project.root / "preview"
    sheets = [path.read_text(encoding="utf-8") for path in preview.rglob("card*/**/index.html")]
    own = (preview / "martyrs" / "ran-jun" / "card" / "index.html").read_text(encoding="utf-8")
    assert "预览修改测试" in own and 'data-test="模板已改"' in own
    groups = [text for text in sheets if "冉钧" in text and "返回教师专区" in text]
    assert groups and all("预览修改测试" in text and 'data-test="模板已改"' in text for text in groups)
    others = [text for text in sheets if "钟汝梅" in text]
    assert others and all('data-test="模板已改"' in text for text in others)


def test_a_serve_rebuild_reads_a_changed_page_again_after_a_clean_one(project):
    """A preview rebuild does not read again a page the last scan read clean and that is
    unchanged (sitebuild.py, session.clean_pages); a page that changed is read again, and
    what it now shows is refused in the preview."""
    env = {**os.environ, "PYTHONPATH": str(project.root / "hooks"), "NO_MKDOCS_2_WARNING": "1"}
    about = project.root / "content" / "about.md"
    last_line = about.read_text(encoding="utf-8").rstrip("\n").splitlines()[-1]
    edits = ["content/about.md", last_line, last_line + "\n\n值班 1&#51;8<span></span>00138000",
             "martyrs/ran-jun.yml", "summary: 革命先驱。", "summary: 革命先驱。预览修改测试"]
    result = subprocess.run([sys.executable, "-c", SERVE_TWICE, *edits], cwd=project.root, env=env,
                            capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    # The preview answers every address with the problems (problempage.py).
    shown = (project.root / "preview" / "index.html").read_text(encoding="utf-8")
    assert "site/about/index.html:1: -: 含有疑似电话号码（" in shown, shown[-3000:]
