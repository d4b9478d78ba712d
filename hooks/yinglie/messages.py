"""What the build says to staff, in Chinese (default) and English.

One catalogue, so that wording stays consistent and a translation is one edit.
Choose the language with `extra.records.language` in mkdocs.yml or the
environment variable YINGLIE_LANG (`zh` or `en`).
"""

from __future__ import annotations

import math
import os
from typing import NamedTuple

DEFAULT_LANGUAGE = "zh"
LANGUAGES = ("zh", "en")


class Text(NamedTuple):
    """A phrase in both languages, usable as a message parameter."""

    zh: str
    en: str


MESSAGES: dict[str, Text] = {
    "summary": Text(
        "记录中有 {count} 处问题，网站未生成（原有网站保持不变）：",
        "{count} problem(s) in the records; the site was not built (the previous site is unchanged):",
    ),
    "more_problems": Text(
        "本文件另有 {count} 处问题未列出（每个文件只列出前 {shown} 处）",
        "{count} more problem(s) in this file, not listed (only the first {shown} of each file are)",
    ),
    "yaml_syntax": Text("YAML 格式错误：{detail}", "YAML syntax error: {detail}"),
    "unreadable": Text("无法读取文件：{detail}", "cannot read the file: {detail}"),
    "too_deep": Text("列表或字段嵌套层数过多（最多 {limit} 层）", "lists or fields are nested too deeply (at most {limit} levels)"),
    "forbidden_character": Text(
        "含有不可显示的控制字符（{code}），请删除", "holds an invisible control character ({code}); remove it"
    ),
    "invisible_character": Text(
        "含有会隐藏或颠倒文字的不可见字符（{code}），请删除",
        "holds an invisible character that can hide or reverse text ({code}); remove it",
    ),
    "file_too_large": Text(
        "文件有 {size}，超过上限 {limit}（可在 mkdocs.yml 的 extra.records.max_file_kib 调整）",
        "the file is {size}, over the limit of {limit} (extra.records.max_file_kib in mkdocs.yml sets it)",
    ),
    "too_many_brackets": Text(
        "含有 {count} 个括号“[”“{{”，超过上限 {limit} 个；列表请每项一行，以“- ”开头",
        'holds {count} brackets "[" and "{{", over the limit of {limit}: write a list one item a line, each starting with "- "',
    ),
    "too_many_aliases": Text(
        "YAML 别名（*名称）重复引用的内容过多（超过 {limit} 个值），请直接写出内容",
        "YAML aliases (*name) repeat too much (over {limit} values): write the values out instead",
    ),
    "not_mapping": Text(
        "文件内容应为“字段: 值”的列表", "the file must hold fields as `name: value` pairs"
    ),
    "duplicate_key": Text("字段重复出现（第 {first} 行已有）", "field given twice (first on line {first})"),
    "unknown_field": Text("未知字段“{name}”{hint}", 'unknown field "{name}"{hint}'),
    "did_you_mean": Text("，是否应为“{name}”？", '; did you mean "{name}"?'),
    "missing": Text("缺少必填字段", "required field is missing"),
    "empty": Text("不能为空", "must not be empty"),
    "wrong_type": Text("应为{expected}，不能是{actual}", "must be {expected}, not {actual}"),
    "bad_date": Text(
        "“{value}”不是可识别的日期（可写 1927-03-05、1927-03、1927、1927年3月5日、民国十六年 或 不详）",
        '"{value}" is not a date (write 1927-03-05, 1927-03, 1927, 1927年3月5日, 民国十六年 or 不详)',
    ),
    "date_out_of_range": Text(
        "日期“{value}”超出可接受的年份范围（{minimum} 年至 {maximum} 年）",
        'the date "{value}" is outside the accepted years ({minimum} to {maximum})',
    ),
    "integer_out_of_range": Text(
        "应为 {minimum} 至 {maximum} 之间的整数，不能是 {value}",
        "must be a whole number from {minimum} to {maximum}, not {value}",
    ),
    "file_taken": Text(
        "网址 /{address} 由本站根据记录生成，请给这个文件换一个名字或位置",
        "the address /{address} is made by the site from the records: rename or move this file",
    ),
    "stray_backup": Text(
        "编辑器留下的备份或临时文件，不会被读取；请删除，不要提交",
        "a backup or temporary file left by an editor; it is not read: delete it, do not commit it",
    ),
    "stray_folder": Text(
        "{folder} 的子文件夹中的文件不会被读取：记录文件应直接放在 {folder} 中",
        "files in sub-folders of {folder} are not read: put record files directly in {folder}",
    ),
    "stray_extension": Text(
        "此文件不会被读取：记录文件名应以小写 .yml 结尾，如 {suggestion}",
        "this file is not read: a record file's name ends in lower-case .yml, e.g. {suggestion}",
    ),
    "honors_repeated": Text(
        "与 {first} 的喜报是同一人（姓名和镇街相同）同一年度的同一奖励；如确为再次获得，请在本条加上 second_award: true",
        "the same person (same name and town) and the same award and year as the notice at {first}: "
        "if this really is a second award, add second_award: true to this notice",
    ),
    "photo_link_loop": Text(
        "照片“{value}”是循环的符号链接，无法读取；请放入照片文件本身",
        'photo "{value}" is a symbolic link that loops back on itself: put the photo file itself there',
    ),
    "photo_link_outside": Text(
        "照片“{value}”是指向记录文件夹 martyrs/ 以外的符号链接，不能使用；请把照片文件本身放在记录旁",
        'photo "{value}" is a symbolic link leading out of the records folder martyrs/: put the photo file itself beside the record',
    ),
    "not_in_list": Text("“{value}”不在可选值中：{allowed}", '"{value}" is not one of: {allowed}'),
    "period_mismatch": Text(
        "“{period}”与牺牲时间 {died} 不符（该时期为 {start} 至 {end}）",
        '"{period}" does not agree with the death date {died} (that period runs {start} to {end})',
    ),
    "death_before_birth": Text(
        "牺牲时间 {died} 早于出生时间 {born}", "death date {died} is before the birth date {born}"
    ),
    "joined_before_birth": Text(
        "参加革命时间 {joined} 早于出生时间 {born}",
        "date joined {joined} is before the birth date {born}",
    ),
    "bad_id": Text(
        "文件名“{name}”不能用作网址：只用小写字母、数字和连字符，如 qi-nanxun.yml",
        'file name "{name}" cannot be a web address: use lower-case letters, digits and hyphens, e.g. qi-nanxun.yml',
    ),
    "too_long": Text("不能超过 {limit} 个字（现有 {length} 个）", "at most {limit} characters (has {length})"),
    "bad_pinyin": Text(
        "“{value}”应为拼音字母（如 zeng 或 shan）", '"{value}" must be pinyin letters (e.g. zeng or shan)'
    ),
    "surname_not_prefix": Text(
        "姓“{surname}”与姓名“{name}”的开头不一致", 'surname "{surname}" is not the start of the name "{name}"'
    ),
    "page_taken": Text(
        "网址 /{address} 已被另一页面占用，请给本记录换一个文件名",
        "the address /{address} is already used by another page: rename this record's file",
    ),
    # Reading record files (recordfile.py).
    "symlink_loop": Text(
        "文件是循环的符号链接，无法读取：请换成普通文件",
        "the file is a symbolic link that loops back on itself: replace it by an ordinary file",
    ),
    "symlink_outside": Text(
        "文件是指向项目以外的符号链接，不予读取：记录文件应放在项目之内",
        "the file is a symbolic link to a file outside the project: record files must be inside the project",
    ),
    # Web addresses in `url` fields, and links in Markdown fields (links.py).
    "url_no_scheme": Text(
        "网址“{target}”不完整：应以 http:// 或 https:// 开头，如 https://www.example.gov.cn/",
        'the web address "{target}" is incomplete: it must start with http:// or https://, '
        "e.g. https://www.example.gov.cn/",
    ),
    "url_scheme": Text(
        "网址“{target}”不可用：只能是以 http:// 或 https:// 开头的网址，不能用“{scheme}:”",
        'the web address "{target}" cannot be used: only http:// or https:// addresses, not "{scheme}:"',
    ),
    "url_characters": Text(
        "网址“{target}”中有空格或不可见字符（{code}），请删除",
        'the web address "{target}" holds a space or an invisible character ({code}): remove it',
    ),
    "url_backslash": Text(
        "网址“{target}”中有反斜杠 \\，请改为 /",
        'the web address "{target}" holds a backslash \\: write / instead',
    ),
    "url_credentials": Text(
        "网址“{target}”含有用户名或密码（@ 之前的部分），不得公开",
        'the web address "{target}" holds a user name or password (before @); it must not be published',
    ),
    "url_malformed": Text(
        "“{target}”不是完整的网址，应写作 https://网站地址/路径",
        '"{target}" is not a complete web address: write https://host/path',
    ),
    "markdown_too_many_tags": Text(
        "含有 {count} 个 HTML 标签，超过上限 {limit} 个；事迹等文字请用 Markdown 书写，不要粘贴网页代码",
        "holds {count} HTML tags, over the limit of {limit}: write the text in Markdown, do not paste web page code",
    ),
    "markdown_too_many_brackets": Text(
        "含有 {count} 个方括号“[”，超过上限 {limit} 个；链接只需几个，正文中的方括号请用【】",
        'holds {count} "[" brackets, over the limit of {limit}: links need a few; in running text use 【】',
    ),
    "markdown_unclosed_tags": Text(
        "含有 {count} 个没有闭合的 HTML 标签（“<”后没有“>”）；文字中的小于号请写作 &lt;",
        'holds {count} HTML tags that are never closed ("<" without ">"); write a less-than sign as &lt;',
    ),
    "link_scheme": Text(
        "链接“{target}”不可用：只能链接以 http:// 或 https:// 开头的网址或本站页面，不能用“{scheme}:”",
        'the link "{target}" cannot be used: link only http:// or https:// addresses or pages of this site, '
        'not "{scheme}:"',
    ),
    "link_raw_relative": Text(
        "HTML 中的站内链接“{target}”在网站上无法打开：请用 Markdown 写法，如 [漆南薰](../qi-nanxun/index.md)",
        'the site link "{target}" in HTML would not work on the site: write it as a Markdown link, '
        "e.g. [漆南薰](../qi-nanxun/index.md)",
    ),
    "link_absolute": Text(
        "链接“{target}”不能以 / 开头：站内链接应写相对于本页的路径{hint}",
        'the link "{target}" must not start with /: link a page of this site relative to this page{hint}',
    ),
    "link_folder": Text(
        "链接“{target}”指向文件夹，不是页面{hint}",
        'the link "{target}" names a folder, not a page{hint}',
    ),
    "link_not_found": Text(
        "链接“{target}”指向的 {resolved} 不存在{hint}",
        'the link "{target}" leads to {resolved}, which does not exist{hint}',
    ),
    "link_write": Text("，应写作 {link}", "; write {link}"),
    "link_how": Text(
        "（链接另一条记录写作它的 index.md，如 {example}）",
        " (link another record by its index.md, e.g. {example})",
    ),
    "unknown_martyr": Text(
        "没有编号为“{id}”的烈士记录（应有文件 martyrs/{id}.yml）",
        'no martyr record "{id}" (there is no file martyrs/{id}.yml)',
    ),
    "event_date_unknown": Text(
        "活动日期至少要写到年份（如 2022）", "the event date needs at least a year (e.g. 2022)"
    ),
    "target_required": Text(
        "“{type}”活动须写明对象：{allowed}（资料未载写“不详”）",
        'a "{type}" event needs its target: {allowed} (write 不详 when the source does not say)',
    ),
    "target_not_allowed": Text(
        "只有“{type}”活动填写对象", 'only "{type}" events have a target'
    ),
    "count_detail_without_count": Text(
        "写了单位或“余”，却没有写 count", "a unit or 余 is given, but no count"
    ),
    # Memorial facilities, photos, QR codes
    "unknown_facility": Text(
        "没有编号为“{value}”的纪念设施记录（应为 martyrs/memorials/{value}.yml）{hint}",
        'no memorial facility record "{value}" (expected martyrs/memorials/{value}.yml){hint}',
    ),
    "bad_coordinates": Text(
        "“{value}”不是有效坐标：应写“纬度, 经度”，如 29.28, 106.25",
        '"{value}" is not a position: write "latitude, longitude", e.g. 29.28, 106.25',
    ),
    "year_not_file_name": Text(
        "年份 {year} 与文件名“{name}”不一致（应为 {year}.yml）",
        "year {year} does not match the file name \"{name}\" (expected {year}.yml)",
    ),
    "photo_outside": Text(
        "照片路径“{value}”超出了记录文件夹 martyrs/（照片应放在记录旁，如 photos/照片.jpg）",
        'photo path "{value}" leaves the records folder martyrs/ (keep photos beside the record, e.g. photos/x.jpg)',
    ),
    "photo_missing": Text("找不到照片文件“{value}”", 'photo file "{value}" not found'),
    "photo_not_image": Text(
        "“{value}”不是可用的图片（支持 JPEG、HEIC、PNG、WebP）：{detail}",
        '"{value}" is not a usable image (JPEG, HEIC, PNG or WebP): {detail}',
    ),
    "unknown_format": Text("无法识别的文件格式", "unrecognised file format"),
    "photo_too_large": Text(
        "照片“{value}”有 {pixels} 像素，超过上限 {limit} 像素，请缩小后再提交",
        'photo "{value}" has {pixels} pixels, over the limit of {limit}: make it smaller',
    ),
    "alt_not_chinese": Text(
        "照片说明应为中文，向看不到照片的读者描述照片内容",
        "alt text must be in Chinese, describing the photo for readers who cannot see it",
    ),
    "no_site_url": Text(
        "mkdocs.yml 未设置 site_url（网站正式网址，含子路径），无法生成二维码",
        "site_url is not set in mkdocs.yml (the site's public address, sub-path included): QR codes need it",
    ),
    "config_bad": Text("配置项有误：{detail}", "configuration error: {detail}"),
    # Publication guard (guard.py): details that must never reach the site.
    "guard_id_number": Text(
        "含有疑似身份证号码（{excerpt}），不得公开",
        "contains what looks like an ID card number ({excerpt}); it must not be published",
    ),
    "guard_phone": Text(
        "含有疑似电话号码（{excerpt}），不得公开",
        "contains what looks like a telephone number ({excerpt}); it must not be published",
    ),
    "guard_email": Text(
        "含有电子邮箱地址（{excerpt}），不得公开",
        "contains an email address ({excerpt}); it must not be published",
    ),
    "guard_unit": Text(
        "含有部队番号或代号（{excerpt}），不得公开；请写作“某部”，如“陆军某部”",
        'contains a military unit designation or code ({excerpt}); it must not be published: write "某部", e.g. "陆军某部"',
    ),
    "guard_reversing": Text(
        "含有会颠倒文字方向的字符（{excerpt}，可能以 &#…; 写成），页面上的号码会被倒过来显示，不得公开",
        "contains a character that reverses the direction of text ({excerpt}, perhaps written as &#…;): "
        "a page would show digits the other way round; it must not be published",
    ),
    "guard_address": Text(
        "含有镇街以下的详细地址（{excerpt}），喜报只公开到镇街",
        "contains an address finer than town or street ({excerpt}); notices name the town or street (镇街) only",
    ),
    "published_more_files": Text(
        "另有 {count} 个输出文件含有同一内容（{excerpt}），未在任何记录中找到，应来自模板或设置",
        "{count} more output file(s) hold the same text ({excerpt}); no record holds it, so it comes from a template or setting",
    ),
    # Award notices (honors.py).
    "honors_not_list": Text(
        "文件内容应为喜报列表，每条喜报以“- ”开头",
        'the file must hold a list of notices, each starting with "- "',
    ),
    "honors_misplaced": Text(
        "喜报文件应放在年份文件夹中，如 honors/2022/{name}",
        "notice files belong in a year folder, e.g. honors/2022/{name}",
    ),
    "honors_bad_folder": Text(
        "文件夹“{name}”应为四位年份，如 honors/2022/",
        'folder "{name}" must be a four-digit year, e.g. honors/2022/',
    ),
    "honors_year_folder": Text(
        "年份 {year} 与所在文件夹 {folder} 不一致",
        "year {year} does not match its folder {folder}",
    ),
    "honors_full_name": Text(
        "含有受奖人的全名，但姓名显示方式为“{mode}”",
        'contains the recipient\'s full name, but the name is shown as "{mode}"',
    ),
    "honors_surname_unknown": Text(
        "姓“{surname}”应为一个字，或已知的复姓（如 欧阳；其他复姓可在 mkdocs.yml 的 extra.honors.compound_surnames 中增加）",
        'the surname "{surname}" must be one character or a known compound surname (e.g. 欧阳; '
        "add others under extra.honors.compound_surnames in mkdocs.yml)",
    ),
    "honors_total_class": Text(
        "{year} 年“{award}”申报 {declared} 个，记录中有 {actual} 个",
        '{year}: {declared} "{award}" notices declared, {actual} in the records',
    ),
    "honors_total_all": Text(
        "{year} 年喜报总数申报 {declared} 个，记录中有 {actual} 个",
        "{year}: {declared} notices declared in all, {actual} in the records",
    ),
    "honors_total_sum": Text(
        "{year} 年各类申报数之和为 {sum} 个，与申报总数 {declared} 个不一致",
        "{year}: the declared classes add up to {sum}, not the declared total {declared}",
    ),
    "honors_totals_not_mapping": Text(
        "年度总数文件应为“字段: 值”，如 totals: {{三等功: 56}}",
        "the totals file must hold fields, e.g. totals: {{三等功: 56}}",
    ),
    # Not problems: why a notice is held back from the site (reported, the build goes on).
    "honors_held_no_consent": Text(
        "未记录本人是否同意公开，本条喜报不公开（仍计入年度总数）",
        "no consent to publish is recorded; this notice is held back (it still counts in the year's totals)",
    ),
    "honors_held_refused": Text(
        "本人未同意公开，本条喜报不公开（仍计入年度总数）",
        "consent to publish was refused; this notice is held back (it still counts in the year's totals)",
    ),
    "honors_held_unrecorded": Text(
        "写明同意公开，但未填写同意的记录（consent_record），本条喜报暂不公开（仍计入年度总数）",
        "consent is marked but not recorded (consent_record is empty); this notice is held back "
        "(it still counts in the year's totals)",
    ),
    "honors_held_summary": Text(
        "{count} 条喜报未公开：", "{count} notice(s) held back from the site:",
    ),
    # Adoption (issue 13): phone photos, the placeholder address, the preview's problems page.
    "photo_file_too_large": Text(
        "照片“{value}”文件大小 {size}，超过上限 {limit}（可在 mkdocs.yml 的 extra.records.photo_max_mib 调整）",
        'photo "{value}" is {size}, over the limit of {limit} (extra.records.photo_max_mib in mkdocs.yml sets it)',
    ),
    "photo_gps_kept": Text(
        "提醒：照片“{value}”的原件仍含拍摄地点（GPS）等信息；网站上的照片已去除，但仓库中的原件没有。提交前请运行 make strip-photos",
        'warning: the original of photo "{value}" still holds where it was taken (GPS) and other metadata; '
        "the site's copies do not, the file in the repository does. Run make strip-photos before committing",
    ),
    "strip_done": Text("已清除元数据：{path}", "metadata removed: {path}"),
    "strip_summary": Text(
        "共检查照片 {count} 张，清除了其中 {changed} 张的元数据（GPS、拍摄信息）",
        "{count} photo(s) checked, metadata (GPS, camera data) removed from {changed}",
    ),
    "strip_failed": Text("无法处理照片：{path}（{detail}）", "cannot process photo {path} ({detail})"),
    "placeholder_site_url": Text(
        "提醒：site_url 仍是示例地址 {url}，生成的网站只是样张（纪念牌和二维码标有“样张”）；请在 mkdocs.yml 中填写正式网址",
        "warning: site_url is still the placeholder {url}: the site built is a specimen (plaques and QR codes are marked 样张); "
        "set the real address in mkdocs.yml",
    ),
    "unknown_placeholder": Text(
        "{path}: 未知的占位符 [[{name}]]（可用：{known}）",
        "{path}: unknown placeholder [[{name}]] (known: {known})",
    ),
    "problems_page_title": Text("记录有误，网站暂未更新", "The records have problems; the site is not updated"),
    "problems_page_hint": Text(
        "请按下列提示修改记录文件并保存，本页会自动刷新；全部改正后即显示网站。",
        "Fix the record files as listed below and save: this page reloads, and shows the site once all are fixed.",
    ),
    # --- Spreadsheet import and export (importing.py, exporting.py) ---
    "import_read": Text("读取 {file}（{detail}），表头在第 {row} 行", "read {file} ({detail}), headers on row {row}"),
    "import_column": Text("列“{header}” → {field}", 'column "{header}" -> {field}'),
    "import_combined": Text(
        "列“{header}”同时含{first}和{second}：{split} 行按分隔符拆分，{whole} 行无分隔符，整体写入{first}",
        'column "{header}" holds {first} and {second}: {split} row(s) split at a separator, '
        "{whole} row(s) without one kept whole in {first}",
    ),
    "import_unknown_column": Text("列“{header}”不是本类记录的字段，已丢弃（未导入）",
                                  'column "{header}" is no field of these records: dropped (not imported)'),
    "import_bookkeeping_column": Text("列“{header}”是登记表自用的列，未导入", 'column "{header}" is the roll\'s own bookkeeping: not imported'),
    "import_duplicate_column": Text("列“{header}”与第 {first} 列都对应字段 {field}，只导入第 {first} 列",
                                    'column "{header}" fills {field} as column {first} does: only column {first} is imported'),
    "import_private_column": Text("警告：列“{header}”疑似个人隐私信息（身份证号、电话、住址、银行账号等），已丢弃，绝不写入记录",
                                  'warning: column "{header}" looks private (ID, phone, address, bank account…): dropped, never written'),
    "import_private_content": Text("警告：列“{header}”的内容含有{what}，已整列丢弃，绝不写入记录",
                                   'warning: the cells of column "{header}" hold {what}: the column is dropped, never written'),
    "import_mapped_private": Text("（映射文件指定了此列，但隐私列一律不导入）", " (the mapping file names it, but private columns are never imported)"),
    "import_no_header": Text("前 {rows} 行中找不到可识别的表头（如 {example}）",
                             "no known headers in the first {rows} rows (e.g. {example})"),
    "import_no_name_column": Text("找不到必填字段 {field} 对应的列（可用 MAPPING=映射文件 指定）",
                                  "no column fills the required field {field} (name it in a MAPPING file)"),
    "import_needs_source": Text(
        "表中没有“资料来源”列：请用 SOURCE=\"资料名称\" 指明整份表格的来源（可加 SOURCE_WHERE=\"出处\"），每条记录都会写入",
        'the sheet has no 资料来源 column: give the source of the whole file with SOURCE="title" '
        '(and SOURCE_WHERE="where"); it is written into every record',
    ),
    "import_bad_mapping": Text("映射文件 {file}：{detail}", "mapping file {file}: {detail}"),
    "import_bad_date": Text("“{value}”无法识别为日期，本行未导入（可写 1927.4、1927.04.12、1927年4月、民国十六年 或 不详）",
                            '"{value}" cannot be read as a date: row not imported (write 1927.4, 1927.04.12, 1927年4月, 民国十六年 or 不详)'),
    "import_bad_number": Text("“{value}”不是整数，本行未导入", '"{value}" is not a whole number: row not imported'),
    "import_bad_yes_no": Text("“{value}”应为 是 或 否，本行未导入", '"{value}" must be 是 or 否 (yes or no): row not imported'),
    "import_refused_row": Text("本行未导入", "row not imported"),
    "import_would_write": Text("将写入 {target}", "would write {target}"),
    "import_wrote": Text("已写入 {target}", "wrote {target}"),
    "import_exists": Text("{target} 已存在，未覆盖（需要覆盖请加 OVERWRITE=1）",
                          "{target} exists and was not overwritten (OVERWRITE=1 to overwrite)"),
    "import_would_overwrite": Text("将覆盖 {target}", "would overwrite {target}"),
    "import_overwrote": Text("已覆盖 {target}", "overwrote {target}"),
    "import_summary": Text("共 {rows} 行：写入 {written} 条记录，已存在未覆盖 {existing} 条，有问题未导入 {refused} 行",
                           "{rows} row(s): {written} record(s) written, {existing} existing not overwritten, {refused} row(s) with problems not imported"),
    "import_dry_summary": Text("（试运行，未写入任何文件）共 {rows} 行：可写入 {written} 条，已存在 {existing} 条，有问题 {refused} 行",
                               "(dry run, nothing written) {rows} row(s): {written} to write, {existing} existing, {refused} with problems"),
    "import_ready": Text("记录检查通过：{kind} 共 {count} 条可以发布（用时 {seconds} 秒）",
                         "records OK: {count} {kind} ready to publish ({seconds} s)"),
    "import_not_ready": Text("导入后的记录检查未通过，改正以下问题后才能发布：",
                             "the records do not pass the check after the import; fix these before publishing:"),
    "export_wrote": Text("已导出 {count} 条{kind}记录的公开字段到 {target}", "exported the public fields of {count} {kind} to {target}"),
    # YAML mistakes named with their fix (yamlmistakes.py), and Boolean fields written in words.
    "yaml_full_width_colon": Text(
        "字段名“{name}”后面是中文冒号“：”：请改为英文冒号加空格，如 {name}: 值",
        'the field name "{name}" is followed by a full-width colon "：": use an ASCII colon and a space, e.g. {name}: value',
    ),
    "yaml_no_space": Text(
        "“{name}:”的冒号后面缺少空格：请写作 {name}: {value}",
        'no space after the colon of "{name}:": write {name}: {value}',
    ),
    "yaml_tab": Text(
        "这一行用 Tab 键缩进：YAML 只能用空格缩进，请把行首的 Tab 换成空格",
        "this line is indented with a tab: YAML indents with spaces only; replace the tab at its start by spaces",
    ),
    "yaml_colon_in_value": Text(
        "“{name}”的值中有“: ”（冒号加空格），会被当作新的字段：请改用中文冒号“：”，或把整个值用英文引号括起来，如 {name}: \"……\"",
        'the value of "{name}" holds ": " (a colon and a space), which reads as a new field: '
        'use the Chinese colon "：" or put the whole value in quotes, e.g. {name}: "…"',
    ),
    "yaml_indent": Text(
        "“{name}”这一行的缩进不对：同一层的字段左侧要对齐（行首空格数相同）；列表每一项的字段与“- ”后第一个字段对齐",
        'the line of "{name}" is wrongly indented: fields of one level start in the same column (the same number '
        'of spaces); the fields of a list item line up with the first field after its "- "',
    ),
    "yaml_not_utf8": Text(
        "文件不是 UTF-8 编码（看来是 {encoding}）：请以 UTF-8 编码保存（如记事本“另存为”时，编码选 UTF-8）",
        'the file is not UTF-8 (it looks like {encoding}): save it as UTF-8 (in Notepad: "Save as", encoding UTF-8)',
    ),
    "boolean_word": Text(
        "应填 true（是）或 false（否），不加引号，不能是“{value}”",
        'write true or false, without quotes, not "{value}"',
    ),
    # `make new KIND=… ID=…` (scaffold.py).
    "new_written": Text(
        "已写出 {path}：请按文件中的注释填写，然后运行 make check",
        "wrote {path}: fill it in as its comments say, then run make check",
    ),
    "new_exists": Text(
        "{path} 已存在，未作改动：请换一个编号，或直接编辑这个文件",
        "{path} exists and was left as it is: choose another ID, or edit that file",
    ),
    "new_bad_id": Text(
        "编号“{id}”不能用作文件名（文件名也是网址）：只用小写字母、数字和连字符，如 chen-lihua",
        'the ID "{id}" cannot be a file name (the file name is also a web address): '
        "use lower-case letters, digits and hyphens, e.g. chen-lihua",
    ),
    "new_bad_year": Text(
        "年份“{year}”应为 {minimum} 至 {maximum} 之间的四位数字，如 2023",
        'the year "{year}" must be four digits from {minimum} to {maximum}, e.g. 2023',
    ),
    "new_needs_id": Text(
        "请给出编号（即文件名，不含 .yml），如 make new KIND={kind} ID=chen-lihua",
        "give an ID (the file name without .yml), e.g. make new KIND={kind} ID=chen-lihua",
    ),
    "new_needs_year": Text(
        "{kind} 记录放在年份文件夹中：请加上年份，如 YEAR=2023",
        "{kind} records go in a year's folder: add the year, e.g. YEAR=2023",
    ),
    "new_no_year": Text(
        "{kind} 记录不分年份：请去掉 YEAR", "{kind} records have no year: leave out YEAR",
    ),
    "new_no_id": Text(
        "{kind} 文件以年份命名，不需要编号：只写 YEAR=2023",
        "a {kind} file is named by its year and takes no ID: give only YEAR=2023",
    ),
    # Quotations checked against the documents in sources/ (quotations.py).
    "document_missing": Text(
        "{folder}/ 中没有资料文本“{document}”：请把资料原文以 UTF-8 文本存入 {folder}/{document}，或改正文件名",
        'no document "{document}" in {folder}/: keep the document\'s text there (UTF-8), or correct the file name',
    ),
    "quote_not_in_document": Text(
        "原文摘录在资料文本 {folder}/{document} 中找不到（已忽略空格和换行）：请逐字照抄原文",
        "the quotation is not in {folder}/{document} (spaces and line breaks ignored): copy it word for word",
    ),
    # The classroom kit: stories by school stage, themes, students' letters.
    "story_stage_twice": Text(
        "“{stage}”学段已有一篇故事，每个学段只写一篇", 'there is already a story for "{stage}": one story per school stage',
    ),
    "theme_gathers_nothing": Text(
        "专题须至少写明 martyrs、periods、native_places、facilities 或 events 之一",
        "a theme must name at least one of martyrs, periods, native_places, facilities or events",
    ),
    "theme_unknown_period": Text(
        "“{value}”不是设置中的历史时期（可选：{allowed}）", '"{value}" is not a configured period (allowed: {allowed})',
    ),
    "theme_unknown_facility": Text(
        "没有编号为“{id}”的纪念设施记录（应有文件 martyrs/memorials/{id}.yml）",
        'no facility record "{id}" (there is no file martyrs/memorials/{id}.yml)',
    ),
    "theme_unknown_event": Text(
        "没有编号为“{id}”的纪念活动记录（应有文件 events/{id}.yml）",
        'no event record "{id}" (there is no file events/{id}.yml)',
    ),
    "letter_folder_not_school_year": Text(
        "学生来信应放在以学年命名的文件夹中，如 letters/2024-2025/（“{folder}”不是学年）",
        'letters go in a folder named by school year, e.g. letters/2024-2025/ ("{folder}" is not one)',
    ),
    "letter_signed": Text(
        "信的最后一行“{signature}”署了名：学生是未成年人，只显示学校和年级，请删去署名（可写“——学校 年级学生”）",
        'the last line "{signature}" signs with a name: students are minors and are shown by school and grade only; '
        "remove the signature (\"——school grade学生\" is allowed)",
    ),
    "letter_held_no_consent": Text(
        "未记录学校是否同意公开，这封信不公开", "the school's consent is not recorded; this letter is held back",
    ),
    "letter_held_refused": Text(
        "学校未同意公开，这封信不公开", "the school did not consent; this letter is held back",
    ),
    "letter_held_unrecorded": Text(
        "写明同意公开，但未填写同意的记录（consent_record），这封信暂不公开",
        "consent is marked but not recorded (consent_record is empty); this letter is held back",
    ),
    "letter_held_summary": Text("{count} 封学生来信未公开：", "{count} letter(s) held back from the site:"),
}

TYPE_NAMES: dict[str, Text] = {
    "text": Text("文字", "text"),
    "list": Text("列表", "a list"),
    "mapping": Text("字段表", "a set of fields"),
    "date": Text("日期", "a date"),
    "number": Text("数字", "a number"),
    "boolean": Text("是/否", "true/false"),
    "nothing": Text("空值", "nothing"),
}


def language_from(configured: str | None) -> str:
    chosen = os.environ.get("YINGLIE_LANG") or configured or DEFAULT_LANGUAGE
    return chosen if chosen in LANGUAGES else DEFAULT_LANGUAGE


def render(key: str, params: dict, language: str = DEFAULT_LANGUAGE) -> str:
    template = getattr(MESSAGES[key], language)
    localised = {}
    for name, value in params.items():
        if isinstance(value, int) and not isinstance(value, bool):
            value = number_text(value)  # a record may hold a number too long to print
        localised[name] = getattr(value, language) if isinstance(value, Text) else value
    return template.format(**localised)


def number_text(value: int) -> int | Text:
    """A number as it is, or only its length when it is too long to print in a message
    (Python refuses to write out a number of over 4,300 digits)."""
    if value.bit_length() <= 100:  # up to 30 digits
        return value
    # Counted without str().
    size = abs(value)
    digits = int(size.bit_length() * math.log10(2)) + 1
    smallest = 10 ** (digits - 1)  # the smallest number of `digits` digits (one power: they are slow)
    if smallest > size:
        digits -= 1
    elif smallest * 10 <= size:
        digits += 1
    return Text(f"一个 {digits} 位的数", f"a number of {digits} digits")


def phrase(key: str, **params) -> Text:
    """A catalogue entry filled in both languages, to nest inside another message."""
    entry = MESSAGES[key]
    return Text(entry.zh.format(**params), entry.en.format(**params))


NO_HINT = Text("", "")
