"""Odd requests get the right status: ids past SQLite's 64-bit range are 404, not 500; a
method the app does not answer is 405 with an Allow header."""

from __future__ import annotations

import warnings

import pytest

from wiretrace.web.app import create_app

with warnings.catch_warnings():
    warnings.simplefilter("ignore")
    from fastapi.testclient import TestClient

from webcorpus import Corpus  # noqa: E402

pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning")


@pytest.mark.parametrize("path", ["/articles/9223372036854775808", "/stories/9223372036854775808",
                                  "/articles/99999999999999999999999.json"])
def test_huge_ids_are_404(corpus: Corpus, path: str) -> None:
    with TestClient(create_app(corpus.db), raise_server_exceptions=False) as c:
        r = c.get(path)
    assert r.status_code == 404, r.text


@pytest.mark.parametrize("path", ["/stories", "/articles/1.json", "/static/app.css"])
def test_405_names_the_allowed_methods(corpus: Corpus, path: str) -> None:
    with TestClient(create_app(corpus.db)) as c:
        r = c.request("POST", path)
    assert r.status_code == 405
    assert {m.strip() for m in r.headers["allow"].split(",")} == {"GET", "HEAD"}
