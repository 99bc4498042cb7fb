"""OpenAPI docs at /docs with Swagger UI served from this server (no CDN): its files come
from the fastapi-offline package, the page and its start script from onrecord/web/."""
from __future__ import annotations

from pathlib import Path

from fastapi import FastAPI
from fastapi.responses import FileResponse, HTMLResponse, Response
from fastapi.staticfiles import StaticFiles

WEB_DIR = Path(__file__).resolve().parent.parent / "web"
ASSETS_URL = "/docs-assets"
# Without fastapi-offline: a page with no script and no external asset.
NO_ASSETS_PAGE = """<!doctype html><html lang="en"><head><meta charset="utf-8">
<title>onrecord — HTTP API</title></head><body>
<h1>onrecord HTTP API</h1><p>Swagger UI's files are not installed on this server (the
<code>fastapi-offline</code> package of the <code>serve</code> extra). The API's schema is at
<a href="/openapi.json">/openapi.json</a>; docs/serve.md describes every endpoint.</p>
</body></html>"""


def swagger_assets() -> Path | None:
    """The folder of swagger-ui-bundle.js and swagger-ui.css that fastapi-offline ships."""
    try:
        import fastapi_offline
    except ImportError:
        return None
    folder = Path(fastapi_offline.__file__).resolve().parent / "static"
    return folder if (folder / "swagger-ui-bundle.js").is_file() else None


def add_docs(app: FastAPI) -> None:
    """Serve /docs (Swagger UI over /openapi.json) and its assets under /docs-assets."""
    assets = swagger_assets()

    @app.get("/docs", include_in_schema=False)
    async def docs() -> Response:
        if assets is None:
            return HTMLResponse(NO_ASSETS_PAGE)
        return FileResponse(WEB_DIR / "docs.html", media_type="text/html")

    if assets is not None:
        app.mount(ASSETS_URL, StaticFiles(directory=assets), name="docs-assets")
