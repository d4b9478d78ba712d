"""修订记录: each record page lists the commits that changed its file (date and subject,
never who), from one git call; subjects the guard refuses are withheld; no git, no section."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

from conftest import HOOKS, copy_project  # noqa: F401 - conftest puts the package on the path
from yinglie.revisions import SHOWN, WITHHELD, record_histories, summary_of

AUTHOR = {"GIT_AUTHOR_NAME": "张某某", "GIT_AUTHOR_EMAIL": "zhang@bureau.example.invalid",
          "GIT_COMMITTER_NAME": "张某某", "GIT_COMMITTER_EMAIL": "zhang@bureau.example.invalid"}


def git(root: Path, *args: str, date: str = "2024-04-04T10:00:00+08:00") -> None:
    env = {**os.environ, **AUTHOR, "GIT_AUTHOR_DATE": date, "GIT_COMMITTER_DATE": date}
    subprocess.run(["git", *args], cwd=root, env=env, check=True, capture_output=True)


def commit(root: Path, subject: str, date: str, *paths: str) -> None:
    git(root, "add", *paths)
    git(root, "commit", "-q", "-m", subject, "-m", "正文不会显示", date=date)


def test_subjects_are_guarded():
    assert summary_of("补充漆南薰烈士的资料来源") == "补充漆南薰烈士的资料来源"
    assert summary_of("更正联系电话 13812345678") == WITHHELD
    assert summary_of("按 zhang@bureau.example.invalid 的意见修改") == WITHHELD
    assert summary_of("更正 32145部队") == WITHHELD
    assert summary_of("更正\u202e名字") == WITHHELD
    assert summary_of("   ") == WITHHELD
    assert len(summary_of("改" * 500)) == 120


def test_one_call_gives_every_record_its_history(tmp_path):
    root = tmp_path / "repo"
    (root / "martyrs").mkdir(parents=True)
    git(root, "init", "-q")
    (root / "martyrs/a.yml").write_text("name: 甲\n", encoding="utf-8")
    (root / "martyrs/b.yml").write_text("name: 乙\n", encoding="utf-8")
    (root / "README").write_text("x\n", encoding="utf-8")
    commit(root, "新增两位烈士", "2024-04-04T10:00:00+08:00", ".")
    (root / "martyrs/a.yml").write_text("name: 甲\nsummary: 简介\n", encoding="utf-8")
    commit(root, "补充简介，电话 023-47521234", "2024-09-30T09:00:00+08:00", "martyrs/a.yml")
    for number in range(SHOWN + 2):
        (root / "martyrs/b.yml").write_text(f"name: 乙\n# {number}\n", encoding="utf-8")
        commit(root, f"第 {number} 次修改", f"2025-01-{number + 1:02d}T09:00:00+08:00", "martyrs/b.yml")

    histories = record_histories(root, ["martyrs"])
    a = histories[(root / "martyrs/a.yml").resolve()]
    assert [(r.date, r.summary) for r in a.shown] == [("2024-09-30", WITHHELD), ("2024-04-04", "新增两位烈士")]
    b = histories[(root / "martyrs/b.yml").resolve()]
    assert len(b.shown) == SHOWN and b.older == 3  # 12 edits and the first commit
    assert b.shown[0].summary == f"第 {SHOWN + 1} 次修改"
    assert set(histories) == {(root / "martyrs/a.yml").resolve(), (root / "martyrs/b.yml").resolve()}
    # The same commits give the same histories.
    assert record_histories(root, ["martyrs"]) == histories


def test_no_git_checkout_means_no_history(tmp_path):
    (tmp_path / "martyrs").mkdir()
    assert record_histories(tmp_path, ["martyrs"]) == {}


def test_record_pages_show_their_revisions_and_never_who(tmp_path):
    project = copy_project(tmp_path / "project")
    # Outside a git checkout: built, without the section.
    result = project.build()
    assert result.returncode == 0, result.stderr
    assert "修订记录" not in (project.site / "martyrs/qi-nanxun/index.html").read_text(encoding="utf-8")

    git(project.root, "init", "-q")
    commit(project.root, "收录演示记录 <script>", "2024-04-04T10:00:00+08:00", ".")
    record = project.root / "martyrs/qi-nanxun.yml"
    record.write_text(record.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    commit(project.root, "更正籍贯，家属电话 13812345678", "2024-09-30T09:00:00+08:00", "martyrs/qi-nanxun.yml")
    result = project.build()
    assert result.returncode == 0, result.stderr
    page = (project.site / "martyrs/qi-nanxun/index.html").read_text(encoding="utf-8")
    assert "<h2 id=\"revisions-heading\">修订记录</h2>" in page
    assert '<time datetime="2024-09-30">2024-09-30</time> 内容已修订' in page
    assert '<time datetime="2024-04-04">2024-04-04</time> 收录演示记录 &lt;script&gt;' in page
    assert "13812345678" not in page and "张某某" not in page and "bureau.example.invalid" not in page
    assert "正文不会显示" not in page
    other = (project.site / "martyrs/ran-jun/index.html").read_text(encoding="utf-8")
    assert "收录演示记录" in other and "内容已修订" not in other

    # Reproducible: built again from the same commits, the page is the same.
    again = project.build(site_dir="site-again")
    assert again.returncode == 0, again.stderr
    assert (project.root / "site-again/martyrs/qi-nanxun/index.html").read_text(encoding="utf-8") == page
