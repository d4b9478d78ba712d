"""`make bench`: build the project at district scale beside a plain Material site.

    python bench/run.py                         # 5,000 martyrs (+ notices, facilities if the project has them)
    python bench/run.py --martyrs 5000 20000 --no-baseline --no-serve   # `make bench-large`

For each size it writes a synthetic dataset (yinglie.synthetic) into a copy of the
project under bench-out/, and a plain Material site with one Markdown page per record
holding the same text, default `search: lang: zh` (what a bureau would do by hand).
After the builds, `bench/hostile.py` times `python -m yinglie check` on hostile record
files, one at a time (see that module). Each build runs in its own child process, so CPU time and peak memory
(getrusage of that child's children) belong to that build alone.

The project is built twice: first as on a fresh clone, with `.cache/` empty (QR
codes and photo copies are made), then again with `.cache/` kept, as a CI job that
keeps that folder between runs, or a second `make build`, would. Both are full builds.

"First search" counts the files a visitor's browser fetches to answer a first
query: Material's search worker, its language scripts and search_index.json (which
Material fetches as soon as a page loads), plus, for the project, record-search.js
(site-data.js inside it) and data/search-records.json. Gzip sizes use level 6, as web servers usually do.

"Import" writes a roll of synthetic martyrs as an .xlsx (openpyxl; roll headers,
dates written as rolls write them, 生前单位及职务 combined) and times `python -m
yinglie import martyr` into an empty copy of the project, its closing check included
(the issue's target: 5,000 rows in under a minute).

"Serve rebuild" starts `mkdocs serve` on the project, waits for the first build,
edits one record, and times from the edit to MkDocs' "Reloading browsers" log line:
the same full rebuild staff wait for while previewing an edit.
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import queue
import re
import resource
import shutil
import socket
import subprocess
import sys
import threading
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "hooks"))

from parts import copy_parts  # noqa: E402 - bench/parts.py, beside this file
from yinglie.reproducible import SITE_PARTS  # noqa: E402
from yinglie.siteplan import record_folders  # noqa: E402
from yinglie.synthetic import Sizes, generate, martyr_records  # noqa: E402

# The site build alone: the classroom copy (extra.offline.download) is timed apart.
ENV = {**os.environ, "PYTHONPATH": "hooks", "NO_MKDOCS_2_WARNING": "1", "YINGLIE_OFFLINE_DOWNLOAD": "false"}
MiB = 1024 * 1024


# --- Building, each in its own measured child process ---------------------------------

def measured(command: list[str], cwd: Path) -> dict:
    """Run `command` through `--child`, so its rusage is counted apart from the others."""
    wrapper = [sys.executable, str(Path(__file__).resolve()), "--child", "--", *command]
    done = subprocess.run(wrapper, cwd=cwd, env=ENV, capture_output=True, text=True)
    if done.returncode != 0:
        raise SystemExit(f"build failed in {cwd}:\n{done.stderr[-3000:]}")
    return json.loads(done.stdout.strip().splitlines()[-1])


def child(command: list[str]) -> int:
    start = time.perf_counter()
    done = subprocess.run(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    wall = time.perf_counter() - start
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    if done.returncode != 0:
        sys.stderr.write(done.stderr)
        return done.returncode
    print(json.dumps({"wall": wall, "cpu": usage.ru_utime + usage.ru_stime, "peak_kib": usage.ru_maxrss}))
    return 0


# --- Importing a roll -------------------------------------------------------------------

def write_roll(path: Path, count: int) -> None:
    """A 5,000-row roll as a bureau keeps it, from the synthetic martyrs (never demo content)."""
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    sheet.append(["序号", "姓名", "性别", "民族", "籍贯", "出生年月", "入伍时间", "生前单位及职务", "牺牲时间",
                  "牺牲地点", "历史时期", "安葬地点", "主要事迹", "身份证号"])
    for number, (_id, record) in enumerate(martyr_records(count, seed=7), start=1):
        sheet.append([number, record["name"], record["gender"], record["ethnicity"], record["native_place"],
                      record["born"], record["joined"], f"{record['unit']}，{record['position']}", record["died"],
                      record["death_place"], record["period"], record["burial"], record["deeds"], ""])
    book.save(path)


def import_figures(out: Path, count: int) -> dict:
    folder = out / f"import-{count}"
    shutil.rmtree(folder, ignore_errors=True)
    copy_parts(folder, SITE_PARTS)
    for data in record_folders():
        (folder / data).mkdir(exist_ok=True)
    roll = folder / "roll.xlsx"
    write_roll(roll, count)
    print(f"== import of {count:,} martyr rows (.xlsx) ...", flush=True)
    result = measured([sys.executable, "-m", "yinglie", "import", "martyr", "--file", str(roll),
                       "--source", "合成测试数据集"], folder)
    result["written"] = len(list((folder / "martyrs").glob("*.yml")))
    return result


# --- The two sites ---------------------------------------------------------------------

def prepare_project(folder: Path, sizes: Sizes) -> dict[str, int]:
    copy_parts(folder, SITE_PARTS)  # settings, pages, theme and code: the records are synthetic
    for data in record_folders():  # the preview watches these
        (folder / data).mkdir(exist_ok=True)
    return generate(folder, sizes)


BASELINE_CONFIG = """\
site_name: 英烈名录（基准）
theme:
  name: material
  language: zh
  font: false
plugins:
  - search:
      lang: zh
nav:
  - 首页: index.md
  - 英烈名录: martyrs/index.md
not_in_nav: |
  /martyrs/*.md
"""

FACTS = (("性别", "gender"), ("民族", "ethnicity"), ("籍贯", "native_place"), ("出生时间", "born"),
         ("参加革命（工作）时间", "joined"), ("生前单位", "unit"), ("职务", "position"),
         ("牺牲时间", "died"), ("牺牲地点", "death_place"), ("历史时期", "period"), ("安葬地", "burial"))


def baseline_page(record: dict) -> str:
    rows = "\n".join(f"| {label} | {record.get(key) or '不详'} |" for label, key in FACTS)
    sources = "\n".join(f"1. {s['title']}，{s['where']}" for s in record["sources"])
    return (f"# {record['name']}\n\n{record['summary']}\n\n| 项目 | 内容 |\n|---|---|\n{rows}\n\n"
            f"## 生平事迹\n\n{record['deeds']}\n## 资料来源\n\n{sources}\n")


def prepare_baseline(folder: Path, martyrs: int) -> None:
    """A plain Material site: one page per martyr with the same text, a list page, a home page."""
    shutil.rmtree(folder, ignore_errors=True)
    pages = folder / "docs" / "martyrs"
    pages.mkdir(parents=True)
    (folder / "mkdocs.yml").write_text(BASELINE_CONFIG, encoding="utf-8")
    (folder / "docs" / "index.md").write_text("# 英烈名录\n\n[按姓名查看](martyrs/index.md)\n", encoding="utf-8")
    records = martyr_records(martyrs)  # the same seed as the project's dataset
    listing = ["# 英烈名录", ""]
    for record_id, record in records:
        (pages / f"{record_id}.md").write_text(baseline_page(record), encoding="utf-8")
        listing.append(f"- [{record['name']}]({record_id}.md)")
    (pages / "index.md").write_text("\n".join(listing) + "\n", encoding="utf-8")


# --- What the built sites weigh ------------------------------------------------------------

def gzip_size(data: bytes) -> int:
    return len(gzip.compress(data, compresslevel=6, mtime=0))


def first_search_files(site: Path) -> list[Path]:
    config = json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))["config"]
    languages = [lang for lang in config["lang"] if lang != "en"]
    lunr = site / "assets" / "javascripts" / "lunr" / "min"
    files = [*sorted((site / "assets" / "javascripts" / "workers").glob("search.*.min.js")),
             site / "search" / "search_index.json"]
    if languages:
        files.append(lunr / "lunr.stemmer.support.min.js")
        files += [lunr / f"lunr.{lang}.min.js" for lang in languages]
    if len(config["lang"]) > 1:
        files.append(lunr / "lunr.multi.min.js")
    # The record search (the data reader inside it): added on the first focus of the box (head.js), its index on the first query.
    files += [path for path in (site / "assets" / "record-search.js", site / "data" / "search-records.json")
              if path.exists()]
    return files


def site_figures(site: Path, record_pages: str) -> dict:
    files = [path for path in site.rglob("*") if path.is_file()]
    pages = [path for path in files if path.suffix == ".html" and path.name != "404.html"]
    search = first_search_files(site)
    search_bytes = [path.read_bytes() for path in search]
    records = list(site.glob(record_pages))
    largest = max(records, key=lambda path: path.stat().st_size)
    return {
        "pages": len(pages),
        "site_bytes": sum(path.stat().st_size for path in files),
        "search_files": [str(path.relative_to(site)) for path in search],
        "search_raw": sum(len(data) for data in search_bytes),
        "search_gzip": sum(gzip_size(data) for data in search_bytes),
        "largest_record_page": largest.stat().st_size,
        "largest_record_page_gzip": gzip_size(largest.read_bytes()),
        **directory_figures(site),
    }


def directory_figures(site: Path) -> dict:
    """The largest page of the martyr directory (both orders, their group pages), gzip:
    the page a visitor on a phone downloads to reach a name. None on the baseline."""
    pages = [site / "martyrs" / "index.html", *(site / "martyrs" / "pinyin").rglob("index.html"),
             *(site / "martyrs" / "strokes").rglob("index.html")]
    sizes = [(gzip_size(path.read_bytes()), path) for path in pages if path.exists()]
    if not sizes:
        return {"largest_directory_page_gzip": None, "directory_pages": 0}
    size, path = max(sizes)
    return {"largest_directory_page_gzip": size, "largest_directory_page": str(path.relative_to(site)),
            "directory_pages": len(sizes)}


# --- Rebuild under `mkdocs serve` ----------------------------------------------------------

def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def serve_rebuild(project: Path, records: list[Path], timeout: float = 900) -> dict:
    """Seconds from editing each of `records` to MkDocs' "Reloading browsers" under `mkdocs serve`."""
    port = free_port()
    # The same command as `make serve`.
    command = [sys.executable, "-m", "mkdocs", "serve", "--livereload", "--dirty", "--no-strict",
               "-a", f"127.0.0.1:{port}"]
    server = subprocess.Popen(command, cwd=project, env=ENV, stdout=subprocess.DEVNULL,
                              stderr=subprocess.PIPE, text=True)
    lines: queue.Queue = queue.Queue()
    threading.Thread(target=lambda: [lines.put((time.monotonic(), line)) for line in server.stderr],
                     daemon=True).start()

    def wait_for(pattern: str, since: float) -> tuple[float, str]:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            try:
                at, line = lines.get(timeout=1)
            except queue.Empty:
                if server.poll() is not None:
                    raise SystemExit("mkdocs serve stopped unexpectedly") from None
                continue
            if at >= since and re.search(pattern, line):
                return at, line
        raise SystemExit(f"mkdocs serve: no '{pattern}' within {timeout} s")

    try:
        started = time.monotonic()
        ready, line = wait_for(r"Serving on", started)
        address = re.search(r"Serving on (http://\S+)", line).group(1).rstrip("/")
        rebuilds, detects, shown = [], [], []
        for record in records:
            time.sleep(2)  # let the watcher settle before the edit
            text = record.read_text(encoding="utf-8")
            edited = time.monotonic()
            record.write_text(text.replace("summary: ", "summary: （已修改）", 1), encoding="utf-8")
            building, _ = wait_for(r"Building documentation", edited)
            reloaded, _ = wait_for(r"Reloading browsers", edited)
            rebuilds.append(reloaded - edited)
            detects.append(building - edited)
            # The preview must show the edit, or the timing means nothing.
            page = urllib.request.urlopen(f"{address}/martyrs/{record.stem}/", timeout=30).read().decode()
            shown.append("（已修改）" in page)
        return {"first_build": ready - started, "rebuild": sorted(rebuilds)[len(rebuilds) // 2],
                "rebuilds": rebuilds, "detect": detects, "edit_shown": all(shown)}
    finally:
        server.terminate()
        try:
            server.wait(timeout=20)
        except subprocess.TimeoutExpired:
            server.kill()


# --- The report ------------------------------------------------------------------------------

def per_page_ms(result: dict, clock: str = "wall", build: str = "build") -> float:
    return 1000 * result[build][clock] / result["site"]["pages"]


def row(label: str, values: list[str]) -> str:
    return f"| {label} | " + " | ".join(values) + " |"


def report(results: list[dict]) -> str:
    names = [r["name"] for r in results]
    lines = [row("", names), row("---", ["---:"] * len(names))]
    figures = [
        ("records (martyrs / notices / facilities)", lambda r: " / ".join(str(v) for v in r["records"].values())),
        ("pages built", lambda r: f"{r['site']['pages']:,}"),
        ("build wall time, s", lambda r: f"{r['build']['wall']:.1f}"),
        ("build CPU time, s", lambda r: f"{r['build']['cpu']:.1f}"),
        ("build wall time with .cache/ kept, s", lambda r: f"{r['build_warm']['wall']:.1f}" if "build_warm" in r else "—"),
        ("build CPU time with .cache/ kept, s", lambda r: f"{r['build_warm']['cpu']:.1f}" if "build_warm" in r else "—"),
        ("ms per page (wall)", lambda r: f"{per_page_ms(r):.1f}"),
        ("ms per page (CPU)", lambda r: f"{per_page_ms(r, 'cpu'):.1f}"),
        ("ms per page with .cache/ kept (wall)", lambda r: f"{per_page_ms(r, 'wall', 'build_warm'):.1f}" if "build_warm" in r else "—"),
        ("peak memory, MiB", lambda r: f"{r['build']['peak_kib'] / 1024:.0f}"),
        ("site size, MiB", lambda r: f"{r['site']['site_bytes'] / MiB:.1f}"),
        ("first search download, KiB raw", lambda r: f"{r['site']['search_raw'] / 1024:,.0f}"),
        ("first search download, KiB gzip", lambda r: f"{r['site']['search_gzip'] / 1024:,.0f}"),
        ("largest record page HTML, KiB (gzip)", lambda r: f"{r['site']['largest_record_page'] / 1024:.1f} "
                                                           f"({r['site']['largest_record_page_gzip'] / 1024:.1f})"),
        ("largest directory page, KiB gzip (pages)",
         lambda r: f"{r['site']['largest_directory_page_gzip'] / 1024:.1f} ({r['site']['directory_pages']})"
         if r["site"].get("largest_directory_page_gzip") else "—"),
        ("classroom copy (make offline, .cache/ kept): wall s / zip MiB",
         lambda r: f"{r['offline']['wall']:.1f} / {r['offline']['zip_bytes'] / MiB:.1f}" if r.get("offline") else "—"),
        ("serve: rebuild after one record edit, s (median of 3)", lambda r: f"{r['serve']['rebuild']:.1f}" if r.get("serve") else "—"),
    ]
    for label, value in figures:
        lines.append(row(label, [value(r) for r in results]))
    return "\n".join(lines)


def ratios(project: dict, baseline: dict) -> list[str]:
    def ratio(a, b):
        return f"{a / b:.2f}x" if b else "—"
    search_gzip = project["site"]["search_gzip"]
    out = [
        f"build wall time: project / baseline = {ratio(project['build']['wall'], baseline['build']['wall'])} (target <= 0.5x)",
        f"build wall time, .cache/ kept: project / baseline = "
        f"{ratio(project['build_warm']['wall'], baseline['build']['wall'])}",
        f"build CPU time:  project / baseline = {ratio(project['build']['cpu'], baseline['build']['cpu'])}",
        f"peak memory:     project / baseline = {ratio(project['build']['peak_kib'], baseline['build']['peak_kib'])}",
        f"site size:       project / baseline = {ratio(project['site']['site_bytes'], baseline['site']['site_bytes'])}",
        f"first search gzip: project / baseline = {ratio(search_gzip, baseline['site']['search_gzip'])}; "
        f"project {search_gzip / MiB:.2f} MiB (target <= 1 MiB)",
    ]
    return out


def serve_line(project: dict) -> str:
    serve = project["serve"]
    each = ", ".join(f"{seconds:.1f}" for seconds in serve["rebuilds"])
    return (f"{project['name']}: serve rebuild after one edit {serve['rebuild']:.1f} s, median of {each} "
            f"(target < 3 s); first serve "
            f"build {serve['first_build']:.1f} s; the edited pages show the edits: {serve['edit_shown']}")


def run_size(out: Path, sizes: Sizes, baseline: bool, serve: bool, offline: bool = True) -> list[dict]:
    results = []
    project = out / f"project-{sizes.martyrs}"
    print(f"== {sizes.martyrs} martyrs: writing the dataset ...", flush=True)
    written = prepare_project(project, sizes)
    command = [sys.executable, "-m", "yinglie", "build", "--site-dir", "site"]
    build = measured(command, project)  # a fresh clone: .cache/ (QR codes) is empty
    print(f"   project built in {build['wall']:.1f} s (empty cache)", flush=True)
    warm = measured(command, project)  # the same full build again, .cache/ kept
    print(f"   project built in {warm['wall']:.1f} s (cache kept)", flush=True)
    results.append({"name": f"project, {sizes.martyrs:,}", "records": written, "build": build, "build_warm": warm,
                    "site": site_figures(project / "site", "martyrs/synth-*/index.html")})
    # The classroom copy (`make offline`): a second build for the file system, then the zip.
    if offline:
        copy = measured([sys.executable, "-m", "yinglie.offlinecopy", "--out-dir", "dist"], project)
        (archive,) = (project / "dist").glob("*.zip")
        results[-1]["offline"] = {**copy, "zip_bytes": archive.stat().st_size}
        print(f"   classroom copy made in {copy['wall']:.1f} s (.cache/ kept): "
              f"{archive.stat().st_size / MiB:.1f} MiB zip", flush=True)
    if serve:
        print("   timing a rebuild under mkdocs serve ...", flush=True)
        edits = [project / "martyrs" / f"synth-{number:05d}.yml" for number in (1, 2, 3)]
        results[-1]["serve"] = serve_rebuild(project, [path for path in edits if path.exists()])
    if baseline:
        folder = out / f"baseline-{sizes.martyrs}"
        prepare_baseline(folder, sizes.martyrs)
        build = measured([sys.executable, "-m", "mkdocs", "build", "-q"], folder)
        results.append({"name": f"plain Material, {sizes.martyrs:,}", "records": {"martyrs": sizes.martyrs},
                        "build": build, "site": site_figures(folder / "site", "martyrs/synth-*/index.html")})
        print(f"   baseline built in {build['wall']:.1f} s", flush=True)
    return results


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if argv[:2] == ["--child", "--"]:
        return child(argv[2:])
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--martyrs", type=int, nargs="+", default=[5000])
    parser.add_argument("--notices", type=int, default=3000, help="written only if the project has notices")
    parser.add_argument("--facilities", type=int, default=60, help="written only if the project has facilities")
    parser.add_argument("--out", type=Path, default=ROOT / "bench-out")
    parser.add_argument("--no-baseline", dest="baseline", action="store_false")
    parser.add_argument("--no-serve", dest="serve", action="store_false")
    parser.add_argument("--no-offline", dest="offline", action="store_false", help="do not time the classroom copy")
    parser.add_argument("--import-rows", type=int, default=5000, help="rows of the timed spreadsheet import (0: none)")
    parser.add_argument("--no-hostile", dest="hostile", action="store_false",
                        help="skip the hostile record files (bench/hostile.py)")
    args = parser.parse_args(argv)
    results = []
    for count in args.martyrs:
        results += run_size(args.out, Sizes(count, args.notices, args.facilities), args.baseline, args.serve, args.offline)
    print()
    print(report(results))
    print()
    projects = [r for r in results if r["name"].startswith("project")]
    for result in results:
        if result["name"].startswith("plain"):
            size = result["name"].split(", ")[1]
            project = next(p for p in projects if p["name"].split(", ")[1] == size)
            print("\n".join(ratios(project, result)))
    for project in projects:
        if project.get("serve"):
            print(serve_line(project))
    if len(projects) > 1:
        small, large = projects[0], projects[-1]
        for build, label in (("build", "empty cache"), ("build_warm", ".cache/ kept")):
            print(f"ms per page at {large['name']} / at {small['name']} ({label}): wall "
                  f"{per_page_ms(large, 'wall', build) / per_page_ms(small, 'wall', build):.2f}x, CPU "
                  f"{per_page_ms(large, 'cpu', build) / per_page_ms(small, 'cpu', build):.2f}x (target <= 1.2x)")
    skipped = [kind for kind, count in projects[0]["records"].items() if count == 0 and kind != "martyrs"]
    if skipped:
        print(f"not generated: {', '.join(skipped)} (the project has no write_synthetic(root, count, seed) "
              "for them yet; see yinglie/synthetic.py)")
    args.out.mkdir(parents=True, exist_ok=True)
    if args.import_rows:
        imported = import_figures(args.out, args.import_rows)
        print(f"import of {args.import_rows:,} martyr rows (.xlsx, checks included): {imported['wall']:.1f} s wall, "
              f"{imported['cpu']:.1f} s CPU, peak {imported['peak_kib'] / 1024:.0f} MiB, "
              f"{imported['written']:,} records written (target: under 60 s)")
        results.append({"name": f"import, {args.import_rows}", **imported})
    (args.out / "results.json").write_text(json.dumps(results, indent=1, ensure_ascii=False), encoding="utf-8")
    if args.hostile:
        print("\n== hostile record files: `make check` on one file just under the size limit (bench/hostile.py) ...",
              flush=True)
        import hostile  # bench/hostile.py, beside this file

        found, baseline = hostile.run(out=args.out)
        print()
        print(hostile.table(found, baseline))
        print()
        print(hostile.summary(found, baseline))
        rows = [vars(result) for result in [baseline, *found]]
        (args.out / "hostile.json").write_text(json.dumps(rows, indent=1, ensure_ascii=False), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
