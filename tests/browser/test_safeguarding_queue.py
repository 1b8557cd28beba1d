"""The designated safeguarding lead signs in, reads a queued message and records a decision."""

from __future__ import annotations

import re
import uuid

import pytest
from playwright.sync_api import Page, expect
from sqlalchemy import select
from sqlalchemy.orm import Session

from api.db.session import build_engine
from api.models import Child, Concern, Pep
from api.models.enums import ConcernKind, ConcernTier
from tests.browser.conftest import sign_in
from tests.fixtures.live import Stack


def queue_for_review(stack: Stack, first_name: str, text: str) -> None:
    """Stand in for the screen's review tier, which the real screen does not fill yet."""
    engine = build_engine(stack.env["DATABASE_URL"])
    try:
        with Session(engine) as session:
            pep, child = session.execute(
                select(Pep, Child)
                .join(Child, Child.id == Pep.child_id)
                .where(Child.first_name == first_name)
            ).one()
            session.add(
                Concern(
                    child_id=child.id,
                    pep_id=pep.id,
                    kind=ConcernKind.SAFEGUARDING,
                    tier=ConcernTier.REVIEW,
                    text=text,
                    topic="feelings_about_self",
                    source="screen",
                )
            )
            session.commit()
    finally:
        engine.dispose()


@pytest.mark.browser
def test_the_lead_reads_a_queued_message_and_decides(page: Page, pages_stack: Stack) -> None:
    words = f"I get headaches and nobody at home notices ({uuid.uuid4().hex[:6]})"
    queue_for_review(pages_stack, "Jordan", words)

    sign_in(page, pages_stack.api_url, "demo-dsl")
    expect(page.get_by_role("heading", level=1)).to_have_text("Safeguarding")
    page.get_by_role("link", name="Read the safeguarding queue").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Safeguarding queue")
    item = page.get_by_test_id("queue-item").filter(has_text=words)
    expect(item).to_contain_text("For review")
    expect(item).to_contain_text("Jordan Evans (KS4)")
    expect(item.get_by_test_id("child-words")).to_have_text(words)

    item.get_by_role("button", name="Record decision").click()
    expect(page.get_by_role("alert")).to_contain_text(
        "Select whether this is a safeguarding concern"
    )
    expect(page.get_by_role("alert")).to_contain_text("Write a note")

    item = page.get_by_test_id("queue-item").filter(has_text=words)
    item.get_by_label("Raised as a safeguarding concern").check()
    item.get_by_label(re.compile("Note")).fill("Referred to the MASH at 11:05")
    item.get_by_role("button", name="Record decision").click()
    decision = page.get_by_test_id("queue-item").filter(has_text=words).get_by_test_id("decision")
    expect(decision).to_contain_text("Raised as a safeguarding concern")
    expect(decision).to_contain_text("Referred to the MASH at 11:05")
    expect(decision).to_contain_text("Dami Sule")
