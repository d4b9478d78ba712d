"""Students' letters on the site: the letters page, by school year (`letters/`).

Only letters the school consented to publish appear (letters.py `published`); each
shows its author as school and grade. A martyr's page lists the letters addressed to
the martyr (寄语, theme/partials/martyr-letters.html), from `letters_by_martyr`.
"""

from __future__ import annotations

from .catalogue import Catalogue
from .pages import SitePage

LETTERS = "letters/index.md"


def letter_pages(catalogue: Catalogue) -> list[SitePage]:
    published = [letter for letter in catalogue.records.get("letter", []) if letter.published]
    years: dict[str, list] = {}
    for letter in sorted(published, key=lambda letter: letter.sort_key):
        years.setdefault(letter.school_year, []).append(letter)
    # Newest school year first; each year's letters in the order they were written.
    by_year = sorted(years.items(), reverse=True)
    return [SitePage(LETTERS, "学生寄语", "letters.html", context={
        "letter_years": by_year, "letter_count": len(published), "letter_martyrs": catalogue.martyrs_by_id,
    })]
