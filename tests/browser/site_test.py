#!/usr/bin/env python3
"""The site in a real browser: Chromium driven by Playwright, pages opened from file://.

    python3 tests/browser/site_test.py --site DIR --examples examples --axe axe.min.js --out target/browser

DIR is `acctsum -C examples --today 2026-11-20 site --audience leads -o DIR`. The test
sorts the index by two columns, filters it by a region toggle, by a person's name typed
without accents and by a status toggle, shares the filter as a link, opens an engagement
from the table, and runs axe-core on every kind of page. It fails on any request that is
not file: or data:, on any JavaScript error or console error, and on any serious or
critical accessibility violation. With JavaScript off every page must still be complete.
Screenshots (and a printed PDF of one engagement) go to --out, for CI's artifacts.
"""
import argparse
import pathlib
import sys
import unicodedata

import yaml
from playwright.sync_api import sync_playwright

ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--no-first-run", "--disable-default-apps", "--disable-extensions"]
FAILURES = []


def fail(message):
    FAILURES.append(message)
    print(f"FAIL: {message}", file=sys.stderr)


def check(condition, message):
    if not condition:
        fail(message)
    return condition


def fold(text):
    """As the site folds names: lower case, accents removed (ł has no decomposition)."""
    text = unicodedata.normalize("NFD", text.replace("ł", "l").replace("Ł", "L"))
    return " ".join("".join(c for c in text if not unicodedata.combining(c)).lower().split())


def engagements(examples):
    """name -> (region, status, every person named in its leads), read from the YAML itself."""
    out = {}
    for path in sorted(pathlib.Path(examples, "engagements").rglob("*.yaml")):
        doc = yaml.safe_load(path.read_text(encoding="utf-8"))
        people = []
        for value in (doc.get("leads") or {}).values():
            people.extend(value if isinstance(value, list) else [value])
        out[doc["engagement"]] = (doc["region"], doc["status"], [str(p) for p in people])
    return out


def watch(page, label):
    """Fails on a request that leaves the disk, a page error or a console error."""
    def on_request(request):
        if not (request.url.startswith("file:") or request.url.startswith("data:")):
            fail(f"{label}: a request left the page: {request.url}")

    page.on("request", on_request)
    page.on("pageerror", lambda error: fail(f"{label}: JavaScript error: {error}"))
    page.on("console", lambda msg: msg.type == "error" and fail(f"{label}: console error: {msg.text}"))


def visible_names(page):
    return page.eval_on_selector_all(
        "#engagements tbody tr:not([hidden])", "rows => rows.map(r => r.querySelector('a').textContent.trim())")


def column(page, key):
    """The sort values of a column of the visible rows, in order."""
    return page.evaluate(
        """key => {
            const table = document.querySelector('#engagements');
            const index = [...table.tHead.rows[0].cells].findIndex(h => h.dataset.key === key);
            return [...table.tBodies[0].rows].filter(r => !r.hidden).map(r => {
                const c = r.cells[index];
                return c.dataset.sort !== undefined ? c.dataset.sort : c.textContent.trim();
            });
        }""", key)


def url(page):
    """The address as the page has it now (history.replaceState included)."""
    return page.evaluate("() => location.href")


def sort_by(page, key):
    page.click(f"#engagements th[data-key='{key}'] button")
    return page.get_attribute(f"#engagements th[data-key='{key}']", "aria-sort")


def axe(page, axe_js, label):
    page.add_script_tag(path=axe_js)
    # preload off: axe would fetch the stylesheets again by XMLHttpRequest, which file:// refuses.
    violations = page.evaluate("async () => (await axe.run(document, {preload: false})).violations.map(v => ({id: v.id, impact: v.impact, "
                               "help: v.help, nodes: v.nodes.slice(0, 3).map(n => n.target.join(' '))}))")
    for v in violations:
        if v.get("impact") in ("serious", "critical"):
            fail(f"{label}: axe {v['impact']} {v['id']}: {v['help']} at {v['nodes']}")
    return violations


def index_tests(page, site, facts, out):
    page.goto((site / "index.html").resolve().as_uri())
    all_rows = visible_names(page)
    check(sorted(all_rows) == sorted(facts), f"index lists every engagement: {sorted(all_rows)} != {sorted(facts)}")
    check(page.is_visible("form[data-controls='engagements'] input[type='search']"), "the search box shows with JS")

    # Sort by two columns, each both ways.
    for key, numeric in (("name", False), ("updated", False)):
        state = sort_by(page, key)
        check(state == "ascending", f"sorting by {key}: aria-sort is {state!r}, expected ascending")
        values = column(page, key)
        wanted = sorted(values, key=(lambda v: float(v)) if numeric else fold)
        check(values == wanted, f"sorted ascending by {key}: {values}")
        state = sort_by(page, key)
        check(state == "descending", f"sorting again by {key}: aria-sort is {state!r}, expected descending")
        values = column(page, key)
        check(values == sorted(values, key=fold, reverse=True), f"sorted descending by {key}: {values}")
        others = page.eval_on_selector_all(
            f"#engagements th[aria-sort]:not([data-key='{key}'])", "hs => hs.map(h => h.getAttribute('aria-sort'))")
        check(all(o == "none" for o in others), f"only the {key} column is marked sorted: {others}")

    # A region toggle: only north shows.
    for box in page.query_selector_all("input[data-facet='region']"):
        if box.get_attribute("value") != "north":
            box.uncheck()
    north = sorted(n for n, (region, _, _) in facts.items() if region == "north")
    check(sorted(visible_names(page)) == north, f"region north: {sorted(visible_names(page))} != {north}")
    check("region=north" in url(page), f"the region filter is in the URL fragment: {url(page)}")
    page.click("[data-clear]")
    check(len(visible_names(page)) == len(facts), "clearing the filter shows every engagement again")

    # A person's name typed without accents, lower case.
    for typed, person in (("siobhan", "Siobhán"), ("lukasz", "Łukasz"), ("JOSE", "José")):
        page.fill("input[type='search']", typed)
        wanted = sorted(n for n, (_, _, people) in facts.items() if any(person in p for p in people))
        got = sorted(visible_names(page))
        check(wanted and got == wanted, f"typing {typed!r} shows the engagements {person} leads: {got} != {wanted}")
        count = page.text_content("[data-count]") or ""
        check(str(len(wanted)) in count, f"the count says how many show for {typed!r}: {count!r}")

    # The filtered view is a link that can be shared.
    page.fill("input[type='search']", "siobhan")
    shared = url(page)
    check("q=siobhan" in shared, f"the search is in the URL fragment: {shared}")
    page.goto("about:blank")
    page.goto(shared)
    page.wait_for_load_state()
    wanted = sorted(n for n, (_, _, people) in facts.items() if any("Siobhán" in p for p in people))
    check(sorted(visible_names(page)) == wanted, "opening the shared link restores the filter")
    check(page.input_value("input[type='search']") == "siobhan", "and the search box")
    page.click("[data-clear]")

    # A status toggle: without green.
    page.uncheck("input[data-facet='status'][value='green']")
    wanted = sorted(n for n, (_, status, _) in facts.items() if status != "green")
    check(sorted(visible_names(page)) == wanted, f"status without green: {sorted(visible_names(page))}")
    page.click("[data-clear]")

    page.screenshot(path=str(out / "index.png"), full_page=True)
    page.screenshot(path=str(out / "index-top.png"))  # the first screen, as the README shows it
    # Open an engagement from the table.
    first = page.query_selector("#engagements tbody tr:not([hidden]) a")
    name = first.text_content().strip()
    first.click()
    page.wait_for_load_state()
    h1 = (page.text_content("h1") or "").strip()
    check(name in h1, f"the link opens {name!r}'s page (h1 {h1!r})")
    return url(page)


def engagement_tests(page, url, out):
    page.goto(url)
    check(page.query_selector("main svg") is not None, f"{url}: a trend chart")
    check(page.query_selector("main svg title") is not None, f"{url}: the chart has a <title>")
    page.screenshot(path=str(out / "engagement.png"), full_page=True)
    page.emulate_media(media="print")
    hidden = page.evaluate("() => [...document.querySelectorAll('nav, form')].every(e => getComputedStyle(e).display"
                           " === 'none')")
    check(hidden, "printed: navigation and controls are hidden")
    page.pdf(path=str(out / "engagement.pdf"))
    page.emulate_media(media="screen", color_scheme="dark")
    dark = page.evaluate("() => getComputedStyle(document.body).backgroundColor")
    page.emulate_media(media="screen", color_scheme="light")
    light = page.evaluate("() => getComputedStyle(document.body).backgroundColor")
    check(dark != light, f"dark mode changes the background ({dark} vs {light})")


def pages(site):
    """One page of each kind."""
    kinds = {"index": site / "index.html", "people": site / "people.html", "guide": site / "guide.html"}
    for kind, folder in (("engagement", "e"), ("region", "r"), ("client", "c")):
        found = sorted((site / folder).glob("*.html"))
        if check(found, f"the site has {kind} pages under {folder}/"):
            kinds[kind] = found[0]
    return kinds


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--site", required=True, type=pathlib.Path)
    ap.add_argument("--examples", required=True)
    ap.add_argument("--axe", required=True)
    ap.add_argument("--out", required=True, type=pathlib.Path)
    ap.add_argument("--also", type=pathlib.Path, action="append", default=[],
                    help="another build (another audience) whose pages axe checks too")
    ap.add_argument("--chromium", default="/usr/bin/chromium")
    a = ap.parse_args()
    a.out.mkdir(parents=True, exist_ok=True)
    facts = engagements(a.examples)
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=a.chromium, args=ARGS)
        context = browser.new_context(viewport={"width": 1280, "height": 900})
        page = context.new_page()
        watch(page, "with JS")
        url = index_tests(page, a.site, facts, a.out)
        engagement_tests(page, url, a.out)
        for site in [a.site, *a.also]:
            for scheme in ("light", "dark"):
                page.emulate_media(media="screen", color_scheme=scheme)
                for kind, path in pages(site).items():
                    page.goto(path.resolve().as_uri())
                    label = f"{site.name} {kind} page {path.name} ({scheme})"
                    violations = axe(page, a.axe, label)
                    print(f"axe {label}: {len(violations)} minor or moderate")
        context.close()

        # JavaScript off: every row shows, the controls are hidden, pages are complete.
        context = browser.new_context(java_script_enabled=False)
        page = context.new_page()
        watch(page, "without JS")
        page.goto((a.site / "index.html").resolve().as_uri() + "#q=siobhan")
        check(len(visible_names(page)) == len(facts), "without JS every engagement shows")
        check(not page.is_visible("form[data-controls='engagements']"), "without JS the controls are hidden")
        for kind, path in pages(a.site).items():
            page.goto(path.resolve().as_uri())
            check(page.query_selector("main h1") is not None or page.query_selector("h1") is not None,
                  f"without JS the {kind} page has its heading")
        page.screenshot(path=str(a.out / "index-no-js.png"), full_page=True)
        context.close()
        browser.close()
    if FAILURES:
        print(f"\n{len(FAILURES)} browser check(s) failed", file=sys.stderr)
        return 1
    print("browser checks passed")
    return 0


if __name__ == "__main__":
    sys.exit(main())
