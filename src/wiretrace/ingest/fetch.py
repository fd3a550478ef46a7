"""Fetching a feed entry's link, only when the user asks for it (``ingest --fetch``).

http(s) only; the host must resolve to public addresses unless private ones are allowed, and the
connection goes to the address that was checked (pinned: no second lookup to rebind); the
response is capped in size and in time, one deadline for the whole request; redirects are
followed by hand so every hop is checked.
"""

from __future__ import annotations

import http.client
import ipaddress
import socket
import time
import urllib.parse
from dataclasses import dataclass

from wiretrace.errors import InputError

__all__ = ["FetchPolicy", "check_url", "fetch"]


@dataclass(frozen=True, slots=True)
class FetchPolicy:
    max_bytes: int = 5 * 1024 * 1024
    timeout_s: float = 10.0
    max_redirects: int = 5
    allow_private: bool = False


_CHUNK = 64 * 1024


def check_url(url: str, policy: FetchPolicy) -> str:
    """Raise InputError unless ``url`` is http(s) to a host the policy allows; return the
    address it was checked at, which the connection must then use (no second lookup: a DNS
    answer that changes between the check and the connection cannot reach another host)."""
    parts = urllib.parse.urlsplit(url)
    if parts.scheme not in ("http", "https"):
        raise InputError(f"{url}: only http and https links are fetched")
    if not parts.hostname:
        raise InputError(f"{url}: no host in the link")
    try:
        port = parts.port
        infos = socket.getaddrinfo(parts.hostname, port or None, proto=socket.IPPROTO_TCP)
    except (socket.gaierror, UnicodeError, ValueError) as exc:
        raise InputError(f"{url}: host cannot be resolved ({exc})") from None
    if not infos:
        raise InputError(f"{url}: host cannot be resolved (no address)")
    if not policy.allow_private:
        for info in infos:
            address = ipaddress.ip_address(str(info[4][0]).split("%")[0])
            if not address.is_global:
                raise InputError(
                    f"{url}: {parts.hostname} resolves to a private or loopback address "
                    f"({address}); pass --allow-private to fetch it"
                )
    return str(infos[0][4][0])


def fetch(url: str, policy: FetchPolicy) -> str:
    """The body of ``url`` as text, within the policy's caps. Raises InputError with a reason.

    ``policy.timeout_s`` bounds the whole request, redirects and every byte of the body
    included (not each read: a server sending a byte a second cannot hold it longer). A page
    cut off (by the deadline, or by the server before its Content-Length) is an error, never a
    shorter page."""
    deadline = time.monotonic() + policy.timeout_s
    for _ in range(policy.max_redirects + 1):
        address = check_url(url, policy)
        status, location, body, charset = _get(url, address, policy, deadline)
        if status in (301, 302, 303, 307, 308) and location:
            url = urllib.parse.urljoin(url, location)
            continue
        if status != 200:
            raise InputError(f"{url}: HTTP {status}")
        try:
            return body.decode(charset or "utf-8", errors="replace")
        except LookupError:
            return body.decode("utf-8", errors="replace")
    raise InputError(f"{url}: more than {policy.max_redirects} redirects")


def _get(
    url: str, address: str, policy: FetchPolicy, deadline: float
) -> tuple[int, str | None, bytes, str | None]:
    """One GET of ``url`` connected to ``address``: (status, Location, body, charset)."""
    parts = urllib.parse.urlsplit(url)
    secure = parts.scheme == "https"
    port = parts.port or (443 if secure else 80)
    host = parts.hostname or ""
    conn_class = http.client.HTTPSConnection if secure else http.client.HTTPConnection
    conn = conn_class(host, port, timeout=_left(url, deadline, policy))

    def pinned(addr: tuple[str, int], timeout: float | None = None,
               source: tuple[str, int] | None = None) -> socket.socket:
        return socket.create_connection((address, addr[1]), timeout, source)

    conn._create_connection = pinned  # type: ignore[attr-defined]
    path = parts.path or "/"
    if parts.query:
        path += "?" + parts.query
    try:
        conn.request("GET", path, headers={"User-Agent": "wiretrace/0.1", "Accept-Encoding":
                                           "identity"})
        live = conn.sock  # (TLS) socket the response reads, kept after conn lets go of it
        response = conn.getresponse()
        if response.status != 200:
            return response.status, response.getheader("Location"), b"", None
        length = response.getheader("Content-Length")
        if length and length.isdigit() and int(length) > policy.max_bytes:
            raise InputError(f"{url}: response larger than {policy.max_bytes} bytes")
        body = bytearray()
        while True:
            left = _left(url, deadline, policy)
            if live is not None:
                live.settimeout(left)
            piece = response.read1(min(_CHUNK, policy.max_bytes + 1 - len(body)) or 1)
            if not piece:
                break
            body += piece
            if len(body) > policy.max_bytes:
                raise InputError(f"{url}: response larger than {policy.max_bytes} bytes")
        if length and length.isdigit() and len(body) < int(length):
            raise InputError(f"{url}: page cut off ({len(body)} of {length} bytes received)")
        return 200, None, bytes(body), response.headers.get_content_charset()
    except http.client.IncompleteRead as exc:
        raise InputError(f"{url}: page cut off ({len(exc.partial)} bytes received)") from None
    except TimeoutError:
        raise InputError(_late(url, policy)) from None
    except (http.client.HTTPException, OSError) as exc:
        raise InputError(f"{url}: cannot fetch ({exc})") from None
    finally:
        conn.close()


def _left(url: str, deadline: float, policy: FetchPolicy) -> float:
    left = deadline - time.monotonic()
    if left <= 0:
        raise InputError(_late(url, policy))
    return left


def _late(url: str, policy: FetchPolicy) -> str:
    return f"{url}: no complete page within {policy.timeout_s:g} s (cut off, not stored)"
