"""Open data: the public records as JSON, exactly as the pages show them.

Files are generated pages of the site (`data/martyrs.json`), written with sorted
keys and no timestamps so that two builds of the same data are byte-identical.
"""

from __future__ import annotations

import json

from .catalogue import Catalogue
from .dates import FuzzyDate
from .martyrs import MARTYR, Martyr
from .memorials import FACILITY
from .memorialwork import WORK_YEAR

MARTYRS_JSON = "data/martyrs.json"
MEMORIALS_JSON = "data/memorials.json"


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
    document = {"count": len(records), "order": "姓氏笔画", "martyrs": records}
    return json.dumps(document, ensure_ascii=False, sort_keys=True, indent=1) + "\n"


def memorials_json(catalogue: Catalogue) -> str:
    """Facilities with who rests there (martyr ids), and the yearly district figures."""
    facilities = [
        {**{spec.name: _public_value(f.values[spec.name]) for spec in FACILITY.fields if spec.public},
         "id": f.id, "url": f.url, "residents": [m.id for m in catalogue.residents(f.id)]}
        for f in catalogue.facilities_by_name
    ]
    work = [{**{spec.name: _public_value(w.values[spec.name]) for spec in WORK_YEAR.fields}, "url": w.url}
            for w in catalogue.memorial_work]
    document = {"count": len(facilities), "facilities": facilities, "memorial_work": work}
    return json.dumps(document, ensure_ascii=False, sort_keys=True, indent=1) + "\n"


def data_files(catalogue: Catalogue) -> dict[str, str]:
    """Every open-data file of the site: address -> content."""
    return {MARTYRS_JSON: martyrs_json(catalogue), MEMORIALS_JSON: memorials_json(catalogue)}
