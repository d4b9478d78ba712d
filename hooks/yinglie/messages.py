"""What the build says to staff, in Chinese (default) and English.

One catalogue, so that wording stays consistent and a translation is one edit.
Choose the language with `extra.records.language` in mkdocs.yml or the
environment variable YINGLIE_LANG (`zh` or `en`).
"""

from __future__ import annotations

import os
from typing import NamedTuple

DEFAULT_LANGUAGE = "zh"
LANGUAGES = ("zh", "en")


class Text(NamedTuple):
    """A phrase in both languages, usable as a message parameter."""

    zh: str
    en: str


CATALOGUE: dict[str, Text] = {
    "summary": Text(
        "记录中有 {count} 处问题，网站未生成（原有网站保持不变）：",
        "{count} problem(s) in the records; the site was not built (the previous site is unchanged):",
    ),
    "yaml_syntax": Text("YAML 格式错误：{detail}", "YAML syntax error: {detail}"),
    "unreadable": Text("无法读取文件：{detail}", "cannot read the file: {detail}"),
    "too_deep": Text("列表或字段嵌套层数过多", "lists or fields are nested too deeply"),
    "forbidden_character": Text(
        "含有不可显示的控制字符（{code}），请删除", "holds an invisible control character ({code}); remove it"
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
    "config_bad": Text("配置项有误：{detail}", "configuration error: {detail}"),
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
    template = getattr(CATALOGUE[key], language)
    localised = {
        name: getattr(value, language) if isinstance(value, Text) else value
        for name, value in params.items()
    }
    return template.format(**localised)


def phrase(key: str, **params) -> Text:
    """A catalogue entry filled in both languages, to nest inside another message."""
    entry = CATALOGUE[key]
    return Text(entry.zh.format(**params), entry.en.format(**params))


NO_HINT = Text("", "")
