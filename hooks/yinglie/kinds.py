"""Every kind of record the site reads, in one list: `KINDS`.

Each entry joins what a kind's own module says (its files, schema, loading and
checks: martyrs.py, events.py, honors.py, memorials.py, memorialwork.py) to what the
site makes of it (its pages, open data and search entries: pages.py, eventpages.py,
honorpages.py, memorialpages.py, opendata.py, search.py). The catalogue, the page
list, open data, search, `python -m yinglie check`, the synthetic generator,
reproducible build dates and the tests all loop over this list; a kind missing from
it is not read at all, and a kind in it is held by the tests to the same rules as
the others (tests/test_record_kinds.py). To add a kind: one module that declares
its `RecordKind`, and one line here (README, "How to add a record kind").

The order is the order of the site's pages and open data.
"""

from __future__ import annotations

from dataclasses import replace

from .classroom import teacher_pages
from .eventpages import event_pages
from .letterpages import letter_pages
from .letters import LETTER_FILES, check_letters_across, load_letters
from .events import EVENT, load_events
from .honorpages import honor_pages
from .honors import NOTICE, TOTALS, load_honors, totals_file_json_schema, write_synthetic as write_notices
from .martyrs import MARTYR, load_martyrs
from .memorialpages import facility_pages, work_year_pages
from .memorials import FACILITY, check_facility_links_across, load_facilities, write_synthetic as write_facilities
from .memorialwork import WORK_YEAR, load_work_years
from .messages import Text
from .publictables import event_files, facility_files, martyr_files, notice_files
from .pages import martyr_pages
from .recordkind import LIST, ONE, RecordKind, SearchPart
from .search import event_entries, facility_entries, martyr_entries, notice_entries, theme_entries, work_year_entries
from .synthdata import write_synthetic_martyrs
from .themes import THEME_FILES, check_themes_across, load_themes

_SOURCE = """\
sources:
  - title: 测试资料
    where: 测试出处
"""

MARTYR_KIND = RecordKind(
    "martyr", "martyrs", "*.yml", ONE, MARTYR, False, "name: 测试烈士\n" + _SOURCE, "kind-test.yml",
    label=Text("烈士", "martyrs"), load=load_martyrs, pages=martyr_pages, open_data=martyr_files, search=SearchPart("m", "英烈", martyr_entries),
    photos=True, qr_codes=True, address="martyrs/{id}/", synthetic=write_synthetic_martyrs,
)
EVENT_KIND = RecordKind(
    "event", "events", "*.yml", ONE, EVENT, False,
    "title: 测试活动\ndate: '2023-04-05'\ntype: 清明祭英烈\n" + _SOURCE, "kind-test.yml",
    label=Text("纪念活动", "events"), load=load_events, pages=event_pages, open_data=event_files,
    search=SearchPart("e", "纪念活动", event_entries),
)
NOTICE_KIND = RecordKind(
    "notice", "honors", "[0-9][0-9][0-9][0-9]/*.yml", LIST, NOTICE, True,
    "- name: 王某\n  award: 三等功\n  year: 2023\n  township: 白沙镇\n"
    "  consent: true\n  consent_record: 本人书面同意\n", "2023/kind-test.yml",
    label=Text("喜报", "award notices"), load=load_honors, pages=honor_pages, open_data=notice_files, search=SearchPart("h", "喜报", notice_entries),
    synthetic=write_notices,
)
# A year's declared totals are read with its notices (load_honors), which they check.
TOTALS_KIND = RecordKind(
    "totals", "honors", "[0-9][0-9][0-9][0-9]/totals.yml", ONE, TOTALS, True,
    "total: 0\ntotals: {}\n", "2023/totals.yml", file_schema=totals_file_json_schema,
)
FACILITY_KIND = RecordKind(
    "facility", "martyrs/memorials", "*.yml", ONE, FACILITY, False,
    "name: 测试纪念碑\ntype: 纪念碑亭\nlevel: 零散\n", "kind-test.yml",
    label=Text("纪念设施", "memorial facilities"), load=load_facilities, check_across=check_facility_links_across, pages=facility_pages,
    open_data=facility_files, search=SearchPart("f", "纪念设施", facility_entries), photos=True, qr_codes=True,
    address="memorials/{id}/",
    synthetic=write_facilities,
)
# The yearly figures are in data/memorials.json with the facilities (facility_data).
WORK_YEAR_KIND = RecordKind(
    "memorial_work", "martyrs/memorials/work", "*.yml", ONE, WORK_YEAR, False,
    "year: 2023\narea: 江津区\n" + _SOURCE, "2023.yml",
    label=Text("年度纪念设施工作", "years of memorial work"), load=load_work_years, pages=work_year_pages,
    search=SearchPart("w", "年度工作", work_year_entries),
)

# Classroom themes: their pages are the teachers' section (教师专区) and one page per theme.
THEME_KIND = replace(THEME_FILES, load=load_themes, check_across=check_themes_across, pages=teacher_pages,
                     search=SearchPart("t", "课堂专题", theme_entries))
# Students' letters: their files are described in letters.py, like the themes'.
LETTER_KIND = replace(LETTER_FILES, load=load_letters, check_across=check_letters_across, pages=letter_pages)

KINDS: tuple[RecordKind, ...] = (MARTYR_KIND, EVENT_KIND, NOTICE_KIND, TOTALS_KIND, FACILITY_KIND, WORK_YEAR_KIND,
                                 THEME_KIND, LETTER_KIND)
