"""The project works on any valid content, not only on the demo records.

A district that adopts the site deletes the demo records, adds its own martyrs, a new
year of notices with its totals, events and facilities. Each scenario below makes such
a project copy from the project's own records and runs what staff and CI run:
`python -m yinglie check`, `build` and the link checker. The rest of the suite builds
from the frozen demo in tests/fixtures/records, so it cannot break on these either.

`python tests/test_any_content.py DIR [--martyrs N] [--year Y] [--delete-demo]` applies the "staff added
records" scenario to a clone in DIR (to run the whole suite on it by hand).
"""

from __future__ import annotations

import re
import shutil
import sys
import textwrap
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))
from conftest import ROOT, Project, copy_project  # noqa: E402
from mkdocs.config import load_config  # noqa: E402
from PIL import Image  # noqa: E402
from yinglie.config import settings_from  # noqa: E402
from yinglie.kinds import KINDS  # noqa: E402
from yinglie.synthdata import write_martyrs  # noqa: E402

# The demo's own record files, of every kind the site reads (kinds.KINDS): what a
# district deletes when it adopts the site.
DEMO_RECORDS = tuple(f"{kind.folder}/{kind.pattern}" for kind in KINDS)

NOTICES = """
- name: 甲某
  name_display: 姓加某
  award: {award}
  year: {year}
  township: {township}
  citation: 荣立三等功一次，特此报喜。
  consent: true
  consent_record: 测试数据，本人书面同意
- name: 乙某
  name_display: 姓加某
  award: {other_award}
  year: {year}
  township: {other_township}
  consent: false
"""

TOTALS = """
source: 测试数据：本年度上报喜报 2 个
total: 2
totals:
  {award}: 1
  {other_award}: 1
"""

FACILITY = """
name: 测试烈士陵园
type: {facility_type}
level: {facility_level}
built: 1958
summary: 测试用纪念设施。
photos:
  - file: photos/test-lingyuan-gate.jpg
    alt: 测试陵园大门
    credit: 测试数据
sources:
  - title: 测试资料
    where: 测试
"""

EVENT = """
title: {year}年纪念测试活动
date: {year}-04-05
type: {event_type}
summary: 测试用纪念活动。
sources:
  - title: 测试资料
    where: 测试
"""


def delete_demo(root: Path) -> None:
    for pattern in DEMO_RECORDS:
        for path in root.glob(pattern):
            path.unlink()


def next_year(root: Path) -> str:
    """The year after the newest year of notices the project holds: a new round."""
    years = [int(folder.name) for folder in (root / "honors").glob("*") if folder.name.isdigit()]
    return str(max(years, default=2022) + 1)


def choices(root: Path) -> dict[str, str]:
    """Values the project's own settings allow (a district has its own towns)."""
    config = load_config(str(root / "mkdocs.yml"))
    settings = settings_from(config.extra, root)
    honors, events = settings.honors, settings.events
    return {
        "award": honors.award_classes[0], "other_award": honors.award_classes[-1],
        "township": honors.townships[0], "other_township": honors.townships[-1],
        "event_type": next(kind for kind in events.types if kind != events.outreach_type),
        "facility_type": settings.facility_types[0], "facility_level": settings.facility_levels[0],
    }


def add_records(root: Path, martyrs: int, year: str | None = None) -> str:
    """What staff add: martyrs, a new year of notices with its totals, an event, a
    facility with a photo. Returns the year of the notices."""
    year = year or next_year(root)
    values = {**choices(root), "year": year}
    write_martyrs(root, martyrs, seed=13)
    for relative, text in ((f"honors/{year}/round-1.yml", NOTICES),
                           (f"honors/{year}/totals.yml", TOTALS),
                           ("martyrs/memorials/test-lingyuan.yml", FACILITY),
                           (f"events/{year}-memorial-test.yml", EVENT)):
        path = root / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        filled = re.sub(r"\{(\w+)\}", lambda match: values[match.group(1)], text)
        path.write_text(textwrap.dedent(filled).lstrip("\n"), encoding="utf-8")
    # A phone camera's ordinary photo (12 megapixels): no test may lower the photo
    # limit below it on the project's own records.
    photo = root / "martyrs" / "memorials" / "photos" / "test-lingyuan-gate.jpg"
    photo.parent.mkdir(parents=True, exist_ok=True)
    Image.linear_gradient("L").resize((4000, 3000)).convert("RGB").save(photo, quality=60)
    return year


def check_build_linkcheck(project: Project) -> None:
    """What `make check`, `make build` and `make linkcheck` run, and what must hold for any content."""
    checked = project.check()
    assert checked.returncode == 0, checked.stderr
    assert "记录检查通过 / records OK" in checked.stdout
    built = project.build()
    assert built.returncode == 0, built.stderr
    assert (project.site / "index.html").is_file()
    linked = project.run_module("yinglie.linkcheck")
    assert linked.returncode == 0, linked.stdout + linked.stderr


@pytest.fixture
def own_project(tmp_path) -> Project:
    """A copy of the project with its own records (whatever they are), not the fixture's."""
    return copy_project(tmp_path / "project", records=ROOT)


def test_a_project_with_every_demo_record_deleted_checks_and_builds(own_project):
    delete_demo(own_project.root)
    assert not list(own_project.root.glob("martyrs/*.yml"))
    check_build_linkcheck(own_project)
    assert (own_project.site / "martyrs" / "index.html").is_file()


def test_a_project_with_records_added_checks_and_builds(own_project):
    year = add_records(own_project.root, martyrs=30)
    check_build_linkcheck(own_project)
    site = own_project.site
    assert (site / "martyrs" / "synth-00030" / "index.html").is_file()
    assert "甲某" in (site / "honors" / year / "index.html").read_text(encoding="utf-8")
    facility = (site / "memorials" / "test-lingyuan" / "index.html").read_text(encoding="utf-8")
    assert 'alt="测试陵园大门"' in facility
    assert (site / "events" / f"{year}-memorial-test" / "index.html").is_file()


def test_the_demo_replaced_by_new_records_checks_and_builds(own_project):
    delete_demo(own_project.root)
    add_records(own_project.root, martyrs=30)
    check_build_linkcheck(own_project)


if __name__ == "__main__":
    import argparse
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("root", type=Path)
    parser.add_argument("--martyrs", type=int, default=300)
    parser.add_argument("--year", help="the year of the new notices (default: the year after the newest)")
    parser.add_argument("--delete-demo", action="store_true")
    args = parser.parse_args()
    if args.delete_demo:
        delete_demo(args.root)
    add_records(args.root, args.martyrs, args.year)
    shutil.rmtree(args.root / "site", ignore_errors=True)
