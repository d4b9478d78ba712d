"""A year's memorial work in the whole district (维修、迁葬、投入), from a data file.

Annual reviews give district totals without naming each facility, e.g. "投入专项资金
474万元，维修烈士纪念设施18处，迁葬零散烈士墓12座". Such figures are kept as they
were published, one file per year: `martyrs/memorials/work/<year>.yml`, with the
source cited like a martyr record's. They are never spread over invented facilities.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from .config import Settings
from .dates import MAX_YEAR, MIN_YEAR
from .errors import Problems
from .recordparts import SOURCE
from .formats import yuan
from .memorials import MAX_YUAN
from .messages import Text
from .recordfile import Loading, read_record
from .schema import Checker, Field, FieldsAsAttributes, Integer, PlainText, Records, Schema

WORK_YEAR = Schema(
    "memorial_work",
    (
        Field("year", Integer(minimum=MIN_YEAR, maximum=MAX_YEAR), Text("年份", "year"), required=True),
        Field("area", PlainText(max_length=60), Text("范围", "area"), required=True, help="如 江津区"),
        Field("funds_yuan", Integer(minimum=0, maximum=MAX_YUAN), Text("投入资金（元）", "funds (yuan)"),
              help="整数，单位元，如 4740000"),
        Field("facilities_repaired", Integer(minimum=0), Text("维修纪念设施（处）", "facilities repaired")),
        Field("graves_relocated", Integer(minimum=0), Text("迁葬零散烈士墓（座）", "scattered graves relocated")),
        Field("summary", PlainText(max_length=300), Text("概述", "summary")),
        Field("sources", Records(SOURCE, min_items=1), Text("资料来源", "sources"), required=True),
    ),
    title="年度纪念设施工作 / A year's memorial work",
)


@dataclass
class WorkYear(FieldsAsAttributes):
    path: Path
    values: dict

    @property
    def url(self) -> str:
        return f"memorials/work/{self.values['year']}/"

    @property
    def title(self) -> str:
        """The page's title, which search finds it by."""
        return f"{self.values['year']}年{self.values['area']}烈士纪念设施工作"

    @property
    def funds(self) -> str:
        return yuan(self.values["funds_yuan"])


def load_work_years(loading: Loading) -> list[WorkYear]:
    """Read `martyrs/memorials/work/*.yml`, newest year first."""
    settings, problems = loading.settings, loading.problems
    years = []
    for path in sorted((settings.memorials_dir / "work").glob("*.yml")):
        raw = read_record(path, loading)
        if raw is None:
            continue
        values = WORK_YEAR.validate(raw, Checker(path, problems, settings.choices))
        if values is None:
            continue
        if str(values["year"]) != path.stem:
            problems.add(path, raw.line_of("year"), "year", "year_not_file_name", year=values["year"], name=path.name)
            continue
        years.append(WorkYear(path, values))
    return sorted(years, key=lambda y: -y.year)
