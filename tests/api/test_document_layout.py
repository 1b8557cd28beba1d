"""The printed PEP keeps to the A4 page: a long link or an unbroken name wraps, never pushes a
column off the paper. Measured in the PDF itself: every piece of text drawn, where it starts and
where it ends, against the page's right margin."""

from __future__ import annotations

import io
import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any, cast

import pytest
from fastapi.testclient import TestClient
from pypdf import PageObject, PdfReader
from pypdf.generic import ArrayObject, ContentStream, DictionaryObject

from tests.helpers import Demo, review_day

LONG_URL = (
    "https://demoborough.sharepoint.com/sites/VirtualSchool/Shared%20Documents/"
    "PEP%20resources/KS4%20Maths%20intervention%20plan%202026-27.docx"
)
LONG_NAME = ("Wolfeschlegelsteinhausenbergerdorff" * 6)[:200]  # one word, the most allowed
OUTCOME = "Grade 5 in the March mock paper"
PPP = "Ten maths tutoring sessions"
TARGET = {
    "what": "Jordan will solve two-step equations on his own",
    "how": f"Weekly small-group maths using the plan at {LONG_URL}",
    "who": "Maths HLTA",
    "when": review_day(115),
    "outcome": OUTCOME,
    "ppp": PPP,
}

# document.css: @page { size: A4; margin: 22mm 16mm 20mm }. Text may touch the margin, not cross it.
RIGHT_MARGIN_PT = 16 / 25.4 * 72
TOLERANCE_PT = 0.5


Matrix = tuple[float, float, float, float, float, float]
IDENTITY: Matrix = (1.0, 0.0, 0.0, 1.0, 0.0, 0.0)


def _times(m: Matrix, n: Matrix) -> Matrix:
    """m then n, as PDF composes them (row vectors: p · m · n)."""
    a, b, c, d, e, f = m
    a2, b2, c2, d2, e2, f2 = n
    return (
        a * a2 + b * c2,
        a * b2 + b * d2,
        c * a2 + d * c2,
        c * b2 + d * d2,
        e * a2 + f * c2 + e2,
        e * b2 + f * d2 + f2,
    )


def _x_of(m: Matrix, x: float, y: float = 0.0) -> float:
    return x * m[0] + y * m[2] + m[4]


@dataclass
class Fragment:
    """One text-showing operation: its glyphs, and where on the page it starts and ends."""

    font: str
    glyphs: int
    left: float
    right: float


class _FontWidths:
    """Glyph advances (thousandths of the font size) from a font's /W or /Widths."""

    def __init__(self, font: DictionaryObject) -> None:
        self.two_byte = font.get("/Subtype") == "/Type0"
        self.widths: dict[int, float] = {}
        self.default = 1000.0
        if self.two_byte:
            descendants = cast(ArrayObject, font["/DescendantFonts"].get_object())
            cid_font = cast(DictionaryObject, descendants[0].get_object())
            self.default = float(cid_font.get("/DW", 1000))
            entries = list(cid_font.get("/W", []))
            i = 0
            while i < len(entries):
                first = int(entries[i])
                following = entries[i + 1]
                if isinstance(following, list):
                    for offset, width in enumerate(following):
                        self.widths[first + offset] = float(width)
                    i += 2
                else:
                    for code in range(first, int(following) + 1):
                        self.widths[code] = float(entries[i + 2])
                    i += 3
        else:
            first = int(font.get("/FirstChar", 0))
            for offset, width in enumerate(font.get("/Widths", [])):
                self.widths[first + offset] = float(width)

    def codes(self, data: bytes) -> list[int]:
        if self.two_byte:
            return [int.from_bytes(data[i : i + 2], "big") for i in range(0, len(data), 2)]
        return list(data)

    def advance(self, code: int) -> float:
        return self.widths.get(code, self.default)


def text_fragments(page: PageObject) -> Iterator[Fragment]:
    """Every text-showing operation on the page, placed by the graphics and text matrices."""
    resources = cast(DictionaryObject, page["/Resources"].get_object())
    fonts = {
        name: _FontWidths(cast(DictionaryObject, font.get_object()))
        for name, font in cast(DictionaryObject, resources.get("/Font", DictionaryObject())).items()
    }
    content = ContentStream(page.get_contents(), page.pdf)
    ctm: Matrix = IDENTITY
    stack: list[Matrix] = []
    tm: Matrix = IDENTITY
    font_name, size, char_spacing, word_spacing, scale = "", 0.0, 0.0, 0.0, 1.0
    for operands, op in content.operations:
        name = op.decode()
        if name == "q":
            stack.append(ctm)
        elif name == "Q":
            ctm = stack.pop()
        elif name == "cm":
            ctm = _times(tuple(float(v) for v in operands), ctm)  # type: ignore[arg-type]
        elif name == "BT":
            tm = IDENTITY
        elif name == "Tm":
            tm = tuple(float(v) for v in operands)  # type: ignore[assignment]
        elif name == "Td":
            tm = _times((1, 0, 0, 1, float(operands[0]), float(operands[1])), tm)
        elif name == "Tf":
            font_name, size = str(operands[0]), float(operands[1])
        elif name == "Tc":
            char_spacing = float(operands[0])
        elif name == "Tw":
            word_spacing = float(operands[0])
        elif name == "Tz":
            scale = float(operands[0]) / 100
        elif name in ("Tj", "TJ"):
            font = fonts[font_name]
            parts: list[Any] = list(operands[0]) if name == "TJ" else [operands[0]]
            advance, glyphs = 0.0, 0
            for part in parts:
                if isinstance(part, bytes | str):
                    data = part if isinstance(part, bytes) else part.encode("latin-1")
                    if hasattr(part, "original_bytes"):
                        data = part.original_bytes
                    for code in font.codes(data):
                        glyphs += 1
                        space = word_spacing if code == 32 and not font.two_byte else 0.0
                        advance += (font.advance(code) / 1000 * size + char_spacing + space) * scale
                else:
                    advance -= float(part) / 1000 * size * scale
            placed = _times(tm, ctm)
            ends = (_x_of(placed, 0.0), _x_of(placed, advance))
            yield Fragment(font_name, glyphs, min(ends), max(ends))
            tm = _times((1, 0, 0, 1, advance, 0), tm)


def _words(text: str) -> str:
    return re.sub(r"\s+", " ", text)


@pytest.fixture
def pdf_with_long_words(client: TestClient, demo: Demo) -> PdfReader:
    pep = demo.peps_by_band["KS4"]
    headers = demo.auth("demo-dt")
    saved = client.post(f"/api/v1/peps/{pep}/targets", headers=headers, json=TARGET)
    assert saved.status_code == 201, saved.text
    chair = client.patch(f"/api/v1/peps/{pep}", headers=headers, json={"meeting_chair": LONG_NAME})
    assert chair.status_code == 200, chair.text
    response = client.get(f"/api/v1/peps/{pep}/document.pdf", headers=demo.auth("demo-vs"))
    assert response.status_code == 200
    return PdfReader(io.BytesIO(response.content))


def test_the_long_name_is_unbroken_and_at_most_200_characters() -> None:
    assert len(LONG_NAME) == 200 and " " not in LONG_NAME


def test_no_text_crosses_the_right_margin(pdf_with_long_words: PdfReader) -> None:
    for number, page in enumerate(pdf_with_long_words.pages, start=1):
        limit = float(page.mediabox.right) - RIGHT_MARGIN_PT + TOLERANCE_PT
        fragments = list(text_fragments(page))
        assert fragments, f"page {number} has no text to measure"
        beyond = [f for f in fragments if f.right > limit or f.left < 0]
        assert not beyond, (
            f"page {number}: text past the right margin at x={limit:.1f}pt: "
            + ", ".join(f"{f.glyphs} glyphs from {f.left:.1f} to {f.right:.1f}pt" for f in beyond)
        )


def test_the_outcome_and_the_pp_plus_spend_are_printed_with_the_new_targets(
    pdf_with_long_words: PdfReader,
) -> None:
    for page in pdf_with_long_words.pages:
        text = _words(page.extract_text())
        if "New targets" in text and "What we will do" in text:
            assert "Expected outcome" in text and "PP+" in text
            assert OUTCOME in text, "the expected outcome is not on the page"
            assert PPP in text, "the PP+ spend is not on the page"
            assert "Maths HLTA" in text
            return
    pytest.fail("no page shows the new targets table")
