"""The publication guard: ID numbers, phones, emails, unit designations and (in
notices) addresses below town level are refused in every record kind, each with
one exact `path:line: field: message` line; ordinary wording is not refused."""

from __future__ import annotations

import random
import unicodedata

import pytest

from yinglie.guard import RULES, mask, nfkc, published_form, scan

MARTYR = """\
name: 测试烈士
sources:
  - title: 测试资料
    where: {where}
summary: {summary}
unit: {unit}
"""

NOTICE = """\
- name: 王某
  award: 三等功
  year: 2023
  township: 白沙镇
  citation: {citation}
  delivered_by: {delivered_by}
  consent: true
  consent_record: 本人书面同意
"""


def martyr(where="测试出处", summary="测试简介", unit="不详") -> str:
    return MARTYR.format(where=where, summary=summary, unit=unit)


def notice(citation="荣立三等功一次，特此报喜。", delivered_by="区退役军人事务局") -> str:
    return NOTICE.format(citation=citation, delivered_by=delivered_by)


def problem_lines(result) -> list[str]:
    assert result.returncode != 0, result.stdout + result.stderr
    return result.stderr.splitlines()[1:]


# --- Each rule, on a real record, with its exact message line -------------------

def test_id_number_in_a_martyr_summary(project):
    project.write("martyrs/test-guard.yml", martyr(summary="身份证号500381199001011234"))
    assert problem_lines(project.check()) == [
        "martyrs/test-guard.yml:5: summary: 含有疑似身份证号码（5****************4），不得公开",
    ]


def test_old_fifteen_digit_id_with_x_check_letter_variant(project):
    project.write("martyrs/test-guard.yml", martyr(summary="证件 500381900101123", where="证号50038119900101123X"))
    assert problem_lines(project.check()) == [
        "martyrs/test-guard.yml:4: sources[1].where: 含有疑似身份证号码（5****************X），不得公开",
        "martyrs/test-guard.yml:5: summary: 含有疑似身份证号码（5*************3），不得公开",
    ]


def test_mobile_number_in_a_notice_citation(project):
    project.write("honors/2023/round.yml", notice(citation="家属电话138 1234 5678"))
    assert problem_lines(project.check()) == [
        "honors/2023/round.yml:5: citation: 含有疑似电话号码（1*********8），不得公开",
    ]


def test_landline_number_in_delivered_by(project):
    project.write("honors/2023/round.yml", notice(delivered_by="区人武部（023-47521234）"))
    assert problem_lines(project.check()) == [
        "honors/2023/round.yml:6: delivered_by: 含有疑似电话号码（0*********4），不得公开",
    ]


def test_email_address_in_a_source(project):
    project.write("martyrs/test-guard.yml", martyr(where="来信 zhang.san@example.com"))
    assert problem_lines(project.check()) == [
        "martyrs/test-guard.yml:4: sources[1].where: 含有电子邮箱地址（z****.***@*******.**m），不得公开",
    ]


def test_unit_code_number_in_a_notice(project):
    project.write("honors/2023/round.yml", notice(citation="在32145部队服役，荣立三等功一次"))
    assert problem_lines(project.check()) == [
        "honors/2023/round.yml:5: citation: 含有部队番号或代号（3***5部队），不得公开；请写作“某部”，如“陆军某部”",
    ]


def test_army_group_designation_in_a_martyr_unit(project):
    project.write("martyrs/test-guard.yml", martyr(unit="陆军第72集团军"))
    assert problem_lines(project.check()) == [
        "martyrs/test-guard.yml:6: unit: 含有部队番号或代号（第72集团军），不得公开；请写作“某部”，如“陆军某部”",
    ]


def test_regiment_and_battalion_pattern_in_a_notice(project):
    project.write("honors/2023/round.yml", notice(citation="在某团三营服役"))
    assert problem_lines(project.check()) == [
        "honors/2023/round.yml:5: citation: 含有部队番号或代号（某团三营），不得公开；请写作“某部”，如“陆军某部”",
    ]


def test_address_below_town_level_in_a_notice(project):
    project.write("honors/2023/round.yml", notice(citation="家住白沙镇黄泥村3组"))
    assert problem_lines(project.check()) == [
        "honors/2023/round.yml:5: citation: 含有镇街以下的详细地址（镇黄泥村），喜报只公开到镇街",
    ]


def test_house_number_in_a_notice(project):
    project.write("honors/2023/round.yml", notice(delivered_by="圣泉街道圣泉路99号"))
    assert problem_lines(project.check()) == [
        "honors/2023/round.yml:6: delivered_by: 含有镇街以下的详细地址（99号），喜报只公开到镇街",
    ]


def test_a_martyrs_native_village_is_not_an_address_problem(project):
    """The address rule is for living people's notices; rolls record a martyr's native village."""
    project.write("martyrs/test-guard.yml", martyr(summary="江津县白沙镇黄泥村人"))
    result = project.check()
    assert result.returncode == 0, result.stderr


def test_every_problem_of_every_file_at_once_and_in_english(project):
    project.write("martyrs/test-guard.yml", martyr(summary="手机 13812345678"))
    project.write("honors/2023/round.yml", notice(citation="某团三营", delivered_by="a@b.cn"))
    assert problem_lines(project.check(env={"YINGLIE_LANG": "en"})) == [
        "honors/2023/round.yml:5: citation: contains a military unit designation or code (某团三营); "
        'it must not be published: write "某部", e.g. "陆军某部"',
        "honors/2023/round.yml:6: delivered_by: contains an email address (a@*.*n); it must not be published",
        "martyrs/test-guard.yml:5: summary: contains what looks like a telephone number (1*********8); "
        "it must not be published",
    ]


def test_ordinary_wording_passes_a_real_check(project):
    project.write("martyrs/test-guard.yml", martyr(
        summary="2022年清明祭英烈活动，开展英烈精神“五进”活动100余场次，进社区、进校园，全校1200师生参加",
        unit="陆军某部",
    ))
    project.write("honors/2023/round.yml", notice(
        citation="在陆军某部服役，2022年度工作中成绩突出，荣立三等功一次，荣誉称号，特此报喜（10月12号送达）",
        delivered_by="白沙镇人民政府、区退役军人事务局",
    ))
    result = project.check()
    assert result.returncode == 0, result.stderr


# --- The patterns themselves --------------------------------------------------------

@pytest.mark.parametrize("text, key", [
    ("500381199001011234", "guard_id_number"),
    ("500381 19900101 123x", "guard_id_number"),
    ("５００３８１１９９００１０１１２３４", "guard_id_number"),  # full-width digits
    ("+86 13812345678", "guard_phone"),
    ("(023)4752 1234", "guard_phone"),
    ("联系电话 47521234", "guard_phone"),
    ("ｚｈａｎｇ＠ｑｑ．ｃｏｍ", "guard_email"),
    ("95XXX部队", "guard_unit"),
    ("第七十二集团军", "guard_unit"),
    ("三营七连", "guard_unit"),
    ("某部二连", "guard_unit"),
    ("123团", "guard_unit"),
    ("部队番号为32145", "guard_unit"),
])
def test_refused_everywhere(text, key):
    assert [f.key for f in scan(f"前文{text}后文")] == [key]


@pytest.mark.parametrize("text", [
    "几江街道艾坪山社区", "红星社区二社", "3栋2单元501室", "滨江小区", "家庭住址：白沙镇",
])
def test_addresses_refused_in_notices_only(text):
    assert [f.key for f in scan(text, notice=True)] == ["guard_address"]
    assert scan(text, notice=False) == []


@pytest.mark.parametrize("text", [
    "2022年度", "2022-10-01", "1949年10月1日", "民国十六年", "陆军某部", "武警某部", "某集团军",
    "荣立三等功一次", "被评为优秀士兵", "荣誉称号", "退役军人荣誉室", "进社区", "10月12号",
    "全校1200师生", "第一师范学校", "坐在第一排", "3班学生", "团队", "一连三天", "一团和气", "百团大战",
    "发放抚恤补助金 1亿元、城乡义务兵家庭优待金 2058 万元", "全区 30 个镇街、301 个村居退役军人服务站",
    "几江街道退役军人服务站、四面山镇退役军人服务站", "乡镇和村", "优秀189个", "组织", "号召",
])
def test_ordinary_wording_is_not_refused(text):
    assert scan(text, notice=True) == []


def test_mask_keeps_only_the_ends():
    assert mask("32145部队") == "3***5部队"
    assert mask("某团三营") == "某团三营"


# --- The quick paths give the same findings as searching every pattern ----------------

def _every_pattern(text: str, notice: bool) -> list[tuple[str, str]]:
    """The guard without its shortcuts: the published form, then every rule in full."""
    normal = published_form(text)
    found, keys = [], set()
    for rule in RULES:
        if rule.notices_only and not notice or rule.key in keys:
            continue
        match = rule.find(normal)
        if match is not None:
            keys.add(rule.key)
            found.append((rule.key, mask(match.strip())))
    return found


# Pieces that the rules look for, mixed at random into texts that sometimes match.
_PIECES = [
    *"0123456789１３８＠XxAb*× -+()（）：:，、。月第某部队号村组社营连团师军班排", "集团军", "支队", "电话", "手机",
    "TEL", "phone", "番号", "代号", "社区", "居委会", "小区", "镇", "街道", "单元", "室", "栋", "门牌", "家庭住址",
    "1381234", "5678", "023", "47521234", "500381", "19900101", "12345678", "@qq.com", "zhang", "三营", "七十二",
    "陆军", "白沙镇", "黄泥", "32145", "95XXX", "部队", "某部", "\u0301", "\u3000", "ｔｅｌ", "\n",
    "总队", "大队", "中队", "武警", "公社", "医院", "仓库", "三〇七", "家住", "路", "十二", "〇", "—", "·", "&#51;",
    "<b>", "</b>", "\\", "**",
]


# Texts that the rules refuse, to be cut and spliced into near misses.
_REFUSED = [
    "500381199001011234", "500381 19900101 123x", "50038119900101123X", "500381900101123", "+86 138 1234 5678",
    "13812345678", "023-47521234", "(023)4752 1234", "（023）47521234", "电话 4752 1234", "联系方式：47521234",
    "a.b@c.cn", "32145部队", "3214X 部队", "95XXX部", "第72集团军", "七十二集团军", "123团", "3营", "某团三营", "某部二连", "某师某团",
    "部队番号为32145", "白沙镇黄泥村", "几江街道艾坪山社区", "黄泥村3组", "红星社区二社", "圣泉路99号", "501室",
    "滨江小区", "家庭住址", "138·0013·8000", "六一二三四部队", "武警重庆总队", "二支队", "重庆总队江津支队",
    "解放军第三〇七医院", "958医院", "海军第二仓库", "家住黄泥村", "幸福路十二号", "三栋二单元", "1&#51;800138000",
    "400-123-4567", "800 1234567",
]


def _sample(count: int) -> list[str]:
    """Random texts: pieces in any order, and refused texts with a piece cut out or put in."""
    rng = random.Random(20240405)
    texts = ["", "不详", "1949-10-01", "（合成测试数据）在年度工作中表现突出，特此报喜。"]
    for _ in range(count):
        if rng.random() < 0.5:
            texts.append("".join(rng.choice(_PIECES) for _ in range(rng.randint(1, 14))))
        else:
            text, at = rng.choice(_REFUSED), rng.randint(0, 18)
            cut = rng.choice((0, 0, 1, 2))
            texts.append(rng.choice(_PIECES) + text[:at] + rng.choice(("", "", rng.choice(_PIECES)))
                         + text[at + cut:] + rng.choice(_PIECES))
    return texts


def test_the_quick_paths_find_what_every_pattern_finds():
    refused = 0
    for text in _sample(8000):
        for notice in (False, True):
            expected = _every_pattern(text, notice)
            assert [(f.key, f.excerpt) for f in scan(text, notice)] == expected, (text, notice)
            refused += bool(expected)
    assert refused > 4000  # the sample does reach the rules, not only the shortcuts


def test_every_rule_is_reached_by_the_sample():
    """Each rule's pattern matches often in the sample above, so each shortcut is put to the test."""
    normal = [published_form(text) for text in _sample(8000)]
    for rule in RULES:
        assert sum(1 for text in normal if rule.find(text) is not None) >= 30, rule


@pytest.mark.parametrize("text", [
    "（合成测试数据）行军途中，他多次主动承担侦察任务：往返传递消息！",
    "电话：１３８ １２３４ ５６７８，ｚｈａｎｇ＠ｑｑ．ｃｏｍ",
    "e\u0301，a\u0308\u0301（）　x", "，\u0301", "ﬁ，①２",
])
def test_quick_nfkc_is_nfkc(text):
    assert nfkc(text) == unicodedata.normalize("NFKC", text)
