"""Classroom themes (专题): staff gather martyrs and events for a lesson, in YAML.

One file per theme, `themes/<id>.yml` (the file name is the page address,
`themes/<id>/`): a title, an introduction, and which records it gathers: martyrs by
id, every martyr of a period, of a native place, or resting at a facility, and
events by id. The classroom kit (classroom.py) makes of it a page, a sheet of story
cards, a projector view and a 致英烈的一封信 writing sheet. A theme writes nothing
about a person: what it shows of each martyr comes from the martyr's record.
"""

from __future__ import annotations

from dataclasses import dataclass

from .errors import Problems
from .messages import Text
from .recordfile import Loading
from .recordkind import ONE, RecordKind, load_one_record_files
from .recordparts import SOURCE
from .schema import Field, Markdown, PlainText, Records, RecordFile, Schema, TextList

THEME = Schema(
    "theme",
    (
        Field("title", PlainText(max_length=60), Text("专题名称", "title"), required=True,
              help="如 清明祭英烈、9·30 烈士纪念日"),
        Field("intro", Markdown(max_length=3000), Text("专题介绍", "introduction")),
        Field("martyrs", TextList(), Text("烈士（记录编号）", "martyrs (record ids)"),
              help="烈士记录的文件名，不带 .yml，如 qi-nanxun"),
        Field("periods", TextList(), Text("历史时期", "historical periods"),
              help="收录这些历史时期的全部烈士，如 解放战争时期"),
        Field("native_places", TextList(), Text("籍贯", "native places"),
              help="收录籍贯与此完全相同的全部烈士"),
        Field("facilities", TextList(), Text("纪念设施（记录编号）", "memorial facilities (record ids)"),
              help="收录安息于这些纪念设施的全部烈士"),
        Field("events", TextList(), Text("纪念活动（记录编号）", "events (record ids)")),
        Field("sources", Records(SOURCE), Text("资料来源", "sources")),
    ),
    title="课堂专题 / Classroom theme",
)

_SELECTORS = ("martyrs", "periods", "native_places", "facilities", "events")


@dataclass
class Theme(RecordFile):
    """A checked classroom theme. `values` holds every schema field, defaults filled."""

    @property
    def url(self) -> str:
        return f"themes/{self.id}/"

    def gathers(self, martyr) -> bool:
        """Whether the theme gathers this martyr (by id, period, native place or facility)."""
        return (martyr.id in self.values["martyrs"] or martyr.period in self.values["periods"]
                or martyr.native_place in self.values["native_places"]
                or bool(martyr.resting_facility) and martyr.resting_facility in self.values["facilities"])


# Where the files are and how they read; kinds.py adds the theme's pages to it.
THEME_FILES = RecordKind("theme", "themes", "*.yml", ONE, THEME, False,
                         "title: 测试专题\nperiods: [解放战争时期]\n", "kind-test.yml",
                         label=Text("课堂专题", "classroom themes"))


def load_themes(loading: Loading) -> list[Theme]:
    """Every `themes/*.yml`, checked; the ids they name are checked across kinds."""
    periods = set(loading.settings.choices("periods"))

    def make(path, raw, values, check):
        if not any(values[name] for name in _SELECTORS):
            check.problems.add(path, 1, "martyrs", "theme_gathers_nothing")
            return None
        for index, period in enumerate(values["periods"]):
            if period not in periods:
                check.problems.add(path, raw.line_of("periods"), f"periods[{index + 1}]", "theme_unknown_period",
                                   value=period, allowed="、".join(sorted(periods)))
        return Theme(path.stem, path, values, dict(raw.key_lines))

    return load_one_record_files(THEME_FILES, loading, make)


def check_themes_across(records: dict, problems: Problems) -> None:
    """The martyrs, facilities and events a theme names by id have records."""
    known = {
        "martyrs": ({m.id for m in records.get("martyr", [])}, "unknown_martyr"),
        "facilities": ({f.id for f in records.get("facility", [])}, "theme_unknown_facility"),
        "events": ({e.id for e in records.get("event", [])}, "theme_unknown_event"),
    }
    for theme in records.get("theme", []):
        for name, (ids, key) in known.items():
            for index, record_id in enumerate(theme.values[name]):
                if record_id not in ids:
                    problems.add(theme.path, theme.lines.get(name, 1), f"{name}[{index + 1}]", key, id=record_id)
