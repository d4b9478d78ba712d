"""Small formats the site writes in more than one place."""

from __future__ import annotations


def yuan(amount: int | None) -> str:
    """An amount in yuan as Chinese reports write it: 4740000 -> 474万元."""
    if amount is None:
        return ""
    if amount >= 10000:
        wan = f"{amount / 10000:.4f}".rstrip("0").rstrip(".")
        return f"{wan}万元"
    return f"{amount}元"


def inert_json(text: str) -> str:
    """<, > and & only ever occur inside JSON strings: as \\u escapes they read back the
    same in any JSON parser, and the file stays inert if someone pastes it into a page."""
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
