"""`python -m yinglie import` (`make import`): rolls kept as spreadsheets become record files.

Every test makes a real spreadsheet file (an .xlsx with date cells and merged header
cells, a GB18030 CSV, a UTF-8 CSV with a byte order mark), with private columns in
it, imports it into a copy of the project and reads what was written. The people in
these sheets are fictional test names (测试…), not real martyrs.
"""

from __future__ import annotations

import csv
import io
from datetime import datetime
from pathlib import Path

import yaml
from openpyxl import Workbook

ID_NUMBER = "500381199001011234"
PHONE = "13812345678"

HEADER = ["序号", "姓名", "性别", "民族", "籍贯", "出生年月", "入伍时间", "生前单位及职务", "牺牲时间", "牺牲地点",
          "安葬地点", "主要事迹", "身份证号", "联系电话", "政治面貌"]


def write_csv(path: Path, rows: list[list], encoding: str) -> Path:
    out = io.StringIO(newline="")
    csv.writer(out).writerows(rows)
    path.write_bytes(out.getvalue().encode(encoding))
    return path


def record(project, relative: str) -> dict:
    return yaml.safe_load((project.root / relative).read_text(encoding="utf-8"))


def every_record_text(project) -> str:
    return "\n".join(p.read_text(encoding="utf-8") for p in (project.root / "martyrs").glob("*.yml"))


def run_import(project, *args: str):
    return project.run("import", *args)


def roll_xlsx(path: Path) -> Path:
    """A roll as bureaus keep it: a title merged over the columns, a header in two rows
    (生前单位及职务 merged over 单位 | 职务; 姓名 merged down over both rows), date cells."""
    book = Workbook()
    sheet = book.active
    sheet.append(["江津区烈士英名录（测试用虚构人名）"])
    sheet.merge_cells("A1:J1")
    sheet.append(["序号", "姓名", "性别", "出生年月", "生前单位及职务", None, "牺牲时间", "牺牲地点", "身份证号",
                  "家属联系电话"])
    sheet.append([None, None, None, None, "单位", "职务", None, None, None, None])
    for column in "ABCDGHIJ":
        sheet.merge_cells(f"{column}2:{column}3")
    sheet.merge_cells("E2:F2")
    sheet.append([1, "测试甲", "男", 1927.4, "某游击队", "队长", datetime(1949, 5, 12), "测试县", ID_NUMBER, PHONE])
    sheet.append([2, "测试乙", "女性", "民国十六年", "某县委", "委员", "1931年2月", "不详", ID_NUMBER, PHONE])
    sheet.append([3, "测试丙", "男", "1927.04.12", None, None, datetime(1950, 1, 1), None, None, None])
    sheet["D4"].number_format = "0.0"
    book.save(path)
    return path


def test_an_xlsx_roll_with_merged_headers_and_date_cells_becomes_records(project, tmp_path):
    sheet = roll_xlsx(tmp_path / "roll.xlsx")
    result = run_import(project, "martyr", "--file", str(sheet), "--source", "测试英名录")
    assert result.returncode == 0, result.stdout + result.stderr
    out = result.stdout
    assert "表头在第 3 行" in out  # the second header row
    first = record(project, "martyrs/ce-shijia.yml")
    assert first == {
        "name": "测试甲", "gender": "男", "born": "1927-04", "unit": "某游击队", "position": "队长",
        "died": datetime(1949, 5, 12).date(), "death_place": "测试县",
        "sources": [{"title": "测试英名录", "where": "roll.xlsx 第 4 行"}],
    }
    second = record(project, "martyrs/ce-shiyi.yml")
    assert second["gender"] == "女" and second["born"] == "民国十六年" and second["died"] == "1931年2月"
    assert record(project, "martyrs/ce-shibing.yml")["born"] == datetime(1927, 4, 12).date()
    # Private columns: dropped with a warning, by header; nothing of them in any record.
    assert "警告：列“身份证号”疑似个人隐私信息" in out
    assert "警告：列“家属联系电话”疑似个人隐私信息" in out
    assert ID_NUMBER not in every_record_text(project) and PHONE not in every_record_text(project)
    assert "列“序号”是登记表自用的列，未导入" in out
    # The file's YAML is readable: Chinese as it is, fields in schema order.
    text = (project.root / "martyrs/ce-shijia.yml").read_text(encoding="utf-8")
    assert text.splitlines()[1:4] == ["name: 测试甲", "gender: 男", "born: 1927-04"]
    # The import ends with the checks of `make check`.
    assert "记录检查通过：烈士 共 7 条可以发布" in out
    assert project.check().returncode == 0


def test_a_gb18030_csv_with_every_way_rolls_write_dates(project, tmp_path):
    rows = [HEADER,
            [1, "测试一", "男", "汉族", "测试县白沙镇", "1927.4", "1927.04.12", "中共测试县委，书记", "1949年5月",
             "测试县", "测试陵园", "测试事迹", ID_NUMBER, PHONE, "党员"],
            [2, "测试二", "男", "汉族", "", "民国十六年", "不详", "某部", "1949.10.1", "", "", "", "", "", ""],
            [3, "测试三", "男", "", "", "", "", "", "1927年13月", "", "", "", "", "", ""],
            [4, "测试四", "女", "", "", "约1920年", "", "", "", "", "", "", "", "", ""]]
    sheet = write_csv(tmp_path / "英名录.csv", rows, "gb18030")
    result = run_import(project, "martyr", "--file", str(sheet), "--source", "测试英名录")
    out = result.stdout
    assert "读取 英名录.csv（GB18030/GBK）" in out
    one = record(project, "martyrs/ce-shiyi.yml")
    assert (one["born"], str(one["joined"]), one["died"]) == ("1927-04", "1927-04-12", "1949年5月")
    assert (one["unit"], one["position"]) == ("中共测试县委", "书记")
    two = record(project, "martyrs/ce-shier.yml")
    assert two["born"] == "民国十六年" and "joined" not in two and str(two["died"]) == "1949-10-01"
    assert two["unit"] == "某部" and "position" not in two
    assert "1 行按分隔符拆分，1 行无分隔符，整体写入unit（生前单位）" in out
    # Unreadable cells are reported with file, row and column, and the row is not written.
    assert "英名录.csv:4: 牺牲时间: “1927年13月”无法识别为日期，本行未导入" in out
    assert "英名录.csv:5: 出生年月: “约1920年”无法识别为日期" in out
    assert not (project.root / "martyrs/ce-shisan.yml").exists()
    assert not (project.root / "martyrs/ce-shisi.yml").exists()
    assert "共 4 行：写入 2 条记录，已存在未覆盖 0 条，有问题未导入 2 行" in out
    assert result.returncode == 1  # rows were left out: make says so
    assert "列“政治面貌”是登记表自用的列，未导入" in out


def test_a_utf8_csv_with_a_byte_order_mark_needs_a_source_when_it_has_no_source_column(project, tmp_path):
    rows = [["姓名", "籍贯", "牺牲时间", "住址"], ["测试五", "测试县", "1948", "测试县某街5号"]]
    sheet = write_csv(tmp_path / "roll.csv", rows, "utf-8-sig")
    refused = run_import(project, "martyr", "--file", str(sheet))
    assert refused.returncode == 1
    assert "表中没有“资料来源”列：请用 SOURCE=" in refused.stdout
    assert not (project.root / "martyrs/ce-shiwu.yml").exists()
    done = run_import(project, "martyr", "--file", str(sheet), "--source", "测试英名录", "--source-where", "区档案馆")
    assert done.returncode == 0, done.stdout
    assert "读取 roll.csv（UTF-8（带 BOM））" in done.stdout
    assert "警告：列“住址”疑似个人隐私信息" in done.stdout
    written = record(project, "martyrs/ce-shiwu.yml")
    assert written == {"name": "测试五", "native_place": "测试县", "died": 1948,
                       "sources": [{"title": "测试英名录", "where": "区档案馆"}]}


def test_the_guard_refuses_a_row_and_private_content_drops_a_column_whatever_the_mapping_says(project, tmp_path):
    rows = [["烈士名字", "籍贯", "事迹", "备考", "身份证号", "资料来源", "资料出处"],
            ["测试六", "测试县", "测试事迹。", PHONE, ID_NUMBER, "测试英名录", "第1页"],
            ["测试七", "测试县", f"联系 {PHONE} 核实", "13912345678", ID_NUMBER, "测试英名录", "第2页"],
            ["测试八", "测试县", "32145部队战士", "", "", "测试英名录", "第3页"]]
    sheet = write_csv(tmp_path / "roll.csv", rows, "utf-8-sig")
    mapping = tmp_path / "mapping.yml"
    mapping.write_text("columns:\n  烈士名字: name\n  事迹: deeds\n  备考: summary\n  身份证号: tags\n",
                       encoding="utf-8")
    result = run_import(project, "martyr", "--file", str(sheet), "--mapping", str(mapping))
    out = result.stdout
    assert "列“烈士名字” → name（姓名）" in out
    # By header, even though the mapping names it; by content, a column of phone numbers.
    assert "警告：列“身份证号”疑似个人隐私信息" in out and "映射文件指定了此列，但隐私列一律不导入" in out
    assert "警告：列“备考”的内容含有电话号码，已整列丢弃" in out
    # One phone number in one biography: that row is refused by the guard, named with its row.
    assert "roll.csv:3: 事迹: 含有疑似电话号码（1*********8），不得公开" in out
    assert "roll.csv:4: 事迹: 含有部队番号或代号" in out
    assert "roll.csv:3: -: 本行未导入" in out
    assert (project.root / "martyrs/ce-shiliu.yml").exists()
    assert not (project.root / "martyrs/ce-shiqi.yml").exists()
    assert not (project.root / "martyrs/ce-shiba.yml").exists()
    assert record(project, "martyrs/ce-shiliu.yml")["sources"] == [{"title": "测试英名录", "where": "第1页"}]
    assert PHONE not in every_record_text(project) and ID_NUMBER not in every_record_text(project)
    assert result.returncode == 1


def test_dry_run_prints_row_by_row_and_writes_nothing(project, tmp_path):
    rows = [["姓名", "牺牲时间"], ["测试九", "1949.5"], ["测试十", "某年"]]
    sheet = write_csv(tmp_path / "roll.csv", rows, "utf-8-sig")
    before = sorted(p.name for p in (project.root / "martyrs").iterdir())
    result = run_import(project, "martyr", "--file", str(sheet), "--source", "测试", "--dry-run")
    assert "roll.csv:2: -: 将写入 martyrs/ce-shijiu.yml" in result.stdout
    assert "roll.csv:3: 牺牲时间: “某年”无法识别为日期，本行未导入" in result.stdout
    assert "（试运行，未写入任何文件）共 2 行：可写入 1 条，已存在 0 条，有问题 1 行" in result.stdout
    assert sorted(p.name for p in (project.root / "martyrs").iterdir()) == before
    assert not (project.root / ".cache" / "import-staging").exists()


def test_no_existing_file_is_overwritten_unless_asked_and_namesakes_get_their_place(project, tmp_path):
    rows = [["姓名", "籍贯", "牺牲时间"], ["测试甲", "测试县白沙镇", "1949"], ["测试甲", "四川省巴县", "1950"],
            ["测试乙", "", "1951"]]
    sheet = write_csv(tmp_path / "roll.csv", rows, "utf-8-sig")
    first = run_import(project, "martyr", "--file", str(sheet), "--source", "测试")
    assert first.returncode == 0, first.stdout
    assert record(project, "martyrs/ce-shijia-baishazhen.yml")["died"] == 1949
    assert record(project, "martyrs/ce-shijia-baxian.yml")["died"] == 1950
    target = project.root / "martyrs/ce-shiyi.yml"
    target.write_text(target.read_text(encoding="utf-8") + "summary: 手工补充\n", encoding="utf-8")
    again = run_import(project, "martyr", "--file", str(sheet), "--source", "测试")
    assert "roll.csv:4: -: martyrs/ce-shiyi.yml 已存在，未覆盖（需要覆盖请加 OVERWRITE=1）" in again.stdout
    assert "手工补充" in target.read_text(encoding="utf-8")
    assert len(list((project.root / "martyrs").glob("ce-shi*.yml"))) == 3  # no second copy of anyone
    forced = run_import(project, "martyr", "--file", str(sheet), "--source", "测试", "--overwrite")
    assert "roll.csv:4: -: 已覆盖 martyrs/ce-shiyi.yml" in forced.stdout
    assert "手工补充" not in target.read_text(encoding="utf-8")
    # Another person of the same name, already in the folder: a new file beside it.
    other = write_csv(tmp_path / "more.csv", [["姓名", "籍贯"], ["测试乙", "测试县"]], "utf-8-sig")
    run_import(project, "martyr", "--file", str(other), "--source", "测试")
    assert record(project, "martyrs/ce-shiyi-ceshixian.yml")["native_place"] == "测试县"


def test_a_delivery_register_becomes_one_notice_file_without_its_private_columns(project, tmp_path):
    rows = [["序号", "姓名", "奖励类别", "年度", "镇街", "身份证号", "家属联系电话", "家庭住址", "同意公开", "同意记录"],
            [1, "王测试", "三等功", "2023年", "白沙镇", ID_NUMBER, PHONE, "白沙镇黄泥村3组", "是", "本人书面同意"],
            [2, "李测试", "优秀士兵", 2023, "白沙镇", ID_NUMBER, PHONE, "白沙镇黄泥村3组", "否", ""],
            [3, "赵测试", "三等功", 2023, "不存在镇", "", "", "", "是", "同意"]]
    sheet = write_csv(tmp_path / "送喜报登记表.csv", rows, "gb18030")
    result = run_import(project, "notice", "--file", str(sheet))
    out = result.stdout
    for header in ("身份证号", "家属联系电话", "家庭住址"):
        assert f"警告：列“{header}”疑似个人隐私信息" in out
    files = list((project.root / "honors" / "2023").glob("*.yml"))
    assert len(files) == 1
    notices = yaml.safe_load(files[0].read_text(encoding="utf-8"))
    assert notices == [
        {"name": "王测试", "award": "三等功", "year": 2023, "township": "白沙镇", "consent": True,
         "consent_record": "本人书面同意"},
        {"name": "李测试", "award": "优秀士兵", "year": 2023, "township": "白沙镇", "consent": False},
    ]
    assert "送喜报登记表.csv:4: 镇街: “不存在镇”不在可选值中" in out
    assert ID_NUMBER not in files[0].read_text(encoding="utf-8")


def test_facilities_and_events_from_their_lists(project, tmp_path):
    facilities = write_csv(tmp_path / "设施.csv", [
        ["设施名称", "类型", "保护级别", "地址", "建成时间", "管理员电话"],
        ["测试烈士陵园", "烈士陵园", "区县级", "测试镇", "1958", PHONE]], "gb18030")
    result = run_import(project, "facility", "--file", str(facilities))
    assert result.returncode == 0, result.stdout
    assert "警告：列“管理员电话”疑似个人隐私信息" in result.stdout
    assert record(project, "martyrs/memorials/ce-shi-lie-shi-ling-yuan.yml") == {
        "name": "测试烈士陵园", "type": "烈士陵园", "level": "区县级", "address": "测试镇", "built": 1958}
    events = write_csv(tmp_path / "活动.csv", [
        ["活动名称", "日期", "活动类型", "组织单位", "场次", "资料来源"],
        ["测试清明活动", "2023.4.5", "清明祭英烈", "测试单位、另一单位", "100余", "测试资料"]], "utf-8-sig")
    result = run_import(project, "event", "--file", str(events))
    assert result.returncode == 0, result.stdout
    written = record(project, "events/2023-ce-shi-qing-ming-huo-dong.yml")
    assert written["organisers"] == ["测试单位", "另一单位"] and written["count"] == 100 and written["count_more"]
    assert str(written["date"]) == "2023-04-05"
    assert written["sources"] == [{"title": "测试资料", "where": "活动.csv 第 2 行"}]
