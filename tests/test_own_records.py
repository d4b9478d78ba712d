"""The project's own records, whatever they are: they pass `check` and build.

Every other test builds from the demo records kept in tests/fixtures/records, so
that a district's records never break them; this one holds the records the site is
actually built from.
"""

from __future__ import annotations

from conftest import ROOT, copy_project


def test_the_projects_own_records_check_and_build(tmp_path):
    project = copy_project(tmp_path / "project", records=ROOT)
    checked = project.check()
    assert checked.returncode == 0, checked.stderr
    built = project.build()
    assert built.returncode == 0, built.stderr
    assert (project.site / "index.html").is_file()
