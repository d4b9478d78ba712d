"""`make serve`: Python's garbage collector runs between rebuilds, not during them.

A preview process keeps a large heap from one build to the next (every record parsed
and checked, the compiled templates, MkDocs' and Material's modules, jieba's
dictionary). A rebuild makes hundreds of thousands of objects (MkDocs' file, page and
navigation objects, our pages and open data), which sets off one or two full
collections walking that whole heap: 0.35-0.7 s of a 3.4 s rebuild after one record
edit at 5,000 martyrs. So a rebuild pauses the collector (`pause`), and once it is
done, a collection runs after a second of quiet (`collect_when_idle`), after MkDocs
has told the browsers to reload: the same work, no longer between an edit and its page.

The first build of a process, and a rebuild that renders many pages again (a
template or setting changed: `resume`), keep the collector on, so that their garbage
cannot pile up.
"""

from __future__ import annotations

import gc
import threading

IDLE_SECONDS = 1.0  # quiet after a rebuild before collecting (a browser reloads within a few tenths)


class IdleCollector:
    def __init__(self):
        self._lock = threading.Lock()
        self._timer: threading.Timer | None = None
        self._built = False  # a build has finished in this process

    def pause(self) -> None:
        """A rebuild starts: no collection until it is done (not on the first build)."""
        with self._lock:
            self._cancel()
            if self._built:
                gc.disable()

    def resume(self) -> None:
        """This rebuild renders many pages: collect as usual."""
        with self._lock:
            self._cancel()
            gc.enable()

    def collect_when_idle(self) -> None:
        """A build is done (or failed): collect once it has been quiet for a while."""
        with self._lock:
            self._built = True
            self._cancel()
            self._timer = threading.Timer(IDLE_SECONDS, self._collect)
            self._timer.daemon = True
            self._timer.start()

    def _collect(self) -> None:
        with self._lock:
            if self._timer is None or threading.current_thread() is not self._timer:
                return  # a rebuild started meanwhile
            self._timer = None
            gc.enable()
        gc.collect()

    def _cancel(self) -> None:
        if self._timer is not None:
            self._timer.cancel()
            self._timer = None
