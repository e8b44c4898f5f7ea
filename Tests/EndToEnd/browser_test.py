#!/usr/bin/env python3
"""Browser end-to-end test for a built Lede site (headless Debian Chromium + Selenium 4).

Usage: browser_test.py --site DIR --port PORT

DIR must have been built with `lede build . --output DIR --base-url http://127.0.0.1:PORT/`.
The site is served by Python's http.server on 127.0.0.1:PORT in a thread. Checks:
  (a) keyboard: Tab reaches the first glossary .term-button, Enter opens its popover
      (visible), Escape closes it and focus goes back to the button;
  (b) /timeline/: li.event ids follow timeline.json's unique_id order, each event shown;
  (c) clicking the first a.cite on the overview lands on the source paragraph (#pN),
      which is the :target and in the viewport;
  (d) no SEVERE console messages on the pages visited.
Prints one line per check; exits 1 when any fails. Runs offline: Selenium Manager is
never used (explicit driver and browser paths, SE_OFFLINE=true).
"""
import argparse
import functools
import http.server
import json
import os
import sys
import threading
import time
import traceback
from urllib.parse import urlsplit

os.environ.setdefault("SE_OFFLINE", "true")

from selenium import webdriver  # noqa: E402
from selenium.webdriver.chrome.service import Service  # noqa: E402
from selenium.webdriver.common.action_chains import ActionChains  # noqa: E402
from selenium.webdriver.common.by import By  # noqa: E402
from selenium.webdriver.common.keys import Keys  # noqa: E402
from selenium.webdriver.support.ui import WebDriverWait  # noqa: E402

TIMEOUT = 30  # seconds for page loads and waits; generous for a loaded 2-core machine
MAX_TABS = 150  # bound on Tab presses to reach the first term button

RESULTS = []


def check(name, ok, detail=""):
    RESULTS.append(bool(ok))
    line = f"{'PASS' if ok else 'FAIL'} {name}"
    if detail:
        line += f": {detail}"
    print(line, flush=True)
    return ok


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, fmt, *args):
        pass


def serve(site, port):
    handler = functools.partial(QuietHandler, directory=site)
    try:
        httpd = http.server.ThreadingHTTPServer(("127.0.0.1", port), handler)
    except OSError as e:
        sys.exit(f"FAIL cannot listen on 127.0.0.1:{port}: {e}")
    httpd.daemon_threads = True
    t = threading.Thread(target=httpd.serve_forever, daemon=True)
    t.start()
    return httpd


def make_driver():
    b = os.environ.get("CHROMIUM_BIN", "/usr/bin/chromium")
    d = os.environ.get("CHROMEDRIVER_BIN", "/usr/bin/chromedriver")
    opts = webdriver.ChromeOptions()
    opts.binary_location = b
    for a in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
              "--no-first-run", "--no-default-browser-check", "--disable-extensions",
              "--disable-background-networking", "--disable-component-update",
              "--disable-sync", "--disable-default-apps", "--mute-audio",
              "--window-size=1280,900"):
        opts.add_argument(a)
    opts.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    drv = webdriver.Chrome(options=opts, service=Service(executable_path=d, log_output=os.devnull))
    drv.set_page_load_timeout(TIMEOUT * 2)
    drv.set_script_timeout(TIMEOUT)
    drv.execute_cdp_cmd("Emulation.setDeviceMetricsOverride",
                        {"width": 1280, "height": 900, "deviceScaleFactor": 1, "mobile": False})
    return drv


def wait(drv, cond, what):
    return WebDriverWait(drv, TIMEOUT, poll_frequency=0.05).until(
        lambda d: cond(d), message=f"timed out after {TIMEOUT}s waiting for {what}")


def load(drv, url):
    drv.get(url)
    wait(drv, lambda d: d.execute_script("return document.readyState") == "complete", f"{url} to load")


CONSOLE = []  # (page, entry)


def collect_console(drv, page):
    try:
        for e in drv.get_log("browser"):
            CONSOLE.append((page, e))
    except Exception as e:  # pragma: no cover - driver without log support
        CONSOLE.append((page, {"level": "SEVERE", "message": f"could not read the console: {e}"}))


def describe(drv, el_expr):
    return drv.execute_script(
        f"const e={el_expr}; if(!e) return 'null';"
        "return e.tagName.toLowerCase()+(e.id?'#'+e.id:'')+(e.className?'.'+String(e.className).split(' ').join('.'):'')"
        "+(e.getAttribute('aria-label')?'['+e.getAttribute('aria-label')+']':'')")


IN_VIEWPORT_JS = """
const r = arguments[0].getBoundingClientRect();
return {top: r.top, bottom: r.bottom, left: r.left, right: r.right, w: r.width, h: r.height,
        vw: innerWidth, vh: innerHeight,
        inside: r.width > 0 && r.height > 0 && r.bottom > 0 && r.top < innerHeight && r.right > 0 && r.left < innerWidth};
"""


def test_popover(drv, base):
    """(a) Tab to the first .term-button, Enter opens its popover, Escape closes it."""
    load(drv, base)
    first = drv.find_elements(By.CSS_SELECTOR, ".term-button")
    if not check("overview has a glossary .term-button", first, f"{len(first)} found"):
        return
    btn = first[0]
    target_id = btn.get_attribute("popovertarget")
    label = btn.get_attribute("aria-label")
    check("term button is displayed (popover supported)", btn.is_displayed(), label or "")
    # Start from the top of the document, as a keyboard user arriving on the page.
    drv.execute_script("document.activeElement && document.activeElement.blur(); window.scrollTo(0, 0);")
    presses, reached = 0, False
    for presses in range(1, MAX_TABS + 1):
        ActionChains(drv).send_keys(Keys.TAB).perform()
        if drv.execute_script("return document.activeElement === arguments[0]", btn):
            reached = True
            break
    if not check("Tab reaches the first .term-button", reached,
                 f"after {presses} Tab press(es)" if reached
                 else f"not within {MAX_TABS} presses; focus is on {describe(drv, 'document.activeElement')}"):
        return
    pop = drv.find_element(By.ID, target_id)
    check("popover closed before Enter", not drv.execute_script("return arguments[0].matches(':popover-open')", pop))
    ActionChains(drv).send_keys(Keys.ENTER).perform()
    try:
        wait(drv, lambda d: d.execute_script("return arguments[0].matches(':popover-open')", pop), "the popover to open")
        opened = True
    except Exception:
        opened = False
    check(f"Enter opens popover #{target_id}", opened)
    if opened:
        geo = drv.execute_script(IN_VIEWPORT_JS, pop)
        check("open popover is visible in the viewport", pop.is_displayed() and geo["inside"],
              f"{geo['w']:.0f}x{geo['h']:.0f} at ({geo['left']:.0f},{geo['top']:.0f}) in {geo['vw']}x{geo['vh']}")
        text = pop.text.strip()
        check("open popover has the definition text", len(text) > 10, text[:60].replace("\n", " ") + "…")
    ActionChains(drv).send_keys(Keys.ESCAPE).perform()
    try:
        wait(drv, lambda d: not d.execute_script("return arguments[0].matches(':popover-open')", pop), "the popover to close")
        closed = True
    except Exception:
        closed = False
    check("Escape closes the popover", closed and not pop.is_displayed())
    check("focus returns to the term button after Escape",
          drv.execute_script("return document.activeElement === arguments[0]", btn),
          f"focus is on {describe(drv, 'document.activeElement')}")
    collect_console(drv, "/ (popover)")


def test_timeline(drv, base, site):
    """(b) timeline events in the order of timeline.json, each one displayed."""
    load(drv, base + "timeline/")
    ids = drv.execute_script("return [...document.querySelectorAll('ol.timeline > li.event')].map(e => e.id)")
    check("timeline lists events", len(ids) > 0, f"{len(ids)} li.event")
    check("every event has a unique id", all(ids) and len(set(ids)) == len(ids))
    json_path = os.path.join(site, "timeline.json")
    if os.path.exists(json_path):
        with open(json_path, encoding="utf-8") as f:
            data = json.load(f)
        json_ids = [e.get("unique_id") for e in data.get("events", []) if e.get("unique_id")]
        missing = [i for i in json_ids if i not in ids]
        check("timeline.json ids all appear on the page", not missing, f"missing {missing}" if missing else f"{len(json_ids)} id(s)")
        in_dom = [i for i in ids if i in json_ids]
        check("events are in timeline.json order", in_dom == json_ids,
              "" if in_dom == json_ids else f"page {in_dom} vs json {json_ids}")
    else:
        check("timeline.json exists", False, json_path)
    heights = drv.execute_script(
        "return [...document.querySelectorAll('ol.timeline > li.event')].map(e => "
        "[e.id, e.getBoundingClientRect().height, getComputedStyle(e).display, getComputedStyle(e).visibility])")
    hidden = [h[0] for h in heights if not (h[1] > 0 and h[2] != "none" and h[3] == "visible")]
    check("each event is displayed (non-zero height)", ids and not hidden, f"hidden: {hidden}" if hidden else "")
    collect_console(drv, "/timeline/")


def test_citation(drv, base):
    """(c) the first a.cite leads to the source paragraph, targeted and on screen."""
    load(drv, base)
    cites = drv.find_elements(By.CSS_SELECTOR, "a.cite")
    if not check("overview has citation links", cites, f"{len(cites)} a.cite"):
        return
    cite = cites[0]
    href = cite.get_attribute("href")  # resolved absolute URL
    want = urlsplit(href)
    check("citation points at a source paragraph", want.fragment.startswith("p") and "/sources/" in want.path, href)
    start = drv.current_url
    drv.execute_script("arguments[0].scrollIntoView({block: 'center'})", cite)
    cite.click()
    try:
        wait(drv, lambda d: d.current_url != start and
             d.execute_script("return document.readyState") == "complete", "navigation to the source page")
        navigated = True
    except Exception:
        navigated = False
    loc = drv.execute_script("return {path: location.pathname, hash: location.hash}")
    check("click lands on the source page", navigated and loc["path"] == want.path, f"{loc['path']}")
    check("location.hash matches the link", loc["hash"] == "#" + want.fragment, f"{loc['hash']} (link #{want.fragment})")
    el = drv.find_elements(By.ID, want.fragment)
    if not check(f"#{want.fragment} exists on the source page", el):
        return
    is_target = drv.execute_script("return arguments[0].matches(':target')", el[0])
    check(f"#{want.fragment} matches :target", is_target)
    # Scrolling to the fragment happens after load; give it a moment.
    try:
        wait(drv, lambda d: d.execute_script(IN_VIEWPORT_JS, el[0])["inside"], "the paragraph to scroll into view")
    except Exception:
        pass
    geo = drv.execute_script(IN_VIEWPORT_JS, el[0])
    check(f"#{want.fragment} is in the viewport", geo["inside"],
          f"top {geo['top']:.0f}, bottom {geo['bottom']:.0f}, viewport height {geo['vh']}")
    check(f"#{want.fragment} is a source paragraph (li in ol.source-text)",
          drv.execute_script("return arguments[0].matches('ol.source-text > li')", el[0]))
    collect_console(drv, loc["path"])


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--site", required=True)
    ap.add_argument("--port", type=int, required=True)
    args = ap.parse_args()
    site = os.path.abspath(args.site)
    if not os.path.exists(os.path.join(site, "index.html")):
        sys.exit(f"FAIL {site}/index.html does not exist; build the site first")
    httpd = serve(site, args.port)
    base = f"http://127.0.0.1:{args.port}/"
    drv = None
    t0 = time.time()
    try:
        drv = make_driver()
        for test in (lambda: test_popover(drv, base), lambda: test_timeline(drv, base, site),
                     lambda: test_citation(drv, base)):
            try:
                test()
            except Exception as e:
                check("unexpected error", False, f"{type(e).__name__}: {e}")
                traceback.print_exc()
        severe = [(p, e) for p, e in CONSOLE if e.get("level") == "SEVERE"]
        check("no SEVERE console messages on the pages visited", not severe,
              "; ".join(f"{p}: {e.get('message')}" for p, e in severe))
    finally:
        if drv is not None:
            drv.quit()
        httpd.shutdown()
        httpd.server_close()
    failed = RESULTS.count(False)
    print(f"browser_test: {len(RESULTS) - failed} passed, {failed} failed in {time.time() - t0:.1f} s", flush=True)
    return 1 if failed or not RESULTS else 0


if __name__ == "__main__":
    sys.exit(main())
