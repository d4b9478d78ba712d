"""`make serve` between rebuilds: how an edit is noticed (recordwatch.py) and when the
garbage collector runs (idlegc.py). `tests/test_serve.py` checks the whole loop through
a real `mkdocs serve`; these check each part's promises on its own."""

from __future__ import annotations

import gc
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

from yinglie import idlegc, recordwatch
from yinglie.recordwatch import RecordWatch


class WatchingServer:
    """Stands in for MkDocs' LiveReloadServer: records what it is asked to poll."""

    def __init__(self):
        self.watched: list[str] = []

    def watch(self, path: str) -> None:
        self.watched.append(path)


def signal_time(watch: RecordWatch) -> int:
    return (watch.signal_dir / "changed").stat().st_mtime_ns


def changes_signal(watch: RecordWatch, before: int, seconds: float = 10) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if signal_time(watch) != before:
            return True
        time.sleep(0.05)
    return False


@pytest.fixture
def records(tmp_path) -> Path:
    folder = tmp_path / "martyrs"
    (folder / "memorials").mkdir(parents=True)
    (folder / "a.yml").write_text("name: 甲\n", encoding="utf-8")
    (folder / "memorials" / "b.yml").write_text("name: 乙\n", encoding="utf-8")
    return folder


@pytest.fixture
def watched(records):
    server, watch = WatchingServer(), RecordWatch([records], records.parent / ".cache" / "serve")
    watch.start(server)
    yield server, watch, records
    watch.stop()


def test_mkdocs_polls_only_the_signal_folder(watched):
    server, watch, records = watched
    assert server.watched == [str(watch.signal_dir)]
    assert list(watch.signal_dir.iterdir()) == [watch.signal_dir / "changed"]


@pytest.mark.parametrize("change", ["edit", "edit in a subfolder", "new file", "delete", "rename"])
def test_a_change_to_a_record_file_touches_the_signal(watched, change):
    _, watch, records = watched
    before = signal_time(watch)
    if change == "edit":
        (records / "a.yml").write_text("name: 甲改\n", encoding="utf-8")
    elif change == "edit in a subfolder":
        (records / "memorials" / "b.yml").write_text("name: 乙改\n", encoding="utf-8")
    elif change == "new file":
        (records / "c.yml").write_text("name: 丙\n", encoding="utf-8")
    elif change == "delete":
        (records / "a.yml").unlink()
    else:
        (records / "a.yml").rename(records / "d.yml")
    assert changes_signal(watch, before)


def test_reading_the_records_does_not_touch_the_signal(watched):
    # Every build reads every record: if that counted as a change, the preview would rebuild forever.
    _, watch, records = watched
    before = signal_time(watch)
    for path in records.rglob("*.yml"):
        path.read_text(encoding="utf-8")
    assert not changes_signal(watch, before, seconds=1.5)
    (records / "a.yml").write_text("name: 甲改\n", encoding="utf-8")
    assert changes_signal(watch, before)  # the watch was alive all along


def test_each_change_gives_a_later_time_even_within_one_clock_tick(watched):
    _, watch, records = watched
    times = [signal_time(watch)]
    for _ in range(5):
        watch._touch()
        times.append(signal_time(watch))
    assert times == sorted(set(times))


def test_after_stop_a_change_touches_nothing(watched):
    _, watch, records = watched
    watch.stop()
    before = signal_time(watch)
    (records / "a.yml").write_text("name: 甲改\n", encoding="utf-8")
    assert not changes_signal(watch, before, seconds=1)


def test_without_the_systems_notices_mkdocs_polls_the_folders(records, monkeypatch):
    class NoNotices:
        def schedule(self, *args, **kwargs):
            raise OSError(28, "inotify watch limit reached")

    monkeypatch.setattr(recordwatch, "Observer", NoNotices)
    server, watch = WatchingServer(), RecordWatch([records], records.parent / "signal")
    watch.start(server)
    assert server.watched == [str(records)]


@pytest.fixture
def collector(monkeypatch):
    monkeypatch.setattr(idlegc, "IDLE_SECONDS", 0.05)
    was_enabled = gc.isenabled()
    yield idlegc.IdleCollector()
    if was_enabled:
        gc.enable()


def wait_until(condition, seconds: float = 5) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.01)
    return False


def test_the_first_build_keeps_the_collector_on(collector):
    gc.enable()
    collector.pause()
    assert gc.isenabled()


def test_a_rebuild_pauses_the_collector_and_it_runs_once_idle(collector):
    gc.enable()
    collector.collect_when_idle()  # the first build is done
    assert wait_until(gc.isenabled)
    collector.pause()  # a rebuild
    assert not gc.isenabled()
    time.sleep(0.2)
    assert not gc.isenabled()  # stays paused for the whole rebuild, however long
    freed = []

    class Cycle:
        def __del__(self):
            freed.append(True)

    cycle = Cycle()
    cycle.me = cycle
    del cycle  # garbage only the collector frees
    collector.collect_when_idle()  # the rebuild is done
    assert wait_until(lambda: gc.isenabled() and freed)


def test_a_rebuild_starting_before_the_idle_collection_stays_paused(collector, monkeypatch):
    monkeypatch.setattr(idlegc, "IDLE_SECONDS", 0.3)
    collector.collect_when_idle()
    collector.pause()
    collector.collect_when_idle()
    collector.pause()  # the timer of the build before must not switch it on mid-rebuild
    time.sleep(0.6)
    assert not gc.isenabled()
    collector.resume()  # a rebuild that renders many pages
    assert gc.isenabled()


def test_make_serve_shows_each_edit_and_then_stays_quiet(project, tmp_path):
    """Through the real `mkdocs serve` as `make serve` runs it: each edit of a record is
    shown, and the rebuilds' own reading of the records sets off no further rebuild."""
    from test_serve import free_port, wait_for

    port = free_port()
    log = tmp_path / "serve.log"
    with log.open("w", encoding="utf-8") as errors:
        server = subprocess.Popen(
            [sys.executable, "-m", "mkdocs", "serve", "--livereload", "--dirty", "--no-strict",
             "--dev-addr", f"127.0.0.1:{port}"],
            cwd=project.root, env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
            stdout=subprocess.DEVNULL, stderr=errors,
        )
        page = f"http://127.0.0.1:{port}/zt/yinglie/martyrs/ran-jun/"
        try:
            assert wait_for(page, "冉钧", seconds=90), "the preview server did not start"
            record = project.root / "martyrs" / "ran-jun.yml"
            for mark in ("第一次修改", "第二次修改"):
                text = record.read_text(encoding="utf-8")
                record.write_text(text.replace("summary: ", f"summary: {mark}", 1), encoding="utf-8")
                assert wait_for(page, mark, seconds=60)
            time.sleep(1)  # the last rebuild's log lines are written
            builds = log.read_text(encoding="utf-8").count("Building documentation")
            time.sleep(3)
            assert log.read_text(encoding="utf-8").count("Building documentation") == builds
        finally:
            server.terminate()
            server.wait(timeout=10)
