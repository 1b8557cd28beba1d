"""The PEP document in three formats, for anyone who may see the PEP."""

from __future__ import annotations

import unicodedata
from typing import TypeVar
from urllib.parse import quote

from fastapi import APIRouter, Response
from fastapi.responses import HTMLResponse
from sqlalchemy.orm import Session

from api.deps import CurrentUser, SessionDep
from api.documents.child_copy import build_child_copy
from api.documents.content import build_document
from api.documents.render import (
    DOCX_TYPE,
    child_copy_html,
    child_copy_pdf,
    to_docx,
    to_html,
    to_pdf,
)

Content = TypeVar("Content")

router = APIRouter(prefix="/api/v1/peps", tags=["documents"])


def _read_then_release(session: Session, content: Content) -> Content:
    """End the read (and its audit row) before rendering: on SQLite every transaction holds
    the write lock, and a long PEP's PDF takes seconds, which every other request would wait
    for."""
    session.commit()
    return content


# Letters that Unicode does not decompose into an ASCII letter and a mark.
_ASCII_LETTERS = str.maketrans(
    {
        "Ł": "L",
        "ł": "l",
        "Ø": "O",
        "ø": "o",
        "Đ": "D",
        "đ": "d",
        "ß": "ss",
        "Æ": "AE",
        "æ": "ae",
        "Œ": "OE",
        "œ": "oe",
    }
)


def _filename(name: str, ext: str) -> str:
    """RFC 6266/5987: a plain ASCII filename for old clients, and the real name as filename*.

    Header values are Latin-1 only, so a name such as Łucja must never go in as it is.
    """
    # Letters and digits only: no quotes, slashes or bidi overrides reach the header or disk.
    words = "".join(
        ch if ch.isalnum() or unicodedata.category(ch).startswith("M") else "-" for ch in name
    )
    real = "-".join(p for p in words.split("-") if p)
    decomposed = unicodedata.normalize("NFKD", real.translate(_ASCII_LETTERS))
    ascii_only = "".join(ch for ch in decomposed if ch.isascii() and (ch.isalnum() or ch == "-"))
    fallback = "-".join(p for p in ascii_only.split("-") if p)
    plain = f"PEP-{fallback}.{ext}" if fallback else f"PEP.{ext}"
    utf8 = quote(f"PEP-{real}.{ext}" if real else plain, safe="")
    return f"attachment; filename=\"{plain}\"; filename*=UTF-8''{utf8}"


@router.get("/{pep_id}/document.html", response_class=HTMLResponse)
def document_html(pep_id: str, user: CurrentUser, session: SessionDep) -> HTMLResponse:
    return HTMLResponse(to_html(_read_then_release(session, build_document(session, user, pep_id))))


@router.get(
    "/{pep_id}/document.pdf",
    response_class=Response,
    responses={
        200: {"content": {"application/pdf": {"schema": {"type": "string", "format": "binary"}}}}
    },
)
def document_pdf(pep_id: str, user: CurrentUser, session: SessionDep) -> Response:
    doc = _read_then_release(session, build_document(session, user, pep_id))
    return Response(
        to_pdf(doc),
        media_type="application/pdf",
        headers={"Content-Disposition": _filename(doc.child_name, "pdf")},
    )


@router.get(
    "/{pep_id}/document.docx",
    response_class=Response,
    responses={200: {"content": {DOCX_TYPE: {"schema": {"type": "string", "format": "binary"}}}}},
)
def document_docx(pep_id: str, user: CurrentUser, session: SessionDep) -> Response:
    doc = _read_then_release(session, build_document(session, user, pep_id))
    return Response(
        to_docx(doc),
        media_type=DOCX_TYPE,
        headers={"Content-Disposition": _filename(doc.child_name, "docx")},
    )


@router.get("/{pep_id}/my-copy.html", response_class=HTMLResponse)
def child_copy_page(pep_id: str, user: CurrentUser, session: SessionDep) -> HTMLResponse:
    """The child's own copy: their words, and each target beside the words it answers."""
    return HTMLResponse(
        child_copy_html(_read_then_release(session, build_child_copy(session, user, pep_id)))
    )


@router.get(
    "/{pep_id}/my-copy.pdf",
    response_class=Response,
    responses={
        200: {"content": {"application/pdf": {"schema": {"type": "string", "format": "binary"}}}}
    },
)
def child_copy_download(pep_id: str, user: CurrentUser, session: SessionDep) -> Response:
    copy = _read_then_release(session, build_child_copy(session, user, pep_id))
    return Response(
        child_copy_pdf(copy),
        media_type="application/pdf",
        headers={"Content-Disposition": _filename(f"{copy.first_name}-my-copy", "pdf")},
    )
