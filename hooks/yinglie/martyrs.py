"""Martyr records (烈士): the schema, the rules between fields, and loading.

One YAML file per martyr, `martyrs/<id>.yml`; the file name is the page address.
The fields follow what official rolls hold (see the README's field table).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from .config import Settings
from .dates import FuzzyDate
from .errors import Problems
from .recordfile import Loading, read_and_check, valid_id
from .messages import Text
from .photos import PHOTO, WebPhoto, web_photos
from .recordcache import photo_dependencies
from .recordparts import RELOCATION, SOURCE
from .schema import (Checker, Choice, Date, Field, Markdown, Pinyin, PlainText, Records, RecordFile, Schema,
                     TextList, Url)
from .yamlsource import Located

UNNAMED = "无名烈士"

# A version of the story for one school stage, written by staff (never by the build):
# the classroom kit (classroom.py) shows it on story cards and the projector view.
STAGE_STORY = Schema(
    "stage_story",
    (
        Field("stage", Choice("school_stages"), Text("学段", "school stage"), required=True,
              help="小学、初中 或 高中 / primary, junior or senior school"),
        Field("text", PlainText(max_length=3000), Text("故事正文", "story"), required=True,
              help="工作人员撰写，空行分段 / written by staff; a blank line between paragraphs"),
        Field("sources", Records(SOURCE, min_items=1), Text("资料来源", "sources"), required=True),
        Field("questions", TextList(), Text("讨论题", "discussion questions")),
    ),
    title="分学段故事 / Story for a school stage",
)

MARTYR = Schema(
    "martyr",
    (
        Field("name", PlainText(max_length=40), Text("姓名", "name"), required=True,
              help="无名烈士写“无名烈士” / write 无名烈士 for an unnamed martyr"),
        Field("surname", PlainText(max_length=4), Text("姓", "surname"),
              help="复姓或姓名写法特殊时填写 / for compound surnames"),
        Field("surname_pinyin", Pinyin(), Text("姓的读音", "surname reading"),
              help="多音字姓氏的读音，如 曾 zeng、单 shan、仇 qiu"),
        Field("name_pinyin", Pinyin(), Text("姓名拼音", "name in pinyin")),
        Field("gender", Choice("genders"), Text("性别", "gender")),
        Field("ethnicity", PlainText(max_length=20), Text("民族", "ethnicity")),
        Field("native_place", PlainText(max_length=100), Text("籍贯", "native place")),
        Field("born", Date(), Text("出生时间", "born")),
        Field("joined", Date(), Text("参加革命（工作）时间", "joined the revolution or service")),
        Field("unit", PlainText(max_length=200), Text("生前单位", "unit")),
        Field("position", PlainText(max_length=200), Text("职务", "position")),
        Field("merits", PlainText(max_length=500), Text("生前立功情况", "merits")),
        Field("died", Date(), Text("牺牲时间", "died")),
        Field("death_place", PlainText(max_length=200), Text("牺牲地点", "place of death")),
        Field("period", Choice("periods"), Text("历史时期", "historical period"),
              help="须与牺牲时间相符 / must agree with the death date"),
        Field("burial", PlainText(max_length=200), Text("安葬地", "resting place")),
        Field("summary", PlainText(max_length=200), Text("简介", "summary")),
        Field("deeds", Markdown(), Text("生平事迹", "deeds"),
              help="只写资料来源所载的内容 / only what the sources say"),
        Field("sources", Records(SOURCE, min_items=1), Text("资料来源", "sources"), required=True),
        Field("tags", TextList(), Text("标签", "tags")),
        Field("resting_facility", PlainText(max_length=80), Text("安息的纪念设施", "resting facility"),
              help="纪念设施记录的编号，即 martyrs/memorials/ 下的文件名（不含 .yml）"),
        Field("relocations", Records(RELOCATION), Text("迁葬记录", "relocations")),
        Field("photos", Records(PHOTO), Text("照片", "photos"), public=False),
        Field("tracing", Choice("tracing_statuses"), Text("寻亲状态", "family tracing"),
              help="为烈士寻亲：寻亲中 / 已找到亲属（见 extra.tracing.statuses）；不寻亲则不填"),
        Field("stories", Records(STAGE_STORY), Text("分学段故事", "stories by school stage"),
              help="每个学段最多一篇；没有的学段，课堂材料使用简介和生平事迹原文"),
    ),
    title="烈士记录 / Martyr record",
)


@dataclass
class Martyr(RecordFile):
    """A validated martyr record. `values` holds every schema field, defaults filled."""

    web_photos: list[WebPhoto] = field(repr=False, default_factory=list)

    @property
    def unnamed(self) -> bool:
        return self.values["name"] in ("", UNNAMED)

    @property
    def display_name(self) -> str:
        return UNNAMED if self.unnamed else self.values["name"]

    @property
    def url(self) -> str:
        """The page address relative to the site root."""
        return f"martyrs/{self.id}/"

    def story_for(self, stage: str) -> dict | None:
        """The staff-written story for a school stage (小学, 初中, 高中), or None."""
        return next((story for story in self.values["stories"] if story["stage"] == stage), None)


def load_martyrs(loading: Loading) -> list[Martyr]:
    """Read and check every `martyrs/*.yml`; problems go to `loading.problems`.
    Martyrs already checked in this session are kept while their files are unchanged
    (recordcache.py): `mkdocs serve` rebuilds after every edit."""
    settings = loading.settings
    return loading.checked("martyr").load_all(sorted(settings.martyrs_dir.glob("*.yml")), settings, loading.problems,
                                              lambda path: load_martyr(path, loading),
                                              lambda martyr: photo_dependencies(martyr.web_photos))


def load_martyr(path: Path, loading: Loading) -> Martyr | None:
    settings = loading.settings
    read = read_and_check(path, MARTYR, loading)
    if read is None:
        return None
    raw, check, values = read
    photos = web_photos(raw, check, settings)
    if values is None:
        return None
    _check_between_fields(values, raw, settings, check)
    if not valid_id(path):
        return None
    return Martyr(path.stem, path, values, dict(raw.key_lines), photos)


def _check_between_fields(values: dict, raw: Located, settings: Settings, check: Checker) -> None:
    born: FuzzyDate = values["born"]
    died: FuzzyDate = values["died"]
    joined: FuzzyDate = values["joined"]
    if died.surely_before(born):
        check.problems.add(check.path, raw.line_of("died"), "died", "death_before_birth", died=died, born=born)
    if joined.surely_before(born):
        check.problems.add(check.path, raw.line_of("joined"), "joined", "joined_before_birth", joined=joined, born=born)
    period = settings.period(values["period"])
    if period and died.known and not period.admits(died.earliest, died.latest):
        check.problems.add(
            check.path, raw.line_of("period"), "period", "period_mismatch",
            period=period.name, died=died, start=period.start.isoformat(), end=period.end.isoformat(),
        )
    _check_one_story_per_stage(values, raw, check)
    surname = values["surname"]
    if surname and not values["name"].startswith(surname):
        check.problems.add(check.path, raw.line_of("surname"), "surname", "surname_not_prefix",
                           surname=surname, name=values["name"])


def _check_one_story_per_stage(values: dict, raw: Located, check: Checker) -> None:
    seen: set[str] = set()
    items = raw.get("stories")
    for index, story in enumerate(values["stories"]):
        if story["stage"] in seen:
            line = items.item_lines[index] if hasattr(items, "item_lines") else raw.line_of("stories")
            check.problems.add(check.path, line, f"stories[{index + 1}].stage", "story_stage_twice",
                               stage=story["stage"])
        seen.add(story["stage"])
