"""Values mkdocs.yml publishes on purpose, which the publication guard does not refuse.

A bureau publishes its office telephone, its ICP filing number, its address. They are
declared once (`extra.publication_guard.public_values`; every item of `extra.footer`
is declared too) and exempt *by value*: wherever one of them appears, in a record as
typed or in the built site, it is struck out before the guard reads the text. The
same number with one digit changed, or inside a longer number, is still refused.

A declared value matches whatever separators stand between its characters
("023-4752 1234", "(023)47521234"), after the text is normalised as the guard
normalises it (NFKC, invisible characters removed). Only values in which the guard
itself finds something are kept: striking any other text (a label such as "电话")
could only hide what follows it.
"""

from __future__ import annotations

import re
from functools import lru_cache

from . import guard
from .yamlsource import Located, LocatedList

# What may stand between the characters of a declared value.
SEPARATORS = " \t\r\n\u00a0\u3000-\u2010\u2011\u2012\u2013\u2014\u2015.·/()"
_SEPARATOR_RUN = "[" + re.escape(SEPARATORS) + "]*"
# What a struck value leaves: not a separator, not a letter or digit, so the text on
# either side of it can never join into one number.
STRUCK = "\u3013"


def normalise(text: str) -> str:
    """NFKC with invisible characters removed (guard.scan normalises so too)."""
    return guard.visible(text)


class PublicValues:
    def __init__(self, values):
        patterns = []
        for value in values:
            value = normalise(value)
            if not guard.scan(value, True):
                continue  # nothing the guard would refuse: nothing to exempt
            chars = [char for char in value if char not in SEPARATORS]
            body = _SEPARATOR_RUN.join(re.escape(char) for char in chars)
            # Never a part of a longer number or word: 023-47521234 is not 023-475212345.
            before = r"(?<![0-9A-Za-z])" if chars[0].isascii() and chars[0].isalnum() else ""
            after = r"(?![0-9A-Za-z])" if chars[-1].isascii() and chars[-1].isalnum() else ""
            patterns.append((len(chars), before + body + after))
        patterns.sort(key=lambda item: -item[0])  # the longest first
        self.pattern = re.compile("|".join(p for _, p in patterns)) if patterns else None

    def strike(self, text: str) -> str:
        """`text`, normalised, with every declared value replaced by a mark."""
        text = normalise(text)
        return text if self.pattern is None else self.pattern.sub(STRUCK, text)

    def strike_record(self, raw):
        """A record read from YAML as the guard should read it: a copy with the declared
        values struck out (lines kept), or `raw` itself when it holds none."""
        return raw if self.pattern is None else self._struck(raw)

    def _struck(self, value):
        if isinstance(value, str):
            struck = self.strike(value)
            return struck if STRUCK in struck and STRUCK not in value else value
        if isinstance(value, Located):
            items = {key: self._struck(item) for key, item in value.items()}
            if all(items[key] is value[key] for key in items):
                return value
            copy = Located(items)
            copy.line, copy.key_lines = value.line, value.key_lines
            return copy
        if isinstance(value, list):
            items = [self._struck(item) for item in value]
            if all(new is old for new, old in zip(items, value)):
                return value
            copy = LocatedList(items)
            copy.line = getattr(value, "line", 1)
            copy.item_lines = getattr(value, "item_lines", [copy.line] * len(items))
            return copy
        return value


@lru_cache(maxsize=8)
def public_values(values: tuple[str, ...]) -> PublicValues:
    """The declared values, compiled once per set of settings."""
    return PublicValues(values)
