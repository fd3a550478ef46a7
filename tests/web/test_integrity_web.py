"""The story page shows where facts went wrong and the tampered quotes; its JSON twin has them.
The browser test drives Debian's chromium (as test_browser does)."""

from __future__ import annotations

import socket
import threading
import time
import warnings
from pathlib import Path

import pytest
from wt_integrity import IntegrityCorpus, fill_integrity_store

from wiretrace.web.app import create_app

with warnings.catch_warnings():
    warnings.simplefilter("ignore")
    from fastapi.testclient import TestClient

pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning")
CHROMIUM = Path("/usr/bin/chromium")
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run"]
SHOTS = Path(__file__).resolve().parents[2] / "test-output" / "screenshots"


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> IntegrityCorpus:
    return fill_integrity_store(tmp_path_factory.mktemp("web-integrity") / "w.db")


def test_story_page_and_its_json_twin(corpus: IntegrityCorpus) -> None:
    with TestClient(create_app(corpus.db)) as client:
        html = client.get(f"/stories/{corpus.story}").text
        data = client.get(f"/stories/{corpus.story}.json").json()
    assert 'id="lineage-1"' in html and "Where facts went wrong" in html
    lineage = html.split('id="lineage-1"')[1].split('id="quotes-1"')[0]
    assert lineage.count('class="inherited"') == 2
    assert f'href="/articles/{corpus.c3}"' in lineage
    quotes = html.split('id="quotes-1"')[1]
    for kind in ("cut", "spliced", "reattributed", "altered"):
        assert f'class="badge q-{kind}"' in quotes
    assert "Anna Roth" in quotes and "Tomas Weller" in quotes
    assert [h["article"] for h in data["lineage"][0]["inherited_by"]] == [corpus.c2, corpus.c3]
    assert {q["kind"] for q in data["quotes"]} == {"cut", "spliced", "reattributed", "altered"}


@pytest.mark.browser
@pytest.mark.skipif(not CHROMIUM.exists(), reason="needs Debian's chromium at /usr/bin/chromium; "
                    "run scripts/install-browser.sh (or make browser-deps)")
def test_browser_shows_the_line_and_the_quotes(corpus: IntegrityCorpus) -> None:
    import uvicorn
    from playwright.sync_api import expect, sync_playwright

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = int(s.getsockname()[1])
    server = uvicorn.Server(uvicorn.Config(create_app(corpus.db), host="127.0.0.1", port=port,
                                           log_level="warning", lifespan="off"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    try:
        deadline = time.monotonic() + 15
        while not server.started:
            assert time.monotonic() < deadline and thread.is_alive(), "uvicorn did not start"
            time.sleep(0.05)
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
            page = browser.new_page(viewport={"width": 1280, "height": 900})
            errors: list[str] = []
            page.on("pageerror", lambda e: errors.append(str(e)))
            page.goto(f"http://127.0.0.1:{port}/stories/{corpus.story}")
            heading = page.get_by_role("heading", name="Where facts went wrong")
            expect(heading).to_be_visible()
            line = page.locator("ol.lineage > li").first
            expect(line).to_contain_text("changed it to 1,900 people")
            expect(line.locator("li.inherited")).to_have_count(2)
            expect(page.get_by_role("heading", name="Quotes")).to_be_visible()
            expect(page.locator(".quote-changes > li")).to_have_count(4)
            expect(page.locator(".badge.q-reattributed")).to_be_visible()
            SHOTS.mkdir(parents=True, exist_ok=True)
            page.locator("section.lineage").screenshot(path=str(SHOTS / "06-lineage.png"))
            page.locator("section.quotes").screenshot(path=str(SHOTS / "07-quotes.png"))
            line.locator("li.inherited").last.locator("a.cite").first.click()
            expect(page).to_have_url(f"http://127.0.0.1:{port}/articles/{corpus.c3}")
            browser.close()
            assert errors == []
    finally:
        server.should_exit = True
        thread.join(timeout=10)
