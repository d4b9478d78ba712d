"""The pages' Content-Security-Policy (placeholder: see issue 11)."""

from __future__ import annotations


def with_policy(html: str) -> str:
    return html
