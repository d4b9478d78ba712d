"""`mkdocs serve`: noticing an edited record without polling every record file.

MkDocs' server notices changes by polling (watchdog's PollingObserver): every 0.5 s
it lists each watched folder, stats every file in it and compares the lists in
Python. For a district's martyrs' folder (5,000 files) one poll costs about 50 ms of
CPU, ten times a second's share of a rebuild, holding the interpreter from it; and a
change is seen only after the poll of the whole folder. The record folders are
watched here by the system's own notice of changes instead (watchdog's native
observer: inotify on Linux, FSEvents on macOS, ReadDirectoryChangesW on Windows),
which costs nothing until a file changes. A change touches one file in a folder of
its own (`.cache/serve/`) that MkDocs watches (`server.watch`, its public API for
plugins), so MkDocs debounces, rebuilds and reloads the browsers exactly as for any
watched file. (The folder stays: a server stopped by a signal has no time to remove
anything, and a second server on the same project is glad of the same signal.)

Where the system cannot watch the folders (its limit on watches reached, say), MkDocs
polls them as before.
"""

from __future__ import annotations

import logging
import os
import threading
import time
from pathlib import Path

from watchdog.events import (EVENT_TYPE_CREATED, EVENT_TYPE_DELETED, EVENT_TYPE_MODIFIED, EVENT_TYPE_MOVED,
                             FileSystemEvent, FileSystemEventHandler)
from watchdog.observers import Observer

log = logging.getLogger("mkdocs.plugins.yinglie.recordwatch")
CHANGES = {EVENT_TYPE_CREATED, EVENT_TYPE_DELETED, EVENT_TYPE_MODIFIED, EVENT_TYPE_MOVED}


class RecordWatch(FileSystemEventHandler):
    """Watches `folders` with the system's notices; MkDocs watches one signal file in `signal_dir`."""

    def __init__(self, folders: list[Path], signal_dir: Path):
        self.folders = folders
        self.signal_dir = signal_dir
        self._stopped = True
        self._observer = None
        self._stamp = 0
        self._lock = threading.Lock()

    def start(self, server) -> None:
        """Watch the folders, and have `server` (MkDocs' LiveReloadServer) rebuild on a change."""
        self.signal_dir.mkdir(parents=True, exist_ok=True)
        self._stopped = False
        self._touch()  # before MkDocs' first look at the folder, so that only a change is new
        observer = Observer()
        try:
            for folder in self.folders:
                observer.schedule(self, str(folder), recursive=True)
            observer.start()
        except OSError as error:  # e.g. fs.inotify.max_user_watches reached
            log.info("Polling the record folders (the system could not watch them: %s)", error)
            self.stop()
            for folder in self.folders:
                server.watch(str(folder))
            return
        self._observer = observer
        server.watch(str(self.signal_dir))

    def on_any_event(self, event: FileSystemEvent) -> None:
        # A folder's own time changes with every file in it (MkDocs ignores these too), and
        # the build itself opens and closes every record: only a change to a file counts.
        if event.is_directory or event.event_type not in CHANGES:
            return
        log.debug("Record folders: %s", event)
        self._touch()

    def _touch(self) -> None:
        """Give the signal file a later modification time than any before: MkDocs compares
        times and sizes, and two changes within the file system's clock tick would look alike."""
        with self._lock:
            if self._stopped:
                return
            self._stamp = max(time.time_ns(), self._stamp + 1_000_000)
            signal = self.signal_dir / "changed"
            signal.touch()
            os.utime(signal, ns=(self._stamp, self._stamp))

    def stop(self) -> None:
        """`mkdocs serve` ends: stop watching."""
        with self._lock:
            self._stopped = True
        if self._observer is not None:
            self._observer.stop()
            self._observer = None
