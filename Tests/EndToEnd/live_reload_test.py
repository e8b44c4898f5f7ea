#!/usr/bin/env python3
"""Live reload in a real browser: `lede serve` on a copy of the bundled site, headless Chromium.

Usage: live_reload_test.py --lede PATH

Checks, on /about/:
  (a) the live-reload script runs (no SEVERE console message, window.__ledeLiveReload);
  (b) a save that adds a broken link reloads the page (the new text shows) and the build's
      warning shows in the panel at the foot of the page (#lede-warnings);
  (c) a save that breaks the front matter shows the error overlay (#lede-error-overlay)
      with the error's path:line:col;
  (d) restoring the file removes the overlay and the panel and shows the page as it was.
Prints one line per check; exits 1 when any fails. Shares browser_test.py's driver setup.
"""
import argparse
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import traceback

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from browser_test import RESULTS, check, make_driver, wait  # noqa: E402

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def element_text(drv, element_id):
    return drv.execute_script(f"const e = document.getElementById('{element_id}'); return e ? e.textContent : null")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--lede", required=True)
    args = ap.parse_args()
    work = tempfile.mkdtemp(prefix="lede-live-reload-")
    site = os.path.join(work, "site")
    for folder in ("Content", "Templates", "Public", "seeds"):
        shutil.copytree(os.path.join(ROOT, folder), os.path.join(site, folder))
    about = os.path.join(site, "Content", "about.md")
    with open(about, encoding="utf-8") as f:
        original = f.read()
    port = free_port()
    log = open(os.path.join(work, "serve.log"), "w")
    server = subprocess.Popen([os.path.abspath(args.lede), "serve", site, "--port", str(port)],
                              stdout=log, stderr=subprocess.STDOUT)
    drv = None
    t0 = time.time()
    try:
        url = None
        for _ in range(600):
            with open(os.path.join(work, "serve.log"), encoding="utf-8") as f:
                for line in f:
                    if line.startswith("Serving ") and " at " in line:
                        url = line.split(" at ", 1)[1].split(" ")[0].strip()
            if url:
                break
            time.sleep(0.1)
        if not check("lede serve started", url is not None):
            return 1
        drv = make_driver()
        drv.get(url + "about/")
        wait(drv, lambda d: d.execute_script("return window.__ledeLiveReload === true"), "the live-reload script")
        severe = [e for e in drv.get_log("browser") if e.get("level") == "SEVERE"]
        check("the live-reload script runs without console errors", not severe,
              "; ".join(e.get("message", "") for e in severe))

        with open(about, "w", encoding="utf-8") as f:
            f.write(original + "\nSee [the map](/no-such-page/) for LIVE-RELOAD-MARKER.\n")
        wait(drv, lambda d: "LIVE-RELOAD-MARKER" in d.page_source, "the page to reload with the new text")
        check("a save reloads the page with the new text", True)
        wait(drv, lambda d: element_text(d, "lede-warnings") is not None, "the warnings panel")
        panel = element_text(drv, "lede-warnings") or ""
        check("the build's warning shows in the panel", "Content/about.md" in panel and "broken link" in panel,
              panel[:200])

        with open(about, "w", encoding="utf-8") as f:
            f.write(original.replace("title:", "title: [broken", 1))
        wait(drv, lambda d: element_text(d, "lede-error-overlay") is not None, "the error overlay")
        overlay = element_text(drv, "lede-error-overlay") or ""
        check("a broken file shows the error overlay at its place", "Content/about.md:2:" in overlay, overlay[:200])

        with open(about, "w", encoding="utf-8") as f:
            f.write(original)
        wait(drv, lambda d: element_text(d, "lede-error-overlay") is None
             and "LIVE-RELOAD-MARKER" not in d.page_source, "the fixed page")
        check("the fix removes the overlay and shows the page", True)
        check("a build without warnings shows no panel", element_text(drv, "lede-warnings") is None)
    except Exception as e:  # noqa: BLE001 - reported as a failed check
        check("unexpected error", False, f"{type(e).__name__}: {e}")
        traceback.print_exc()
    finally:
        if drv is not None:
            drv.quit()
        server.terminate()
        try:
            server.wait(timeout=10)
        except subprocess.TimeoutExpired:
            server.kill()
        log.close()
        shutil.rmtree(work, ignore_errors=True)
    failed = RESULTS.count(False)
    print(f"live_reload_test: {len(RESULTS) - failed} passed, {failed} failed in {time.time() - t0:.1f} s", flush=True)
    return 1 if failed or not RESULTS else 0


if __name__ == "__main__":
    sys.exit(main())
