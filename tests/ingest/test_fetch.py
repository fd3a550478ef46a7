from __future__ import annotations

import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from wiretrace.errors import InputError
from wiretrace.ingest.fetch import FetchPolicy, check_url, fetch

PAGE = b"<html><body><article><p>The ferry resumed service on Monday.</p></article></body></html>"


class _Handler(BaseHTTPRequestHandler):
    def do_GET(self) -> None:  # noqa: N802
        if self.path == "/big":
            body = b"x" * 5000
        elif self.path == "/hop":
            self.send_response(302)
            self.send_header("Location", "/page")
            self.end_headers()
            return
        else:
            body = PAGE
        self.send_response(200)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture()
def server() -> Iterator[str]:
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()


def test_loopback_is_refused_unless_allowed(server: str) -> None:
    with pytest.raises(InputError, match="private or loopback.*--allow-private"):
        fetch(server + "/page", FetchPolicy())
    assert "ferry resumed" in fetch(server + "/page", FetchPolicy(allow_private=True))


def test_redirects_are_followed_and_checked(server: str) -> None:
    assert "ferry" in fetch(server + "/hop", FetchPolicy(allow_private=True))
    with pytest.raises(InputError, match="redirects"):
        fetch(server + "/hop", FetchPolicy(allow_private=True, max_redirects=0))


def test_size_cap(server: str) -> None:
    with pytest.raises(InputError, match="larger than 1000 bytes"):
        fetch(server + "/big", FetchPolicy(allow_private=True, max_bytes=1000))


@pytest.mark.parametrize("url", ["file:///etc/passwd", "ftp://example.org/x", "gopher://x/"])
def test_only_http_and_https(url: str) -> None:
    with pytest.raises(InputError, match="only http and https"):
        check_url(url, FetchPolicy(allow_private=True))


def test_private_ranges_refused() -> None:
    for url in ("http://10.0.0.1/", "http://192.168.1.1/", "http://[::1]/", "http://169.254.1.1/"):
        with pytest.raises(InputError, match="private or loopback"):
            check_url(url, FetchPolicy())
