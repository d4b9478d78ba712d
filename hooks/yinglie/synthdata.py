"""Synthetic records for benchmarks and tests: fake people, clearly marked as such.

The words and places synthetic records are made of, and the martyrs' writer. Names
are random pairs of common surname and given-name characters; the deeds are generic
sentences, and every record says it is synthetic test data in its summary, deeds
and source. These records are never demo content and never ship with the site.
Each record kind writes its own synthetic records (`RecordKind.synthetic`); the
command is `python -m yinglie.synthetic` (synthetic.py).
"""

from __future__ import annotations

import random
from datetime import date, timedelta
from pathlib import Path

import yaml

from .config import default_settings

MARK = "（合成测试数据）"
SURNAMES = (
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭肖田董袁潘于蒋蔡余杜叶程"
    "苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛段雷侯龙史陶黎贺顾毛郝龚邵万钱严武戴莫孔向汤"
)
GIVEN = "德明国华建文志永春秀英玉兰芳军平海林清正光荣成福贵富强伟刚勇全金学云中和安远朝兴宏家汉生树立新开世绍昌泽"
TOWNS = (
    "几江街道", "德感街道", "双福街道", "鼎山街道", "支坪镇", "白沙镇", "油溪镇", "吴滩镇", "石门镇", "朱杨镇",
    "石蟆镇", "永兴镇", "塘河镇", "西湖镇", "先锋镇", "李市镇", "慈云镇", "蔡家镇", "贾嗣镇", "杜市镇",
    "柏林镇", "四面山镇", "中山镇", "嘉平镇", "广兴镇", "龙华镇", "夏坝镇", "珞璜镇", "綦河镇",
)
OTHER_PLACES = ("四川省", "湖南省", "湖北省", "贵州省", "陕西省", "河南省", "山东省", "江西省", "云南省")
UNITS = ("某部", "陆军某部", "地方游击队", "县人民武装大队", "区武装工作队", "某野战医院", "公安某部")
POSITIONS = ("战士", "班长", "排长", "连长", "指导员", "卫生员", "通讯员", "民兵队长", "交通员")
BURIALS = ("江津区烈士陵园", "江津区白沙镇烈士墓", "江津区烈士纪念碑园", "牺牲地附近", "不详", "原籍")
ETHNICITIES = ("汉族", "汉族", "汉族", "汉族", "土家族", "苗族", "回族", "不详")
LAST_DAY = date(2025, 12, 31)

# Generic sentences; {name}, {place}, {unit}, {position}, {year} are filled in.
SENTENCES = (
    "{name}出生在{place}一个普通农家，自幼勤劳朴实，乐于帮助乡邻。",
    "少年时期，{name}读过几年私塾，后因家境困难辍学务农，常在田间地头听长辈讲述时事。",
    "{year}年前后，{name}参加{unit}，担任{position}，工作认真负责，深得战友信任。",
    "在艰苦的环境中，{name}与战友同吃同住，把有限的粮食和药品让给伤病员。",
    "行军途中，{name}多次主动承担侦察和联络任务，穿行于山林之间，往返传递消息。",
    "面对困难，{name}总说：“只要大家团结一心，就没有过不去的坎。”",
    "{name}关心群众疾苦，帮助乡亲修缮房屋、抢收庄稼，当地群众至今仍有传说。",
    "一次战斗中，{name}带领小组坚守阵地，掩护群众和伤员安全转移。",
    "战斗间隙，{name}坚持学习文化，教战友识字算数，还记下了许多工作笔记。",
    "{name}牺牲时年仅二十余岁，战友们将其遗物整理后转交给家乡亲属。",
    "家乡人民没有忘记{name}，每逢清明都会自发前往祭扫，缅怀其事迹。",
    "据资料记载，{name}生前曾多次受到表扬，被评为积极分子。",
    "此后数年间，{name}辗转多地开展工作，足迹遍及周边多个乡镇。",
    "在组织群众、筹集物资的工作中，{name}日夜奔波，从不叫苦。",
    "{name}的事迹被收入地方史料，成为后人学习的榜样。",
)


def _name(rng: random.Random) -> str:
    given = "".join(rng.choice(GIVEN) for _ in range(rng.choice((1, 2, 2, 2))))
    return rng.choice(SURNAMES) + given


def _day_between(rng: random.Random, start: date, end: date) -> date:
    return start + timedelta(days=rng.randrange(max(1, (end - start).days + 1)))


def _written(rng: random.Random, day: date) -> str:
    """A date at the precision rolls often have: full, year and month, or year only."""
    precision = rng.random()
    if precision < 0.5:
        return day.isoformat()
    if precision < 0.8:
        return f"{day.year}年{day.month}月"
    return f"{day.year}年"


def _deeds(rng: random.Random, values: dict, length: int) -> str:
    paragraphs, paragraph, size = [], [], 0
    while size < length:
        sentence = rng.choice(SENTENCES).format(**values)
        paragraph.append(sentence)
        size += len(sentence)
        if len(paragraph) >= rng.randint(3, 5):
            paragraphs.append("".join(paragraph))
            paragraph = []
    if paragraph:
        paragraphs.append("".join(paragraph))
    return MARK + "\n\n".join(paragraphs) + "\n"


def martyr_record(rng: random.Random) -> dict:
    """One synthetic martyr: fields consistent with each other and with the periods."""
    period = rng.choice(default_settings().periods)
    start, end = period.start, min(period.end, LAST_DAY)
    died = _day_between(rng, start, end)
    born = died - timedelta(days=rng.randint(18 * 365, 45 * 365))
    joined = _day_between(rng, born + timedelta(days=16 * 365), died)
    name = _name(rng)
    local = rng.random() < 0.85
    place = f"重庆市江津区{rng.choice(TOWNS)}" if local else rng.choice(OTHER_PLACES)
    unit, position = rng.choice(UNITS), rng.choice(POSITIONS)
    fill = {"name": name, "place": place, "unit": unit, "position": position, "year": joined.year}
    return {
        "name": name,
        "gender": rng.choice(("男", "男", "男", "女", "不详")),
        "ethnicity": rng.choice(ETHNICITIES),
        "native_place": place,
        "born": _written(rng, born) if rng.random() < 0.8 else "不详",
        "joined": _written(rng, joined),
        "unit": unit,
        "position": position,
        "died": _written(rng, died),
        "death_place": "朝鲜" if period.name == "抗美援朝战争时期" else rng.choice(("江津", "重庆", "四川", "贵州", "不详")),
        "period": period.name,
        "burial": rng.choice(BURIALS),
        "summary": f"{MARK}{position}，{period.name}牺牲。",
        "deeds": _deeds(rng, fill, rng.randint(600, 1200)),
        "sources": [{"title": "合成测试数据集", "where": "基准测试生成器 yinglie.synthetic，非真实资料"}],
    }


def martyr_records(count: int, seed: int = 0) -> list[tuple[str, dict]]:
    """(record id, record) for `count` martyrs; the same seed gives the same records."""
    rng = random.Random(seed)
    return [(f"synth-{number:05d}", martyr_record(rng)) for number in range(1, count + 1)]


def _block_literal(dumper: yaml.SafeDumper, text: str):
    # Deeds read as a YAML block, as staff write them.
    style = "|" if "\n" in text else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", text, style=style)


class _Dumper(yaml.SafeDumper):
    pass


_Dumper.add_representer(str, _block_literal)


def to_yaml(record: dict) -> str:
    return yaml.dump(record, Dumper=_Dumper, allow_unicode=True, sort_keys=False, width=1000)


def write_martyrs(root: Path, count: int, seed: int = 0) -> list[tuple[str, dict]]:
    records = martyr_records(count, seed)
    folder = root / "martyrs"
    folder.mkdir(parents=True, exist_ok=True)
    for record_id, record in records:
        (folder / f"{record_id}.yml").write_text(to_yaml(record), encoding="utf-8")
    return records


def write_synthetic_martyrs(root: Path, count: int, seed: int = 0) -> int:
    """The martyr kind's synthetic writer (`RecordKind.synthetic`): how many were written."""
    return len(write_martyrs(root, count, seed))
