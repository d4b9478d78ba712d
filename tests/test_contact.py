"""How the public answers the bureau: contact settings in the footer and on the about
page, declared public by value; the 纠错 / 提供线索 e-mail and form; 网上祭扫 links.

Contact details here are obviously fictional (example.gov.cn, a number of zeros): the
demo settings publish none, and a test with none checks that nothing false is said.
"""

from __future__ import annotations

import html
import re
import subprocess
import sys
from urllib.parse import parse_qs, urlsplit

import pytest
from conftest import copy_project

from yinglie.config import SettingsError, settings_from

PHONE = "023-0000 0000"
EMAIL = "jiuzheng@example.gov.cn"
ADDRESS = "测试区测试路1号"
HOURS = "工作日 9:00—17:00"
CONTACT = f"""  contact:
    phone: "{PHONE}"
    email: {EMAIL}
    address: {ADDRESS}
    hours: {HOURS}
"""
TRIBUTE = """  tribute:
    links:
      - {name: 测试网上祭扫平台, url: "https://tribute.example.org/jisao/"}
"""


def replace_block(project, name: str, block: str) -> None:
    """Put `block` in place of the `extra.<name>` block of the copy's mkdocs.yml."""
    config = project.root / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    start = text.index(f"  {name}:")
    end = start + re.search(r"\n  (?:#|\w)", text[start + 3:]).start() + 4
    config.write_text(text[:start] + block + text[end:], encoding="utf-8")


def _page(site, address: str) -> str:
    return (site / address / "index.html").read_text(encoding="utf-8")


def _footer(page: str) -> str:
    return page[page.index('<footer class="md-footer">'):page.index("</footer>")]


@pytest.fixture(scope="module")
def contact_site(tmp_path_factory):
    project = copy_project(tmp_path_factory.mktemp("contact") / "project")
    replace_block(project, "contact", CONTACT)
    replace_block(project, "tribute", TRIBUTE)
    result = project.build()
    assert result.returncode == 0, result.stderr
    return project


def test_the_contact_settings_show_in_every_footer_and_on_the_about_page(contact_site):
    site = contact_site.site
    for address in ("", "about", "martyrs/qi-nanxun", "events/2022-wujin"):
        footer = _footer(_page(site, address))
        assert f"联系电话：{PHONE}" in footer and f'<a href="mailto:{EMAIL}">{EMAIL}</a>' in footer
        assert f"通信地址：{ADDRESS}" in footer and f"办公时间：{HOURS}" in footer
    about = _page(site, "about")
    section = about[about.index('id="contact-heading"'):]
    assert section.index("联系我们") < section.index(f"联系电话：{PHONE}") < section.index("</section>")


def test_the_contact_values_are_public_by_value_only(contact_site, tmp_path):
    # Declared: the build above passed with them on every page. Any other number is refused.
    project = copy_project(tmp_path / "project")
    replace_block(project, "contact", CONTACT)
    about = project.root / "content" / "about.md"
    about.write_text(about.read_text(encoding="utf-8") + "\n值班电话：023-0000 0001。\n", encoding="utf-8")
    result = project.build()
    assert result.returncode != 0
    assert any(line.startswith("site/about/index.html:") and "电话号码" in line for line in result.stderr.splitlines())


def test_a_martyr_page_composes_the_e_mail_naming_the_record(contact_site):
    page = _page(contact_site.site, "martyrs/qi-nanxun")
    section = page[page.index('class="ml-correction-link"'):]
    href = html.unescape(re.search(r'<a class="md-button md-button--primary" href="([^"]*)"', section)[1])
    parts = urlsplit(href)
    assert (parts.scheme, parts.path) == ("mailto", EMAIL)
    query = parse_qs(parts.query)
    assert query["subject"] == ["纠错/提供线索：漆南薰"]
    body = query["body"][0]
    assert "记录：漆南薰\r\n" in body
    assert "页面：https://www.example.gov.cn/zt/yinglie/martyrs/qi-nanxun/\r\n" in body
    # Percent-encoded throughout: no "+" for a space, which a mail program shows as it is.
    assert "+" not in href and "\r\n" not in href and "%0D%0A" in href
    form = re.search(r'<a class="md-button" href="([^"]*)">打开纠错与线索登记表', section)[1]
    assert form == "../../correction/?id=qi-nanxun"


def test_the_correction_page_is_the_form_with_the_bureaus_address(contact_site):
    page = _page(contact_site.site, "correction")
    assert f'data-mail-to="{EMAIL}"' in page
    assert "data-mail-subject=\"纠错/提供线索：{name}\"" in page
    for label in ("烈士姓名", "页面地址", "需要更正的内容或提供的线索", "您的称呼和联系方式（自愿填写，仅用于核实）"):
        assert f"<dt>{label}</dt>" in page
    assert '<script src="../assets/correction.js" defer></script>' in page
    # No form is submitted anywhere: the page has no <form>, no input, no action.
    assert "<form" not in page.split('class="ml-correction"')[1].split("</section>")[0]


def test_the_site_with_mailto_links_passes_the_link_check(contact_site):
    result = subprocess.run([sys.executable, "-m", "yinglie.linkcheck", "--site-dir", str(contact_site.site)],
                            cwd=contact_site.root, capture_output=True, text=True,
                            env={"PYTHONPATH": str(contact_site.root / "hooks"), "PATH": ""})
    assert result.returncode == 0, result.stdout + result.stderr


def test_the_home_page_links_to_the_online_tribute_pages(contact_site):
    page = _page(contact_site.site, "")
    section = page[page.index('class="ml-tribute"'):]
    assert '<a href="https://tribute.example.org/jisao/" rel="noopener">测试网上祭扫平台</a>' in section
    assert '<script src="assets/tribute.js" defer></script>' in section


def test_with_no_contact_nothing_is_claimed(demo_site):
    """The demo publishes no contact: the footer says nothing of one, the about page says
    none is published, and no e-mail is offered."""
    for address in ("", "about", "martyrs/qi-nanxun"):
        page = _page(demo_site, address)
        assert "联系电话" not in _footer(page) and "mailto:" not in page
    assert "本站尚未公布联系方式。" in _page(demo_site, "about")
    assert "本站尚未公布接收邮件的地址" in _page(demo_site, "correction")
    assert 'class="ml-tribute"' not in _page(demo_site, "")


@pytest.mark.parametrize("email", ["jiuzheng", "a@b", "a@example.org?cc=b@example.org", "a b@example.org",
                                   "a@example.org,b@example.org"])
def test_an_address_a_mailto_could_not_carry_alone_is_refused(tmp_path, email):
    with pytest.raises(SettingsError) as raised:
        settings_from({"contact": {"email": email}}, tmp_path)
    assert str(raised.value).startswith("extra.contact.email: ")


def test_contact_items_are_public_values(tmp_path):
    settings = settings_from({"contact": {"phone": PHONE, "email": EMAIL}}, tmp_path)
    assert PHONE in settings.public_values and EMAIL in settings.public_values
