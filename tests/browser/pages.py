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
]
