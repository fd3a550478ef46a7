"""Fetching a feed entry's link, only when the user asks for it (``ingest --fetch``).

http(s) only; the host must resolve to public addresses unless private ones are allowed; the
response is capped in size and time; redirects are followed by hand so every hop is checked.
"""

from __future__ import annotations

import ipaddress
import socket
import urllib.error
import urllib.parse
import urllib.request
from dataclasses import dataclass

from wiretrace.errors import InputError

__all__ = ["FetchPolicy", "check_url", "fetch"]


@dataclass(frozen=True, slots=True)
class FetchPolicy:
    max_bytes: int = 5 * 1024 * 1024
    timeout_s: float = 10.0
    max_redirects: int = 5
    allow_private: bool = False


def check_url(url: str, policy: FetchPolicy) -> None:
    """Raise InputError unless ``url`` is http(s) to a host the policy allows."""
    parts = urllib.parse.urlsplit(url)
    if parts.scheme not in ("http", "https"):
        raise InputError(f"{url}: only http and https links are fetched")
    if not parts.hostname:
        raise InputError(f"{url}: no host in the link")
    try:
        infos = socket.getaddrinfo(parts.hostname, parts.port or None, proto=socket.IPPROTO_TCP)
    except (socket.gaierror, UnicodeError) as exc:
        raise InputError(f"{url}: host cannot be resolved ({exc})") from None
    if policy.allow_private:
        return
    for info in infos:
        address = ipaddress.ip_address(info[4][0])
        if not address.is_global:
            raise InputError(
                f"{url}: {parts.hostname} resolves to a private or loopback address "
                f"({address}); pass --allow-private to fetch it"
            )


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args: object, **kwargs: object) -> None:
        return None


def fetch(url: str, policy: FetchPolicy) -> str:
    """The body of ``url`` as text, within the policy's caps. Raises InputError with a reason."""
    opener = urllib.request.build_opener(_NoRedirect())
    for _ in range(policy.max_redirects + 1):
        check_url(url, policy)
        request = urllib.request.Request(url, headers={"User-Agent": "wiretrace/0.1"})
        try:
            response = opener.open(request, timeout=policy.timeout_s)
        except urllib.error.HTTPError as exc:
            if exc.code in (301, 302, 303, 307, 308) and exc.headers.get("Location"):
                url = urllib.parse.urljoin(url, exc.headers["Location"])
                continue
            raise InputError(f"{url}: HTTP {exc.code}") from None
        except (urllib.error.URLError, TimeoutError, OSError) as exc:
            reason = getattr(exc, "reason", exc)
            raise InputError(f"{url}: cannot fetch ({reason})") from None
        with response:
            length = response.headers.get("Content-Length")
            if length and length.isdigit() and int(length) > policy.max_bytes:
                raise InputError(f"{url}: response larger than {policy.max_bytes} bytes")
            body = response.read(policy.max_bytes + 1)
            if len(body) > policy.max_bytes:
                raise InputError(f"{url}: response larger than {policy.max_bytes} bytes")
            charset = response.headers.get_content_charset() or "utf-8"
            try:
                return body.decode(charset, errors="replace")
            except LookupError:
                return body.decode("utf-8", errors="replace")
    raise InputError(f"{url}: more than {policy.max_redirects} redirects")
