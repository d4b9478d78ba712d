"""Characters no record may hold: the one list the loader and the guard share."""

from __future__ import annotations

import re

# Characters no page may carry: C0/C1 controls (tab and line breaks are fine) and
# lone surrogates, which cannot even be written as UTF-8. A file cannot hold them
# raw (PyYAML refuses), but double-quoted escapes such as "\x1b" or "\ud800" can.
FORBIDDEN_CHARACTER = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff]")


# Characters that hide or reverse text: Unicode's format characters (zero-width
# spaces and joiners, bidirectional embeddings, overrides and isolates, the word
# joiner, the byte order mark, interlinear annotation and tag characters), the line
# and paragraph separators, and the Hangul fillers and grapheme joiner that show as
# nothing. A record never needs them; they can make a refused number look harmless
# or make a reviewer read a line backwards. Only a byte order mark at the very start
# of a file is allowed (editors on Windows write one). The test suite checks that
# this covers every format (Cf) and separator (Zl, Zp) character Python knows.
INVISIBLE_CHARACTER = re.compile(
    "[\u00ad\u034f\u0600-\u0605\u061c\u06dd\u070f\u0890\u0891\u08e2\u115f\u1160\u180e"
    "\u200b-\u200f\u2028-\u202e\u2060-\u2064\u2066-\u206f\u3164\ufeff\uffa0\ufff9-\ufffb"
    "\U000110bd\U000110cd\U00013430-\U0001343f\U0001bca0-\U0001bca3\U0001d173-\U0001d17a"
    "\U000e0001\U000e0020-\U000e007f]"
)
