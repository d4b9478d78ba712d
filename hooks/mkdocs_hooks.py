"""MkDocs hooks: the site's hook file in mkdocs.yml `hooks:` (material_index.py, before it,
only rewrites Material's search index).

Each event does one thing and hands the work to the `yinglie` package beside this
file: load and check the records (on_config), add their pages and open data
(on_files), make the theme's templates strict about record fields (on_env), fill the
settings into the hand-written pages (on_page_markdown), give
each page's template its data (on_page_context), sanitise
the HTML rendered from record text (on_page_content), scan each finished page and
give it its Content-Security-Policy (on_post_page; on_post_template for the 404
page), and add the QR codes made beside the build, then scan every file written
(on_post_build). Under `mkdocs serve`, every record kind's folder is watched (on_serve,
until on_shutdown).
"""

from __future__ import annotations

import importlib
import sys
from pathlib import Path

from mkdocs.exceptions import PluginError

PACKAGE = "yinglie"
HOOKS_DIR = Path(__file__).parent

# MkDocs loads this file once per process (it caches the hook module), so what lives
# here lasts for the whole `mkdocs build` or `mkdocs serve`: the command, the session
# (everything kept from one build to the next: yinglie/session.py) and the current build.
_command = ("build", False)
_session = None
_build = None
_record_watch = None  # `mkdocs serve`: the record folders watched (yinglie/recordwatch.py)


def _site_module():
    """The package's `site` module, and whether it was imported anew.

    `mkdocs serve` loads this hook file only once and Python keeps imported modules,
    so without this an edit to a module would need a restart. on_config runs on every
    rebuild: when any module changed since the last import, forget them all (and the
    session, which holds objects of the old code); when none did, keep them, and the
    session with what it keeps (parsed and checked records), so that a record edit
    rebuilds quickly.
    """
    if str(HOOKS_DIR) not in sys.path:  # MkDocs restores sys.path after loading a hook file
        sys.path.insert(0, str(HOOKS_DIR))
    code_stamp = max(path.stat().st_mtime_ns for path in (HOOKS_DIR / PACKAGE).glob("*.py"))
    fresh = getattr(sys.modules.get(PACKAGE), "code_stamp", None) != code_stamp
    if fresh:
        for name in [name for name in sys.modules if name == PACKAGE or name.startswith(PACKAGE + ".")]:
            del sys.modules[name]
        importlib.import_module(PACKAGE).code_stamp = code_stamp
    return importlib.import_module(f"{PACKAGE}.sitebuild"), fresh


def on_startup(command, dirty):
    global _command
    _command = (command, dirty)


def on_config(config):
    global _build, _session
    site, fresh = _site_module()
    if _session is None or fresh:
        _session = importlib.import_module(f"{PACKAGE}.session").Session(*_command)
    _build = site.SiteBuild(_session)
    try:
        _build.load(config)
    except site.BuildRefused as refused:
        raise PluginError(str(refused)) from None
    return config


def on_serve(server, config, builder):
    global _record_watch
    _record_watch = _build.watch(server, config)
    return server


def on_shutdown():
    if _record_watch is not None:
        _record_watch.stop()


def on_files(files, config):
    _build.add_files(files, config)
    return files


def on_post_build(config):
    try:
        _build.finish(config)
    finally:
        _build.between_builds()


def on_build_error(error):
    if _build is not None:
        _build.abandon()
        _build.between_builds()


def on_env(env, config, files):
    return _build.template_env(env)


def on_page_markdown(markdown, page, config, files):
    return _build.page_markdown(markdown, page)


def on_page_content(html, page, config, files):
    return _build.page_content(html, page)


def on_page_context(context, page, config, nav):
    return _build.page_context(context, page, nav)


def on_post_page(output, page, config):
    return _build.page_output(output, page)


def on_post_template(output_content, template_name, config):
    return _build.template_output(output_content, template_name)
