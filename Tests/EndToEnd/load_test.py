#!/usr/bin/env python3
"""The preview under load: the real `lede serve` on a copy of the bundled site, loopback only.

Checks, in order (issue 8, "The preview under load"):
  1. wrk on a page and on a 404 (64 connections, 10 s each): 0 socket errors, and no non-2xx
     answer on the page.
  2. 200 open live-reload streams all receive exactly one reload event after one save.
  3. 300 slow clients sending their header a byte a second: a normal request is still answered
     within a second, and the server closes the slow connections (its header timeout).
  4. 300 saves in 3 s while pages are requested: no 5xx, no dropped connection, and the page
     finally shows the last save.
  5. After SIGTERM, serve exits 0 and leaves no preview folder in TMPDIR.

LOAD_SHORT=1 runs a short version (for `make test`): wrk 2 s at 16 connections, 50 streams,
100 slow clients, 100 saves in 1 s. wrk (Debian package `wrk`) is installed with apt-get when
missing; if that fails the wrk step is SKIPPED with a message (LOAD_REQUIRE=1 makes it a
failure). Environment: LEDE (default .build/debug/lede). Prints the figures; exits non-zero
when a check fails. Every wait is bounded; the whole run is stopped after 5 minutes.
"""

import os
import re
import selectors
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import http.client

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
LEDE = os.path.abspath(os.path.join(ROOT, os.environ.get("LEDE", ".build/debug/lede")))
SHORT = os.environ.get("LOAD_SHORT", "0") == "1"

WRK_SECONDS = 2 if SHORT else 10
WRK_CONNECTIONS = 16 if SHORT else 64
STREAMS = 50 if SHORT else 200
SLOW_CLIENTS = 100 if SHORT else 300
SAVES, SAVE_SECONDS = (100, 1.0) if SHORT else (300, 3.0)
# The server's idle/header timeout is 10 s; allow for a loaded machine.
SLOW_CLOSE_WITHIN = 20.0

# lede serve serves the site under the path of its base_url: set from the "Serving … at" line.
PAGE = "/about/"
MISSING = "/no-such-page/"
FAILURES = []


def say(text):
    print(f"load: {text}", flush=True)


def fail(text):
    FAILURES.append(text)
    print(f"load: FAIL: {text}", file=sys.stderr, flush=True)


def check(condition, text):
    if condition:
        say(f"ok: {text}")
    else:
        fail(text)


# ---- the server --------------------------------------------------------------------------

def start_serve(site, tmpdir):
    global PAGE
    env = dict(os.environ, TMPDIR=tmpdir)
    process = subprocess.Popen(
        [LEDE, "serve", site, "--port", "0"], stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
        env=env, text=True)
    deadline = time.monotonic() + 120
    lines = []
    while time.monotonic() < deadline:
        line = process.stdout.readline()
        if not line:
            break
        lines.append(line)
        match = re.search(r"http://127\.0\.0\.1:(\d+)(/\S*)", line)
        if match:
            PAGE = match.group(2) + "about/"
            # Keep reading its output so a full pipe never blocks it.
            threading.Thread(target=lambda: [None for _ in process.stdout], daemon=True).start()
            return process, int(match.group(1))
    process.kill()
    sys.exit("load: FAIL: lede serve did not start:\n" + "".join(lines))


def get(port, path, timeout=10.0):
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=timeout)
    try:
        connection.request("GET", path)
        response = connection.getresponse()
        return response.status, response.read()
    finally:
        connection.close()


# ---- 1. wrk -----------------------------------------------------------------------------

def ensure_wrk():
    if shutil.which("wrk"):
        return True
    if not shutil.which("apt-get"):
        return False
    sudo = [] if os.geteuid() == 0 else ["sudo", "-n"]
    say("installing wrk with apt-get")
    env = dict(os.environ, DEBIAN_FRONTEND="noninteractive")
    quiet = dict(stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env, timeout=300)
    try:
        if subprocess.run(sudo + ["apt-get", "install", "-y", "-qq", "wrk"], **quiet).returncode != 0:
            subprocess.run(sudo + ["apt-get", "update", "-qq"], **quiet)
            subprocess.run(sudo + ["apt-get", "install", "-y", "-qq", "wrk"], **quiet)
    except (OSError, subprocess.TimeoutExpired):
        return False
    return shutil.which("wrk") is not None


def run_wrk(port, path):
    command = ["wrk", "-t2", f"-c{WRK_CONNECTIONS}", f"-d{WRK_SECONDS}s", "--latency",
               f"http://127.0.0.1:{port}{path}"]
    out = subprocess.run(command, capture_output=True, text=True, timeout=WRK_SECONDS + 60).stdout
    rate = re.search(r"Requests/sec:\s+([\d.]+)", out)
    p99 = re.search(r"^\s+99%\s+(\S+)", out, re.M)
    total = re.search(r"(\d+) requests in", out)
    errors = re.search(r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", out)
    non2xx = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
    socket_errors = sum(int(n) for n in errors.groups()) if errors else 0
    return {
        "rate": float(rate.group(1)) if rate else 0.0,
        "p99": p99.group(1) if p99 else "?",
        "requests": int(total.group(1)) if total else 0,
        "socket_errors": socket_errors,
        "non2xx": int(non2xx.group(1)) if non2xx else 0,
        "raw": out,
    }


def wrk_step(port):
    if not ensure_wrk():
        message = "wrk not found and apt-get install wrk failed"
        if os.environ.get("LOAD_REQUIRE") == "1":
            fail(message)
        else:
            print(f"load: SKIPPED wrk: {message}", file=sys.stderr)
        return
    for path, expect_ok in ((PAGE, True), (MISSING, False)):
        result = run_wrk(port, path)
        say(f"wrk {path}: {result['rate']:.0f} req/s, p99 {result['p99']}, {result['requests']} requests, "
            f"{result['socket_errors']} socket errors, {result['non2xx']} non-2xx "
            f"({WRK_CONNECTIONS} connections, {WRK_SECONDS} s)")
        check(result["requests"] > 0, f"wrk {path} made requests")
        check(result["socket_errors"] == 0, f"wrk {path}: 0 socket errors")
        if expect_ok:
            check(result["non2xx"] == 0, f"wrk {path}: every answer 2xx")
        else:
            check(result["non2xx"] == result["requests"], f"wrk {path}: every answer non-2xx (the 404 page)")


# ---- 2. live reload ---------------------------------------------------------------------

def reload_step(port, about, original):
    selector = selectors.DefaultSelector()
    streams = {}
    for _ in range(STREAMS):
        sock = socket.create_connection(("127.0.0.1", port), timeout=10)
        sock.sendall(b"GET /__lede/events HTTP/1.1\r\nHost: 127.0.0.1\r\nAccept: text/event-stream\r\n\r\n")
        sock.setblocking(False)
        streams[sock] = {"data": b"", "reloads": 0, "at": None}
        selector.register(sock, selectors.EVENT_READ)

    def pump(until, stop):
        while time.monotonic() < until and not stop():
            for key, _ in selector.select(timeout=0.05):
                state = streams[key.fileobj]
                try:
                    chunk = key.fileobj.recv(65536)
                except BlockingIOError:
                    continue
                if not chunk:
                    state["closed"] = True
                    selector.unregister(key.fileobj)
                    continue
                state["data"] += chunk
                count = state["data"].count(b"event: reload\n")
                if count and state["at"] is None:
                    state["at"] = time.monotonic()
                state["reloads"] = count

    pump(time.monotonic() + 20, lambda: all(b"retry: 1000" in s["data"] for s in streams.values()))
    ready = sum(b"retry: 1000" in s["data"] for s in streams.values())
    check(ready == STREAMS, f"{ready}/{STREAMS} live-reload streams open")

    saved = time.monotonic()
    with open(about, "w") as file:
        file.write(original + "\nLoad test: one save for the reload streams.\n")
    pump(saved + 30, lambda: all(s["reloads"] >= 1 for s in streams.values()))
    pump(time.monotonic() + 1.0, lambda: False)  # a second reload would show up here
    counts = [s["reloads"] for s in streams.values()]
    delays = [(s["at"] - saved) * 1000 for s in streams.values() if s["at"] is not None]
    say(f"live reload: {counts.count(1)}/{STREAMS} streams got exactly one reload; "
        f"save to event median {statistics.median(delays) if delays else float('nan'):.0f} ms, "
        f"max {max(delays) if delays else float('nan'):.0f} ms")
    check(counts.count(1) == STREAMS, f"all {STREAMS} streams received exactly one reload")
    for sock in streams:
        sock.close()


# ---- 3. slow clients --------------------------------------------------------------------

def slow_step(port):
    header = b"GET " + PAGE.encode() + b" HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: " + b"a" * 60 + b"\r\n\r\n"
    clients = []
    for _ in range(SLOW_CLIENTS):
        sock = socket.create_connection(("127.0.0.1", port), timeout=10)
        sock.setblocking(False)
        clients.append({"sock": sock, "sent": 0, "closed_at": None})
    start = time.monotonic()
    normal = []
    next_normal = start + 3.0
    while time.monotonic() - start < SLOW_CLOSE_WITHIN:
        now = time.monotonic()
        open_clients = [c for c in clients if c["closed_at"] is None]
        if not open_clients:
            break
        for client in open_clients:
            sock = client["sock"]
            try:
                if sock.recv(4096) == b"":
                    client["closed_at"] = now
                    continue
            except BlockingIOError:
                pass
            except OSError:
                client["closed_at"] = now
                continue
            if client["sent"] < len(header):
                try:
                    sock.send(header[client["sent"]:client["sent"] + 1])
                    client["sent"] += 1
                except OSError:
                    client["closed_at"] = now
        if now >= next_normal and len(normal) < 5:
            # A normal request while the slow clients hold their connections.
            began = time.monotonic()
            try:
                status, _ = get(port, PAGE, timeout=5)
            except OSError:
                status = None
            normal.append((status, time.monotonic() - began))
            next_normal = time.monotonic() + 0.5
        time.sleep(max(0.0, 1.0 - (time.monotonic() - now)))
    closed = [c["closed_at"] - start for c in clients if c["closed_at"] is not None]
    worst = max((t for _, t in normal), default=float("nan"))
    say(f"slow clients: {len(normal)} normal requests answered, slowest {worst * 1000:.0f} ms, "
        f"statuses {sorted(set(s for s, _ in normal))}; {len(closed)}/{SLOW_CLIENTS} slow connections "
        f"closed by the server, median after {statistics.median(closed) if closed else float('nan'):.1f} s "
        f"(at most {max(c['sent'] for c in clients)} header bytes sent)")
    check(len(normal) >= 1 and all(s == 200 and t < 1.0 for s, t in normal),
          "normal requests answered within a second while slow clients are connected")
    check(len(closed) == SLOW_CLIENTS, f"every slow client closed by the server within {SLOW_CLOSE_WITHIN:.0f} s")
    for client in clients:
        client["sock"].close()


# ---- 4. a storm of saves ----------------------------------------------------------------

def storm_step(port, about, original):
    stop = threading.Event()
    statuses = {}
    dropped = []
    lock = threading.Lock()

    def reader():
        connection = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
        while not stop.is_set():
            try:
                connection.request("GET", PAGE)
                response = connection.getresponse()
                response.read()
                with lock:
                    statuses[response.status] = statuses.get(response.status, 0) + 1
            except (OSError, http.client.HTTPException) as error:
                with lock:
                    dropped.append(repr(error))
                connection.close()
                connection = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
        connection.close()

    readers = [threading.Thread(target=reader) for _ in range(4)]
    for thread in readers:
        thread.start()
    interval = SAVE_SECONDS / SAVES
    began = time.monotonic()
    for number in range(1, SAVES + 1):
        with open(about, "w") as file:
            file.write(original + f"\nLoad test save {number}.\n")
        time.sleep(max(0.0, began + number * interval - time.monotonic()))
    last_save = time.monotonic()
    marker = f"Load test save {SAVES}.".encode()
    shown = None
    while time.monotonic() - last_save < 15:
        status, body = get(port, PAGE)
        if status == 200 and marker in body:
            shown = time.monotonic() - last_save
            break
        time.sleep(0.01)
    stop.set()
    for thread in readers:
        thread.join(timeout=15)
    total = sum(statuses.values())
    say(f"save storm: {SAVES} saves in {last_save - began:.2f} s, {total} GETs meanwhile, statuses {statuses}, "
        f"{len(dropped)} dropped; last save shown after "
        f"{'never' if shown is None else f'{shown * 1000:.0f} ms'}")
    check(not any(status >= 500 for status in statuses), "no 5xx during the save storm")
    check(not dropped, f"no dropped connection during the save storm {dropped[:3]}")
    check(shown is not None, "the page shows the last save")


# ---- main -------------------------------------------------------------------------------

def main():
    if not os.access(LEDE, os.X_OK):
        sys.exit(f"load: FAIL: {LEDE} is missing; build it first (swift build --product lede)")
    signal.signal(signal.SIGALRM, lambda *_: sys.exit("load: FAIL: the load test took more than 5 minutes"))
    signal.alarm(300)
    say(f"{'short' if SHORT else 'full'} run of {LEDE}")
    with tempfile.TemporaryDirectory(prefix="lede-load-") as work:
        site = os.path.join(work, "site")
        for name in ("Content", "seeds", "Templates", "Public"):
            shutil.copytree(os.path.join(ROOT, name), os.path.join(site, name))
        tmpdir = os.path.join(work, "tmp")
        os.mkdir(tmpdir)
        about = os.path.join(site, "Content", "about.md")
        with open(about) as file:
            original = file.read()
        process, port = start_serve(site, tmpdir)
        try:
            status, _ = get(port, PAGE)
            check(status == 200, f"{PAGE} answers 200 (port {port})")
            wrk_step(port)
            reload_step(port, about, original)
            slow_step(port)
            storm_step(port, about, original)
        finally:
            process.send_signal(signal.SIGTERM)
            try:
                code = process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                process.kill()
                code = "killed"
        check(code == 0, f"serve exits 0 on SIGTERM (got {code})")
        left = os.listdir(tmpdir)
        check(left == [], f"no preview folder left in TMPDIR {left}")
    if FAILURES:
        print(f"load: FAILED: {len(FAILURES)} check(s)", file=sys.stderr)
        return 1
    say("all load checks passed")
    return 0


if __name__ == "__main__":
    sys.exit(main())
