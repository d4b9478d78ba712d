"""Command line: `python -m yinglie check` and `python -m yinglie build`.

check   validate every record and print each problem as `path:line: field: message`;
        `--summary FILE` also appends the report to FILE as Markdown (a CI run's summary).
schema  print the JSON Schema of a file of every record kind (one JSON object, by kind
        name), or of one kind (`schema martyr`), for editors that check YAML as you type.
build   validate, then `mkdocs build --strict` into a temporary folder beside the
        site folder, and put it in place only when the build succeeded: a failed
        build leaves the previous site exactly as it was.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from mkdocs.config import load_config

from .config import SettingsError, settings_from
from .errors import Problems, RecordsInvalid
from .honors import held_back_lines, notice_choices
from .kinds import KINDS
from .siteplan import load_records, site_pages
from .reproducible import source_date_epoch


def check(config_file: Path, summary: Path | None = None) -> int:
    config = load_config(str(config_file))
    try:
        settings = settings_from(config.extra, config_file.parent, config.docs_dir)
        catalogue = load_records(settings)
        site_pages(catalogue, config)  # refuses what the build refuses: two things at one address
    except (SettingsError, RecordsInvalid) as error:
        print(error, file=sys.stderr)
        write_summary(summary, str(error), ok=False)
        return 1
    lines = ["记录检查通过 / records OK"]
    for kind in catalogue.kinds:
        if kind.name in catalogue.records:
            lines.append(f"{kind.label.zh} / {kind.label.en}: {len(catalogue.records[kind.name])}")
    if catalogue.honors is not None:
        lines.extend(held_back_lines(catalogue.honors, Problems(settings.root, settings.language)))
    print("\n".join(lines))
    write_summary(summary, "\n".join(lines), ok=True)
    return 0


def write_summary(summary: Path | None, report: str, ok: bool) -> None:
    """Append the check's report to `summary` as Markdown (a CI run's summary page,
    $GITHUB_STEP_SUMMARY). The report sits in a code block: the problems quote record
    text, which must be shown, not read as Markdown or HTML."""
    if summary is None:
        return
    fence = "`" * max(3, 1 + max((len(run) for run in re.findall(r"`+", report)), default=0))
    title = "✅ 记录检查通过 / Records OK" if ok else "❌ 记录有误，网站未生成 / Problems in the records"
    with open(summary, "a", encoding="utf-8") as out:
        out.write(f"## {title}\n\n{fence}text\n{report}\n{fence}\n\n")


def build(config_file: Path, site_dir: Path) -> int:
    site_dir = site_dir.resolve()
    site_dir.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=".site-new-", dir=site_dir.parent))
    command = [sys.executable, "-m", "mkdocs", "build", "--strict", "--config-file", str(config_file),
               "--site-dir", str(staging)]
    # Dates from the commit, not the clock: two builds of one commit are byte-identical.
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "SOURCE_DATE_EPOCH": source_date_epoch(config_file.parent)}
    result = subprocess.run(command, env=env)
    if result.returncode != 0:
        shutil.rmtree(staging, ignore_errors=True)
        print(f"生成失败，原有网站 {site_dir} 保持不变。/ Build failed; {site_dir} is unchanged.", file=sys.stderr)
        return result.returncode
    swap_into_place(staging, site_dir)
    print(f"网站已生成 / site built: {site_dir}")
    return 0


def swap_into_place(staging: Path, site_dir: Path) -> None:
    """Replace site_dir by staging with two renames, never leaving a half-built site."""
    old = None
    if site_dir.exists():
        old = Path(tempfile.mkdtemp(prefix=".site-old-", dir=site_dir.parent))
        old.rmdir()
        site_dir.rename(old)
    staging.rename(site_dir)
    site_dir.chmod(0o755)  # mkdtemp makes 0700; a web server must read the site
    if old is not None:
        shutil.rmtree(old, ignore_errors=True)


def schema(config_file: Path, kind: str | None = None) -> int:
    """Print the JSON Schema of every record kind's files, keyed by kind name, or of one
    kind; choice fields list the values the settings allow."""
    config = load_config(str(config_file))
    try:
        settings = settings_from(config.extra, config_file.parent)
        honors = notice_choices(settings.honors)
    except SettingsError as error:
        print(error, file=sys.stderr)
        return 1

    def choices(name: str) -> list[str]:
        try:
            return settings.choices(name)
        except KeyError:  # the notices' lists: award classes, townships, …
            return honors(name)

    schemas = {each.name: each.json_schema(choices) for each in KINDS if kind in (None, each.name)}
    print(json.dumps(schemas[kind] if kind else schemas, ensure_ascii=False, indent=2))
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m yinglie", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("command", choices=["check", "build", "schema"])
    parser.add_argument("kind", nargs="?", choices=[kind.name for kind in KINDS],
                        help="schema: the one record kind to print (default: every kind)")
    parser.add_argument("--config-file", type=Path, default=Path("mkdocs.yml"))
    parser.add_argument("--site-dir", type=Path, default=Path("site"))
    parser.add_argument("--summary", type=Path, default=os.environ.get("YINGLIE_SUMMARY") or None,
                        help="check: also append the report as Markdown to this file (CI: "
                             "$GITHUB_STEP_SUMMARY; default: $YINGLIE_SUMMARY)")
    args = parser.parse_args(argv)
    if args.kind and args.command != "schema":
        parser.error(f"{args.command} takes no record kind")
    config_file = args.config_file.resolve()
    if args.command == "check":
        return check(config_file, args.summary)
    if args.command == "schema":
        return schema(config_file, args.kind)
    return build(config_file, args.site_dir)


if __name__ == "__main__":
    sys.exit(main())
