"""The web app against a real store: every page and its JSON twin, search, filters, 404s,
security headers and escaping of hostile article content."""

from __future__ import annotations

import warnings
from collections.abc import Iterator
from pathlib import Path

import pytest

from wiretrace.report.sites import site_scorecards
from wiretrace.store import Store
from wiretrace.web.app import CONTENT_SECURITY_POLICY, create_app

with warnings.catch_warnings():
    warnings.simplefilter("ignore")
    from fastapi.testclient import TestClient

from webcorpus import XSS_TITLE, Corpus, fill_store  # noqa: E402

pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning")


@pytest.fixture(scope="module")
def client(corpus: Corpus) -> Iterator[TestClient]:
    with TestClient(create_app(corpus.db)) as c:
        yield c


def pages(c: Corpus) -> list[str]:
    return ["/stories", f"/stories/{c.fire_story}", f"/articles/{c.spun}", "/sites"]


def test_every_page_has_a_json_twin_built_from_the_same_context(
    client: TestClient, corpus: Corpus
) -> None:
    for path in pages(corpus):
        html = client.get(path)
        assert html.status_code == 200, path
        assert html.headers["content-type"].startswith("text/html")
        twin = client.get(path + ".json")
        assert twin.status_code == 200, path
        assert twin.headers["content-type"].startswith("application/json")
        assert client.get(path, params={"format": "json"}).json() == twin.json()
        assert f'href="{path}.json"' in html.text  # the page links its twin
    assert client.get("/").text == client.get("/stories").text
    assert client.get("/", params={"format": "json"}).json() == client.get("/stories.json").json()


def test_stories_list_sizes_and_sites(client: TestClient, corpus: Corpus) -> None:
    data = client.get("/stories.json").json()
    assert data["total"] == 2
    assert data["unclustered_articles"] == 1
    fire = next(s for s in data["stories"] if s["id"] == corpus.fire_story)
    assert fire["size"] == 5
    assert "quickai.example" in fire["sites"]
    assert fire["derivations"]["wire_copy"] == 1
    assert fire["first_published"] == "2026-03-02"
    html = client.get("/stories").text
    assert f'href="/stories/{corpus.fire_story}"' in html
    assert "5 articles" in html


def test_search_finds_stories_through_their_articles(client: TestClient, corpus: Corpus) -> None:
    data = client.get("/stories.json", params={"q": "Cyprus"}).json()
    assert [s["id"] for s in data["stories"]] == [corpus.fire_story]
    assert [m["id"] for m in data["stories"][0]["matches"]] == [corpus.ai]
    assert data["matching_articles"] == 1
    assert client.get("/stories.json", params={"q": "Brask"}).json()["stories"][0]["id"] == (
        corpus.hostile_story)
    assert client.get("/stories.json", params={"q": "zeppelin"}).json()["total"] == 0
    html = client.get("/stories", params={"q": "Cyprus"}).text
    assert f'href="/articles/{corpus.ai}"' in html
    assert 'value="Cyprus"' in html
    # FTS syntax typed by a person is treated as words, never as an error
    for weird in ('harbour" OR (NEAR', "*", "\x00", "NEAR(", "x" * 5000):
        r = client.get("/stories.json", params={"q": weird})
        assert r.status_code == 200, weird


def test_filters_by_site_and_date_range(client: TestClient, corpus: Corpus) -> None:
    def ids(**params: str) -> list[int]:
        return [s["id"] for s in client.get("/stories.json", params=params).json()["stories"]]

    assert ids(site="quickai.example") == [corpus.fire_story]
    assert sorted(ids(site="dailyport.example")) == sorted([corpus.fire_story,
                                                            corpus.hostile_story])
    assert ids(site="nowhere.example") == []
    assert ids(**{"from": "2026-04-01"}) == [corpus.hostile_story]
    assert ids(to="2026-03-31") == [corpus.fire_story]
    assert ids(**{"from": "2026-03-03", "to": "2026-03-03"}) == [corpus.fire_story]
    assert ids(**{"from": "2026-05-01"}) == []
    bad = client.get("/stories.json", params={"from": "yesterday", "page": "x"}).json()
    assert bad["total"] == 2 and len(bad["errors"]) == 2
    html = client.get("/stories", params={"site": "quickai.example"}).text
    assert '<option value="quickai.example" selected>' in html


def test_story_page(client: TestClient, corpus: Corpus) -> None:
    r = client.get(f"/stories/{corpus.fire_story}")
    html = r.text
    assert "<svg" in html and 'class="provenance"' in html
    for aid in (corpus.original, corpus.wire, corpus.spun, corpus.ai, corpus.independent):
        assert f'href="/articles/{aid}"' in html
    assert "wire copy" in html and "spun copy" in html and "independent" in html
    assert "Wirewire" in html  # the inferred upstream node and field
    assert "synonyms swapped" in html  # evidence
    assert "Disputed" in html and "taken to Cyprus" in html
    assert "Single-source claims" in html and "Mayor Ana Ruiz" in html
    assert "every other article says Crete" in html
    data = client.get(f"/stories/{corpus.fire_story}.json").json()
    assert data["size"] == 5
    graph = data["graph"]
    kinds = {n["kind"] for n in graph["nodes"]}
    assert kinds == {"article", "upstream"}
    edges = {(e["source"], e["target"], e["label"]) for e in graph["edges"]}
    assert (f"a:{corpus.original}", f"a:{corpus.spun}", "spun_copy") in edges
    assert ("u:Wirewire", f"a:{corpus.original}", "original") in edges
    depth = {n["key"]: n["depth"] for n in graph["nodes"]}
    assert depth[f"a:{corpus.wire}"] == depth[f"a:{corpus.original}"] + 1
    assert len(data["changes"]) == 4 and len(data["facts"]) == 3


def test_article_page_beside_its_parent(client: TestClient, corpus: Corpus) -> None:
    data = client.get(f"/articles/{corpus.ai}.json").json()
    assert data["parent"]["id"] == corpus.original
    assert data["article"]["derivation"]["type"] == "rewrite"
    [passage] = data["passages"]
    marked_right = [s for s in passage["article"] if s["ref"] is not None]
    marked_left = [s for s in passage["parent"] if s["ref"] is not None]
    assert [s["text"] for s in marked_right] == ["Cyprus"]
    assert [s["text"] for s in marked_left] == ["Crete"]
    assert "".join(s["text"] for s in passage["article"]).startswith("Around 1,800")
    assert [c["kind"] for c in data["changes"]] == ["place", "qualifier"]
    assert data["article"]["ai_tells"][0]["text"].startswith("Here is a rewritten")
    html = client.get(f"/articles/{corpus.ai}").text
    assert '<mark class="chg k-place" data-change="1">Cyprus</mark>' in html
    assert 'href="#change-1"' in html and 'id="change-1"' in html
    assert "place changed: every other article says Crete" in html
    assert "llm meta text" in html
    assert 'href="javascript:' not in html  # a stranger's URL never becomes a link
    # the parent lists what was derived from it
    parent = client.get(f"/articles/{corpus.original}").text
    assert f'href="/articles/{corpus.spun}"' in parent and "Beside its parent" not in parent


def test_article_without_parent_shows_text_and_artefacts(
    client: TestClient, corpus: Corpus
) -> None:
    data = client.get(f"/articles/{corpus.lonely}.json").json()
    assert data["parent"] is None and data["story"] is None and data["passages"] == []
    assert "lighthouse of Orrin" in client.get(f"/articles/{corpus.lonely}").text
    spun = client.get(f"/articles/{corpus.spun}").text
    assert "See also: Ten tips for a cheaper holiday" in spun
    assert '<mark class="art"' in spun


def test_sites_scorecards(client: TestClient, corpus: Corpus) -> None:
    with Store(corpus.db, readonly=True) as store:
        cards = {c["site"]: c for c in site_scorecards(store)}
    assert cards["newsfarm.example"]["copies"] == 1
    assert cards["newsfarm.example"]["artefacts"] == {"see_also": 1}
    assert cards["newsfarm.example"]["changes"] == {"attribution": 1}
    assert cards["quickai.example"]["rewrites"] == 1
    assert cards["quickai.example"]["ai_tells"] == 1
    assert cards["quickai.example"]["changes"] == {"place": 1, "qualifier": 1}
    assert cards["wirewire.example"]["originals"] == 1
    assert cards["dailyport.example"]["articles"] == 3
    data = client.get("/sites.json").json()
    assert {c["site"] for c in data["sites"]} == set(cards)
    html = client.get("/sites").text
    assert "quickai.example" in html and "Changes introduced" in html


@pytest.mark.parametrize("path", ["/stories/9999", "/articles/9999", "/nowhere", "/stories/x"])
def test_unknown_ids_are_404_with_a_json_twin(client: TestClient, path: str) -> None:
    r = client.get(path)
    assert r.status_code == 404
    assert "Not found" in r.text and r.headers["content-type"].startswith("text/html")
    twin = client.get(path + ".json")
    assert twin.status_code == 404 and "error" in twin.json()
    assert client.get(path, params={"format": "json"}).json()["error"]


def test_security_headers_on_every_response(client: TestClient, corpus: Corpus) -> None:
    for path in [*pages(corpus), "/stories.json", "/static/style.css", "/static/app.js",
                 "/nowhere"]:
        r = client.get(path)
        assert r.headers["content-security-policy"] == CONTENT_SECURITY_POLICY, path
        assert r.headers["x-content-type-options"] == "nosniff"
    for docs in ("/docs", "/redoc", "/openapi.json"):
        assert client.get(docs).status_code == 404


def test_head_requests_answer_like_get(client: TestClient, corpus: Corpus) -> None:
    for path in [*pages(corpus), "/stories.json"]:
        head = client.head(path)
        assert head.status_code == 200, path
        assert head.content == b""
        assert head.headers["content-security-policy"] == CONTENT_SECURITY_POLICY


def test_pages_have_no_inline_script_or_style_and_no_remote_assets(
    client: TestClient, corpus: Corpus
) -> None:
    for path in pages(corpus):
        html = client.get(path).text
        assert "<script>" not in html and "<style" not in html and " style=" not in html
        assert "http://" not in html.split("<main", 1)[0]
        assert "https://" not in html.split("<main", 1)[0]
        assert 'class="skip" href="#main"' in html


def test_hostile_content_is_escaped_everywhere(client: TestClient, corpus: Corpus) -> None:
    for path in ["/stories", f"/stories/{corpus.hostile_story}", f"/articles/{corpus.hostile}",
                 "/stories?q=pier"]:
        html = client.get(path).text
        assert "<script>window.__pwned" not in html, path
        assert "<img src=x" not in html, path
        assert "&lt;script&gt;window.__pwned=1;alert(1)&lt;/script&gt;" in html, path
    article = client.get(f"/articles/{corpus.hostile}").text
    assert "&lt;img src=x onerror=&#34;window.__pwned=1;alert(1)&#34;&gt;" in article
    assert client.get(f"/articles/{corpus.hostile}.json").json()["article"]["title"] == XSS_TITLE


def test_store_opened_read_only_sees_new_writes(tmp_path: Path) -> None:
    corpus = fill_store(tmp_path / "w.db")
    with TestClient(create_app(corpus.db)) as c:
        before = c.get("/stories.json").json()["total"]
        with Store(corpus.db) as store:  # a writer while the app is up
            stories = [(s.title, s.articles) for s in store.stories()]
            store.replace_clustering([*stories, ("Orrin lighthouse", [corpus.lonely])], [], [])
        assert c.get("/stories.json").json()["total"] == before + 1


def test_missing_database_is_a_clear_error(tmp_path: Path) -> None:
    with TestClient(create_app(tmp_path / "absent.db")) as c:
        r = c.get("/stories.json")
    assert r.status_code == 503 and "wiretrace ingest" in r.json()["error"]


def test_serve_warns_when_not_bound_to_localhost(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    import uvicorn

    from wiretrace.web.app import serve

    calls: list[tuple[str, int]] = []
    monkeypatch.setattr(uvicorn, "run", lambda app, host, port, **kw: calls.append((host, port)))
    db = tmp_path / "w.db"
    Store(db).close()
    serve(db, port=8123)
    assert calls == [("127.0.0.1", 8123)] and "warning" not in capsys.readouterr().err
    serve(db, host="0.0.0.0", port=8124)
    assert "warning" in capsys.readouterr().err


def test_unexpected_errors_keep_the_security_headers(
    corpus: Corpus, monkeypatch: pytest.MonkeyPatch
) -> None:
    import wiretrace.web.app as web_app

    def broken(*args: object, **kwargs: object) -> None:
        raise RuntimeError("boom <script>")

    monkeypatch.setattr(web_app, "sites_context", broken)
    with TestClient(create_app(corpus.db), raise_server_exceptions=False) as c:
        r = c.get("/sites")
    assert r.status_code == 500
    assert r.headers["content-security-policy"] == CONTENT_SECURITY_POLICY
    assert "boom" not in r.text
