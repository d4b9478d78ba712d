"""Every page kind the site has, in one list: the browser tests run on each.

A later record kind (honor roll, events, memorials ...) adds one line here: a
name (used for test ids and screenshot files), the page's path from the site
root, and a text the page must show. Paths are those of the demo site.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class PageKind:
    name: str
    path: str
    expected_text: str


PAGE_KINDS = [
    PageKind("home", "", "英烈名录"),
    PageKind("martyr", "martyrs/qi-nanxun/", "漆南薰"),
    PageKind("directory-strokes", "martyrs/", "按姓氏笔画排序"),
    PageKind("directory-pinyin", "martyrs/pinyin/", "按姓名拼音排序"),
    PageKind("sources", "sources/", "资料来源"),
    PageKind("about", "about/", "关于本站"),
    PageKind("correction", "correction/?id=qi-nanxun", "纠错与线索登记表"),
    PageKind("honors-summary", "honors/", "各年度公开的喜报数"),
    PageKind("honors-year", "honors/2022/", "2022年度荣誉榜"),
    PageKind("honors-townships", "honors/2022/townships/", "镇街"),
    PageKind("events", "events/", "纪念活动"),
    PageKind("events-by-type", "events/by-type/", "纪念活动"),
    PageKind("event", "events/2022-wujin/", "五进"),
    PageKind("outreach", "events/wujin/", "五进"),
    PageKind("memorials", "memorials/", "纪念设施"),
    PageKind("memorial-work", "memorials/work/2022/", "474"),
    PageKind("teachers", "teachers/", "打印故事卡"),
    PageKind("teachers-guide", "teachers-guide/", "课前准备"),
    PageKind("letters", "letters/", "学生寄语"),
]
