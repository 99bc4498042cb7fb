"""The API's statement routes: the statements of the store, one statement, and trace by words."""
from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, HTTPException, Query
from fastapi.encoders import jsonable_encoder
from fastapi.responses import JSONResponse
from pydantic import AfterValidator

from onrecord.corpus import MAX_ROWS
from onrecord.server.schemas import api_date
from onrecord.server.storeview import StoreView

MAX_PAGE = 500


def with_statements(store: StoreView, items: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Each quote item with the id of its statement (`statement_id`, null when none)."""
    found = store.statement_ids(sorted({i["article_id"] for i in items}))
    for i in items:
        i["statement_id"] = found.get((i["article_id"], i["start"]))
    return items


def with_statement_ids(store: StoreView, record: dict[str, Any]) -> dict[str, Any]:
    """A stored article's quotes, each with the id of its statement (null when none)."""
    found = store.statement_ids([record["id"]]) if record.get("id") else {}
    for q in record.get("quotes") or []:
        q["statement_id"] = found.get((record["id"], q.get("start")))
    return record


def router(store: StoreView) -> APIRouter:
    """The routes, reading from `store`."""
    r = APIRouter(tags=["statements"])

    @r.get("/statements")
    def statements(
            speaker: str | None = Query(None, description="speaker name (or part of it)"),
            contains: str | None = Query(None, description="words in the statement"),
            min_outlets: int = Query(0, ge=0, le=MAX_ROWS, description="carried by ≥ N outlets"),
            altered: bool = Query(False, description="only statements some copy changes"),
            since: Annotated[str | None, Query(description="first seen on or after"),
                             AfterValidator(api_date)] = None,
            until: Annotated[str | None, Query(description="first seen on or before"),
                             AfterValidator(api_date)] = None,
            limit: int = Query(50, ge=1, le=MAX_PAGE), offset: int = Query(0, ge=0, le=MAX_ROWS),
    ) -> JSONResponse:
        """Statements: one speaker's words grouped over every article that carries them, most
        widely carried first."""
        items = store.statements(speaker=speaker or None, contains=contains or None,
                                 min_outlets=min_outlets, altered=altered, since=since,
                                 until=until, limit=limit, offset=offset)
        return JSONResponse(jsonable_encoder({"items": items, "limit": limit, "offset": offset}))

    @r.get("/statements/{sid}")
    def statement(sid: str) -> JSONResponse:
        """One statement: every sighting (earliest article date first) and each variant's
        word diff."""
        st = store.statement(sid)
        if st is None:
            raise HTTPException(404, f"no statement with id {sid!r} in the store")
        return JSONResponse(jsonable_encoder(st))

    @r.get("/trace")
    def trace(words: str = Query(..., min_length=1, max_length=5000,
                                 description="some of the quoted words")) -> JSONResponse:
        """The statement some quoted words belong to, with its timeline."""
        st = store.trace(words)
        if st is None:
            raise HTTPException(404, "no statement in the store has these words")
        return JSONResponse(jsonable_encoder(st))

    return r
