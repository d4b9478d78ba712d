"""`mkdocs serve` while a record is wrong: the list of problems, in the browser.

A failed rebuild would leave `mkdocs serve` waiting for a good one before it answers
any request: the browser shows a page that never loads. So under `mkdocs serve` a
build whose records (or settings) are refused still succeeds, with a site of one page:
the problems, one `file:line: field: message` a line, as `make check` prints them. It
is the site's home and its 404 page, so every address shows it. The page asks
`mkdocs serve` for its next build (the live-reload poll every preview page uses) and
reloads when one is done: fixing the record brings the site back.

Never published: `make build` refuses wrong records as before.
"""

from __future__ import annotations

import html
import os
import shutil
from pathlib import Path

from .messages import MESSAGES

PAGES = ("index.html", "404.html")  # the home, and what `mkdocs serve` answers for any other address
MARK = "<!-- yinglie: problems page -->"

# Asks mkdocs serve's live-reload endpoint for the current build, then waits for a newer
# one and reloads (the protocol of the script `mkdocs serve` injects into pages).
RELOAD_SCRIPT = """
(function () {
  var id = Date.now();
  function poll(epoch) {
    var request = new XMLHttpRequest();
    request.onloadend = function () {
      var now = parseFloat(request.responseText);
      if (request.status === 200 && epoch !== null && now > epoch) { location.reload(); return; }
      setTimeout(function () { poll(request.status === 200 ? now : epoch); }, request.status === 200 ? 0 : 1000);
    };
    request.open("GET", "/livereload/" + (epoch === null ? 0 : epoch) + "/" + id);
    request.send();
  }
  poll(null);
})();
"""


def problems_html(report: str, site_name: str) -> str:
    """The page: the report's lines, escaped, under a heading in Chinese and English."""
    lines = [line for line in report.splitlines() if line.strip()]
    summary, problems = (lines[0], lines[1:]) if len(lines) > 1 else ("", lines)
    title, hint = MESSAGES["problems_page_title"], MESSAGES["problems_page_hint"]
    items = "\n".join(f"    <li><code>{html.escape(line)}</code></li>" for line in problems)
    return f"""<!doctype html>{MARK}
<html lang="zh-CN">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <meta name="robots" content="noindex">
  <title>{html.escape(title.zh)} - {html.escape(site_name)}</title>
  <style>
    body {{ font-family: sans-serif; margin: 2rem auto; max-width: 60rem; padding: 0 1rem; color: #222; }}
    h1 {{ color: #7a1f1f; font-size: 1.6rem; }} h1 span {{ display: block; font-size: 1rem; color: #555; }}
    ol {{ padding-left: 1.5rem; }} li {{ margin: 0.4rem 0; }}
    code {{ white-space: pre-wrap; word-break: break-all; font-size: 0.95rem; }}
  </style>
</head>
<body>
  <h1>{html.escape(title.zh)}<span lang="en">{html.escape(title.en)}</span></h1>
  <p>{html.escape(hint.zh)}<br><span lang="en">{html.escape(hint.en)}</span></p>
  <p>{html.escape(summary)}</p>
  <ol class="problems">
{items}
  </ol>
  <script>{RELOAD_SCRIPT}</script>
</body>
</html>
"""


def show_problems(site_dir: Path, page: str) -> None:
    """Empty the preview's site folder and put the problems page at the home and as 404."""
    site_dir.mkdir(parents=True, exist_ok=True)
    for item in site_dir.iterdir():
        if item.is_dir() and not item.is_symlink():
            shutil.rmtree(item)
        else:
            os.unlink(item)
    for name in PAGES:
        (site_dir / name).write_text(page, encoding="utf-8")


def clear_problems(site_dir: Path) -> None:
    """The records are right again: remove the problems page, which a dirty rebuild would
    otherwise keep as the home (it is newer than content/index.md)."""
    for name in PAGES:
        page = site_dir / name
        try:
            with open(page, encoding="utf-8") as opened:
                shown = opened.read(len(MARK) + 20)
        except OSError:
            continue
        if MARK in shown:
            page.unlink()
