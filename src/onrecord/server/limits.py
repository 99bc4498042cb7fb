"""ASGI middleware: a request-body size limit (413) and security headers for the viewer."""
from __future__ import annotations

import json
from collections.abc import Awaitable, Callable
from typing import Any

from onrecord.server.config import human_size

Scope = dict[str, Any]
Message = dict[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
ASGIApp = Callable[[Scope, Receive, Send], Awaitable[None]]

# After refusing a streamed body, read (and drop) up to this many more bytes so the client
# can read the 413 before the connection closes; beyond it the connection is just closed.
DRAIN_LIMIT = 16 * 1024 * 1024

# The viewer loads only its own files and never runs inline script: even if article text
# were ever written into the page as HTML, the browser would refuse to run it.
VIEWER_CSP = ("default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
              "connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; "
              "frame-ancestors 'none'")
# Swagger UI at /docs runs from this server's own files too; it sets inline styles.
DOCS_CSP = VIEWER_CSP.replace("style-src 'self'", "style-src 'self' 'unsafe-inline'")
DOCS_PREFIX = "/docs"
# The report page is `onrecord report`'s self-contained HTML: an inline stylesheet and
# matplotlib's SVG (style attributes), no script at all; it gets the docs' policy.
REPORT_PATH = "/report"


async def _send_json(send: Send, status: int, body: dict[str, Any]) -> None:
    data = json.dumps(body).encode()
    await send({"type": "http.response.start", "status": status, "headers": [
        (b"content-type", b"application/json"), (b"content-length", str(len(data)).encode()),
        (b"connection", b"close")]})
    await send({"type": "http.response.body", "body": data})


class BodyLimit:
    """Refuse request bodies over `max_bytes` with 413, by Content-Length or as streamed."""

    def __init__(self, app: ASGIApp, max_bytes: int) -> None:
        self.app = app
        self.max_bytes = max_bytes

    def _too_large(self) -> dict[str, Any]:
        return {"detail": f"request body too large: the limit is {human_size(self.max_bytes)} "
                          "(the server's --max-body option sets it)"}

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["method"] in ("GET", "HEAD", "OPTIONS"):
            await self.app(scope, receive, send)
            return
        declared = dict(scope["headers"]).get(b"content-length")
        if declared is not None:
            try:
                length = int(declared)
            except ValueError:
                await _send_json(send, 400, {"detail": "invalid Content-Length header"})
                return
            if length > self.max_bytes:
                await _send_json(send, 413, self._too_large())
                return
        chunks: list[bytes] = []
        size = 0
        more = True
        while more:
            msg = await receive()
            if msg["type"] == "http.disconnect":
                return
            chunk = msg.get("body", b"")
            size += len(chunk)
            more = msg.get("more_body", False)
            if size > self.max_bytes:
                await self._drain(receive, more)
                await _send_json(send, 413, self._too_large())
                return
            chunks.append(chunk)
        body = b"".join(chunks)
        replayed = False

        async def replay() -> Message:
            nonlocal replayed
            if not replayed:
                replayed = True
                return {"type": "http.request", "body": body, "more_body": False}
            return await receive()

        await self.app(scope, replay, send)

    async def _drain(self, receive: Receive, more: bool) -> None:
        dropped = 0
        while more and dropped < DRAIN_LIMIT:
            msg = await receive()
            if msg["type"] == "http.disconnect":
                return
            dropped += len(msg.get("body", b""))
            more = msg.get("more_body", False)


class SecurityHeaders:
    """Add nosniff everywhere and a Content-Security-Policy (the docs' one under /docs)."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        path = scope["path"]
        csp = DOCS_CSP if path.startswith(DOCS_PREFIX) or path == REPORT_PATH \
            else VIEWER_CSP

        async def send_with_headers(msg: Message) -> None:
            if msg["type"] == "http.response.start":
                headers = list(msg.get("headers", []))
                headers.append((b"x-content-type-options", b"nosniff"))
                headers.append((b"referrer-policy", b"no-referrer"))
                headers.append((b"content-security-policy", csp.encode()))
                msg = {**msg, "headers": headers}
            await send(msg)

        await self.app(scope, receive, send_with_headers)
