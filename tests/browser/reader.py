"""How browser tests open the site as a reader does: hosted over HTTP, or offline from file://."""

from __future__ import annotations

from conftest import Build, Watched


def url_of(site: Build, path: str) -> str:
    """Address of a page given as its directory-URL path (`en/papers/01-pythia/`).

    The offline build has .html URLs: `en/` → en/index.html, `papers/x/` → papers/x.html.
    """
    if site.url.startswith("file:"):
        if path in ("", "en/"):
            path += "index.html"
        elif path.endswith("/"):
            path = path[:-1] + ".html"
    return site.url + path


def open_page(watched: Watched, site: Build, path: str) -> None:
    watched.page.goto(url_of(site, path))
    watched.page.wait_for_load_state("load")


def search(watched: Watched, query: str) -> list[str]:
    page = watched.page
    box = page.locator(".md-search__input")
    box.click()
    box.fill(query)
    page.keyboard.press("End")  # typing CJK through fill() alone does not trigger a search
    page.locator(".md-search-result__item").first.wait_for(timeout=10_000)
    return [a.get_attribute("href") for a in page.locator("li.md-search-result__item > a.md-search-result__link").all()]
