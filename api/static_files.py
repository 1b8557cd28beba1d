"""Static files, less what this service must never send: GOV.UK's own brand assets.

GOV.UK Frontend's build brings the GDS Transport font (licensed for GOV.UK only), the crown
icons and the royal crest. A council's service is not on GOV.UK, so none of them is served,
whatever a build copied into the static folder.
"""

from __future__ import annotations

from typing import Any

from fastapi import HTTPException
from fastapi.staticfiles import StaticFiles
from starlette.responses import Response
from starlette.types import Scope

# Relative to the static folder: everything GOV.UK Frontend ships under dist/govuk/assets.
GOVUK_BRAND_ASSETS = ("govuk/assets",)


class StaticFilesWithout(StaticFiles):
    """StaticFiles that answers 404 for anything under one of `refused` (relative folders)."""

    def __init__(self, *, refused: tuple[str, ...], **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.refused = tuple(r.strip("/") for r in refused)

    async def get_response(self, path: str, scope: Scope) -> Response:
        # `path` is already normalised by StaticFiles.get_path ("a/./b//c" -> "a/b/c").
        clean = path.replace("\\", "/").strip("/")
        if any(clean == r or clean.startswith(r + "/") for r in self.refused):
            raise HTTPException(status_code=404)
        return await super().get_response(path, scope)
