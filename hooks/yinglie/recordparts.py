"""Parts that several record kinds share: a source cited, and a grave moved."""

from __future__ import annotations

from .messages import Text
from .schema import Date, Field, PlainText, Records, Schema, Url

SOURCE = Schema(
    "source",
    (
        Field("title", PlainText(max_length=200), Text("资料名称", "title"), required=True),
        Field("where", PlainText(max_length=300), Text("出处（可查阅之处）", "where it can be found"), required=True),
        Field("document", PlainText(max_length=200), Text("资料文本文件", "document file"),
              help="sources/ 中保存的资料原文文件名；写了它，quote 会与该文件逐字核对 / "
                   "a file in sources/ holding the document's text; the quote is checked against it"),
        Field("quote", PlainText(max_length=1000), Text("原文摘录", "quotation")),
        Field("url", Url(max_length=500), Text("网址", "web address"),
              help="以 http:// 或 https:// 开头 / starting with http:// or https://"),
    ),
    title="资料来源 / Source",
)

# A move of a grave (迁葬), usually of a scattered grave into a cemetery. Used by
# martyr records (the martyr's own grave) and facility records (graves moved in).
RELOCATION = Schema(
    "relocation",
    (
        Field("from", PlainText(max_length=200), Text("迁出地", "moved from"), required=True),
        Field("to", PlainText(max_length=200), Text("迁入地", "moved to"), required=True),
        Field("date", Date(), Text("迁葬时间", "date"), required=True),
        Field("approved_by", PlainText(max_length=200), Text("批准单位", "approved by"), required=True),
        Field("note", PlainText(max_length=500), Text("说明", "note")),
    ),
    title="迁葬记录 / Relocation",
)
