"""The page/template contract: bodies sanitised unless a page is trusted, titles escaped
once, templates given their page's data (never the whole catalogue), and a misspelt
record field in a template failing the build, naming the template.
"""

from __future__ import annotations

from types import SimpleNamespace

import jinja2
import pytest
from conftest import ROOT, copy_project
from yinglie.pages import MisspeltField, SitePage, TemplateFieldError, TemplateFields, strict_templates
from yinglie.sitebuild import SiteBuild

HOSTILE_BODY = '<p>正文</p><script>alert(1)</script><img src=x onerror=alert(2)>'


def fake_page(src_uri: str, template: str | None = None):
    return SimpleNamespace(file=SimpleNamespace(src_uri=src_uri), meta={"template": template} if template else {})


# --- sanitised unless trusted ------------------------------------------------------


def test_a_page_body_is_sanitised_unless_the_page_says_it_is_trusted():
    build = SiteBuild()
    build.pages = {
        "default/index.md": SitePage("default/index.md", "默认", "main.html"),
        "trusted/index.md": SitePage("trusted/index.md", "代码所写", "main.html", trusted=True),
    }
    cleaned = build.page_content(HOSTILE_BODY, fake_page("default/index.md"))
    assert "<script" not in cleaned and "onerror" not in cleaned and "<p>正文</p>" in cleaned
    assert build.page_content(HOSTILE_BODY, fake_page("trusted/index.md")) == HOSTILE_BODY
    # content/ pages are the site's own, not generated from records: left as written.
    assert build.page_content(HOSTILE_BODY, fake_page("about.md")) == HOSTILE_BODY


def test_a_page_made_from_a_record_file_cannot_say_it_is_trusted(tmp_path):
    with pytest.raises(ValueError, match="never trusted"):
        SitePage("martyrs/x/index.md", "某", "martyr.html", edit_path=tmp_path / "x.yml", trusted=True)


def test_no_generated_page_claims_to_be_trusted():
    from mkdocs.config import load_config
    from yinglie.config import settings_from
    from yinglie.siteplan import all_pages, load_records

    config = load_config(str(ROOT / "mkdocs.yml"))
    pages = all_pages(load_records(settings_from(config.extra, ROOT, config.docs_dir)))
    assert pages and not [page.src_uri for page in pages if page.trusted]


# --- titles escaped in one place ---------------------------------------------------


@pytest.mark.parametrize("title, shown", [
    ("清明 & 祭扫", "清明 &amp; 祭扫"),
    ("已转义 &amp; 不再转义", "已转义 &amp;amp; 不再转义"),  # record text is text: its & is escaped too
    ("</title><script>alert(1)</script>", "&lt;/title&gt;&lt;script&gt;alert(1)&lt;/script&gt;"),
])
def test_the_title_is_plain_text_escaped_once_in_the_front_matter(title, shown):
    front = SitePage("x/index.md", title, "main.html").markdown().split("---")[1]
    assert f'title: "{shown}"' in front


@pytest.fixture(scope="module")
def titled_site(tmp_path_factory):
    project = copy_project(tmp_path_factory.mktemp("titles") / "project")
    project.write("events/test-amp.yml", """
        title: 清明 & 祭扫 <b>测试</b>
        date: 2023-04-05
        type: 清明祭英烈
        place: 测试 & 地点
        sources:
          - title: 测试资料
            where: 测试用
    """)
    result = project.build()
    assert result.returncode == 0, result.stdout + result.stderr
    return project.site


def test_an_ampersand_in_a_record_title_is_escaped_exactly_once(titled_site):
    page = (titled_site / "events" / "test-amp" / "index.html").read_text(encoding="utf-8")
    assert "<title>清明 &amp; 祭扫 &lt;b&gt;测试&lt;/b&gt; - " in page
    assert "<h1>清明 &amp; 祭扫 &lt;b&gt;测试&lt;/b&gt;</h1>" in page
    assert "&amp;amp;" not in page and "&amp;lt;" not in page and "<b>测试" not in page


# --- templates get their page's data ------------------------------------------------


def test_templates_never_see_the_catalogue():
    for template in (ROOT / "theme").rglob("*.html"):
        assert "catalogue" not in template.read_text(encoding="utf-8"), template
    build = SiteBuild()
    build.catalogue = object()
    build.pages = {"martyrs/x/index.md": SitePage("martyrs/x/index.md", "某", "martyr.html", context={"martyr": 1})}
    build.content_context = {"home.html": {"martyr_count": 3}}
    # Besides its data, each page gets the build's cache of drawn navigation (ThemeFragments).
    without_fragments = lambda context: {k: v for k, v in context.items() if k != "fragments"}  # noqa: E731
    context = build.page_context({"page": None}, fake_page("martyrs/x/index.md"))
    assert without_fragments(context) == {"page": None, "martyr": 1}
    assert context["fragments"] is build.fragments
    assert without_fragments(build.page_context({}, fake_page("index.md", "home.html"))) == {"martyr_count": 3}
    assert without_fragments(build.page_context({}, fake_page("about.md"))) == {}


# --- a misspelt field fails ---------------------------------------------------------


class Record:  # stands for a record: strictness follows the package a value comes from
    __module__ = "yinglie.martyrs"
    name = "王某"


def render(source: str, **values) -> str:
    env = strict_templates(jinja2.Environment(loader=jinja2.DictLoader({"t.html": source})))
    return env.get_template("t.html").render(values)


@pytest.mark.parametrize("source", [
    "{{ m.nmae }}", "{% if m.nmae %}x{% endif %}", "{{ m.nmae | e }}", "{{ m.nmae == 'a' }}",
    "{% for x in m.nmae %}{% endfor %}", "{{ n.nmae }}", "{{ m.nmae.first }}",
])
def test_a_field_our_values_lack_fails_naming_the_template(source):
    with pytest.raises(TemplateFieldError, match=r"t\.html:1: .*'nmae'.*misspelt"):
        render(source, m=Record(), n=TemplateFields(name="李某"))


def test_what_mkdocs_and_material_give_stays_lenient():
    # Material reads optional settings and page values that may be absent.
    assert render("{% if page.meta and page.meta.title %}t{% endif %}|{% if config.extra.x %}x{% endif %}|{{ nothing }}",
                  page=None, config={"extra": {}}) == "||"
    assert render("{{ m.name }}{% if m.nmae is defined %}!{% endif %}", m=Record()) == "王某"
    assert isinstance(jinja2.Environment().undefined(obj=Record(), name="x"), jinja2.Undefined)
    assert not isinstance(strict_templates(jinja2.Environment()).undefined(obj={}, name="x"), MisspeltField)


@pytest.fixture(scope="module")
def built_once(tmp_path_factory):
    """A project built once (the previous site), then copied for each broken template."""
    project = copy_project(tmp_path_factory.mktemp("strict") / "project")
    result = project.build()
    assert result.returncode == 0, result.stdout + result.stderr
    return project


@pytest.mark.parametrize("template, old, new, field", [
    ("martyr.html", "<h1>{{ m.display_name | e }}</h1>", "<h1>{{ m.nmae | e }}</h1>", "nmae"),
    ("martyr.html", '{{ m.summary | e }}', '{{ m.sumary | e }}', "sumary"),
    ("partials/honor-notice.html", "{% if n.name %}", "{% if n.nmae %}", "nmae"),
    ("plaque.html", "{{ record.display_name | e }} · 纪念牌", "{{ record.display_nmae | e }} · 纪念牌", "display_nmae"),
])
def test_a_misspelt_record_field_fails_the_build_and_the_previous_site_stays(built_once, template, old, new, field):
    project = built_once
    path = project.root / "theme" / template
    original = path.read_text(encoding="utf-8")
    line = next(number for number, text in enumerate(original.splitlines(), 1) if old in text)
    index_before = (project.site / "index.html").read_bytes()
    files_before = sorted(p.relative_to(project.site) for p in project.site.rglob("*"))
    path.write_text(original.replace(old, new), encoding="utf-8")
    try:
        result = project.build()
    finally:
        path.write_text(original, encoding="utf-8")
    assert result.returncode != 0
    assert f"theme/{template}:{line}:" in result.stderr, result.stderr
    assert f"'{field}'" in result.stderr
    assert "Traceback" not in result.stderr  # one clear message, not a stack
    assert (project.site / "index.html").read_bytes() == index_before
    assert sorted(p.relative_to(project.site) for p in project.site.rglob("*")) == files_before
