"""`serve` answers only requests addressed to it: a wrong Host header (DNS rebinding) gets 400."""

from __future__ import annotations

import warnings
from pathlib import Path
from typing import Any

import pytest

from wiretrace.web.app import CONTENT_SECURITY_POLICY, serve
from wiretrace.web.hosts import allowed_hosts_for, host_name

with warnings.catch_warnings():
    warnings.simplefilter("ignore")
    from fastapi.testclient import TestClient

from webcorpus import Corpus  # noqa: E402

pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning")


def _served_app(db: Path, host: str, monkeypatch: pytest.MonkeyPatch) -> Any:
    import uvicorn

    apps: list[Any] = []
    monkeypatch.setattr(uvicorn, "run", lambda app, **kw: apps.append(app))
    serve(db, host=host, port=8123)
    return apps[0]


@pytest.mark.parametrize("base", ["http://127.0.0.1:8123", "http://localhost:8123",
                                  "http://LOCALHOST.", "http://[::1]:8123"])
def test_loopback_names_are_answered(
    corpus: Corpus, monkeypatch: pytest.MonkeyPatch, base: str
) -> None:
    app = _served_app(corpus.db, "127.0.0.1", monkeypatch)
    with TestClient(app, base_url=base) as c:
        assert c.get("/stories.json").status_code == 200


@pytest.mark.parametrize("host", ["evil.example", "evil.example:8123", "127.0.0.1.evil.example",
                                  "localhost.evil.example", ""])
def test_any_other_host_gets_400(
    corpus: Corpus, monkeypatch: pytest.MonkeyPatch, host: str
) -> None:
    app = _served_app(corpus.db, "127.0.0.1", monkeypatch)
    with TestClient(app) as c:
        for path in ("/stories.json", "/", f"/articles/{corpus.spun}.json", "/static/app.css"):
            r = c.get(path, headers={"host": host})
            assert r.status_code == 400, (host, path)
            assert corpus.db.name not in r.text and "source" not in r.text
            assert r.headers["content-security-policy"] == CONTENT_SECURITY_POLICY


def test_a_host_bound_on_purpose_is_answered_too(
    corpus: Corpus, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    app = _served_app(corpus.db, "192.0.2.7", monkeypatch)
    with TestClient(app, base_url="http://192.0.2.7:8123") as c:
        assert c.get("/stories.json").status_code == 200
        assert c.get("/stories.json", headers={"host": "evil.example"}).status_code == 400
    assert "warning" in capsys.readouterr().err


def test_host_names() -> None:
    assert host_name("LocalHost.:8000") == "localhost"
    assert host_name("[::1]:8000") == "::1"
    assert host_name("::1") == "::1"
    assert host_name("127.0.0.1") == "127.0.0.1"
    assert allowed_hosts_for("127.0.0.1") == {"127.0.0.1", "localhost", "::1"}
    assert allowed_hosts_for("0.0.0.0") is None  # reachable from anywhere, as asked
