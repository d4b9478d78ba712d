"""Hostile record files: the worst `make check` time a file under the size limit can cause.

    python bench/hostile.py                  # every case; prints the table
    python bench/hostile.py --only guard     # the cases whose name holds "guard"
    python bench/run.py                      # `make bench` runs these too, after the builds

A fresh copy of the project (settings, content, theme, hooks and the records, as the
tests copy it) gets ONE hostile file at a time, each written to be just under the
loader's size limit (yamlsource.DEFAULT_MAX_BYTES, 1 MiB), and `python -m yinglie
check` runs on it in a child process, as `make check` would. The wall time of that
child is compared with the same check on the unmodified copy (the baseline: the
interpreter, MkDocs' settings and the real records), so "over baseline" is what the
hostile file alone costs.

The cases aim at what could be super-linear: each publication-guard pattern given a
text built to make it backtrack, YAML shapes at and past the loader's limits
(nesting, aliases, merge keys), field counts (unknown keys, sources, notices,
photos), numbers and dates PyYAML or the checks might choke on, and Markdown. A case
passes when check ends within the target and reports `path:line: field: message`
lines, or nothing, never a traceback.
"""

from __future__ import annotations

import argparse
import os
import re
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "hooks"))

from parts import copy_parts  # noqa: E402 - bench/parts.py, beside this file
from yinglie.reproducible import SOURCES  # noqa: E402
from yinglie.yamlsource import DEFAULT_MAX_BYTES, MAX_ALIAS_VALUES, MAX_DEPTH  # noqa: E402

TARGET_SECONDS = 2.0
SIZE = DEFAULT_MAX_BYTES - 256  # every file: just under the limit
PROBLEM_LINE = re.compile(r"^[^\s:][^:\n]*:\d+: [^:\n]*: ", re.MULTILINE)
SUMMARY = re.compile(r"^(\d+) problem\(s\) in the records", re.MULTILINE)


# --- Files ---------------------------------------------------------------------------------

def fill(head: str, unit: str, tail: str = "") -> str:
    """head + unit repeated + tail, as long as fits in SIZE bytes."""
    room = SIZE - len((head + tail).encode())
    return head + unit * (room // len(unit.encode())) + tail


def padded(text: str) -> str:
    """`text`, then a YAML comment up to SIZE: for shapes whose point is not their length."""
    return fill(text.rstrip("\n") + "\n# ", "x", "\n")


MARTYR = "name: 测试\nsources:\n  - title: 测试资料\n    where: 测试\n"
NOTICE = ("- name: 张某\n  award: 三等功\n  year: {year}\n  township: 白沙镇\n  consent: true\n"
          "  consent_record: 测试\n")


def deeds(unit: str, head: str = "", tail: str = "") -> str:
    """A martyr whose deeds (a literal block) are `head`, `unit` repeated, `tail`: one line
    unless `unit` holds line breaks (written indented here)."""
    indent = lambda text: text.replace("\n", "\n  ")  # noqa: E731
    return fill(MARTYR + "deeds: |\n  " + indent(head), indent(unit), indent(tail) + "\n")


def citation(unit: str, head: str = "", tail: str = "") -> str:
    """A notice whose citation is `head`, `unit` repeated, `tail` (address rules apply to notices)."""
    return fill(NOTICE.format(year=2023) + "  citation: |\n    " + head, unit, tail + "\n")


def notices(count: int, year: int, extra: str = "", name: str = "张某") -> str:
    """`count` notices, one flow mapping a line (10,000 fit in 1 MiB only that way)."""
    one = f"- {{name: {name}, award: 三等功, year: {year}, township: 白沙镇{extra}}}\n"
    return padded(one * count)


def nested(depth: int) -> str:
    """A martyr whose `deeds` is `depth - 1` flow lists deep (the file's mapping is one more level)."""
    return padded(MARTYR + "deeds: " + "[" * (depth - 1) + "x" + "]" * (depth - 1) + "\n")


def block_nested(depth: int) -> str:
    """The same depth written as block mappings, one more indentation per level."""
    lines = [MARTYR.rstrip("\n")] + [f"{'  ' * level}k{level}:" for level in range(depth - 1)]
    return padded("\n".join(lines) + " x\n")


def aliases(values_per_anchor: int, count: int, one_more: bool = False) -> str:
    """An anchored list of `values_per_anchor` - 1 items (it counts as that many values with
    itself), repeated by `count` aliases; `one_more` adds an alias of a single value."""
    items = ", ".join(["x"] * (values_per_anchor - 1))
    more = ", *b" if one_more else ""
    return padded(MARTYR + f"position: &b x\ntags: &a [{items}]\nsummary: [" + ", ".join(["*a"] * count) + more + "]\n")


@dataclass(frozen=True)
class Case:
    name: str
    path: str  # where the file goes, relative to the project
    make: Callable[[], str | bytes]


M = "martyrs/hostile.yml"
N23 = "honors/2023/hostile.yml"  # a year without totals.yml
N22 = "honors/2022/hostile.yml"  # a year that declares totals
EVENT = "events/hostile.yml"
DIGITS_PAST_STR_LIMIT = 5000  # Python refuses int(str) of more than 4,300 digits

CASES: list[Case] = [
    # The publication guard: a text made to make each pattern backtrack.
    Case("guard: one run of digits", M, lambda: deeds("1")),
    Case("guard: digits with spaces (1 1 1 …)", M, lambda: deeds("1 ")),
    Case("guard: digit groups with dashes", M, lambda: deeds("12-")),
    Case("guard: a run of dates 1937.7.7-…", M, lambda: deeds("1937.7.7-")),
    Case("guard: 5,000 digits, a space, a digit", M,
         lambda: deeds("测", "1" * DIGITS_PAST_STR_LIMIT + " 2")),
    Case("guard: digits, full-width digits mixed", M, lambda: deeds("1１")),
    Case("guard: Chinese digits 一二三…", M, lambda: deeds("一二三四五六七八九〇")),
    Case("guard: Chinese numerals then 集团军", M, lambda: deeds("三", tail="集团军")),
    Case("guard: Chinese numerals then 营", M, lambda: deeds("十", tail="营")),
    Case("guard: Chinese numerals then 总队", M, lambda: deeds("百", tail="总队")),
    Case("guard: numerals and unit words, no match", M, lambda: deeds("三十集团")),
    Case("guard: 第 repeated", M, lambda: deeds("第")),
    Case("guard: 第 and numerals repeated", M, lambda: deeds("第三")),
    Case("guard: 某 and unit words (某团某…)", M, lambda: deeds("某团某")),
    Case("guard: 公社五一大队 (allowed matches)", M, lambda: deeds("公社五一大队")),
    Case("guard: 武警 then 某 repeated", M, lambda: deeds("某", head="武警")),
    Case("guard: 陆军 then numerals, no place", M, lambda: deeds("三", head="陆军第")),
    Case("guard: 陆军 repeated", M, lambda: deeds("陆军")),
    Case("guard: 总队 … 支队 repeated", M, lambda: deeds("总队某")),
    Case("guard: 番号 repeated", M, lambda: deeds("番号：")),
    Case("guard: many @", M, lambda: deeds("@")),
    Case("guard: a.a.a.…@b", M, lambda: deeds("a.", tail="@b")),
    Case("guard: a@ repeated", M, lambda: deeds("a@")),
    Case("guard: a@b. repeated", M, lambda: deeds("a@b.")),
    Case("guard: spaces, and 'at' once", M, lambda: deeds(" ", head="at")),
    Case("guard: blank lines, and 'at' once", M, lambda: deeds("\n", head="at", tail="x")),
    Case("guard: ( at ( at …", M, lambda: deeds("( at ")),
    Case("guard: 电话 then digits", M, lambda: deeds("1", head="电话")),
    Case("guard: 电话 repeated", M, lambda: deeds("电话")),
    Case("guard: 电话： then spaces", M, lambda: deeds(" ", head="电话：", tail="123456")),
    Case("guard: tags <a <a <a", M, lambda: deeds("<a ")),
    Case("guard: one unclosed tag", M, lambda: deeds("a", head="<a")),
    Case("guard: comments <!-- repeated", M, lambda: deeds("<!--")),
    Case("guard: character references &#49;", M, lambda: deeds("&#49;")),
    Case("guard: &amp; repeated", M, lambda: deeds("&amp;")),
    Case("guard: &# and 5,000 digits", M, lambda: deeds("测", "&#" + "1" * DIGITS_PAST_STR_LIMIT + ";")),
    Case("guard: &#x and hex digits", M, lambda: deeds("f", head="&#x")),
    Case("guard: backslashes", M, lambda: deeds("\\")),
    Case("guard: [ repeated", M, lambda: deeds("[")),
    Case("guard: ]( repeated", M, lambda: deeds("](")),
    Case("notice: 家住 repeated", N23, lambda: citation("家住")),
    Case("notice: 家住 then text", N23, lambda: citation("测", head="家住")),
    Case("notice: 镇 … 村 runs", N23, lambda: citation("白沙镇黄泥")),
    Case("notice: 镇 then text then 村", N23, lambda: citation("测", head="白沙镇", tail="村")),
    Case("notice: 村 and numerals (黄泥村三…)", N23, lambda: citation("黄泥村三")),
    Case("notice: numerals then 号 (no lookbehind hit)", N23, lambda: citation("三", tail="号")),
    Case("notice: 小区 repeated", N23, lambda: citation("测测小区")),
    # YAML shapes at and past the loader's limits.
    Case(f"yaml: flow lists {MAX_DEPTH} deep (the limit)", M, lambda: nested(MAX_DEPTH)),
    Case(f"yaml: flow lists {MAX_DEPTH + 1} deep", M, lambda: nested(MAX_DEPTH + 1)),
    Case(f"yaml: block mappings {MAX_DEPTH} deep", M, lambda: block_nested(MAX_DEPTH)),
    Case(f"yaml: block mappings {MAX_DEPTH + 1} deep", M, lambda: block_nested(MAX_DEPTH + 1)),
    Case("yaml: [ repeated (unclosed)", M, lambda: fill("deeds: ", "[")),
    Case("yaml: [], repeated in one list", M, lambda: fill(MARTYR + "tags: [", "[],", "]\n")),
    Case("yaml: {}, repeated in one list", M, lambda: fill(MARTYR + "tags: [", "{},", "]\n")),
    Case("yaml: a flow list of one-letter items", M, lambda: fill(MARTYR + "tags: [", "a,", "a]\n")),
    Case("yaml: distinct tags (guard per value)", M, lambda: distinct_tags()),
    Case(f"yaml: aliases, {MAX_ALIAS_VALUES:,} values (the limit)", M, lambda: aliases(100, 100)),
    Case(f"yaml: aliases, {MAX_ALIAS_VALUES + 1:,} values", M, lambda: aliases(100, 100, one_more=True)),
    Case("yaml: aliases of aliases (billion laughs)", M,
         lambda: padded(MARTYR + "a: &a [x, x, x, x, x, x, x, x, x, x]\n" + "".join(
             f"{chr(98 + i)}: &{chr(98 + i)} [" + ", ".join([f"*{chr(97 + i)}"] * 10) + "]\n" for i in range(8)))),
    Case("yaml: merge keys <<: *s in 3,000 sources", M,
         lambda: padded("name: 测试\ns: &s {title: 测试资料, where: 测试}\nsources:\n" + "  - <<: *s\n" * 3000)),
    Case("yaml: <<: {} repeated in one mapping", M, lambda: fill(MARTYR, "<<: {}\n")),
    Case("yaml: <<: [] of many mappings", M, lambda: fill(MARTYR + "<<: [", "{},", "{}]\n")),
    Case("yaml: tens of thousands of unknown keys", M, lambda: many_keys("k{}: x\n")),
    Case("yaml: unknown keys close to field names", M, lambda: many_keys("sourcex{}: x\n")),
    Case("yaml: one key of 1 MiB", M, lambda: fill(MARTYR + "? ", "测", "\n: x\n")),
    Case("yaml: duplicate keys (the second one)", M, lambda: fill(MARTYR + "name: 二\n# ", "x", "\n")),
    Case("yaml: many sources", M, lambda: fill("name: 测试\nsources:\n", "  - title: 测试资料\n    where: 测试\n")),
    Case("yaml: many sources, each a phone number", M,
         lambda: many_numbered("name: 测试\nsources:\n", "  - title: 1380013{:04d}\n    where: 测试\n")),
    Case("yaml: many sources, each a phone and an unknown key", M,
         lambda: many_numbered("name: 测试\nsources:\n", "  - title: 1380013{:04d}\n    where: 测试\n    x: 1\n")),
    Case("yaml: 5,000-digit decimal number", M, lambda: padded(MARTYR + "summary: " + "9" * 5000 + "\n")),
    Case("yaml: 1 MiB hex number as a name", M, lambda: fill(MARTYR.replace("name: 测试\n", "") + "name: 0x", "f", "\n")),
    Case("yaml: 1 MiB hex number as a date", M, lambda: fill(MARTYR + "died: 0x", "f", "\n")),
    Case("yaml: 5,000-digit hex number as a date", M, lambda: padded(MARTYR + "died: 0x" + "f" * 5000 + "\n")),
    Case("yaml: 1 MiB sexagesimal number 1:0:0…", M, lambda: fill(MARTYR + "summary: 1", ":0", "\n")),
    Case("yaml: 1 MiB binary number", M, lambda: fill(MARTYR + "summary: 0b1", "0", "\n")),
    Case("yaml: 1 MiB float", M, lambda: fill(MARTYR + "summary: 1.", "5", "e+5\n")),
    Case("yaml: 1 MiB date 1927-…", M, lambda: fill(MARTYR + "died: 1927-", "1", "\n")),
    Case("yaml: 1 MiB date 民国十…年", M, lambda: fill(MARTYR + "died: 民国", "十", "年\n")),
    Case("yaml: 1 MiB date 民国 digits 年", M, lambda: fill(MARTYR + "died: 民国", "1", "年\n")),
    Case("yaml: 1 MiB original wording of a date", M,
         lambda: fill(MARTYR + "died:\n  date: 1927\n  original: ", "测", "\n")),
    Case("yaml: one scalar of 1 MiB", M, lambda: fill("", "测")),
    Case("yaml: one plain value of 1 MiB", M, lambda: fill(MARTYR + "summary: ", "测", "\n")),
    Case("yaml: one line of 1 MiB, quoted with escapes", M, lambda: fill(MARTYR + 'summary: "', "\\t", '"\n')),
    Case("yaml: documents --- repeated", M, lambda: fill(MARTYR, "---\n")),
    Case("yaml: comments only", M, lambda: fill("", "#\n")),
    Case("yaml: anchors -&-&… in text (no real anchor)", M, lambda: fill(MARTYR + "summary: ", "-&", "x[\n")),
    Case("yaml: tab-indented junk", M, lambda: fill(MARTYR + "summary: x\n", "\t- a\n")),
    # Award notices: lists of many.
    Case("honors: 10,000 notices, no totals.yml", N23, lambda: notices(10_000, 2023)),
    Case("honors: 10,000 notices, year with totals.yml", N22, lambda: notices(10_000, 2022)),
    Case("honors: 10,000 notices of one full name (repeats)", N23,
         lambda: notices(10_000, 2023, ", name_display: 全名", name="张三")),
    Case("honors: 10,000 notices, each a phone number", N23,
         lambda: notices(10_000, 2023, ", citation: 电话13800138000")),
    Case("honors: 10,000 notices in the wrong year folder", N22, lambda: notices(10_000, 2023)),
    Case("honors: a notice year as a 1 MiB hex number", N23, lambda: hex_year()),
    Case("honors: totals as 1 MiB hex numbers", "honors/2023/totals.yml",
         lambda: fill("total: 1\ntotals:\n  三等功: 0x", "f", "\n")),
    Case("honors: totals with many unknown classes", "honors/2023/totals.yml",
         lambda: many_keys("totals:\n", "  c{}: 1\n")),
    Case("honors: one name of 1 MiB shown as 张某", N23,
         lambda: fill("- name: 张", "三", "\n  award: 三等功\n  year: 2023\n  township: 白沙镇\n  citation: 张三三\n")),
    # Markdown in deeds.
    Case("markdown: many links [x](../y/index.md)", M, lambda: deeds("[x](../y/index.md)\n")),
    Case("markdown: many images", M, lambda: deeds("![照片](../photos/x.jpg)\n")),
    Case("markdown: many headings", M, lambda: deeds("# 标题\n")),
    Case("markdown: nested emphasis and lists", M, lambda: deeds("- *a **b** `c`*\n")),
    Case("markdown: an HTML table", M, lambda: deeds("<table><tr><td>测</td></tr></table>")),
    # Other fields.
    Case("photos: many entries naming the file itself", M,
         lambda: fill(MARTYR + "photos:\n", "  - {file: hostile.yml, alt: 照片, credit: 测试}\n")),
    Case("photos: many entries, missing files", M,
         lambda: fill(MARTYR + "photos:\n", "  - {file: none.jpg, alt: 照片, credit: 测试}\n")),
    Case("photos: one path of 1 MiB", M, lambda: fill(MARTYR + "photos:\n  - {alt: 照片, credit: 测试, file: ", "a/", "x}\n")),
    Case("events: many unknown martyr ids", EVENT,
         lambda: many_numbered("title: 测试\ndate: 2022\ntype: 清明祭英烈\nmartyrs:\n", "  - m{}\n")),
    Case("facility: unknown resting facility", M, lambda: fill(MARTYR + "resting_facility: ", "a", "\n")),
    Case("bytes: invalid UTF-8 at the end", M, lambda: fill(MARTYR + "summary: ", "测", "\n").encode() + b"\xff"),
    Case("bytes: an invisible character at the end", M, lambda: fill(MARTYR + "summary: ", "测", "\u200b\n")),
]


def distinct_tags() -> str:
    return many_numbered(MARTYR + "tags:\n", "  - t{}\n")


def hex_year() -> str:
    head = "- name: 张某\n  award: 三等功\n  township: 白沙镇\n  year: 0x"
    return fill(head, "f", "\n")


def many_numbered(head: str, unit: str, tail: str = "") -> str:
    """head, then `unit` formatted with 0, 1, 2 … while it fits."""
    parts, size, number = [head], len(head.encode()) + len(tail.encode()), 0
    while True:
        part = unit.format(number)
        if size + len(part.encode()) > SIZE:
            break
        parts.append(part)
        size += len(part.encode())
        number += 1
    return "".join(parts) + tail


def many_keys(unit: str, more: str | None = None) -> str:
    if more is not None:  # a fixed head, then the numbered keys
        return many_numbered(unit, more)
    return many_numbered(MARTYR, unit)


# --- Running check -----------------------------------------------------------------------------

def prepare(folder: Path) -> None:
    copy_parts(folder, SOURCES)  # settings, pages, theme, code and every record kind's folder


@dataclass(eq=False)
class Result:
    case: str
    size: int
    seconds: float  # wall time of the check
    cpu: float  # its CPU time (user + system): what the wall time is on an idle machine
    problems: int
    first: str
    verdict: str  # "ok", "traceback", "timeout", "no message"


def _children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def check(folder: Path, timeout: float) -> tuple[float, float, subprocess.CompletedProcess | None]:
    """(wall seconds, CPU seconds, the finished check or None after `timeout`)."""
    env = {**os.environ, "PYTHONPATH": "hooks", "NO_MKDOCS_2_WARNING": "1", "YINGLIE_LANG": "en"}
    cpu, start = _children_cpu(), time.perf_counter()
    try:
        done = subprocess.run([sys.executable, "-m", "yinglie", "check"], cwd=folder, env=env,
                              capture_output=True, text=True, timeout=timeout)
    except subprocess.TimeoutExpired:
        done = None  # the child was killed and waited for: its CPU time is counted
    return time.perf_counter() - start, _children_cpu() - cpu, done


def run_case(folder: Path, case: Case, timeout: float) -> Result:
    path = folder / case.path
    path.parent.mkdir(parents=True, exist_ok=True)
    data = case.make()
    data = data.encode() if isinstance(data, str) else data
    assert len(data) <= DEFAULT_MAX_BYTES, f"{case.name}: {len(data)} bytes, over the limit"
    path.write_bytes(data)
    try:
        seconds, cpu, done = check(folder, timeout)
    finally:
        path.unlink()
    if done is None:
        return Result(case.name, len(data), seconds, cpu, 0, f"stopped after {timeout:.0f} s", "timeout")
    found = [line for line in done.stderr.splitlines() if PROBLEM_LINE.match(line)]
    if "Traceback (most recent call last)" in done.stderr:
        last = done.stderr.strip().splitlines()[-1]
        return Result(case.name, len(data), seconds, cpu, len(found), last, "traceback")
    if done.returncode != 0 and not found:
        return Result(case.name, len(data), seconds, cpu, 0, (done.stderr.strip().splitlines() or [""])[-1],
                      "no message")
    counted = SUMMARY.search(done.stderr)  # the report lists at most some problems of a file
    shown = found[0] if found else "(no problem: records OK)"
    return Result(case.name, len(data), seconds, cpu, int(counted[1]) if counted else len(found), shown, "ok")


def short(text: str, width: int = 90) -> str:
    text = text.replace("|", "\\|")
    return text if len(text) <= width else text[:width - 1] + "…"


def table(results: list[Result], baseline: Result) -> str:
    lines = ["| case | file, KiB | check wall, s | check CPU, s | CPU over baseline, s | problems | first problem line |",
             "|---|---:|---:|---:|---:|---:|---|"]
    for r in [baseline, *results]:
        wall = f">{r.seconds:.0f}" if r.verdict == "timeout" else f"{r.seconds:.2f}"
        first = r.first if r.verdict == "ok" else f"**{r.verdict.upper()}**: {r.first}"
        lines.append(f"| {short(r.case, 60)} | {r.size / 1024:,.0f} | {wall} | {r.cpu:.2f} | "
                     f"{r.cpu - baseline.cpu:+.2f} | {r.problems:,} | {short(first)} |")
    return "\n".join(lines)


def summary(results: list[Result], baseline: Result) -> str:
    worst = max(results, key=lambda r: (r.verdict == "timeout", r.seconds))
    worst_cpu = max(results, key=lambda r: (r.verdict == "timeout", r.cpu))
    broken = [r for r in results if r.verdict != "ok"]
    slow_wall = [r for r in results if r.seconds > TARGET_SECONDS]
    slow_cpu = [r for r in results if r.cpu > TARGET_SECONDS]
    lines = [f"baseline (check of the unmodified copy, median of 3): {baseline.seconds:.2f} s wall, "
             f"{baseline.cpu:.2f} s CPU",
             f"worst case, wall: {worst.case}: {worst.seconds:.2f} s ({worst.cpu:.2f} s CPU)",
             f"worst case, CPU:  {worst_cpu.case}: {worst_cpu.cpu:.2f} s ({worst_cpu.seconds:.2f} s wall)",
             f"target {TARGET_SECONDS:.0f} s: {len(results) - len(slow_wall)} of {len(results)} cases under it in "
             f"wall time, {len(results) - len(slow_cpu)} in CPU time; {len(broken)} ended without messages "
             "(traceback or timeout)"]
    for r in results:
        if r in broken or r in slow_cpu:
            lines.append(f"  {r.case}: {r.seconds:.2f} s wall, {r.cpu:.2f} s CPU, {r.verdict}")
    load = os.getloadavg()[0]
    if load > (os.cpu_count() or 1):
        lines.append(f"note: load average {load:.1f} on {os.cpu_count()} cores at the end of the run: wall times "
                     "include waiting for other processes, CPU times do not; cases listed above are the "
                     "failed ones and those over the target in CPU time")
    return "\n".join(lines)


def run(only: list[str] | None = None, timeout: float = 60, out: Path | None = None) -> tuple[list[Result], Result]:
    folder = Path(tempfile.mkdtemp(prefix="hostile-", dir=out)) / "project"
    prepare(folder)
    try:
        runs = sorted((check(folder, timeout)[:2] for _ in range(3)), key=lambda run: run[0])
        wall, cpu = runs[1]
        baseline = Result("(baseline: the project's own records)", 0, wall, cpu, 0, "(no problem: records OK)", "ok")
        results = []
        for case in CASES:
            if only and not any(word.lower() in case.name.lower() for word in only):
                continue
            result = run_case(folder, case, timeout)
            print(f"  {result.seconds:6.2f} s wall {result.cpu:6.2f} s CPU  {result.verdict:9}  {case.name}",
                  file=sys.stderr, flush=True)
            results.append(result)
        return results, baseline
    finally:
        shutil.rmtree(folder.parent, ignore_errors=True)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--only", nargs="+", help="run only the cases whose name holds one of these words")
    parser.add_argument("--timeout", type=float, default=60, help="stop a check after this many seconds")
    parser.add_argument("--list", action="store_true", help="list the cases and their file sizes")
    args = parser.parse_args(argv)
    if args.list:
        for case in CASES:
            data = case.make()
            print(f"{len(data.encode() if isinstance(data, str) else data):>9,}  {case.path:28} {case.name}")
        return 0
    results, baseline = run(args.only, args.timeout)
    print()
    print(table(results, baseline))
    print()
    print(summary(results, baseline))
    return 0


if __name__ == "__main__":
    sys.exit(main())
