"""The PEP document in three formats, for anyone who may see the PEP."""

from __future__ import annotations

from fastapi import APIRouter, Response
from fastapi.responses import HTMLResponse

from api.deps import CurrentUser, SessionDep
from api.documents.content import build_document
from api.documents.render import DOCX_TYPE, to_docx, to_html, to_pdf

router = APIRouter(prefix="/api/v1/peps", tags=["documents"])


def _filename(name: str, ext: str) -> str:
    safe = "".join(ch if ch.isalnum() else "-" for ch in name).strip("-")
    return f'attachment; filename="PEP-{safe}.{ext}"'


@router.get("/{pep_id}/document.html", response_class=HTMLResponse)
def document_html(pep_id: str, user: CurrentUser, session: SessionDep) -> HTMLResponse:
    return HTMLResponse(to_html(build_document(session, user, pep_id)))


@router.get("/{pep_id}/document.pdf")
def document_pdf(pep_id: str, user: CurrentUser, session: SessionDep) -> Response:
    doc = build_document(session, user, pep_id)
    return Response(
        to_pdf(doc),
        media_type="application/pdf",
        headers={"Content-Disposition": _filename(doc.child_name, "pdf")},
    )


@router.get("/{pep_id}/document.docx")
def document_docx(pep_id: str, user: CurrentUser, session: SessionDep) -> Response:
    doc = build_document(session, user, pep_id)
    return Response(
        to_docx(doc),
        media_type=DOCX_TYPE,
        headers={"Content-Disposition": _filename(doc.child_name, "docx")},
    )
