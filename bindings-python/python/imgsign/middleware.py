"""Verifying middleware for apps that serve their images themselves behind a signing CDN
(or hand out signed URLs to their own image routes): WSGI (Flask, any WSGI app) and ASGI
(Starlette, FastAPI, any ASGI app).

    app.wsgi_app = WSGISignedURLMiddleware(app.wsgi_app, signer=signer, builder=builder,
                                           prefix="/images/")          # Flask
    app.add_middleware(SignedURLMiddleware, signer=signer, builder=builder,
                       prefix="/images/")                              # FastAPI, Starlette

Requests whose path starts with ``prefix`` are served only when their request target carries
a valid signature (``Signer.verify``): a missing, wrong or malformed one gets 403, an expired
URL 410, with the error code as the body and in the ``X-Imgsign-Error`` header; other paths
pass through. The target is the raw one the server gives (``RAW_URI``, ``REQUEST_URI``,
``raw_path``), or the decoded path encoded again by ``builder`` (see :mod:`imgsign._server`).
Stack one middleware per source for several sources.
"""

from __future__ import annotations

from typing import Any, Awaitable, Callable, Iterable, List, MutableMapping, Optional, Tuple

from . import ImgsignError, Signer, UrlBuilder
from ._server import ERROR_HEADER, asgi_target, refusal, wsgi_target

__all__ = ["SignedURLMiddleware", "WSGISignedURLMiddleware", "ERROR_HEADER"]

_Scope = MutableMapping[str, Any]
_Receive = Callable[[], Awaitable[MutableMapping[str, Any]]]
_Send = Callable[[MutableMapping[str, Any]], Awaitable[None]]
_StartResponse = Callable[..., Any]


def _refused(signer: Signer, target: Callable[[], str]) -> Optional[Tuple[int, str]]:
    try:
        signer.verify(target())
    except ImgsignError as e:
        return refusal(e)
    return None


_REASONS = {403: "403 Forbidden", 410: "410 Gone"}


class WSGISignedURLMiddleware:
    """WSGI middleware: verifies the signed URLs of requests under ``prefix``."""

    def __init__(self, app: Callable[..., Iterable[bytes]], *, signer: Signer, builder: UrlBuilder,
                 prefix: str) -> None:
        self.app, self.signer, self.builder, self.prefix = app, signer, builder, prefix

    def __call__(self, environ: MutableMapping[str, Any], start_response: _StartResponse) -> Iterable[bytes]:
        path = str(environ.get("SCRIPT_NAME") or "") + str(environ.get("PATH_INFO") or "")
        if path.startswith(self.prefix):
            refused = _refused(self.signer, lambda: wsgi_target(environ, self.builder))
            if refused is not None:
                status, code = refused
                body = code.encode("ascii")
                start_response(_REASONS[status], [("Content-Type", "text/plain"), (ERROR_HEADER, code),
                                                  ("Content-Length", str(len(body)))])
                return [body]
        return self.app(environ, start_response)


class SignedURLMiddleware:
    """ASGI middleware: verifies the signed URLs of HTTP requests under ``prefix``."""

    def __init__(self, app: Callable[[_Scope, _Receive, _Send], Awaitable[None]], *, signer: Signer,
                 builder: UrlBuilder, prefix: str) -> None:
        self.app, self.signer, self.builder, self.prefix = app, signer, builder, prefix

    async def __call__(self, scope: _Scope, receive: _Receive, send: _Send) -> None:
        if scope["type"] == "http" and str(scope.get("path", "")).startswith(self.prefix):
            refused = _refused(self.signer, lambda: asgi_target(scope, self.builder))
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
