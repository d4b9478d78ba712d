"""Synthetic award notices and memorial facilities (for `make bench`), on a real build."""

from __future__ import annotations

import json

from yinglie.honors import write_synthetic as write_notices
from yinglie.memorials import write_synthetic as write_facilities
from yinglie.synthetic import MARK, Sizes, generate


def _data(site, name):
    return json.loads((site / "data" / name).read_text(encoding="utf-8"))


def test_generate_writes_every_kind_and_the_build_publishes_them(project):
    demo_totals = (project.root / "honors/2022/totals.yml").read_text(encoding="utf-8")
    written = generate(project.root, Sizes(martyrs=20, notices=200, facilities=5), seed=2)
    assert written == {"martyrs": 20, "notices": 200, "facilities": 5}

    result = project.check()
    assert result.returncode == 0, result.stderr
    assert f"烈士 / martyrs: {len(list((project.root / 'martyrs').glob('*.yml')))}" in result.stdout.splitlines()

    # The demo year with declared totals is left alone, so its totals still add up.
    assert not (project.root / "honors/2022/synthetic.yml").exists()
    assert (project.root / "honors/2022/totals.yml").read_text(encoding="utf-8") == demo_totals

    result = project.build()
    assert result.returncode == 0, result.stderr
    honors = _data(project.site, "honors.json")
    synthetic = [n for n in honors["notices"] if MARK in (n["citation"] or "")]
    assert len(synthetic) == 200  # every one published: consent is recorded
    assert all(n["name"].endswith("某") and len(n["name"]) == 2 for n in synthetic)
    assert {n["year"] for n in synthetic} == set(range(2015, 2025)) - {2022}

    memorials = _data(project.site, "memorials.json")
    made = [f for f in memorials["facilities"] if f["id"].startswith("syn-")]
    assert sorted(f["id"] for f in made) == [f"syn-{n:03d}" for n in range(1, 6)]
    assert all(f["name"].startswith("合成测试") and MARK in f["summary"] for f in made)
    assert len({f["type"] for f in made}) == 5 and len({f["level"] for f in made}) > 1
    assert (project.site / "memorials" / "syn-003" / "index.html").is_file()


def test_same_seed_same_files(project, tmp_path):
    write_notices(project.root, 30, seed=7)
    write_facilities(project.root, 3, seed=7)
    first = {p: p.read_bytes() for p in (*project.root.glob("honors/*/synthetic.yml"),
                                         *project.root.glob("martyrs/memorials/syn-*.yml"))}
    write_notices(project.root, 30, seed=7)
    write_facilities(project.root, 3, seed=7)
    assert {p: p.read_bytes() for p in first} == first
    assert len(first) == 9 + 3  # nine years without declared totals, three facilities
