"""Other people's views in a PEP: what a client sends, and what it gets back."""

from __future__ import annotations

from pydantic import Field

from api.models.enums import ContributorKind
from api.schemas.common import NameText, NoteText, ResponseModel, StrictModel


class ContributorViewCreate(StrictModel):
    kind: ContributorKind = Field(
        description="carer: entered by the SW or DT with the carer; school: the DT's; "
        "child_at_meeting: what the child said at the meeting, recorded by the SW or DT"
    )
    text: NoteText = Field(description="The words as given, verbatim")
    given_by: NameText = Field(
        description="Whose words: the carer's or teacher's name, or the child's"
    )


class ContributorViewOut(ResponseModel):
    id: str
    pep_id: str
    kind: ContributorKind
    kind_label: str
    text: str
    given_by: str
    recorded_by: str
    recorded_by_role: str
    recorded_as: str = Field(
        description="How the record reads: whose view, who gave it and who recorded it"
    )
    recorded_at: str
