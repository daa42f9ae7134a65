"""Verifying middleware for apps that serve their images themselves behind a signing CDN
(or hand out signed URLs to their own image routes): WSGI (Flask, any WSGI app) and ASGI
(Starlette, FastAPI, any ASGI app).

    sources = imgsign.Sources({"images": {"domain": "img.example.com", "key": key}})
    app.wsgi_app = WSGISignedURLMiddleware(app.wsgi_app, sources=sources, source="images",
                                           prefix="/images/")          # Flask
    app.add_middleware(SignedURLMiddleware, sources=sources, source="images",
                       prefix="/images/")                              # FastAPI, Starlette

Requests whose path starts with ``prefix`` are served only when their request target carries
a valid signature of the source (``Sources.verify``, with the source's own domain as the
host, so the set picks it and, among sources on one host, the one whose path prefix the
path is under): a missing, wrong or malformed one gets 403, an expired URL 410, with the
error code as the body and in the ``X-Imgsign-Error`` header; other paths pass through. The
target is the raw one the server gives (``RAW_URI``, ``REQUEST_URI``, ``raw_path``), or the
decoded path encoded again by the source's builder (see :mod:`imgsign._server`). Stack one
middleware per route for several sources.
"""

from __future__ import annotations

from typing import Any, Awaitable, Callable, Iterable, List, MutableMapping, Optional, Tuple

from . import ImgsignError, Sources
from ._server import ERROR_HEADER, asgi_target, refusal, wsgi_target

__all__ = ["SignedURLMiddleware", "WSGISignedURLMiddleware", "ERROR_HEADER"]

_Scope = MutableMapping[str, Any]
_Receive = Callable[[], Awaitable[MutableMapping[str, Any]]]
_Send = Callable[[MutableMapping[str, Any]], Awaitable[None]]
_StartResponse = Callable[..., Any]


class _Guard:
    def __init__(self, sources: Sources, source: str, prefix: str) -> None:
        self.sources, self.prefix = sources, prefix
        self.builder = sources.source(source)  # an unknown name fails here, with the core's code

    def refused(self, target: Callable[[], str]) -> Optional[Tuple[int, str]]:
        try:
            self.sources.verify(target(), self.builder.domain)
        except ImgsignError as e:
            return refusal(e)
        return None


_REASONS = {403: "403 Forbidden", 410: "410 Gone"}


class WSGISignedURLMiddleware:
    """WSGI middleware: verifies the signed URLs of requests under ``prefix``."""

    def __init__(self, app: Callable[..., Iterable[bytes]], *, sources: Sources, source: str, prefix: str) -> None:
        self.app, self.guard = app, _Guard(sources, source, prefix)

    def __call__(self, environ: MutableMapping[str, Any], start_response: _StartResponse) -> Iterable[bytes]:
        path = str(environ.get("SCRIPT_NAME") or "") + str(environ.get("PATH_INFO") or "")
        if path.startswith(self.guard.prefix):
            refused = self.guard.refused(lambda: wsgi_target(environ, self.guard.builder))
            if refused is not None:
                status, code = refused
                body = code.encode("ascii")
                start_response(_REASONS[status], [("Content-Type", "text/plain"), (ERROR_HEADER, code),
                                                  ("Content-Length", str(len(body)))])
                return [body]
        return self.app(environ, start_response)


class SignedURLMiddleware:
    """ASGI middleware: verifies the signed URLs of HTTP requests under ``prefix``."""

    def __init__(self, app: Callable[[_Scope, _Receive, _Send], Awaitable[None]], *, sources: Sources,
                 source: str, prefix: str) -> None:
        self.app, self.guard = app, _Guard(sources, source, prefix)

    async def __call__(self, scope: _Scope, receive: _Receive, send: _Send) -> None:
        if scope["type"] == "http" and str(scope.get("path", "")).startswith(self.guard.prefix):
            refused = self.guard.refused(lambda: asgi_target(scope, self.guard.builder))
            if refused is not None:
                status, code = refused
                body = code.encode("ascii")
                headers: List[Tuple[bytes, bytes]] = [
                    (b"content-type", b"text/plain"), (ERROR_HEADER.lower().encode(), body),
                    (b"content-length", str(len(body)).encode())]
                await send({"type": "http.response.start", "status": status, "headers": headers})
                await send({"type": "http.response.body", "body": body})
                return
        await self.app(scope, receive, send)
