"""A bar chart drawn at build time as inline SVG: no script, nothing from another host.

Grouped horizontal bars (one group per year, one bar per class) read well on a
narrow phone screen and in print. The drawing is sized for a phone (360 units
wide, about one unit per CSS pixel there) and scales up on wider screens. Every
label is escaped; the numbers are also given as text (<title>, <desc> and the
table beside the chart), so the chart adds to the figures and never replaces them.
"""

from __future__ import annotations

from html import escape

# Colours for the classes, in order: each has at least 4.5:1 contrast on white.
PALETTE = ("#7a1f1f", "#1f4e79", "#8a4b00", "#2e5e1e", "#5b2a7a", "#4d4d4d")

WIDTH = 360
LABEL_WIDTH = 84  # class names, right-aligned before the bars
VALUE_WIDTH = 44  # the count after each bar
BAR_AREA = WIDTH - LABEL_WIDTH - VALUE_WIDTH - 8
ROW = 28
BAR = 18
HEADING = 30
FONT = 16


def grouped_bars(groups: list[tuple[str, list[tuple[str, int]]]], title: str, chart_id: str = "chart") -> str:
    """SVG for `groups`: [(group label, [(bar label, value), ...]), ...]."""
    colours = {}
    for _, bars in groups:
        for label, _value in bars:
            colours.setdefault(label, PALETTE[len(colours) % len(PALETTE)])
    largest = max((value for _, bars in groups for _, value in bars), default=0) or 1
    parts, y = [], 0
    description = []
    for heading, bars in groups:
        y += HEADING
        parts.append(f'<text class="ml-chart__group" x="0" y="{y - 9}" font-size="{FONT + 1}" '
                     f'font-weight="700">{escape(heading)}</text>')
        for label, value in bars:
            length = round(BAR_AREA * value / largest, 1)
            if value and length < 2:
                length = 2  # a non-zero count stays visible
            top = y + (ROW - BAR) / 2
            baseline = y + ROW / 2 + FONT / 2 - 2
            parts.append(
                f'<text x="{LABEL_WIDTH - 6}" y="{baseline}" font-size="{FONT}" text-anchor="end">{escape(label)}</text>'
                f'<rect x="{LABEL_WIDTH}" y="{top}" width="{length}" height="{BAR}" fill="{colours[label]}">'
                f"<title>{escape(heading)} {escape(label)}：{value}</title></rect>"
                f'<text x="{LABEL_WIDTH + length + 6}" y="{baseline}" font-size="{FONT}">{value}</text>'
            )
            y += ROW
        description.append(f"{heading}：" + "，".join(f"{label} {value}" for label, value in bars))
    height = y + 6
    ident = escape(chart_id)
    return (
        f'<svg class="ml-chart" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {WIDTH} {height}" '
        f'width="100%" role="img" aria-labelledby="{ident}-title {ident}-desc" '
        f'font-family="sans-serif" fill="#1a1a1a">'
        f'<title id="{ident}-title">{escape(title)}</title>'
        f'<desc id="{ident}-desc">{escape("；".join(description))}</desc>'
        + "".join(parts)
        + "</svg>"
    )
