"""Rendering the one content model as HTML, PDF (WeasyPrint) and Word (python-docx)."""

from __future__ import annotations

import io
import re
import unicodedata
from datetime import date
from pathlib import Path

from docx import Document
from docx.enum.section import WD_ORIENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt

from api.documents.child_copy import ChildCopy
from api.documents.content import PepDocument
from api.templating import templates

DOCUMENT_CSS = Path(__file__).resolve().parent.parent / "static" / "document.css"
DOCUMENT_CSS_URL = "/static/document.css"
DOCX_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"

# What XML 1.0 cannot hold. The edge refuses these now, but older rows may carry them, and one
# stray character must not make a PEP's Word file impossible to produce.
_NOT_XML = re.compile("[^\t\n\r\x20-\x7e\xa0-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def xml_safe(text: object) -> str:
    return _NOT_XML.sub("", str(text))


def text_dir(text: object) -> str:
    """The text's direction: "rtl" if its first strongly directional character is, else "ltr".

    HTML's dir="auto" says the same to a browser, but WeasyPrint ignores it, so the templates are
    given the answer: an Arabic or Hebrew answer reads right to left in the PDF too, on its own,
    without reordering the English around it.
    """
    for char in str(text or ""):
        kind = unicodedata.bidirectional(char)
        if kind in ("R", "AL"):
            return "rtl"
        if kind == "L":
            return "ltr"
    return "ltr"


def to_html(doc: PepDocument, *, stylesheet: str | None = DOCUMENT_CSS_URL) -> str:
    """The styles are a linked file, never a <style> block, so the page needs no inline CSS."""
    template = templates.env.get_template("document.html")
    return template.render(
        doc=doc,
        stylesheet=stylesheet,
        printed_on=date.today().strftime("%d/%m/%Y"),
        text_dir=text_dir,
    )


def to_pdf(doc: PepDocument) -> bytes:
    from weasyprint import CSS, HTML

    # WeasyPrint reads the stylesheet from disk: the HTML it gets has no link to fetch.
    html = HTML(string=to_html(doc, stylesheet=None))
    return bytes(html.write_pdf(stylesheets=[CSS(filename=str(DOCUMENT_CSS))]))


CHILD_COPY_CSS = Path(__file__).resolve().parent.parent / "static" / "my-copy.css"


def child_copy_html(copy: ChildCopy, stylesheet: str = "/static/my-copy.css") -> str:
    template = templates.env.get_template("my_copy.html")
    return template.render(copy=copy, stylesheet=stylesheet, text_dir=text_dir)


def child_copy_pdf(copy: ChildCopy) -> bytes:
    from weasyprint import HTML

    return bytes(HTML(string=child_copy_html(copy, CHILD_COPY_CSS.as_uri())).write_pdf())


def to_docx(doc: PepDocument) -> bytes:
    document = Document()
    section = document.sections[0]
    section.orientation = WD_ORIENT.PORTRAIT
    section.page_width, section.page_height = Mm(210), Mm(297)
    section.header.paragraphs[0].text = xml_safe(
        f"{doc.child_name}: Personal Education Plan (OFFICIAL-SENSITIVE)"
    )
    _page_number_footer(section.footer.paragraphs[0])
    document.styles["Normal"].font.name = "Arial"
    document.styles["Normal"].font.size = Pt(10.5)
    document.add_heading(xml_safe(doc.title), level=0)
    for title in ("The child", "Personal and care details"):
        _pairs(document, title, doc.rows[title])
    document.add_heading("School history", level=2)
    _table(
        document,
        ["School or setting", "From", "To", "Reason for leaving"],
        [[s["school"], s["from"], s["to"], s["reason"]] for s in doc.school_history],
    )
    _pairs(document, "The PEP meeting", doc.rows["The PEP meeting"])
    document.add_heading("My views (in my own words)", level=1)
    _table(
        document,
        ["Topic", "Rating", "What I said"],
        [[v["topic"], v["rating"], v["words"]] for v in doc.views],
    )
    _pairs(document, None, doc.view_notes)
    document.add_heading("Other views", level=1)
    _table(
        document,
        ["Whose view", "In the words given", "Given and recorded"],
        [[v["kind_label"], v["text"], v["recorded_as"]] for v in doc.other_views],
    )
    for title in (
        "Attendance, exclusions and attainment this term",
        "Education arrangements",
        "Education summary",
        "Attendance, SEND and education summary",
    ):
        _pairs(document, title, doc.rows[title])
    document.add_heading("Previous targets reviewed", level=1)
    _table(
        document,
        ["What", "Expected outcome", "Met?", "Note"],
        [[t["what"], t["outcome"], t["review"], t["review_note"]] for t in doc.previous_targets],
    )
    document.add_heading("New targets", level=1)
    _table(
        document,
        ["What I said", "What we will do", "How", "Who", "When", "Expected outcome", "PP+"],
        [
            [t[k] for k in ("said", "what", "how", "who", "when", "outcome", "ppp")]
            for t in doc.targets
        ],
    )
    document.add_heading("Actions", level=1)
    _table(
        document,
        ["What", "Who", "By when", "Done"],
        [[a.get(k, "") for k in ("what", "who", "when", "done")] for a in doc.actions],
    )
    _pairs(document, "Virtual school sign-off", doc.rows["Virtual school sign-off"])
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def _pairs(document: object, title: str | None, rows: list[tuple[str, str]]) -> None:
    if title:
        document.add_heading(title, level=1)  # type: ignore[attr-defined]
    _table(document, None, [[k, v] for k, v in rows])


def _table(document: object, header: list[str] | None, rows: list[list[str]]) -> None:
    if not rows:
        document.add_paragraph("Nothing recorded.")  # type: ignore[attr-defined]
        return
    width = len(header) if header else len(rows[0])
    table = document.add_table(rows=0, cols=width)  # type: ignore[attr-defined]
    table.style = "Table Grid"
    if header:
        cells = table.add_row().cells
        for cell, text in zip(cells, header, strict=True):
            cell.text = text
            cell.paragraphs[0].runs[0].bold = True
    for row in rows:
        for cell, text in zip(table.add_row().cells, row, strict=True):
            cell.text = xml_safe(text)


def _page_number_footer(paragraph: object) -> None:
    """A PAGE field, so Word numbers every page itself."""
    paragraph.alignment = WD_ALIGN_PARAGRAPH.RIGHT  # type: ignore[attr-defined]
    run = paragraph.add_run("Page ")  # type: ignore[attr-defined]
    for kind, text in (("begin", None), (None, "PAGE"), ("end", None)):
        if kind:
            field = OxmlElement("w:fldChar")
            field.set(qn("w:fldCharType"), kind)
            run._r.append(field)
        else:
            instr = OxmlElement("w:instrText")
            instr.set(qn("xml:space"), "preserve")
            instr.text = text
            run._r.append(instr)
