"""The column headers of the rolls a bureau keeps, and which record field each one fills.

A roll (烈士英名录, 送喜报登记表, a list of memorial facilities or events) names its
columns in words, not field names: 姓名、出生年月、入伍（参加革命）时间、生前单位及职务.
This table says, per record kind, which headers fill which field; the first header
of each field is the one an export writes, so that an exported sheet reads back.
A district's own headers are added with a mapping file (importing.py).

Three more kinds of column:
- combined: one column for two fields (生前单位及职务 -> unit and position), split
  where the text says where, otherwise kept whole in the first;
- sources: 资料来源、资料出处、原文摘录、资料网址, the parts of the records' sources;
- private: columns that hold what must never be published (身份证号, 联系电话,
  家庭住址, 银行账号…): dropped with a warning, whatever a mapping file says.
"""

from __future__ import annotations

import re
import unicodedata

# Fields of a record's first source, as columns. Several sources: one a line in each cell.
SOURCE_PARTS = {"source.title": "title", "source.where": "where", "source.quote": "quote", "source.url": "url"}
_SOURCE_HEADERS = {
    "source.title": ("资料来源", "来源", "资料名称", "出处文献"),
    "source.where": ("资料出处", "出处", "来源出处", "查阅之处"),
    "source.quote": ("原文摘录", "资料摘录", "摘录"),
    "source.url": ("资料网址", "来源网址", "网址", "链接"),
}

HEADERS: dict[str, dict[str, tuple[str, ...]]] = {
    "martyr": {
        "name": ("姓名", "烈士姓名", "名字"),
        "surname": ("姓", "复姓"),
        "surname_pinyin": ("姓的读音", "姓氏读音"),
        "name_pinyin": ("姓名拼音", "拼音"),
        "gender": ("性别",),
        "ethnicity": ("民族",),
        "native_place": ("籍贯", "出生地", "家乡"),
        "born": ("出生时间", "出生年月", "出生日期", "出生年月日", "生年"),
        "joined": ("参加革命（工作）时间", "入伍时间", "参加革命时间", "入伍（参加革命）时间", "参加工作时间",
                   "入伍或参加革命时间", "入伍/参加革命时间", "参军时间"),
        "unit": ("生前单位", "单位", "所在部队", "生前所在单位"),
        "position": ("职务", "生前职务", "职别"),
        "merits": ("生前立功情况", "立功情况", "立功受奖情况", "荣誉"),
        "died": ("牺牲时间", "牺牲日期", "牺牲年月", "牺牲年月日", "逝世时间"),
        "death_place": ("牺牲地点", "牺牲地"),
        "period": ("历史时期", "牺牲时期", "时期"),
        "burial": ("安葬地", "安葬地点", "安葬地址", "墓葬地点", "安葬处"),
        "summary": ("简介", "简要事迹", "一句话简介"),
        "deeds": ("生平事迹", "主要事迹", "事迹", "英雄事迹", "牺牲原因及事迹", "牺牲经过", "牺牲原因"),
        "tags": ("标签",),
        "resting_facility": ("安息的纪念设施", "纪念设施编号"),
    },
    "facility": {
        "name": ("设施名称", "名称", "纪念设施名称"),
        "type": ("设施类型", "类型", "类别"),
        "level": ("保护级别", "级别"),
        "address": ("地址", "所在地", "位置", "地点"),
        "coordinates": ("坐标", "经纬度"),
        "built": ("建成时间", "始建时间", "建成年份", "修建时间"),
        "opening": ("开放信息", "开放时间"),
        "summary": ("简介",),
        "description": ("详细介绍", "介绍", "基本情况"),
    },
    "event": {
        "title": ("活动名称", "名称", "标题"),
        "date": ("日期", "活动日期", "活动时间", "时间"),
        "type": ("活动类型", "类型"),
        "target": ("“五进”对象", "五进对象", "对象"),
        "place": ("地点", "活动地点"),
        "organisers": ("组织单位", "主办单位", "承办单位"),
        "martyrs": ("相关烈士（记录编号）", "相关烈士", "烈士编号"),
        "count": ("场次/人次", "场次", "人次", "数量"),
        "count_unit": ("计数单位",),
        "count_more": ("“余”（不少于）", "余"),
        "summary": ("简介",),
        "body": ("详细内容", "内容", "活动内容"),
    },
    "notice": {
        "name": ("姓名", "受奖人姓名", "立功人员姓名", "受奖人"),
        "surname": ("姓", "复姓"),
        "name_display": ("姓名显示方式", "姓名显示"),
        "award": ("奖励类别", "奖励", "立功类别", "奖励等级", "荣誉类别"),
        "year": ("年度", "年份", "立功年度"),
        "township": ("所在镇街", "镇街", "镇（街道）", "乡镇（街道）", "镇街道", "所属镇街"),
        "branch": ("服役单位（只写到“某部”）", "服役单位", "军种", "部别"),
        "citation": ("喜报摘录", "喜报内容", "喜报正文"),
        "delivered": ("送达日期", "送达时间", "送喜报时间"),
        "delivered_by": ("送达单位", "送喜报单位"),
        "consent": ("本人同意公开", "同意公开", "是否同意公开"),
        "consent_record": ("同意公开的记录", "同意记录", "同意公开记录"),
        "second_award": ("同年再次获得同一奖励", "再次获得"),
    },
}
for _kind in ("martyr", "facility", "event"):
    HEADERS[_kind].update(_SOURCE_HEADERS)

# One column, two fields: split where the text has a separator, else kept in the first.
COMBINED: dict[str, dict[str, tuple[str, str]]] = {
    "martyr": {
        "生前单位及职务": ("unit", "position"), "单位及职务": ("unit", "position"),
        "生前单位职务": ("unit", "position"), "所在单位及职务": ("unit", "position"),
        "部别职务": ("unit", "position"), "生前部别职务": ("unit", "position"),
        "牺牲时间地点": ("died", "death_place"), "牺牲时间及地点": ("died", "death_place"),
    },
}
# Between the two parts of a combined cell: 中共四川省委，军委书记 / 某部/排长 / 某部 排长.
COMBINED_SEPARATOR = re.compile(r"\s*[，,、/；;｜|]\s*|\s+")

# Columns a roll keeps for its own use, known and left out quietly (named in the report).
BOOKKEEPING = ("序号", "编号", "备注", "政治面貌", "审核意见", "录入人", "填表人", "核实情况")

# Words of headers that hold private details. Checked before any mapping, so that no
# mapping file can publish them. 地址 alone is a facility's public address: not here.
PRIVATE_WORDS = (
    "身份证", "证件", "身份号", "电话", "手机", "联系方式", "联系人", "住址", "家庭地址", "通讯地址", "居住地址",
    "现住", "银行", "账号", "帐号", "卡号", "开户", "邮箱", "电子邮件", "微信", "QQ", "家属", "亲属", "配偶",
    "子女", "父母", "抚恤", "补助金", "金额", "番号", "部队代号", "代号",
)


def normal_header(text) -> str:
    """A header as compared: full-width letters as ASCII, no spaces or line breaks, no
    required-field marks (*), Chinese brackets for ASCII ones."""
    text = unicodedata.normalize("NFKC", str(text or ""))
    text = re.sub(r"[\s*＊※]+", "", text)
    return text.replace("(", "（").replace(")", "）").replace('"', "“")


def is_private(header: str) -> bool:
    header = normal_header(header).upper()
    return any(word.upper() in header for word in PRIVATE_WORDS)


def header_table(kind: str, extra: dict[str, str] | None = None) -> dict[str, str]:
    """Normalised header -> field (or source part) for `kind`, with a mapping file's
    own headers (`extra`: header -> field) first."""
    table = {}
    for field_name, headers in HEADERS[kind].items():
        for header in headers:
            table.setdefault(normal_header(header), field_name)
    for header, field_name in (extra or {}).items():
        table[normal_header(header)] = field_name
    return table


def export_header(kind: str, field_name: str) -> str:
    """The header an export writes for a field: the first the import knows it by."""
    return HEADERS[kind][field_name][0]
