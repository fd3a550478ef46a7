"""The real server in a real browser: Debian's chromium through Playwright.

Clicks from the stories page to a story, to an article beside its parent, to the sites page,
with screenshots in ``test-output/screenshots/``; and checks that hostile markup in an article
never runs and reads as text.
"""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

CHROMIUM = Path("/usr/bin/chromium")
ROOT = Path(__file__).resolve().parents[2]
SHOTS = ROOT / "test-output" / "screenshots"
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run"]

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(not CHROMIUM.exists(),
                       reason="needs Debian's chromium at /usr/bin/chromium; "
                              "run scripts/install-browser.sh (or make browser-deps)"),
]

if CHROMIUM.exists():
    from playwright.sync_api import Browser, ConsoleMessage, Dialog, Page, expect, sync_playwright
    from webcorpus import XSS_BODY, XSS_TITLE, Corpus


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture(scope="module")
def base_url(corpus: Corpus) -> Iterator[str]:
    import uvicorn

    from wiretrace.web.app import create_app

    port = _free_port()
    server = uvicorn.Server(uvicorn.Config(create_app(corpus.db), host="127.0.0.1", port=port,
                                           log_level="warning", lifespan="off"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 15
    while not server.started:
        if time.monotonic() > deadline or not thread.is_alive():
            raise RuntimeError("uvicorn did not start")
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    server.should_exit = True
    thread.join(timeout=10)


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        yield b
        b.close()


@pytest.fixture()
def page(browser: Browser) -> Iterator[Page]:
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    pg = context.new_page()
    yield pg
    context.close()


def shot(page: Page, name: str) -> None:
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / f"{name}.png"), full_page=True)


def test_click_from_stories_to_story_to_article_to_sites(
    page: Page, base_url: str, corpus: Corpus
) -> None:
    errors: list[str] = []
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.goto(base_url + "/")
    expect(page.get_by_role("heading", name="Stories", level=1)).to_be_visible()
    shot(page, "01-stories")

    page.get_by_label("Search titles and text").fill("Cyprus")
    page.get_by_role("button", name="Filter").click()
    expect(page.get_by_role("status")).to_contain_text("1 article match")
    page.get_by_role("link", name="Fire destroys 40 boats in Kellan harbour").first.click()
    expect(page).to_have_url(f"{base_url}/stories/{corpus.fire_story}")
    expect(page.locator("svg.provenance")).to_be_visible()
    expect(page.get_by_role("heading", name="Disputed")).to_be_visible()
    shot(page, "02-story")

    page.get_by_role("link", name="Kellan harbour fire: what we know").first.click()
    expect(page).to_have_url(f"{base_url}/articles/{corpus.ai}")
    expect(page.locator(".pair mark.chg").first).to_have_text("Crete")
    expect(page.locator(".pair .right mark.chg")).to_have_text("Cyprus")
    page.get_by_role("link", name="change 1, place").first.click()
    expect(page).to_have_url(f"{base_url}/articles/{corpus.ai}#change-1")
    expect(page.locator("#change-1")).to_contain_text("every other article says Crete")
    shot(page, "03-article-diff")

    page.get_by_role("navigation", name="Main").get_by_role("link", name="Sites").click()
    expect(page).to_have_url(f"{base_url}/sites")
    expect(page.get_by_role("heading", name="quickai.example")).to_be_visible()
    shot(page, "04-sites")

    page.set_viewport_size({"width": 390, "height": 844})
    page.goto(f"{base_url}/articles/{corpus.ai}")
    shot(page, "05-article-phone")
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= 390, "the article page scrolls sideways on a phone"
    assert errors == []


def test_keyboard_skip_link_and_visible_focus(page: Page, base_url: str) -> None:
    page.goto(base_url + "/stories")
    page.keyboard.press("Tab")
    skip = page.get_by_role("link", name="Skip to content")
    expect(skip).to_be_focused()
    assert page.evaluate("getComputedStyle(document.activeElement).outlineStyle") != "none"
    page.keyboard.press("Enter")
    expect(page).to_have_url(base_url + "/stories#main")


def test_reading_needs_no_javascript(browser: Browser, base_url: str, corpus: Corpus) -> None:
    context = browser.new_context(java_script_enabled=False)
    pg = context.new_page()
    pg.goto(f"{base_url}/articles/{corpus.ai}")
    expect(pg.locator(".pair .right mark.chg")).to_have_text("Cyprus")
    pg.goto(f"{base_url}/stories?site=quickai.example")
    expect(pg.locator(".story-list > li")).to_have_count(1)
    context.close()


def test_hostile_content_never_runs_and_reads_as_text(
    page: Page, base_url: str, corpus: Corpus
) -> None:
    dialogs: list[str] = []
    console: list[str] = []

    def on_dialog(d: Dialog) -> None:
        dialogs.append(d.message)
        d.dismiss()

    def on_console(m: ConsoleMessage) -> None:
        console.append(m.text)

    page.on("dialog", on_dialog)
    page.on("console", on_console)
    for path in ["/stories", f"/stories/{corpus.hostile_story}", f"/articles/{corpus.hostile}",
                 "/stories?q=pier"]:
        page.goto(base_url + path)
        page.wait_for_load_state("load")
        assert page.evaluate("typeof window.__pwned") == "undefined", path
        assert page.locator("main img").count() == 0, path
        assert page.locator("main script").count() == 0, path
    page.goto(f"{base_url}/articles/{corpus.hostile}")
    expect(page.get_by_role("heading", level=1)).to_have_text(XSS_TITLE)
    text = page.locator(".article-text").inner_text()
    assert "<script>window.__pwned=1;alert(1)</script>" in text
    assert '<img src=x onerror="window.__pwned=1;alert(1)">' in text
    assert " ".join(text.split()) == " ".join(XSS_BODY.split())
    shot(page, "06-hostile-article")
    assert dialogs == []
    assert not [m for m in console if "pwned" in m or "alert" in m or "Security Policy" in m]
