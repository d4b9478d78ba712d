"""Work done in a forked process beside the build, on the machine's other core.

MkDocs renders its pages one after another in one process. Work that needs nothing
from those pages (the print sheets: plaques, story cards, projector views), or only
each page once written (the last scan and the CSP check of it, fed through a
`queue()`), runs at the same time in a copy of the build made by fork, which has the
records and settings already loaded; only its result comes back, pickled through a
pipe. sitebuild.py says which jobs a build starts (README, "How a build uses both cores").

Forked, not spawned: a spawned process would load and check every record again.
Only for `mkdocs build`: `mkdocs serve` runs threads, which a fork copies mid-step.
"""

from __future__ import annotations

import multiprocessing
import time
import traceback
from typing import Any, Callable


class SideJob:
    """`work()` running in a forked process; `result()` waits for what it returned, or
    raises what it raised."""

    @staticmethod
    def available() -> bool:
        """Whether this system forks (not Windows): elsewhere the build does the work itself."""
        return "fork" in multiprocessing.get_all_start_methods()

    def __init__(self, work: Callable[[], Any]):
        context = multiprocessing.get_context("fork")
        self._receive, send = context.Pipe(duplex=False)
        # daemon: if the build stops without waiting, the job stops with it.
        self._process = context.Process(target=_run, args=(work, send), daemon=True)
        self._process.start()
        send.close()  # the child's end: EOF here once the child is gone
        self.cpu_seconds = 0.0  # the job's own CPU time, known once `result()` returned

    def result(self) -> Any:
        try:
            succeeded, value, self.cpu_seconds = self._receive.recv()
        except Exception as error:  # gone without a word (EOF), or a result that cannot be read back
            self._process.join()
            raise RuntimeError(f"a side job of the build stopped with exit code {self._process.exitcode}: "
                               f"{type(error).__name__}: {error}") from None
        finally:
            self._receive.close()
        self._process.join()
        if not succeeded:
            raise value
        return value

    @staticmethod
    def queue():
        """A queue the build can fill for a side job it starts afterwards (a fork shares it)."""
        return multiprocessing.get_context("fork").Queue()

    def cancel(self) -> None:
        """The build failed: stop the job without waiting for it."""
        if self._process.is_alive():
            self._process.terminate()
        self._process.join()
        self._receive.close()


def _run(work: Callable[[], Any], send) -> None:
    try:
        outcome = (True, work(), time.process_time())
    except Exception as error:  # raised again in the build, with the job's traceback
        error.add_note("".join(traceback.format_exception(error)).rstrip())
        outcome = (False, error, time.process_time())
    try:
        send.send(outcome)
    except Exception:  # an error that cannot be pickled: its text
        send.send((False, RuntimeError("".join(traceback.format_exception(outcome[1])) if not outcome[0] else
                                       "a side job's result could not be sent"), outcome[2]))
    send.close()
