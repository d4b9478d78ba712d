"""What one MkDocs process keeps from one build to the next: the session.

`mkdocs build` builds once. `mkdocs serve` builds again after every edit, in the same
process, and MkDocs loads the hook file once per process: the hook file owns one
`Session` and passes it to every build, so that a rebuild reads again only the
record files that changed. Nothing else carries state between builds: no module
global, no environment variable. `Session()` is a fresh, empty one: what
`python -m yinglie check` and the tests use.

What is not here: memoised functions of their arguments alone (a name's pinyin, the
stroke table, the guard's verdict on a text, a link's parse, the calendar's text).
They cannot go stale, so they stay with their functions.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from jinja2.bccache import Bucket, BytecodeCache

from .idlegc import IdleCollector
from .recordcache import CheckedFiles

BUILD, SERVE, CHECK = "build", "serve", "check"


class TemplateCode(BytecodeCache):
    """Jinja's compiled templates, kept in memory for the next build in this process
    (each build makes a new environment, which would compile every template again).
    Jinja compares each template's source checksum: an edited template is compiled anew."""

    def __init__(self):
        self._code: dict[str, bytes] = {}

    def load_bytecode(self, bucket: Bucket) -> None:
        code = self._code.get(bucket.key)
        if code is not None:
            bucket.bytecode_from_string(code)

    def dump_bytecode(self, bucket: Bucket) -> None:
        self._code[bucket.key] = bucket.bytecode_to_string()


@dataclass
class Session:
    command: str = BUILD  # build, serve (`mkdocs serve`) or check (`python -m yinglie check`)
    # `--dirty` (`make serve` runs `mkdocs serve --dirty`): a rebuild renders only the
    # pages whose record changed, and keeps the rest of the site folder (sitebuild.py).
    dirty: bool = False
    # YAML documents already parsed, by path, with the file's (mtime, size) (yamlsource.py).
    documents: dict[Path, tuple[tuple[int, int], object]] = field(default_factory=dict)
    # Records already checked, per record kind (recordcache.py).
    checked: defaultdict[str, CheckedFiles] = field(default_factory=lambda: defaultdict(CheckedFiles))
    # Each martyr's line of data/martyrs.json, by record object (opendata.py).
    martyr_lines: dict[int, tuple[object, str]] = field(default_factory=dict)
    # Each martyr's stories for the classroom sheets, by record object (classroom.py).
    martyr_stories: dict[int, object] = field(default_factory=dict)
    # The theme's templates compiled, by name and source checksum (pages.strict_templates).
    templates: TemplateCode = field(default_factory=TemplateCode)
    # Preview: each page the last scan read and found nothing in, by output address, with
    # the stamp of the code and settings it was read under and a digest of its HTML
    # (sitebuild.py): a rebuild does not read the same page again.
    clean_pages: dict[str, tuple[int, bytes]] = field(default_factory=dict)
    # The QR codes placed in each site folder by the last build (qrcodes.py).
    placed_codes: dict[Path, dict[str, str]] = field(default_factory=dict)
    # Preview: the garbage collector paused during rebuilds, run between them (idlegc.py).
    idle_gc: IdleCollector = field(default_factory=IdleCollector)

    @property
    def preview(self) -> bool:
        """A preview (`make serve`): dirty rebuilds into a kept site folder."""
        return self.dirty

    @property
    def serving(self) -> bool:
        """Pages are served by `mkdocs serve`, which injects its live-reload script."""
        return self.command == SERVE
