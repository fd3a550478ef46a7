"""The web app: server-rendered pages over the store, each with a JSON twin.

Every page is one context dict (``web.context``) rendered by a Jinja2 template (autoescape on),
or returned as JSON at ``<page>.json`` or ``?format=json``. The store is opened read-only per
request, so the app never blocks a writer (WAL) and always shows the latest committed state.
"""

from __future__ import annotations

import logging
import sys
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import Any

from fastapi import Depends, FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, JSONResponse, Response
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from wiretrace.errors import NotFound, StoreError
from wiretrace.settings import Settings
from wiretrace.store import Store
from wiretrace.web.context import (
    article_page_context,
    sites_context,
    stories_context,
    story_page_context,
)
from wiretrace.web.hosts import TrustedHosts, allowed_hosts_for
from wiretrace.web.pages import make_environment

__all__ = ["CONTENT_SECURITY_POLICY", "create_app", "serve"]

CONTENT_SECURITY_POLICY = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "object-src 'none'; base-uri 'none'; frame-ancestors 'none'"
)
SECURITY_HEADERS = [
    (b"content-security-policy", CONTENT_SECURITY_POLICY.encode()),
    (b"x-content-type-options", b"nosniff"),
    (b"referrer-policy", b"no-referrer"),
    (b"x-frame-options", b"DENY"),
]
STATIC_DIR = Path(__file__).parent / "static"
LOCAL_HOSTS = {"127.0.0.1", "localhost", "::1"}
logger = logging.getLogger("wiretrace.web")


class SecurityHeaders:
    """Pure ASGI middleware: adds the CSP and friends to every response, static files too."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        started = False

        async def send_with_headers(message: Message) -> None:
            nonlocal started
            if message["type"] == "http.response.start":
                started = True
                names = {k.lower() for k, _ in message.get("headers", [])}
                headers = list(message.get("headers", []))
                headers += [(k, v) for k, v in SECURITY_HEADERS if k not in names]
                message["headers"] = headers
            await send(message)

        try:
            await self.app(scope, receive, send_with_headers)
        except Exception:
            if started:
                raise
            # an unexpected error still gets the security headers, and no traceback is shown
            logger.exception("error serving %s", scope.get("path"))
            body = b"500: wiretrace hit an unexpected error; the server log has the details\n"
            await send_with_headers({
                "type": "http.response.start", "status": 500,
                "headers": [(b"content-type", b"text/plain; charset=utf-8"),
                            (b"content-length", str(len(body)).encode())],
            })
            await send_with_headers({"type": "http.response.body", "body": body})


def _wants_json(request: Request) -> bool:
    return request.url.path.endswith(".json") or request.query_params.get("format") == "json"


def create_app(
    db_path: Path, settings: Settings | None = None, allowed_hosts: Iterable[str] | None = None
) -> FastAPI:
    """The wiretrace web app over the database at ``db_path``. With ``allowed_hosts``, a
    request addressed (Host header) to any other name gets 400 (``web.hosts``); ``serve``
    always passes them."""
    settings = settings or Settings()
    db_path = Path(db_path)
    env = make_environment(link=lambda article_id: f"/articles/{article_id}")
    app = FastAPI(title="wiretrace", docs_url=None, redoc_url=None, openapi_url=None)
    if allowed_hosts is not None:  # inside SecurityHeaders: a 400 gets the headers too
        app.add_middleware(TrustedHosts, allowed=allowed_hosts)
    app.add_middleware(SecurityHeaders)
    app.mount("/static", StaticFiles(directory=STATIC_DIR), name="static")

    def open_store() -> Iterator[Store]:
        store = Store(db_path, busy_timeout_ms=settings.busy_timeout_ms, readonly=True)
        try:
            yield store
        finally:
            store.close()

    def render(request: Request, template: str, ctx: dict[str, Any], status: int = 200) -> Response:
        if _wants_json(request):
            return JSONResponse(ctx, status_code=status)
        path = request.url.path
        json_url = ("/stories" if path == "/" else path.removesuffix("/")) + ".json"
        if request.url.query:
            json_url += "?" + request.url.query
        html = env.get_template(template).render(
            ctx=ctx, request_path=path, json_url=json_url, db_name=db_path.name)
        return HTMLResponse(html, status_code=status)

    def error(request: Request, status: int, message: str) -> Response:
        ctx = {"error": message, "status": status}
        return render(request, "error.html", ctx, status)

    @app.exception_handler(NotFound)
    async def not_found(request: Request, exc: NotFound) -> Response:
        return error(request, 404, str(exc))

    @app.exception_handler(StoreError)
    async def store_error(request: Request, exc: StoreError) -> Response:
        return error(request, 503, str(exc))

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException) -> Response:
        if exc.status_code == 404:
            return error(request, 404, f"nothing at {request.url.path}")
        response = error(request, exc.status_code, str(exc.detail))
        if exc.status_code == 405:  # every page and file of the app is read-only
            response.headers["Allow"] = (exc.headers or {}).get("Allow") or "GET, HEAD"
        return response

    @app.exception_handler(RequestValidationError)
    async def bad_request(request: Request, exc: RequestValidationError) -> Response:
        return error(request, 400, "bad request: " + "; ".join(
            str(e.get("msg", e)) for e in exc.errors()))

    def stories_page(request: Request, store: Store) -> Response:
        p = request.query_params
        ctx = stories_context(store, q=p.get("q", ""), site=p.get("site", ""),
                              date_from=p.get("from", ""), date_to=p.get("to", ""),
                              page=p.get("page", "1"))
        return render(request, "stories.html", ctx)

    def route(path: str) -> Callable[[Callable[..., Response]], Callable[..., Response]]:
        def register(fn: Callable[..., Response]) -> Callable[..., Response]:
            app.api_route(path, methods=["GET", "HEAD"], response_class=HTMLResponse,
                          include_in_schema=False)(fn)
            return fn
        return register

    @route("/")
    @route("/stories")
    @route("/stories.json")
    def stories(request: Request, store: Store = Depends(open_store)) -> Response:  # noqa: B008
        return stories_page(request, store)

    @route("/stories/{story_id:int}")
    @route("/stories/{story_id:int}.json")
    def story(request: Request, story_id: int,
              store: Store = Depends(open_store)) -> Response:  # noqa: B008
        return render(request, "story.html", story_page_context(store, story_id))

    @route("/articles/{article_id:int}")
    @route("/articles/{article_id:int}.json")
    def article(request: Request, article_id: int,
                store: Store = Depends(open_store)) -> Response:  # noqa: B008
        return render(request, "article.html", article_page_context(store, article_id))

    @route("/sites")
    @route("/sites.json")
    def sites(request: Request, store: Store = Depends(open_store)) -> Response:  # noqa: B008
        return render(request, "sites.html", sites_context(store))

    return app


def serve(
    db_path: Path,
    host: str = "127.0.0.1",
    port: int = 8000,
    settings: Settings | None = None,
) -> None:
    """Run the web app with uvicorn. Binds to localhost unless told otherwise."""
    import uvicorn

    if host not in LOCAL_HOSTS:
        print(
            f"warning: serving on {host}:{port} makes the database readable by anyone who can "
            "reach this machine; wiretrace has no login. Use --host 127.0.0.1 to keep it local.",
            file=sys.stderr,
        )
    if not Path(db_path).exists():
        raise StoreError(f"{db_path}: no such database; run 'wiretrace ingest PATH' first")
    app = create_app(Path(db_path), settings, allowed_hosts=allowed_hosts_for(host))
    uvicorn.run(app, host=host, port=port, log_level="info")
