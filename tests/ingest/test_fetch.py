from __future__ import annotations

import socket
import threading
import time
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


# --- DNS rebinding, one deadline per request, cut-off pages ----------------------------------


class _Slow(BaseHTTPRequestHandler):
    hits = 0

    def do_GET(self) -> None:  # noqa: N802
        type(self).hits += 1
        if self.path == "/cut":
            self.send_response(200)
            self.send_header("Content-Length", "5000")
            self.end_headers()
            self.wfile.write(PAGE)  # then the connection closes: far short of 5000 bytes
            return
        # a byte every 0.2 s: each read is quick, the whole page takes 4 s
        self.send_response(200)
        self.send_header("Content-Length", str(len(PAGE[:20])))
        self.end_headers()
        for byte in PAGE[:20]:
            self.wfile.write(bytes([byte]))
            self.wfile.flush()
            time.sleep(0.2)

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture()
def slow_server() -> Iterator[str]:
    _Slow.hits = 0
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), _Slow)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()


def test_overall_deadline_per_request(slow_server: str) -> None:
    started = time.monotonic()
    with pytest.raises(InputError, match="no complete page within 1 s"):
        fetch(slow_server + "/drip", FetchPolicy(allow_private=True, timeout_s=1.0))
    assert time.monotonic() - started < 2.5


def test_cut_off_page_is_an_error_not_a_shorter_page(slow_server: str) -> None:
    with pytest.raises(InputError, match="cut off"):
        fetch(slow_server + "/cut", FetchPolicy(allow_private=True))


def test_connection_goes_to_the_checked_address(
    slow_server: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The first lookup says a public address, a second would say loopback (DNS rebinding):
    the connection must go to the address that was checked, and never reach loopback."""
    port = int(slow_server.rsplit(":", 1)[1])
    answers = iter(["8.8.8.8"] + ["127.0.0.1"] * 10)
    real_getaddrinfo = socket.getaddrinfo

    def rebinding(host: str, *args: object, **kwargs: object) -> list:  # type: ignore[type-arg]
        if host != "rebind.example":
            return real_getaddrinfo(host, *args, **kwargs)  # type: ignore[arg-type]
        return [(socket.AF_INET, socket.SOCK_STREAM, 6, "", (next(answers), port))]

    connected: list[object] = []

    def no_network(address: tuple[str, int], *args: object, **kwargs: object) -> socket.socket:
        connected.append(address)
        raise ConnectionRefusedError("offline test")

    monkeypatch.setattr(socket, "getaddrinfo", rebinding)
    monkeypatch.setattr(socket, "create_connection", no_network)
    with pytest.raises(InputError, match="cannot fetch"):
        fetch(f"http://rebind.example:{port}/page", FetchPolicy(timeout_s=2.0))
    assert connected == [("8.8.8.8", port)]
    assert _Slow.hits == 0
