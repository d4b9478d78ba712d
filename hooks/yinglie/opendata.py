"""Open data: the public records as JSON, exactly as the pages show them.

Files are generated pages of the site (`data/martyrs.json`), written with sorted
keys and no timestamps so that two builds of the same data are byte-identical.
"""

from __future__ import annotations

import json

from .catalogue import Catalogue
from .dates import FuzzyDate
from .martyrs import MARTYR, Martyr
from .search import search_files

MARTYRS_JSON = "data/martyrs.json"


def _public_value(value):
    if isinstance(value, FuzzyDate):
        return {"date": value.iso(), "text": value.chinese(), **({"original": value.original} if value.original else {})}
    if isinstance(value, list):
        return [_public_value(item) for item in value]
    if isinstance(value, dict):
        return {key: _public_value(item) for key, item in value.items()}
    return value


def martyr_record(martyr: Martyr, catalogue: Catalogue) -> dict:
    record = {spec.name: _public_value(martyr.values[spec.name]) for spec in MARTYR.fields if spec.public}
    keys = catalogue.name_keys[martyr.id]
    record.update(
        id=martyr.id,
        url=martyr.url,
        display_name=martyr.display_name,
        pinyin=" ".join(keys.pinyin) if not martyr.unnamed else "",
    )
    return record


def martyrs_json(catalogue: Catalogue) -> str:
    records = [martyr_record(m, catalogue) for m in catalogue.martyrs_by_strokes]
    # One record per line, keys sorted: readable in a diff, and written by Python's fast
    # C encoder (any `indent` switches json to its pure-Python one: 1.3 s per 5,000).
    lines = ",\n".join(json.dumps(record, ensure_ascii=False, sort_keys=True) for record in records)
    return f'{{"count": {len(records)}, "martyrs": [\n{lines}\n], "order": "姓氏笔画"}}\n'


def data_files(catalogue: Catalogue) -> dict[str, str]:
    """Every open-data file of the site: address -> content."""
    return {MARTYRS_JSON: martyrs_json(catalogue), **search_files(catalogue)}
