"""A child's words print in the PDFs in any script: every character is there and drawn.

WeasyPrint keeps a character its fonts lack in the PDF's text (ToUnicode) but draws it as .notdef
(an empty box), mapping its code to CID 0 in a font's own Encoding CMap. So reading the text back
is not enough: each glyph shown is also decoded through its font's encoding and must not be CID 0
nor lie outside the embedded font. Needs `make fonts` (Debian's Noto fonts).
"""

from __future__ import annotations

import io
import re
from dataclasses import dataclass, field
from typing import Any

import pytest
from fastapi.testclient import TestClient
from fontTools.ttLib import TTFont
from pypdf import PdfReader
from sqlalchemy import select
from sqlalchemy.orm import Session

from api.models import Child, ViewTopic
from api.models.enums import TopicStatus
from tests.helpers import Demo

SAMPLES = {
    "latin": "Zoë Łukasz Nguyễn",
    "cyrillic": "Привет, меня зовут Ваня",
    "greek": "Γεια σου, με λένε Ελένη",
    "arabic": "مرحبا، اسمي محمد",
    "urdu": "میرا نام عائشہ ہے اور مجھے پڑھنا اچھا لگتا ہے",
    "hebrew": "שלום, קוראים לי נועה",
    "hindi": "नमस्ते, मेरा नाम प्रिया है",
    "bengali": "আমার নাম রহিম, আমি ছবি আঁকি",
    "punjabi": "ਮੇਰਾ ਨਾਮ ਹਰਪ੍ਰੀਤ ਹੈ",
    "tamil": "என் பெயர் கார்த்திக்",
    "chinese": "你好，我喜欢画画",
    "japanese": "こんにちは、カタカナと漢字",
    "korean": "안녕하세요 저는 민준이에요",
    "thai": "สวัสดี ฉันชื่อสมชาย",
    "amharic": "ሰላም ስሜ አበበ ነው",
    "tigrinya": "ሰላም ሽመይ ሳባ እዩ፣ ቐልጢፈ እጽሕፍ",
    "somali": "Magacaygu waa Cabdi, waan ku faraxsanahay",
    "pashto": "زما نوم احمد دی او زه ښوونځي ته ځم",
    "sorani": "ناوی من ڕێبوارە، زۆر دڵخۆشم",
    "emoji": "👍 😀 🐉 ⚽",
    "numbers": "12/03/2027 at 10:30, 3 out of 10 → 8 out of 10 (45–69%) £600 #1 *",
}
# The child's name, in three scripts: it heads the document and every printed page.
FIRST_NAME, LAST_NAME = "Zoë 你好", "Łukasz محمد 👍"
# The vocabulary's "My views" topics: the samples are shared out among them.
TOPICS = (
    "feelings_about_self",
    "talents_and_interests",
    "aspirations",
    "going_well",
    "not_going_well",
    "support_wanted",
)

_BFCHAR = re.compile(rb"beginbfchar(.*?)endbfchar", re.S)
_CIDCHAR = re.compile(rb"begincidchar(.*?)endcidchar", re.S)


@dataclass
class PdfFont:
    name: str
    to_unicode: dict[int, str]
    # Codes the font's own Encoding CMap sends elsewhere (CID 0 is .notdef); None: Identity-H.
    cids: dict[int, int] | None = None
    glyph_count: int | None = None  # None: a Type 3 (bitmap) font, drawn by its own procedures
    width: int = 2

    def draws(self, code: int) -> bool:
        if self.glyph_count is None:
            return code in self.to_unicode
        cid = self.cids.get(code, code) if self.cids is not None else code
        return 0 < cid < self.glyph_count


@dataclass
class Shown:
    text: str = ""
    notdef: list[tuple[str, str]] = field(default_factory=list)
    drawn_chars: set[str] = field(default_factory=set)
    fonts_of: dict[str, set[str]] = field(default_factory=dict)


def _pdf_font(font: Any) -> PdfFont:
    name = str(font["/BaseFont"]).split("+", 1)[-1]
    to_unicode: dict[int, str] = {}
    for block in _BFCHAR.findall(font["/ToUnicode"].get_object().get_data()):
        for code, text in re.findall(rb"<([0-9a-fA-F]+)>\s*<([0-9a-fA-F]*)>", block):
            to_unicode[int(code, 16)] = bytes.fromhex(text.decode()).decode("utf-16-be")
    if font["/Subtype"] == "/Type3":
        return PdfFont(name, to_unicode, width=1)
    encoding = font["/Encoding"].get_object()
    cids = None
    if not isinstance(encoding, str) and hasattr(encoding, "get_data"):
        cids = {
            int(code, 16): int(cid)
            for block in _CIDCHAR.findall(encoding.get_data())
            for code, cid in re.findall(rb"<([0-9a-fA-F]+)>\s*(\d+)", block)
        }
    descendant = font["/DescendantFonts"][0].get_object()
    descriptor = descendant["/FontDescriptor"].get_object()
    program = descriptor.get("/FontFile2") or descriptor.get("/FontFile3")
    glyphs = TTFont(io.BytesIO(program.get_object().get_data()))["maxp"].numGlyphs
    assert str(descendant.get("/CIDToGIDMap", "/Identity")) == "/Identity", name
    return PdfFont(name, to_unicode, cids, glyphs)


def read_pdf(content: bytes) -> Shown:
    """The PDF's text, and every glyph it shows decoded through its font."""
    shown = Shown()
    for page in PdfReader(io.BytesIO(content)).pages:
        shown.text += _read_page(page, shown) + "\n"
    return shown


def _read_page(page: Any, shown: Shown) -> str:
    fonts = {key: _pdf_font(ref.get_object()) for key, ref in page["/Resources"]["/Font"].items()}
    current: list[PdfFont] = []

    def visit(operator: bytes, args: list[Any], *_: Any) -> None:
        if operator == b"Tf":
            current[:] = [fonts[args[0]]]
        elif operator in (b"Tj", b"TJ"):
            font = current[0]
            for part in args[0] if operator == b"TJ" else [args[0]]:
                if isinstance(part, int | float):
                    continue
                data = part.encode("latin-1") if isinstance(part, str) else bytes(part)
                for i in range(0, len(data), font.width):
                    code = int.from_bytes(data[i : i + font.width], "big")
                    chars = font.to_unicode.get(code, "")
                    if font.draws(code):
                        shown.drawn_chars.update(chars)
                        for char in chars:
                            shown.fonts_of.setdefault(char, set()).add(font.name)
                    else:
                        shown.notdef.append((font.name, chars or f"code {code}"))

    return str(page.extract_text(visitor_operand_before=visit))


def assert_every_script_printed(shown: Shown, samples: dict[str, str]) -> None:
    missing = sorted({f"{font}: {chars}" for font, chars in shown.notdef})
    assert not missing, f"drawn as .notdef, no font has them: {missing}"
    for script, sample in samples.items():
        chars = {c for c in sample if not c.isspace()}
        lost = "".join(sorted(c for c in chars if c not in shown.text))
        undrawn = "".join(sorted(c for c in chars if c not in shown.drawn_chars))
        assert not lost and not undrawn, (
            f"{script}: not in the text {lost!r}, not drawn {undrawn!r}"
        )


@pytest.fixture
def pep_in_every_script(db: Session, demo: Demo, client: TestClient) -> str:
    pep = demo.peps_by_band["KS2"]
    child_id = client.get(f"/api/v1/peps/{pep}", headers=demo.auth("demo-vs")).json()["child_id"]
    child = db.get(Child, child_id)
    assert child is not None
    child.first_name, child.last_name = FIRST_NAME, LAST_NAME
    stored = {v.topic: v for v in db.scalars(select(ViewTopic).where(ViewTopic.pep_id == pep))}
    items = list(SAMPLES.values())
    for i, topic in enumerate(TOPICS):
        view = stored.get(topic) or ViewTopic(pep_id=pep, topic=topic, question="In your words?")
        view.rating, view.status = 4, TopicStatus.ANSWERED
        view.answer = "\n".join(items[i :: len(TOPICS)])
        db.add(view)
    db.flush()
    return pep


@pytest.mark.parametrize("document", ["document.pdf", "my-copy.pdf"])
def test_every_script_the_child_writes_in_is_printed(
    client: TestClient, demo: Demo, pep_in_every_script: str, document: str
) -> None:
    response = client.get(
        f"/api/v1/peps/{pep_in_every_script}/{document}", headers=demo.auth("demo-dt")
    )
    assert response.status_code == 200 and response.content.startswith(b"%PDF")
    shown = read_pdf(response.content)
    # The child's copy greets the child by first name; the document names the whole child.
    name = FIRST_NAME if document == "my-copy.pdf" else f"{FIRST_NAME} {LAST_NAME}"
    assert_every_script_printed(shown, {**SAMPLES, "name": name})


@pytest.mark.parametrize("document", ["document.pdf", "my-copy.pdf"])
def test_digits_and_signs_are_drawn_in_a_text_font_and_emoji_in_the_emoji_font(
    client: TestClient, demo: Demo, pep_in_every_script: str, document: str
) -> None:
    """The colour emoji font also holds digits, "#" and "*": dates and scores drawn from it
    looked unlike the words around them and wrapped oddly."""
    response = client.get(
        f"/api/v1/peps/{pep_in_every_script}/{document}", headers=demo.auth("demo-dt")
    )
    shown = read_pdf(response.content)
    for char in {c for c in SAMPLES["numbers"] + SAMPLES["latin"] if not c.isspace()}:
        fonts = shown.fonts_of.get(char, set())
        assert fonts and not any("Emoji" in f for f in fonts), f"{char!r} drawn in {fonts}"
    for char in {c for c in SAMPLES["emoji"] if not c.isspace()}:
        assert any("Emoji" in f for f in shown.fonts_of.get(char, set())), char
