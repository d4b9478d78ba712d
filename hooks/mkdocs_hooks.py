"""MkDocs hooks: the only file named in mkdocs.yml `hooks:`.

Each event does one thing and hands the work to the `yinglie` package beside this
file: load and check the records (on_config), add their pages and open data
(on_files), give each page's template its data (on_page_context), and sanitise
the HTML rendered from record text (on_page_content).
"""

from __future__ import annotations

import sys
from pathlib import Path

# `mkdocs serve` loads this file again on every rebuild, but Python would keep the
# package's modules from the first load. Forget them when any module changed, so that
# an edit to the code shows up in the next rebuild without restarting the server;
# otherwise keep them, and with them what they cache (parsed records, name readings),
# so that a record edit rebuilds quickly.
_PACKAGE = Path(__file__).parent / "yinglie"
_code_stamp = max(path.stat().st_mtime_ns for path in _PACKAGE.glob("*.py"))
if getattr(sys.modules.get("yinglie"), "code_stamp", None) != _code_stamp:
    for _name in [name for name in sys.modules if name == "yinglie" or name.startswith("yinglie.")]:
        del sys.modules[_name]
if str(Path(__file__).parent) not in sys.path:
    sys.path.insert(0, str(Path(__file__).parent))

from mkdocs.exceptions import PluginError  # noqa: E402

import yinglie  # noqa: E402
from yinglie import site  # noqa: E402

yinglie.code_stamp = _code_stamp

_build = site.SiteBuild()


def on_startup(command, dirty):
    site.start(command, dirty)


def on_config(config):
    try:
        _build.load(config)
    except site.BuildRefused as refused:
        raise PluginError(str(refused)) from None
    return config


def on_files(files, config):
    _build.add_files(files, config)
    return files


def on_page_content(html, page, config, files):
    return _build.page_content(html, page)


def on_page_context(context, page, config, nav):
    return _build.page_context(context, page)
