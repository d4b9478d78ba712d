"""Command line: `python -m yinglie check` and `python -m yinglie build`.

check   validate every record and print each problem as `path:line: field: message`;
        `--summary FILE` also appends the report to FILE as Markdown (a CI run's summary).
schema  print the JSON Schema of a file of every record kind (one JSON object, by kind
        name), or of one kind (`schema martyr`), for editors that check YAML as you type;
        `schema --write` writes them to schemas/<kind>.schema.json and maps them to the
        record folders in .vscode/settings.json (`make schemas`).
new     write a new record file to fill in, every field commented in Chinese:
        `new martyr chen-lihua`, `new notice 2023-08-round --year 2023`,
        `new totals --year 2023`, `new memorial_work --year 2023` (`make new KIND=… ID=… YEAR=…`).
strip-photos  remove the metadata (GPS position, camera data) from every photo under
        martyrs/ in place, orientation applied: run before committing phone photos.
import  a roll kept as a spreadsheet (.xlsx, .xls, .csv) into record files:
        `import martyr --file roll.xlsx [--mapping m.yml] [--source "…"] [--dry-run] [--overwrite]`.
export  the public fields of every record of a kind: `export martyr --format xlsx|csv [--out f]`.
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

from .config import Settings, SettingsError, settings_from, site_url_is_placeholder
from .errors import Problems, RecordsInvalid
from .honors import held_back_lines
from .kinds import KINDS
from .offlinecopy import DOWNLOAD, OfflineCopyFailed, build_copy, building_copy
from .messages import language_from, render
from .photos import gps_warnings, photo_files, strip_metadata
from .scaffold import ScaffoldRefused, choice_lists, write_new, write_schemas
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
    for line in gps_warnings(catalogue.web_photos, settings.root, settings.language):
        print(line, file=sys.stderr)
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


def project_settings(config_file: Path) -> Settings | None:
    """The settings under mkdocs.yml's `extra:`; None, the problem printed, when they are wrong."""
    config = load_config(str(config_file))
    try:
        return settings_from(config.extra, config_file.parent, config.docs_dir)
    except SettingsError as error:
        print(error, file=sys.stderr)
        return None


def strip_photos(config_file: Path) -> int:
    """Remove the metadata of every photo under martyrs/, in place (see photos.strip_metadata)."""
    settings = project_settings(config_file)
    if settings is None:
        return 1
    files = photo_files(settings.martyrs_dir) if settings.martyrs_dir.is_dir() else []
    changed = failed = 0
    for path in files:
        shown = path.relative_to(settings.root).as_posix()
        try:
            if strip_metadata(path):
                changed += 1
                print(render("strip_done", {"path": shown}, settings.language))
        except (OSError, SyntaxError, ValueError) as error:
            failed += 1
            print(render("strip_failed", {"path": shown, "detail": str(error)[:200]}, settings.language), file=sys.stderr)
    print(render("strip_summary", {"count": len(files), "changed": changed}, settings.language))
    return 1 if failed else 0


def placeholder_warning(config_file: Path) -> str | None:
    """The one warning line `build` prints while site_url is still the placeholder."""
    config = load_config(str(config_file))
    if not site_url_is_placeholder(config):
        return None
    language = language_from(((config.extra or {}).get("records") or {}).get("language"))
    return render("placeholder_site_url", {"url": config.site_url}, language)


def build(config_file: Path, site_dir: Path) -> int:
    site_dir = site_dir.resolve()
    site_dir.parent.mkdir(parents=True, exist_ok=True)
    warning = placeholder_warning(config_file)
    if warning:
        print(warning, file=sys.stderr)
    staging = Path(tempfile.mkdtemp(prefix=".site-new-", dir=site_dir.parent))
    command = [sys.executable, "-m", "mkdocs", "build", "--strict", "--config-file", str(config_file),
               "--site-dir", str(staging)]
    # Dates from the commit, not the clock: two builds of one commit are byte-identical.
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "SOURCE_DATE_EPOCH": source_date_epoch(config_file.parent)}
    result = subprocess.run(command, env=env)
    if result.returncode == 0 and publishes_offline_copy(config_file):
        try:
            build_copy(config_file, staging / Path(DOWNLOAD).parent, Path(DOWNLOAD).name)
        except OfflineCopyFailed as error:
            print(error, file=sys.stderr)
            result.returncode = 1
    if result.returncode != 0:
        shutil.rmtree(staging, ignore_errors=True)
        print(f"生成失败，原有网站 {site_dir} 保持不变。/ Build failed; {site_dir} is unchanged.", file=sys.stderr)
        return result.returncode
    swap_into_place(staging, site_dir)
    print(f"网站已生成 / site built: {site_dir}")
    return 0


def publishes_offline_copy(config_file: Path) -> bool:
    """extra.offline.download, except in the build of the copy itself."""
    if building_copy():
        return False
    config = load_config(str(config_file))
    return bool(settings_from(config.extra, config_file.parent).offline_download)


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


def schema(config_file: Path, kind: str | None = None, write: bool = False) -> int:
    """Print the JSON Schema of every record kind's files, keyed by kind name, or of one
    kind; choice fields list the values the settings allow. `write`: write them to
    schemas/ and .vscode/settings.json instead (scaffold.write_schemas)."""
    settings = project_settings(config_file)
    if settings is None:
        return 1
    choices = choice_lists(settings)
    if write:
        for path in write_schemas(settings):
            print(path.relative_to(settings.root).as_posix())
        return 0
    schemas = {each.name: each.json_schema(choices) for each in KINDS if kind in (None, each.name)}
    print(json.dumps(schemas[kind] if kind else schemas, ensure_ascii=False, indent=2))
    return 0


def spreadsheet(args, parser) -> int:
    """`import` and `export` (importing.py, exporting.py)."""
    from .exporting import export
    from .importing import Import, Options

    writable = ("martyr", "facility", "event", "notice")
    if args.kind not in writable:
        parser.error(f"{args.command}: KIND 应为 / must be one of {', '.join(writable)}")
    settings = project_settings(args.config_file.resolve())
    if settings is None:
        return 1
    if args.command == "export":
        return export(settings, args.kind, args.format, args.out)
    if args.file is None:
        parser.error("import: FILE=表格文件 / --file is required")
    options = Options(args.kind, args.file, args.mapping, args.source.strip(), args.source_where.strip(),
                      args.dry_run, args.overwrite)
    return Import(options, settings).run()


def new(config_file: Path, kind: str, record_id: str | None, year: str | None) -> int:
    """Write a new record file of `kind` to fill in (scaffold.py); never over an existing file."""
    settings = project_settings(config_file)
    if settings is None:
        return 1
    try:
        path = write_new(kind, record_id, year, settings)
    except ScaffoldRefused as refused:
        print(render(refused.key, refused.params, settings.language), file=sys.stderr)
        return 1
    print(render("new_written", {"path": path.relative_to(settings.root).as_posix()}, settings.language))
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m yinglie", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("command", choices=["check", "build", "schema", "new", "strip-photos", "import", "export"])
    parser.add_argument("kind", nargs="?", choices=[kind.name for kind in KINDS],
                        help="schema: the one record kind to print (default: every kind); new: the kind to write")
    parser.add_argument("id", nargs="?", help="new: the record's ID, its file name without .yml")
    parser.add_argument("year", nargs="?", help="new: the year (notices, totals, a year's memorial work)")
    parser.add_argument("--year", dest="year_option", help="new: the year, as an option")
    parser.add_argument("--write", action="store_true",
                        help="schema: write schemas/<kind>.schema.json and .vscode/settings.json")
    parser.add_argument("--config-file", type=Path, default=Path("mkdocs.yml"))
    parser.add_argument("--site-dir", type=Path, default=Path("site"))
    # Spreadsheets (importing.py, exporting.py): `make import` / `make export` pass these.
    parser.add_argument("--file", type=Path, help="import: the spreadsheet (.xlsx, .xls, .csv)")
    parser.add_argument("--mapping", type=Path, help="import: a YAML file of the sheet's own headers (表头: 字段)")
    parser.add_argument("--source", default="", help="import: the source of the whole file, when it has no source column")
    parser.add_argument("--source-where", default="", help="import: where that source can be found")
    parser.add_argument("--dry-run", action="store_true", help="import: print what would be written, write nothing")
    parser.add_argument("--overwrite", action="store_true", help="import: replace existing record files")
    parser.add_argument("--format", choices=["xlsx", "csv"], default="xlsx", help="export: the file format")
    parser.add_argument("--out", type=Path, help="export: the file to write")
    parser.add_argument("--summary", type=Path, default=os.environ.get("YINGLIE_SUMMARY") or None,
                        help="check: also append the report as Markdown to this file (CI: "
                             "$GITHUB_STEP_SUMMARY; default: $YINGLIE_SUMMARY)")
    args = parser.parse_args(argv)
    if args.command in ("import", "export"):
        return spreadsheet(args, parser)
    if args.kind and args.command not in ("schema", "new"):
        parser.error(f"{args.command} takes no record kind")
    if (args.id or args.year or args.year_option) and args.command != "new":
        parser.error(f"{args.command} takes no ID or year")
    if args.write and (args.command != "schema" or args.kind):
        parser.error("--write belongs to `schema`, for every kind at once")
    config_file = args.config_file.resolve()
    if args.command == "check":
        return check(config_file, args.summary)
    if args.command == "schema":
        return schema(config_file, args.kind, args.write)
    if args.command == "strip-photos":
        return strip_photos(config_file)
    if args.command == "new":
        if not args.kind:
            parser.error("new: name the kind of record: " + ", ".join(kind.name for kind in KINDS))
        return new(config_file, args.kind, args.id, args.year_option or args.year)
    return build(config_file, args.site_dir)


if __name__ == "__main__":
    sys.exit(main())
