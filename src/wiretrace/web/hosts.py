"""The Host header check of the web app: a page on another site cannot read it.

A server on 127.0.0.1 is reachable from the user's own browser, so a web page the user visits
could point a name it controls at 127.0.0.1 (DNS rebinding) and read every page and JSON twin
of the app, local source paths included, as same-origin. Such requests carry that name in their
``Host`` header; the app answers only requests addressed to a name it is served as (loopback
names, and the host it was bound to on purpose), and answers any other with 400.
"""

from __future__ import annotations

from collections.abc import Iterable

from starlette.types import ASGIApp, Receive, Scope, Send

__all__ = ["LOOPBACK_NAMES", "TrustedHosts", "allowed_hosts_for", "host_name"]

LOOPBACK_NAMES = frozenset({"127.0.0.1", "localhost", "::1"})
_ANY = frozenset({"0.0.0.0", "::", ""})


def allowed_hosts_for(bound: str) -> frozenset[str] | None:
    """The Host names a server bound to ``bound`` answers: loopback names plus ``bound``;
    ``None`` (any) for a wildcard bind, which the user asked to reach from anywhere."""
    name = host_name(bound)
    if name in _ANY:
        return None
    return LOOPBACK_NAMES | {name}


def host_name(value: str) -> str:
    """'LocalHost.:8000' -> 'localhost', '[::1]:8000' -> '::1', '127.0.0.1' -> '127.0.0.1'."""
    value = value.strip().lower()
    if value.startswith("["):
        end = value.find("]")
        return value[1:end] if end != -1 else value
    if value.count(":") == 1:  # name:port (a bare IPv6 address has more colons)
        value = value.split(":", 1)[0]
    return value.rstrip(".")


class TrustedHosts:
    """Pure ASGI middleware: 400 for a request whose Host is not one of ``allowed``."""

    def __init__(self, app: ASGIApp, allowed: Iterable[str]) -> None:
        self.app = app
        self.allowed = frozenset(host_name(h) for h in allowed)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] not in ("http", "websocket"):
            await self.app(scope, receive, send)
            return
        raw = next((v for k, v in scope.get("headers", []) if k == b"host"), b"")
        name = host_name(raw.decode("latin-1"))
        if name in self.allowed:
            await self.app(scope, receive, send)
            return
        shown = "".join(ch if ch.isprintable() else "?" for ch in name)[:100] or "(none)"
        body = (f"400: this wiretrace server answers only for {', '.join(sorted(self.allowed))}"
                f"; the request was addressed to {shown}\n").encode()
        await send({"type": "http.response.start", "status": 400,
                    "headers": [(b"content-type", b"text/plain; charset=utf-8"),
                                (b"content-length", str(len(body)).encode())]})
        await send({"type": "http.response.body", "body": body})
