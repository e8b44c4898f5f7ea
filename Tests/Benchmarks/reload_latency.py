#!/usr/bin/env python3
"""Rebuild latency of `lede serve`: time from saving a content file to the rebuilt page served.

Starts `lede serve SITE --port P`, waits for the first build (the "Serving ..." line), connects
to the live-reload stream (/__lede/events, server-sent events) like a browser would, then RUNS
times:

  1. writes the content file as it was plus a paragraph with a unique marker, and records the
     time just before the write (t0);
  2. waits for the `reload` event on the stream (t_event);
  3. GETs the page until its HTML contains the marker (t_served).

Reports the median and p90 (nearest rank) of save->event and save->served in milliseconds, plus
what the server printed for the rebuilds (pages written, changed files and, with LEDE_TIMINGS,
its phase timings). The file is restored byte for byte at the end. Standard library only.

Usage:
  reload_latency.py --lede .build/release/lede --site DIR --file Content/about.md \
      --page /about/ [--runs 20] [--label bundled] [--json OUT.json]
Exit status 1 when a run times out, the build fails, or the marker never shows up.
"""
import argparse
import http.client
import json
import math
import os
import queue
import signal
import socket
import statistics
import subprocess
import sys
import threading
import time
import urllib.request


def free_port():
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def p90(values):
    ordered = sorted(values)
    return ordered[max(0, math.ceil(0.9 * len(ordered)) - 1)]


class Server:
    """`lede serve` (or `hugo server`) as a child process; its output lines go to a queue,
    with arrival times."""

    def __init__(self, lede, site, port, timings, hugo=None):
        env = dict(os.environ)
        if timings:
            env["LEDE_TIMINGS"] = "1"
        command = [lede, "serve", site, "--port", str(port)]
        if hugo:
            # Hugo renders to memory in server mode; live reload stays on, as an author has it.
            command = [hugo, "server", "-s", site, "--port", str(port), "--bind", "127.0.0.1",
                       "--config", "hugo.toml,nohighlight.toml"]
        self.proc = subprocess.Popen(
            command,
            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, env=env,
            start_new_session=True)
        self.lines = queue.Queue()
        threading.Thread(target=self._pump, daemon=True).start()

    def _pump(self):
        for raw in self.proc.stdout:
            self.lines.put((time.perf_counter(), raw.decode("utf-8", "replace").rstrip("\n")))
        self.lines.put((time.perf_counter(), None))

    def wait_for(self, needle, timeout):
        """Returns every line up to and including the first containing `needle`."""
        seen, deadline = [], time.monotonic() + timeout
        while True:
            left = deadline - time.monotonic()
            if left <= 0:
                raise TimeoutError(f"no line containing {needle!r} after {timeout} s: {seen[-5:]}")
            try:
                _, line = self.lines.get(timeout=left)
            except queue.Empty:
                continue
            if line is None:
                raise RuntimeError(f"lede serve exited ({self.proc.poll()}): {seen[-10:]}")
            seen.append(line)
            if needle in line:
                return seen

    def drain(self):
        out = []
        while True:
            try:
                _, line = self.lines.get_nowait()
            except queue.Empty:
                return out
            if line is not None:
                out.append(line)

    def stop(self):
        if self.proc.poll() is None:
            os.killpg(self.proc.pid, signal.SIGINT)
            try:
                self.proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                os.killpg(self.proc.pid, signal.SIGKILL)
                self.proc.wait()


class EventStream:
    """A minimal server-sent-events client on a raw socket: (time, event name) to a queue."""

    def __init__(self, port, path="/__lede/events"):
        self.events = queue.Queue()
        self.sock = socket.create_connection(("127.0.0.1", port), timeout=10)
        self.sock.sendall(
            f"GET {path} HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\n"
            "Accept: text/event-stream\r\nCache-Control: no-cache\r\n\r\n".encode())
        self.sock.settimeout(None)
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self):
        buf = b""
        headers_done = False
        name = None
        try:
            while True:
                chunk = self.sock.recv(65536)
                if not chunk:
                    break
                now = time.perf_counter()
                buf += chunk
                if not headers_done:
                    if b"\r\n\r\n" not in buf:
                        continue
                    head, buf = buf.split(b"\r\n\r\n", 1)
                    status = head.split(b"\r\n", 1)[0]
                    if b" 200" not in status:
                        self.events.put((now, "http-error", status.decode()))
                        return
                    headers_done = True
                # Chunked transfer encoding or not: we only look at "event:" lines and blank
                # lines that end an event, so chunk-size lines are ignored as noise.
                while b"\n" in buf:
                    line, buf = buf.split(b"\n", 1)
                    line = line.rstrip(b"\r")
                    if line.startswith(b"event:"):
                        name = line[6:].strip().decode()
                    elif line.startswith(b"data:") and name:
                        self.events.put((now, name, line[5:].strip().decode("utf-8", "replace")))
                        name = None
        except OSError:
            pass
        self.events.put((time.perf_counter(), "closed", ""))

    def next(self, timeout):
        return self.events.get(timeout=timeout)

    def drain(self):
        out = []
        while True:
            try:
                out.append(self.events.get_nowait())
            except queue.Empty:
                return out

    def close(self):
        try:
            self.sock.close()
        except OSError:
            pass


def fetch(url):
    with urllib.request.urlopen(url, timeout=10) as r:
        return r.read()


def fetch_while_rewritten(url):
    """The page, or b"" when the server cut the response short: `hugo server` does while it
    rewrites the page (IncompleteRead), which is a not-yet, not a failure."""
    try:
        return fetch(url)
    except http.client.IncompleteRead:
        return b""


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--lede", help="the lede binary")
    ap.add_argument("--hugo", help="measure `hugo server` with this binary instead (save->served only)")
    ap.add_argument("--site", required=True, help="the site folder (it gets edited, then restored)")
    ap.add_argument("--file", required=True, help="content file to edit, relative to --site")
    ap.add_argument("--page", required=True, help="URL path of the page it makes, e.g. /about/")
    ap.add_argument("--runs", type=int, default=20)
    ap.add_argument("--label", default="")
    ap.add_argument("--timeout", type=float, default=30.0, help="per run, seconds")
    ap.add_argument("--first-build-timeout", type=float, default=600.0)
    ap.add_argument("--pause", type=float, default=0.3, help="seconds between runs")
    ap.add_argument("--no-timings", action="store_true", help="do not set LEDE_TIMINGS")
    ap.add_argument("--json", help="also write the results here")
    a = ap.parse_args(argv)
    if not a.lede and not a.hugo:
        ap.error("one of --lede and --hugo is required")

    site = os.path.abspath(a.site)
    path = os.path.join(site, a.file)
    with open(path, "rb") as f:
        original = f.read()
    port = free_port()
    url = f"http://127.0.0.1:{port}{a.page}"
    label = a.label or a.file

    server = Server(a.lede, site, port, timings=not a.no_timings, hugo=a.hugo)
    stream = None
    save_event, save_served, rebuild_lines = [], [], []
    failed = None
    try:
        t = time.perf_counter()
        startup = server.wait_for("Web Server is available" if a.hugo else "Serving ", a.first_build_timeout)
        first_build_s = time.perf_counter() - t
        stream = None if a.hugo else EventStream(port)
        # The stream is live once the server has registered us; a first GET of the page also
        # makes sure the page exists before we start timing.
        page = fetch(url)
        if b"<html" not in page.lower() and b"<!doctype" not in page.lower():
            raise RuntimeError(f"{url} does not look like a page")
        time.sleep(0.5)
        if stream:
            stream.drain()
        server.drain()
        nonce = f"{os.getpid()}{int(time.time())}"
        for i in range(a.runs):
            marker = f"LEDEBENCHMARKER{nonce}R{i:03d}"
            new = original.rstrip(b"\n") + b"\n\n" + marker.encode() + b"\n"
            t0 = time.perf_counter()
            with open(path, "wb") as f:
                f.write(new)
            # 1. the reload event
            deadline = time.monotonic() + a.timeout
            t_event = None
            while t_event is None and stream:
                left = deadline - time.monotonic()
                if left <= 0:
                    raise TimeoutError(f"run {i + 1}: no reload event within {a.timeout} s")
                try:
                    when, name, data = stream.next(timeout=left)
                except queue.Empty:
                    continue
                if name == "reload":
                    t_event = when
                elif name in ("error", "closed", "http-error"):
                    raise RuntimeError(f"run {i + 1}: {name} event: {data[:500]}")
            # 2. the page served with the marker
            t_served = None
            while t_served is None:
                if time.monotonic() > deadline:
                    raise TimeoutError(f"run {i + 1}: marker not served within {a.timeout} s")
                if marker.encode() in fetch_while_rewritten(url):
                    t_served = time.perf_counter()
                else:
                    time.sleep(0.002)
            if t_event is not None:
                save_event.append((t_event - t0) * 1000)
            save_served.append((t_served - t0) * 1000)
            time.sleep(a.pause)
            # A second build for one save would show up here as an extra event.
            extra = [e for e in stream.drain() if e[1] == "reload"] if stream else []
            lines = server.drain()
            rebuild_lines.append({"run": i + 1, "extra_reload_events": len(extra), "server": lines})
    except Exception as e:  # noqa: BLE001 - reported, then exit 1
        failed = f"{type(e).__name__}: {e}"
    finally:
        with open(path, "wb") as f:
            f.write(original)
        if stream:
            time.sleep(a.pause)
            stream.close()
        server.stop()

    result = {
        "label": label, "page": a.page, "file": a.file, "runs": len(save_served),
        "first_build_s": round(first_build_s, 3) if "first_build_s" in locals() else None,
        "save_to_event_ms": {"median": None, "p90": None},
        "save_to_served_ms": {"median": None, "p90": None},
        "extra_reload_events": sum(r["extra_reload_events"] for r in rebuild_lines),
        "rebuilds": rebuild_lines, "error": failed,
    }
    if save_event:
        result["save_to_event_ms"] = {"median": round(statistics.median(save_event), 1),
                                      "p90": round(p90(save_event), 1),
                                      "min": round(min(save_event), 1),
                                      "max": round(max(save_event), 1)}
    if save_served:
        result["save_to_served_ms"] = {"median": round(statistics.median(save_served), 1),
                                       "p90": round(p90(save_served), 1),
                                       "min": round(min(save_served), 1),
                                       "max": round(max(save_served), 1)}
    if a.json:
        with open(a.json, "w") as f:
            json.dump(result, f, indent=1)

    print(f"{label}: first build {result['first_build_s']} s; {len(save_served)}/{a.runs} runs")
    if save_served:
        e, s = result["save_to_event_ms"], result["save_to_served_ms"]
        if save_event:
            print(f"  save->reload event:  median {e['median']:.0f} ms, p90 {e['p90']:.0f} ms "
                  f"(min {e['min']:.0f}, max {e['max']:.0f})")
        print(f"  save->page served:   median {s['median']:.0f} ms, p90 {s['p90']:.0f} ms "
              f"(min {s['min']:.0f}, max {s['max']:.0f})")
        if rebuild_lines and rebuild_lines[-1]["server"]:
            shown = [l for l in rebuild_lines[-1]["server"] if "warning:" not in l]
            print("  server, last run:   " + " | ".join(shown))
        if result["extra_reload_events"]:
            print(f"  note: {result['extra_reload_events']} extra reload event(s): "
                  "some saves were built more than once")
    if failed:
        print(f"  FAILED: {failed}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
