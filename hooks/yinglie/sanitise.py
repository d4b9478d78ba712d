"""Sanitising the HTML rendered from a record's Markdown (deeds, citations).

Records are written by many hands; their Markdown may carry raw HTML. What reaches
the site keeps text formatting, lists, tables, links and heading anchors, and loses
scripts, event handlers, styles and images (photos have their own checked path, and
an <img> could load from another host).
"""

from __future__ import annotations

import nh3

# No <bdo>: `dir="rtl"` would show reversed digits the right way round, past the guard.
ALLOWED_TAGS = set(nh3.ALLOWED_TAGS) - {"img", "area", "map", "bdo"}
ALLOWED_ATTRIBUTES = {
    **{tag: set(attrs) for tag, attrs in nh3.ALLOWED_ATTRIBUTES.items() if tag in ALLOWED_TAGS},
    **{f"h{level}": {"id"} for level in range(1, 7)},
    "a": {"href", "hreflang", "title"},
    # No `start`: a list's first number is shown but is no text any scan reads.
    "ol": set(nh3.ALLOWED_ATTRIBUTES.get("ol", ())) - {"start"},
}
# Keep Material's heading anchor style; any other class is dropped.
ALLOWED_CLASSES = {"a": {"headerlink"}}


# Print sheets (story cards, projector views) show record text without its links: a link
# cannot be followed on paper, a relative one would point elsewhere from the sheet's
# folder, and the sheets render the text in pieces, which the URL check (made on the
# whole field, urls.py) did not read one by one. The link's text stays.
SHEET_TAGS = ALLOWED_TAGS - {"a"}


def sanitise_html(html: str, tags: set[str] = ALLOWED_TAGS) -> str:
    return nh3.clean(
        html,
        tags=tags,
        attributes={tag: attrs for tag, attrs in ALLOWED_ATTRIBUTES.items() if tag in tags},
        allowed_classes=ALLOWED_CLASSES,
        url_schemes={"http", "https", "mailto"},
        link_rel="noopener noreferrer",
    )
