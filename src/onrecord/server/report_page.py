"""The viewer's report page and the numbers behind it: who gets quoted, over the store
(`onrecord report` in the browser), and the store at a glance for the home page."""
from __future__ import annotations

from typing import Annotated, Any, Literal

from fastapi import APIRouter, Query
from fastapi.responses import HTMLResponse, JSONResponse
from pydantic import AfterValidator

from onrecord.server.schemas import api_date
from onrecord.server.storeview import StoreView

ByParam = Literal["outlet", "month", "topic"]
CountParam = Literal["quotes", "statements"]
Since = Annotated[str | None, Query(description="on or after: YYYY-MM-DD, YYYY-MM or YYYY"),
                  AfterValidator(api_date)]
Until = Annotated[str | None, Query(description="on or before (to its end)"),
                  AfterValidator(api_date)]
Outlet = Annotated[str | None, Query(description="outlets, comma-separated (part of the name)")]


def router(store: StoreView) -> APIRouter:
    """The routes, reading from `store`."""
    r = APIRouter()

    def build(by: str, count: str, since: str | None, until: str | None, outlet: str | None,
              charts: bool) -> Any:
        from onrecord.report.rows import By, Filters, outlets_arg

        filters = Filters(since=since, until=until, outlets=outlets_arg([outlet] if outlet else None))
        return store.report(by=By(by), filters=filters, count=count, charts=charts)

    @r.get("/report", include_in_schema=False)
    def report_page(by: ByParam = "outlet", count: CountParam = "quotes", since: Since = None,
                    until: Until = None, outlet: Outlet = None) -> HTMLResponse:
        from onrecord.report.html import render

        rep = build(by, count, since, until, outlet, charts=True)
        name = store.path.name if store.path is not None else None
        return HTMLResponse(render(rep, form_action="/report", store=name))

    @r.get("/api/report", tags=["store"])
    def report_json(by: ByParam = "outlet", count: CountParam = "quotes", since: Since = None,
                    until: Until = None, outlet: Outlet = None) -> JSONResponse:
        """The report's numbers, as `onrecord report --format json` gives them."""
        return JSONResponse(build(by, count, since, until, outlet, charts=False).to_dict())

    @r.get("/api/summary", tags=["store"])
    def summary() -> JSONResponse:
        """The store at a glance: articles, quotes, speakers, statements, and the people quoted
        most in the latest month with dated articles."""
        return JSONResponse(store.summary())

    return r
