"""The FastAPI app: extraction, store queries, the viewer's static files, and error shapes."""
from __future__ import annotations

import json
import logging
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Annotated, Any, Literal

from fastapi import FastAPI, HTTPException, Query, Request
from fastapi.encoders import jsonable_encoder
from fastapi.exceptions import RequestValidationError
from fastapi.responses import FileResponse, JSONResponse, Response
from fastapi.staticfiles import StaticFiles
from pydantic import AfterValidator, ValidationError
from starlette.concurrency import run_in_threadpool

from onrecord.corpus import MAX_ROWS
from onrecord.errors import BadArgument, BadInput, StoreBusy
from onrecord.server.config import ServeConfig
from onrecord.server.docs_page import add_docs
from onrecord.server.limits import BodyLimit, SecurityHeaders
from onrecord.server.pool import ExtractTimeout, PoolBusy, WorkerCrashed, WorkerPool
from onrecord.server.report_page import router as report_router
from onrecord.server.schemas import ExtractRequest, Health, QuotesPage, SpeakersPage, api_date
from onrecord.server.statements_api import router as statements_router
from onrecord.server.statements_api import with_statement_ids, with_statements
from onrecord.server.storeview import NoStore, StoreView

WEB_DIR = Path(__file__).resolve().parent.parent / "web"
MAX_PAGE = 500
# Request bodies at least this big are parsed in the thread pool, not on the event loop.
INLINE_PARSE_BYTES = 64 * 1024
log = logging.getLogger("onrecord.server")


def describe_errors(errors: list[Any]) -> str:
    """One readable sentence for pydantic's validation errors (missing text, bad types...)."""
    parts = []
    for err in errors:
        loc = [str(x) for x in err.get("loc", ()) if x not in ("body", "query")]
        if err.get("type") == "missing" and not loc:
            parts.append('the request needs a JSON body such as {"text": "..."}')
        else:
            msg = str(err.get("msg", "invalid")).removeprefix("Value error, ")
            parts.append(f"{'.'.join(loc)}: {msg}" if loc else msg)
    return "; ".join(parts) or "invalid request"


# Documented by hand: the body is parsed by parse_extract_request, whatever its content type.
EXTRACT_BODY = {"requestBody": {"required": True, "content": {
    "application/json": {"schema": ExtractRequest.model_json_schema()}}}}


def parse_extract_request(raw: bytes) -> dict[str, Any]:
    """The validated request dict, or a 422 that says what is wrong with the body."""
    if not raw.strip():
        raise RequestValidationError([{"type": "missing", "loc": ("body",),
                                       "msg": "Field required"}])
    try:
        data = json.loads(raw)
    except UnicodeDecodeError:
        raise HTTPException(422, "the request body is not UTF-8 text") from None
    except json.JSONDecodeError as e:
        raise HTTPException(422, f"the request body is not valid JSON: {e.msg} "
                                 f"(line {e.lineno}, column {e.colno})") from None
    except RecursionError:
        raise HTTPException(422, "the request body is JSON nested too deeply to read; send "
                                 'one flat object such as {"text": "..."}') from None
    if not isinstance(data, dict):
        raise HTTPException(422, 'the request body must be a JSON object such as '
                                 '{"text": "..."}, not ' + type(data).__name__)
    try:
        return ExtractRequest.model_validate(data).model_dump()
    except ValidationError as e:
        raise RequestValidationError(e.errors()) from None


def create_app(config: ServeConfig | None = None) -> FastAPI:
    """Build the app; the extraction workers start (and the store opens) with the server."""
    config = config or ServeConfig()
    store = StoreView(config.store)
    pool = WorkerPool(config.workers, config.handler)

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        await pool.start()
        try:
            yield
        finally:
            await pool.close()
            store.close()

    app = FastAPI(title="onrecord", lifespan=lifespan, docs_url=None, redoc_url=None,
                  description="Who said what, to whom, and when: quotes and speakers from "
                              "news text. The viewer is at /.")
    app.state.pool = pool
    app.state.store = store

    @app.exception_handler(RequestValidationError)
    async def _invalid(request: Request, exc: RequestValidationError) -> JSONResponse:
        errors = list(exc.errors())
        return JSONResponse(status_code=422, content={
            "detail": describe_errors(errors),
            "errors": [{k: v for k, v in e.items() if k in ("type", "loc", "msg")}
                       for e in errors]})

    @app.exception_handler(BadArgument)
    @app.exception_handler(BadInput)
    async def _bad_value(request: Request, exc: Exception) -> JSONResponse:
        return JSONResponse(status_code=422, content={"detail": str(exc)})

    @app.exception_handler(NoStore)
    @app.exception_handler(StoreBusy)  # a run writing to the store did not let us in in time
    async def _no_store(request: Request, exc: Exception) -> JSONResponse:
        return JSONResponse(status_code=503, content={"detail": str(exc)},
                            headers={"Retry-After": "5"} if isinstance(exc, StoreBusy) else None)

    @app.get("/health", response_model=Health, tags=["server"])
    async def health() -> Health:
        """Liveness: answers even while every extraction worker is busy."""
        return Health(status="ok", store=store.available, workers=pool.size,
                      workers_ready=pool.ready)

    @app.post("/extract", tags=["extract"], openapi_extra=EXTRACT_BODY)
    async def extract(request: Request) -> Response:
        """Who said what in one article: the article record (see DESIGN.md)."""
        raw = await request.body()
        # A big body takes a while to parse and validate: keep that off the event loop.
        req = (parse_extract_request(raw) if len(raw) < INLINE_PARSE_BYTES
               else await run_in_threadpool(parse_extract_request, raw))
        try:
            status, value = await pool.run(req, config.timeout)
        except ExtractTimeout as e:
            name = f"article {req['id']!r}" if req.get("id") else "the article"
            raise HTTPException(504, f"article timeout: {name}: {e}; send a shorter article "
                                     "or raise --article-timeout") from e
        except PoolBusy as e:
            raise HTTPException(503, f"{e}; retry shortly") from e
        except WorkerCrashed as e:
            raise HTTPException(500, str(e)) from e
        if status == "ok":  # the worker already encoded the record as JSON
            return Response(content=value, media_type="application/json")
        if status == "failure":
            return JSONResponse(status_code=422, content={"detail": value["error"],
                                                          "id": value["id"]})
        log.error("extraction failed: %s", value)
        raise HTTPException(500, f"extraction failed: {value}")

    @app.get("/quotes", response_model=QuotesPage, tags=["store"])
    def quotes(speaker: str | None = Query(None, description="speaker name (or part of it)"),
               contains: str | None = Query(None, description="words in the quote"),
               since: Annotated[str | None, Query(
                   description="on or after: YYYY-MM-DD, YYYY-MM or YYYY"),
                   AfterValidator(api_date)] = None,
               until: Annotated[str | None, Query(
                   description="on or before: YYYY-MM-DD, YYYY-MM or YYYY (to its end)"),
                   AfterValidator(api_date)] = None,
               outlet: str | None = Query(None, description="publication or site"),
               limit: int = Query(50, ge=1, le=MAX_PAGE), offset: int = Query(0, ge=0, le=MAX_ROWS),
               id: str | None = Query(None, description="an article's content id or any "
                                                        "caller id it was sent with"),
               ) -> QuotesPage:
        """Quotes in the store: "what did X say about Y", paged, with the total."""
        filters = {"speaker": speaker or None, "contains": contains or None,
                   "since": since, "until": until, "outlet": outlet or None, "id": id or None}
        found, total = store.quotes_page(**filters, limit=limit, offset=offset)
        return QuotesPage(items=with_statements(store, found), total=total,
                          limit=limit, offset=offset)

    @app.get("/speakers", response_model=SpeakersPage, tags=["store"])
    def speakers(name: str | None = Query(None, description="speaker name (or part of it)"),
                 limit: int = Query(100, ge=1, le=MAX_PAGE), offset: int = Query(0, ge=0, le=MAX_ROWS),
                 count: Literal["quotes", "statements"] = Query(
                     "quotes", description="rank by quotes or by statements"),
                 ) -> SpeakersPage:
        """Speakers in the store with their quote, statement and article counts."""
        return SpeakersPage(items=store.speakers(name=name or None, limit=limit, offset=offset,
                                                 count=count),
                            limit=limit, offset=offset)

    @app.get("/articles/{article_id:path}", tags=["store"])
    def article(article_id: str) -> JSONResponse:
        """One stored article, by its content id or any caller id it was sent with: its record,
        the ids of its near-duplicate copies, and its sightings (every input record it was)."""
        record = store.article(article_id)
        if record is None:
            raise HTTPException(404, f"no article with id {article_id!r} in the store")
        with_statement_ids(store, record)
        return JSONResponse(jsonable_encoder(record))  # dates and the like, if any

    app.include_router(statements_router(store))
    app.include_router(report_router(store))
    add_docs(app)  # Swagger UI from local files, no CDN

    @app.get("/", include_in_schema=False)
    async def index() -> FileResponse:
        return FileResponse(WEB_DIR / "index.html", media_type="text/html")

    app.mount("/static", StaticFiles(directory=WEB_DIR), name="static")
    app.add_middleware(BodyLimit, max_bytes=config.max_body)
    app.add_middleware(SecurityHeaders)
    return app
