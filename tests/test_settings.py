"""The settings under `extra:` in mkdocs.yml: defaults, refusals, one style for every section."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from mkdocs.config import load_config

from yinglie.siteplan import load_records
from yinglie.collation import COMPOUND_SURNAMES
from yinglie.config import (EventsConfig, ExtraConfig, HonorsConfig, HonorSettings, RecordsConfig, SettingsError,
                            default_settings, settings_from)

ROOT = Path(__file__).resolve().parent.parent


def refused(extra: dict, tmp_path: Path) -> str:
    with pytest.raises(SettingsError) as raised:
        settings_from(extra, tmp_path)
    return str(raised.value)


# --- Defaults: a setting left out has its default, declared once, in its option ------------

def test_absent_settings_have_their_defaults(tmp_path):
    settings = settings_from({}, tmp_path)
    assert settings.root == tmp_path
    assert settings.language == "zh"
    assert settings.genders == ("男", "女", "不详")
    assert [p.name for p in settings.periods][:2] == ["第一次国内革命战争时期", "土地革命战争时期"]
    assert len(settings.periods) == 8
    assert settings.period("抗日战争时期").start == date(1931, 9, 18)
    assert settings.facility_levels == ("国家级", "市级", "区县级", "零散")
    assert len(settings.facility_types) == 9
    assert (settings.photo_max_pixels, settings.photo_widths) == (60_000_000, (480, 960, 1600))
    assert settings.photo_max_bytes == 40 * 1024 * 1024
    assert (settings.district, settings.bureau, settings.repository_public) == ("本区", "区退役军人事务局", False)
    assert settings.max_file_bytes == 1024 * 1024
    assert settings.public_values == ()
    events = settings.events
    assert events.types == ("清明祭英烈", "烈士纪念日", "五进", "走访慰问", "迁葬", "送喜报")
    assert events.outreach_type == "五进"
    assert events.outreach_targets == ("进机关", "进校园", "进企业", "进社区", "进军营")
    assert events.qingming is True
    assert [(d.name, d.month, d.day, d.since) for d in events.fixed_days] == [("烈士纪念日", 9, 30, 2014)]
    assert (events.first_year, events.last_year) == (2020, 2050)
    honors = settings.honors
    assert honors.award_classes == ("一等功", "二等功", "三等功", "优秀士兵", "优秀士官")
    assert honors.branches[0] == "陆军某部" and honors.branches[-1] == "某部"
    assert honors.townships == ()
    assert honors.compound_surnames == COMPOUND_SURNAMES


def test_a_section_or_a_setting_given_as_nothing_has_the_defaults(tmp_path):
    # `records:` or `fixed_days:` with nothing after it is YAML's null.
    settings = settings_from({"records": None, "events": {"fixed_days": None}, "honors": {"townships": None}}, tmp_path)
    assert settings == settings_from({}, tmp_path)


def test_the_defaults_are_the_options_defaults(tmp_path):
    """Each default is written once: in its option; Settings and the synthetic writers take it from there."""
    settings = default_settings()
    assert list(settings.genders) == RecordsConfig.genders.default
    assert [p.name for p in settings.periods] == [p["name"] for p in RecordsConfig.periods.default]
    assert list(settings.events.types) == EventsConfig.types.default
    assert list(settings.honors.award_classes) == HonorsConfig.award_classes.default
    assert list(settings.honors.branches) == HonorsConfig.branches.default
    import yinglie.config as config

    assert not [name for name in dir(config) if name.startswith("DEFAULT_")]


def test_settings_given_replace_the_defaults(tmp_path):
    settings = settings_from({
        "records": {"genders": ["男", "女"], "periods": [{"name": "测试时期", "start": "1900-01-01", "end": "1910-12-31"}],
                    "photo_widths": [960, 480, 960], "max_file_kib": 8, "data_root": "data"},
        "events": {"types": ["祭扫"], "outreach_type": "祭扫", "fixed_days": []},
        "honors": {"award_classes": ["三等功"], "townships": ["几江街道"], "compound_surnames": ["司空"]},
    }, tmp_path)
    assert settings.genders == ("男", "女")
    assert settings.root == tmp_path / "data"
    assert [(p.name, p.start, p.end) for p in settings.periods] == [("测试时期", date(1900, 1, 1), date(1910, 12, 31))]
    assert settings.photo_widths == (480, 960)
    assert settings.max_file_bytes == 8 * 1024
    assert settings.events.types == ("祭扫",)
    assert settings.events.fixed_days == ()  # an empty list of fixed days marks none
    assert settings.honors.award_classes == ("三等功",)
    assert settings.honors.townships == ("几江街道",)
    assert settings.honors.compound_surnames == (*COMPOUND_SURNAMES, "司空")


def test_a_date_typed_without_quotes_is_a_date_too(tmp_path):
    # YAML reads `start: 1900-01-01` as a date, not a text.
    settings = settings_from({"records": {"periods": [{"name": "测试时期", "start": date(1900, 1, 1),
                                                       "end": "1910-12-31"}]}}, tmp_path)
    assert settings.periods[0].start == date(1900, 1, 1)


# --- An explicit empty list is refused where empty makes no sense -------------------------

@pytest.mark.parametrize("section, name, default", [
    ("records", "genders", "男、女、不详"),
    ("records", "periods", "第一次国内革命战争时期、土地革命战争时期"),
    ("records", "facility_types", "烈士陵园、烈士墓"),
    ("records", "facility_levels", "国家级、市级、区县级、零散"),
    ("records", "photo_widths", "480、960、1600"),
    ("events", "types", "清明祭英烈、烈士纪念日"),
    ("events", "outreach_targets", "进机关、进校园"),
    ("honors", "award_classes", "一等功、二等功"),
    ("honors", "branches", "陆军某部、海军某部"),
])
@pytest.mark.parametrize("empty", [[], None])
def test_an_empty_list_is_refused_not_taken_for_the_defaults(tmp_path, section, name, default, empty):
    message = refused({section: {name: empty}}, tmp_path)
    assert message.startswith(f"extra.{section}.{name}: must not be empty (leave the setting out for the defaults: {default}")


def test_townships_may_be_empty_until_there_are_notices(tmp_path):
    settings = settings_from({"honors": {"townships": []}}, tmp_path)
    assert settings.honors.townships == ()
    load_records(settings)  # no notices: nothing needs a town
    (tmp_path / "honors" / "2023").mkdir(parents=True)
    (tmp_path / "honors" / "2023" / "round.yml").write_text("- name: 王某\n", encoding="utf-8")
    with pytest.raises(SettingsError, match=r"^extra\.honors\.townships: 请列出本区的镇街"):
        load_records(settings)


# --- Wrong types and unknown names are refused, naming the setting ------------------------

@pytest.mark.parametrize("extra, message", [
    ({"records": "zh"}, "extra.records: must be a mapping of settings"),
    ({"records": {"genders": "男"}}, "extra.records.genders: must be a list, not str"),
    ({"records": {"genders": ["男", 1]}}, "extra.records.genders: must be text, not int (put it in quotes)"),
    ({"records": {"language": "fr"}}, "extra.records.language: Expected one of: ('zh', 'en') but received: 'fr'"),
    ({"records": {"photo_max_pixels": "many"}}, "extra.records.photo_max_pixels: 'many' is not a positive whole number"),
    ({"records": {"photo_widths": [0, 200]}}, "extra.records.photo_widths: 0 is not a positive whole number"),
    ({"records": {"max_file_kib": 0}}, "extra.records.max_file_kib: must be between 1 and 65536 (KiB)"),
    ({"records": {"max_file_kib": True}}, "extra.records.max_file_kib: must be between 1 and 65536 (KiB)"),
    ({"records": {"periods": [{"name": "x", "start": "1900-01-01", "end": "1900-13-01"}]}},
     "extra.records.periods[1].end: month must be in 1..12"),
    ({"records": {"periods": [{"name": "x", "start": "1900-01-01"}]}}, "extra.records.periods[1].end: required"),
    ({"records": {"periods": ["x"]}}, "extra.records.periods[1]: must be a mapping of settings (name, start, end)"),
    ({"events": {"qingming": "yes"}}, "extra.events.qingming: must be true or false, not 'yes'"),
    ({"events": {"calendar_first_year": 1600}}, "extra.events.calendar_first_year: 1600 is not a year from 1700 to 2100"),
    ({"events": {"calendar_first_year": 2030, "calendar_last_year": 2025}},
     "extra.events: calendar_first_year is after calendar_last_year"),
    ({"events": {"outreach_type": "进校园"}}, "extra.events.outreach_type: '进校园' is not one of extra.events.types"),
    ({"events": {"fixed_days": [{"name": "x", "month_day": "02-29"}]}},
     "extra.events.fixed_days[1].month_day: '02-29' is not MM-DD (02-29 cannot recur yearly)"),
    ({"honors": {"award_classes": "一等功"}}, "extra.honors.award_classes: must be a list, not str"),
    ({"honors": {"townships": [1]}}, "extra.honors.townships: must be text, not int (put it in quotes)"),
    ({"publication_guard": {"public_values": "023-47521234"}},
     "extra.publication_guard.public_values: must be a list, not str"),
    ({"footer": "某局"}, "extra.footer: must be a mapping of settings"),
    ({"footer": {"site_code": 5001160001}}, "extra.footer.site_code: must be text, not int (put it in quotes)"),
    ({"demo_data": "no"}, "extra.demo_data: must be true or false, not 'no'"),
])
def test_a_wrong_setting_is_refused_naming_it(tmp_path, extra, message):
    assert refused(extra, tmp_path) == message


@pytest.mark.parametrize("extra, where", [
    ({"records": {"gendres": ["男"]}}, "extra.records.gendres"),
    ({"events": {"fixed_days": [{"name": "x", "month_day": "09-30", "sinse": 2014}]}}, "extra.events.fixed_days[1].sinse"),
    ({"honors": {"township": ["几江街道"]}}, "extra.honors.township"),
    ({"publication_guard": {"public_value": ["x"]}}, "extra.publication_guard.public_value"),
    ({"footer": {"icp_number": "渝ICP备12345678号"}}, "extra.footer.icp_number"),
])
def test_an_unknown_name_is_refused_not_ignored(tmp_path, extra, where):
    """A misspelt setting would otherwise silently mean its default."""
    message = refused(extra, tmp_path)
    assert message.startswith(f"{where}: unknown setting (the settings here: ")


def test_other_keys_under_extra_are_left_to_material_and_the_templates(tmp_path):
    extra = {"generator": False, "scope": "/", "social": [{"icon": "x"}]}
    assert settings_from(extra, tmp_path) == settings_from({}, tmp_path)


def test_the_district_and_bureau_are_settings(tmp_path):
    settings = settings_from({"bureau": "某局", "district": "某区", "repository": {"public": True}}, tmp_path)
    assert (settings.district, settings.bureau, settings.repository_public) == ("某区", "某局", True)
    assert refused({"repository": {"public": "yes"}}, tmp_path).startswith("extra.repository.public: must be true or false")
    assert refused({"repository": {"pubilc": True}}, tmp_path).startswith("extra.repository.pubilc: unknown setting")


# --- Honors settings: typed, and checked, like every other section -------------------------

def test_honors_settings_are_typed_and_checked_with_the_others(tmp_path):
    assert HonorsConfig in [option.config_class for _, option in ExtraConfig._schema if hasattr(option, "config_class")]
    settings = settings_from({"honors": {"townships": ["几江街道"]}}, tmp_path)
    assert isinstance(settings.honors, HonorSettings)
    assert settings.honors.choices("townships") == ["几江街道"]
    # Checked when the settings are read, whether or not there are notices.
    assert refused({"honors": {"branches": []}}, tmp_path).startswith("extra.honors.branches: must not be empty")
    # Frozen, like the rest.
    with pytest.raises(AttributeError):
        settings.honors.townships = ()  # type: ignore[misc]


def test_public_values_take_the_footer_items_as_listed(tmp_path):
    settings = settings_from({"publication_guard": {"public_values": ["023-47521234"]},
                              "footer": {"icp": "渝ICP备12345678号", "address": "", "organiser": "某局"}}, tmp_path)
    assert settings.public_values == ("023-47521234", "渝ICP备12345678号", "某局")
    assert settings.honors.public_values == settings.public_values


def test_the_projects_own_settings_are_valid():
    config = load_config(str(ROOT / "mkdocs.yml"))
    settings = settings_from(config.extra, ROOT)
    assert "捐资助学" in settings.events.types
    assert len(settings.honors.townships) == 30
