"""`make lighthouse`: Lighthouse (mobile) over every page kind, served by nginx.

    python bench/lighthouse.py                  # build the demo site, serve it, run every page kind
    python bench/lighthouse.py --no-build       # serve site/ as it is (built for this address?)
    python bench/lighthouse.py --kinds martyr home --runs 3
    python bench/lighthouse.py --no-baseline    # skip the plain Material comparison
    python bench/lighthouse.py --kinds martyr --requests   # also list each page's requests

A benchmark, not a test: the scores move with the machine's load. It builds the
demo site with `site_url` set to the address it serves (so canonical links and QR
codes point at the served site), serves it with Debian's nginx as the README's
server configuration does (gzip level 6, cache headers, the policy header:
bench/nginx-lighthouse.conf), and runs Lighthouse 12 from npm (`npx lighthouse@12`,
Chromium headless, its default mobile emulation: a mid-range phone on slow 4G,
simulated) over every page kind of tests/browser/pages.py. It prints one row per page
kind: the four category scores, CLS, what the page transferred and in how many
requests (over the network: Lighthouse also lists the data: URIs of icons inlined in a
stylesheet, which are not counted), and the audits that failed. With several runs it prints the median.
With --requests it also lists what each page kind fetched (last run): address, type
and bytes transferred, headers included.

For comparison it builds a plain Material site of the same demo martyrs (bench/run.py's
baseline: one Markdown page per record, `search: lang: zh`, `font: false`) and runs
its page kinds: home, directory, martyr, and the honor roll of the demo's newest year
written by hand in Markdown from the same notices, by class then town and by town
(`baseline_honor_pages`): the page a bureau would make without this project, to weigh
the two honor-roll pages of ours that carry the same 251 names against. Those two are
left out of Material's search index, as our record pages are (their names are found
through our own record search): otherwise the names would be in the index every page
of the baseline fetches, and its other pages would weigh 2-3 KiB more than they did
before these two were added. Results are also written to bench-out/lighthouse.json.

Needs nginx (`apt-get install nginx-light`), node/npm (npx fetches Lighthouse 12 from
the npm registry the first time) and Chromium (CHROME_PATH, default /usr/bin/chromium).
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "hooks"))
sys.path.insert(0, str(ROOT / "tests"))
sys.path.insert(0, str(ROOT / "bench"))

from browser.pages import PAGE_KINDS  # noqa: E402 - the browser tests' list of page kinds
from yinglie.csp import header_policy  # noqa: E402

LIGHTHOUSE = os.environ.get("LIGHTHOUSE", "lighthouse@12")
CHROME = os.environ.get("CHROME_PATH", "/usr/bin/chromium")
NGINX = shutil.which("nginx") or "/usr/sbin/nginx"
CATEGORIES = ["performance", "accessibility", "best-practices", "seo"]
ENV = {**os.environ, "PYTHONPATH": str(ROOT / "hooks"), "NO_MKDOCS_2_WARNING": "1", "CHROME_PATH": CHROME}
# The baseline's pages that match a page kind of ours (paths in bench/run.py's baseline).
BASELINE_KINDS = [("home", ""), ("directory", "martyrs/"), ("martyr", None),
                  ("honors-year", "honors/{year}/"), ("honors-townships", "honors/{year}/townships/")]


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class Nginx:
    """nginx in the foreground on 127.0.0.1:port serving `site`, stopped on exit."""

    def __init__(self, site: Path, port: int, work: Path):
        self.work = work
        work.mkdir(parents=True, exist_ok=True)
        conf = (ROOT / "bench" / "nginx-lighthouse.conf").read_text(encoding="utf-8")
        for name, value in {"site": str(site.resolve()), "port": str(port), "tmp": str(work),
                            "policy": header_policy()}.items():
            conf = conf.replace("{" + name + "}", value)
        self.conf = work / "nginx.conf"
        self.conf.write_text(conf, encoding="utf-8")
        self.url = f"http://127.0.0.1:{port}/"

    def __enter__(self):
        # -e: nginx otherwise opens the default error log (/var/log/nginx) before reading the conf.
        self.process = subprocess.Popen([NGINX, "-p", str(self.work), "-e", str(self.work / "error.log"),
                                         "-c", str(self.conf)], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                                        text=True)
        problem = ""
        for _ in range(100):
            try:
                urllib.request.urlopen(self.url, timeout=1).read()
                return self
            except OSError as error:
                problem = str(error)
                if self.process.poll() is not None:
                    raise SystemExit(f"nginx did not start:\n{self.process.stderr.read()}")
                time.sleep(0.1)
        self.__exit__()
        raise SystemExit(f"nginx did not answer {self.url} in 10 s: {problem}")

    def __exit__(self, *exc):
        self.process.terminate()
        self.process.wait(timeout=10)


def build_project(site: Path, url: str) -> None:
    """The demo site, built for the address it is served at."""
    command = [sys.executable, "-m", "yinglie", "build", "--site-dir", str(site)]
    done = subprocess.run(command, cwd=ROOT, env={**ENV, "SITE_URL": url}, capture_output=True, text=True)
    if done.returncode != 0:
        raise SystemExit(f"build failed:\n{done.stderr[-3000:]}")


def build_baseline(folder: Path, martyrs: int) -> tuple[Path, dict[str, str]]:
    """bench/run.py's plain Material site with `martyrs` synthetic pages and the demo's
    honor roll by hand; returns the site folder and the address of each page kind."""
    from run import prepare_baseline  # noqa: PLC0415 - bench/run.py
    prepare_baseline(folder, martyrs)
    year = baseline_honor_pages(folder / "docs")
    subprocess.run([sys.executable, "-m", "mkdocs", "build", "--quiet", "--site-dir", "site"],
                   cwd=folder, env=ENV, check=True)
    first = sorted((folder / "docs" / "martyrs").glob("*.md"))
    first = [path for path in first if path.name != "index.md"][0]
    # Without notices (a district that deleted the demo's) there is no honor roll to weigh.
    paths = {name: f"martyrs/{first.stem}/" if path is None else path.format(year=year)
             for name, path in BASELINE_KINDS if year is not None or "{year}" not in (path or "")}
    return folder / "site", paths


# Out of Material's index, as our record pages are: the index is fetched by every page
# (module docstring).
NOT_SEARCHED = ["---", "search:", "  exclude: true", "---", ""]


def baseline_honor_pages(docs: Path) -> int | None:
    """The project's newest year of notices as plain Markdown pages, the names as the site
    shows them: by class, then town (the year page), and by town with each award (the
    townships page). Returns the year; None when the project has no notices."""
    from mkdocs.config import load_config  # noqa: PLC0415
    from yinglie.config import settings_from  # noqa: PLC0415
    from yinglie.siteplan import load_records  # noqa: PLC0415
    config = load_config(str(ROOT / "mkdocs.yml"))
    roll = load_records(settings_from(config.extra, ROOT, config.docs_dir)).honors
    if roll is None or not roll.years:
        return None
    year = roll.years[0]
    named = lambda notice: notice.shown_name or "（姓名不公开）"  # noqa: E731
    lines = [*NOT_SEARCHED, f"# {year}年度荣誉榜", ""]
    for award, notices in roll.by_class(year):
        lines += [f"## {award}（{len(notices)} 个）", ""]
        towns: dict[str, list] = {}
        for notice in notices:
            towns.setdefault(notice.township, []).append(notice)
        for town, group in towns.items():
            lines += [f"### {town}（{len(group)} 个）", "", *(f"- {named(n)}" for n in group), ""]
    townships = [*NOT_SEARCHED, f"# {year}年度荣誉榜（按镇街）", ""]
    for town, notices in roll.by_township(year):
        townships += [f"## {town}（{len(notices)} 个）", "", *(f"- {named(n)} {n.award}" for n in notices), ""]
    (docs / "honors" / str(year) / "townships").mkdir(parents=True)
    (docs / "honors" / str(year) / "index.md").write_text("\n".join(lines), encoding="utf-8")
    (docs / "honors" / str(year) / "townships" / "index.md").write_text("\n".join(townships), encoding="utf-8")
    return year


def lighthouse(url: str, out: Path) -> dict:
    """One Lighthouse run (mobile, simulated throttling); the figures we print."""
    command = ["npx", "--yes", LIGHTHOUSE, url, "--quiet", "--output=json", f"--output-path={out}",
               f"--only-categories={','.join(CATEGORIES)}",
               "--chrome-flags=--headless=new --no-sandbox --disable-gpu --no-first-run"]
    done = subprocess.run(command, env=ENV, capture_output=True, text=True)
    if done.returncode != 0 or not out.exists():
        raise SystemExit(f"lighthouse failed on {url}:\n{done.stderr[-2000:]}")
    report = json.loads(out.read_text(encoding="utf-8"))
    audits = report["audits"]
    requests = audits["network-requests"]["details"]["items"]
    failed = []  # audits that count towards a score and did not pass (performance: below 90)
    for category in CATEGORIES:
        for ref in report["categories"][category]["auditRefs"]:
            audit = audits[ref["id"]]
            if ref["weight"] == 0 or audit["score"] is None or audit["scoreDisplayMode"] not in ("binary", "numeric"):
                continue
            if audit["score"] < (0.9 if category == "performance" else 1):
                failed.append(ref["id"])
    return {
        **{category: round(report["categories"][category]["score"] * 100) for category in CATEGORIES},
        "cls": audits["cumulative-layout-shift"]["numericValue"],
        "fcp_ms": audits["first-contentful-paint"]["numericValue"],
        "lcp_ms": audits["largest-contentful-paint"]["numericValue"],
        "tbt_ms": audits["total-blocking-time"]["numericValue"],
        "kib": audits["total-byte-weight"]["numericValue"] / 1024,
        # data: URIs (Material's icons, inlined in its stylesheet) cost no network: not counted.
        "requests": sum(1 for item in requests if not item["url"].startswith("data:")),
        "failed": failed,
        "version": report["lighthouseVersion"],
        "fetched": [(item["url"], item.get("resourceType", ""), item.get("transferSize", 0)) for item in requests],
    }


def median_of(runs: list[dict]) -> dict:
    numbers = {key: statistics.median(run[key] for run in runs) for key in runs[0]
               if key not in ("failed", "fetched", "version")}
    failed = sorted({name for run in runs for name in run["failed"]})
    return {**numbers, "failed": failed, "runs": len(runs), "version": runs[-1]["version"],
            "fetched": runs[-1]["fetched"]}


def table(rows: list[tuple[str, dict]]) -> str:
    lines = ["| page kind | perf | a11y | best pr. | SEO | CLS | FCP ms | LCP ms | TBT ms | KiB | requests | below target |",
             "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|"]
    for name, r in rows:
        lines.append(f"| {name} | {r['performance']:.0f} | {r['accessibility']:.0f} | {r['best-practices']:.0f} "
                     f"| {r['seo']:.0f} | {r['cls']:.3f} | {r['fcp_ms']:.0f} | {r['lcp_ms']:.0f} | {r['tbt_ms']:.0f} "
                     f"| {r['kib']:.1f} | {r['requests']:.0f} | {', '.join(r['failed']) or '-'} |")
    return "\n".join(lines)


def fetched_list(rows: list[tuple[str, dict]], base_url: str) -> str:
    """What each page kind fetched: the site's address left out, bytes with headers."""
    lines = []
    for name, r in rows:
        lines.append(f"{name}: {len(r['fetched'])} requests, {sum(size for *_, size in r['fetched']) / 1024:.1f} KiB")
        for url, kind, size in r["fetched"]:
            lines.append(f"  {size / 1024:6.1f} KiB  {kind:<11} {url.replace(base_url, '/')}")
    return "\n".join(lines)


def run_kinds(base_url: str, kinds: list[tuple[str, str]], runs: int, work: Path) -> list[tuple[str, dict]]:
    rows = []
    for name, path in kinds:
        results = [lighthouse(base_url + path, work / f"{name}-{index}.json") for index in range(runs)]
        rows.append((name, median_of(results)))
        print(f"  {name}: {rows[-1][1]['performance']:.0f} / {rows[-1][1]['accessibility']:.0f} / "
              f"{rows[-1][1]['best-practices']:.0f} / {rows[-1][1]['seo']:.0f}", file=sys.stderr, flush=True)
    return rows


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--kinds", nargs="+", help="page kinds by name (tests/browser/pages.py); default: all")
    parser.add_argument("--runs", type=int, default=1, help="runs per page; the median is printed")
    parser.add_argument("--no-build", dest="build", action="store_false",
                        help="serve --site as it is (canonical links then name the address it was built for)")
    parser.add_argument("--site", type=Path, default=ROOT / "bench-out" / "lighthouse" / "site")
    parser.add_argument("--no-baseline", dest="baseline", action="store_false")
    parser.add_argument("--baseline-martyrs", type=int, default=10)
    parser.add_argument("--requests", action="store_true", help="also list what each page fetched (last run)")
    args = parser.parse_args(argv)
    if not Path(NGINX).exists():
        raise SystemExit("nginx is not installed: apt-get install nginx-light")
    kinds = [(kind.name, kind.path) for kind in PAGE_KINDS if not args.kinds or kind.name in args.kinds]
    out = ROOT / "bench-out"
    work = Path(tempfile.mkdtemp(prefix="lighthouse-", dir=out if out.exists() else None))
    work.chmod(0o755)  # nginx's worker runs as another user when started by root
    load_before = " ".join(f"{value:.2f}" for value in os.getloadavg())
    results: dict[str, list] = {}
    served: dict[str, str] = {}
    try:
        port = free_port()
        if args.build:
            print(f"building the demo site for http://127.0.0.1:{port}/ ...", file=sys.stderr)
            build_project(args.site, f"http://127.0.0.1:{port}/")
        with Nginx(args.site, port, work / "nginx") as server:
            print(f"Lighthouse {LIGHTHOUSE}, mobile, on {server.url}", file=sys.stderr)
            results["project"] = run_kinds(server.url, kinds, args.runs, work)
            served["project"] = server.url
        if args.baseline:
            print("building a plain Material site ...", file=sys.stderr)
            site, paths = build_baseline(work / "baseline", args.baseline_martyrs)
            baseline_kinds = list(paths.items())
            with Nginx(site, free_port(), work / "nginx-baseline") as server:
                results["plain Material"] = run_kinds(server.url, baseline_kinds, args.runs, work)
                served["plain Material"] = server.url
    finally:
        shutil.rmtree(work, ignore_errors=True)
    load_after = " ".join(f"{value:.2f}" for value in os.getloadavg())
    for label, rows in results.items():
        # The machine's load (1, 5, 15 minutes) at the start and the end: performance moves with it.
        print(f"\n{label} (Lighthouse {rows[0][1]['version']}, mobile; median of {args.runs} run(s); "
              f"load average {load_before} at the start, {load_after} at the end)\n")
        print(table(rows))
        if args.requests:
            print(f"\n{label}: what each page fetched (last run)\n")
            print(fetched_list(rows, served[label]))
    out.mkdir(exist_ok=True)
    (out / "lighthouse.json").write_text(json.dumps({label: dict(rows) for label, rows in results.items()},
                                                    ensure_ascii=False, indent=2), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
