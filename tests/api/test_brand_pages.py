"""The pages are the council's, not GOV.UK's: no crown, logotype, Crown copyright or GDS font.

A council's service is not on GOV.UK, so it may use none of GOV.UK's brand. The footer says
whose service it is and links to a privacy notice and an accessibility statement that anyone
can read without signing in.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from api.config import get_settings
from api.static_files import GOVUK_BRAND_ASSETS

PUBLIC_PAGES = ["/sign-in", "/privacy", "/accessibility"]
GOVUK_CSS = (
    Path(__file__).resolve().parents[2] / "api" / "static" / "govuk" / "govuk-frontend.min.css"
)
# What GOV.UK Frontend 6.3's CSS names, in case the CSS is not built here.
KNOWN_FONTS = ["/assets/fonts/light-94a07e06a1-v2.woff2", "/assets/fonts/bold-b542beb274-v2.woff2"]


def font_urls() -> list[str]:
    """Every font file GOV.UK Frontend's precompiled CSS asks for."""
    if not GOVUK_CSS.exists():
        return KNOWN_FONTS
    return sorted(set(re.findall(r"url\((/assets/fonts/[^)]+)\)", GOVUK_CSS.read_text())))


@pytest.fixture
def branded(monkeypatch: pytest.MonkeyPatch) -> Iterator[str]:
    """Another council's name, with a character that must be escaped."""
    name = "Bath & North East Somerset Council"
    monkeypatch.setenv("PEP_VOICE_AUTHORITY_NAME", name)
    monkeypatch.setenv("PEP_VOICE_AUTHORITY_LOGO_URL", "")
    get_settings.cache_clear()
    yield name
    get_settings.cache_clear()


@pytest.mark.parametrize("path", PUBLIC_PAGES)
def test_no_page_carries_govuk_brand(client: TestClient, path: str) -> None:
    page = client.get(path)
    assert page.status_code == 200
    html = page.text
    for mark in (
        "GOV.UK",
        "govuk-logo",
        "govuk-header__logotype",
        "govuk-footer__crown",
        "govuk-footer__copyright-logo",
        "Crown copyright",
        "nationalarchives.gov.uk",
        "/assets/",
    ):
        assert mark not in html, f"{path} still has {mark!r}"
    assert "<svg" not in html  # GOV.UK Frontend's only inline SVGs: crown and OGL


@pytest.mark.parametrize("path", PUBLIC_PAGES)
def test_the_header_and_footer_name_the_council(client: TestClient, path: str) -> None:
    html = client.get(path).text
    header = html[html.index("<header") : html.index("</header>")]
    name = get_settings().authority_name
    assert 'class="govuk-generic-header' in header
    assert f'<span class="pv-authority__name">{name}</span>' in header
    assert 'alt=""' in header  # the logo is decoration: the name beside it is the link's name
    footer = html[html.index("<footer") : html.index("</footer>")]
    assert f"PEP Voice is a service run by {name}." in footer
    assert 'href="/privacy">Privacy notice</a>' in footer
    assert 'href="/accessibility">Accessibility statement</a>' in footer
    assert f"PEP Voice – {name}</title>" in html


def test_the_council_comes_from_the_settings(client: TestClient, branded: str) -> None:
    html = client.get("/privacy").text
    escaped = branded.replace("&", "&amp;")
    assert f'<span class="pv-authority__name">{escaped}</span>' in html
    assert "pv-authority__logo" not in html  # no logo set: the name alone
    assert f"PEP Voice is a service run by {escaped}." in html
    assert branded not in html  # never unescaped


def test_the_privacy_notice_says_what_why_who_how_long_and_how_to_complain(
    client: TestClient,
) -> None:
    page = client.get("/privacy")
    assert page.status_code == 200
    text = re.sub(r"\s+", " ", page.text)
    settings = get_settings()
    for words in (
        "name and date of birth",
        "legal status",
        "their school",
        "My views",
        "kept exactly as they said or typed them",
        "safeguarding concerns",
        "targets",
        "Children Act 1989",
        "designated teacher",
        "virtual school head",
        "Article 6(1)(e)",
        "the designated teacher at the child's school",
        "social worker",
        "designated safeguarding lead",
        settings.care_record_retention,
        "records policy",
        settings.authority_dpo_email,
        "Information Commissioner's Office",
        "ico.org.uk",
    ):
        assert words in text.replace("&#39;", "'"), f"the privacy notice does not say {words!r}"


def test_the_accessibility_statement_is_honest_and_dated(client: TestClient) -> None:
    page = client.get("/accessibility")
    assert page.status_code == 200
    text = re.sub(r"\s+", " ", page.text).replace("&#39;", "'")
    for words in (
        "partially compliant",
        "version 2.2",
        "AA standard",
        "not tagged",
        "2.2.1",
        "Equality and Human Rights Commission",
        "Equality Advisory and Support Service",
        get_settings().authority_accessibility_email,
        "30 minutes after signing in",
        "2 hours after it is made",
        "This statement was prepared on",
    ):
        assert words in text, f"the accessibility statement does not say {words!r}"


def test_the_public_pages_need_no_sign_in(client: TestClient) -> None:
    for path in ("/privacy", "/accessibility"):
        response = client.get(path, follow_redirects=False)
        assert response.status_code == 200
        assert "Sign out" not in response.text


@pytest.mark.parametrize("url", font_urls())
def test_govuk_fonts_are_never_served(client: TestClient, url: str) -> None:
    assert client.get(url).status_code == 404
    assert client.get("/static/govuk" + url).status_code == 404
    assert client.get("/static/govuk/./" + url.lstrip("/")).status_code == 404


def test_no_govuk_brand_asset_is_served(client: TestClient) -> None:
    for asset in ("images/favicon.svg", "images/govuk-crest.svg", "manifest.json"):
        assert client.get(f"/assets/{asset}").status_code == 404
        assert client.get(f"/static/{GOVUK_BRAND_ASSETS[0]}/{asset}").status_code == 404
    assert client.get("/static/govuk/govuk-frontend.min.css").status_code == 200
    assert client.get(get_settings().authority_logo_url).status_code == 200
