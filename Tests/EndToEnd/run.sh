#!/bin/sh
# End-to-end tests outside Swift, run by `make e2e-test` (and so by `make test`).
#
# 1. Installs what the tests need when it is missing: Debian's chromium,
#    chromium-driver and nginx (apt-get, with sudo when not root) and Selenium
#    (PyPI, into the venv .build/e2e-venv).
# 2. Builds the bundled site with .build/debug/lede into a temporary folder.
# 3. Runs browser_test.py (headless Chromium), live_reload_test.py (lede serve in Chromium:
#    reload, the warnings panel, the error overlay), nginx_test.sh (sub-path hosting) and
#    kill_test.py (kill -9 during builds of a 1,000-page site: Output/ is always a whole site).
# 4. Runs load_test.py in its short version (LOAD_SHORT=1; installs wrk with apt-get).
#
# A test whose tools cannot be installed is SKIPPED with a message on stderr;
# set E2E_REQUIRE=1 to turn skips into failures. Exits non-zero when a test fails.
# Environment: LEDE (default .build/debug/lede), E2E_VENV (default .build/e2e-venv),
# CHROMIUM_BIN / CHROMEDRIVER_BIN (default /usr/bin/chromium, /usr/bin/chromedriver).
set -eu

HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(cd "$HERE/../.." && pwd)
cd "$ROOT"

LEDE=${LEDE:-.build/debug/lede}
VENV=${E2E_VENV:-.build/e2e-venv}
CHROMIUM_BIN=${CHROMIUM_BIN:-/usr/bin/chromium}
CHROMEDRIVER_BIN=${CHROMEDRIVER_BIN:-/usr/bin/chromedriver}
export CHROMIUM_BIN CHROMEDRIVER_BIN

say() { printf 'e2e: %s\n' "$*"; }
warn() { printf 'e2e: %s\n' "$*" >&2; }

if [ ! -x "$LEDE" ]; then
    warn "FAIL: $LEDE is missing; build it first (swift build --product lede, or make e2e-test)"
    exit 2
fi

# ---- installs -------------------------------------------------------------
SUDO=""
if [ "$(id -u)" != 0 ]; then SUDO="sudo -n"; fi  # -n: fail rather than wait for a password
APT_UPDATED=0
# apt_install PKG...: installs with apt-get; returns non-zero when that fails.
apt_install() {
    if ! command -v apt-get >/dev/null 2>&1; then
        warn "apt-get not available; cannot install $*"
        return 1
    fi
    if [ -n "$SUDO" ] && ! command -v sudo >/dev/null 2>&1; then
        warn "not root and no sudo; cannot install $*"
        return 1
    fi
    say "installing $* with apt-get"
    if [ "$APT_UPDATED" = 0 ]; then
        $SUDO apt-get update -qq >&2 || { warn "apt-get update failed"; return 1; }
        APT_UPDATED=1
    fi
    $SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "$@" >&2
}

find_nginx() {
    for n in "${NGINX_BIN:-}" "$(command -v nginx 2>/dev/null || true)" /usr/sbin/nginx; do
        if [ -n "$n" ] && [ -x "$n" ]; then echo "$n"; return 0; fi
    done
    return 1
}

BROWSER_SKIP=""
if [ ! -x "$CHROMIUM_BIN" ] || [ ! -x "$CHROMEDRIVER_BIN" ]; then
    apt_install chromium chromium-driver || true
    if [ ! -x "$CHROMIUM_BIN" ] || [ ! -x "$CHROMEDRIVER_BIN" ]; then
        BROWSER_SKIP="chromium/chromedriver not found at $CHROMIUM_BIN / $CHROMEDRIVER_BIN (apt-get install chromium chromium-driver failed or did not provide them)"
    fi
fi
PY="$VENV/bin/python"
if [ -z "$BROWSER_SKIP" ] && ! "$PY" -c 'import selenium' >/dev/null 2>&1; then
    say "installing Selenium into $VENV"
    if ! python3 -m venv "$VENV" >&2; then
        # Debian splits ensurepip out of python3 into python3-venv.
        apt_install python3-venv || true
        python3 -m venv --clear "$VENV" >&2 || true
    fi
    if [ -x "$PY" ] && "$PY" -m pip install -q --disable-pip-version-check 'selenium>=4.10,<5' >&2; then
        :
    elif ! "$PY" -c 'import selenium' >/dev/null 2>&1; then
        BROWSER_SKIP="could not install Selenium into $VENV (python3 -m venv / pip failed)"
    fi
fi

NGINX_SKIP=""
if ! NGINX=$(find_nginx); then
    apt_install nginx || true
    if ! NGINX=$(find_nginx); then
        NGINX_SKIP="nginx not found (apt-get install nginx failed or did not provide it)"
    fi
fi
if [ -z "$NGINX_SKIP" ] && ! command -v curl >/dev/null 2>&1; then
    apt_install curl || true
    command -v curl >/dev/null 2>&1 || NGINX_SKIP="curl not found (apt-get install curl failed)"
fi

# ---- tests ----------------------------------------------------------------
WORK=$(mktemp -d "${TMPDIR:-/tmp}/lede-e2e.XXXXXX")
trap 'rm -rf "$WORK"' EXIT
trap 'exit 130' INT TERM

free_port() {
    python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()'
}

FAILED=""
SKIPPED=""
skip() { # skip NAME REASON
    warn "SKIPPED $1: $2"
    SKIPPED="$SKIPPED $1"
}

if [ -n "$BROWSER_SKIP" ]; then
    skip browser_test "$BROWSER_SKIP"
else
    PORT=$(free_port)
    say "building the site for http://127.0.0.1:$PORT/ into $WORK/site"
    if ! "$LEDE" build . --output "$WORK/site" --base-url "http://127.0.0.1:$PORT/" >"$WORK/build.log" 2>&1; then
        cat "$WORK/build.log" >&2
        warn "FAIL: lede build failed"
        exit 1
    fi
    say "running browser_test.py"
    if "$PY" "$HERE/browser_test.py" --site "$WORK/site" --port "$PORT"; then
        say "browser_test: PASS"
    else
        warn "browser_test: FAIL"
        FAILED="$FAILED browser_test"
    fi
fi

if [ -n "$BROWSER_SKIP" ]; then
    skip live_reload_test "$BROWSER_SKIP"
else
    say "running live_reload_test.py"
    if "$PY" "$HERE/live_reload_test.py" --lede "$LEDE"; then
        say "live_reload_test: PASS"
    else
        warn "live_reload_test: FAIL"
        FAILED="$FAILED live_reload_test"
    fi
fi

if [ -n "$NGINX_SKIP" ]; then
    skip nginx_test "$NGINX_SKIP"
else
    say "running nginx_test.sh"
    if NGINX_BIN="$NGINX" LEDE="$LEDE" sh "$HERE/nginx_test.sh"; then
        say "nginx_test: PASS"
    else
        warn "nginx_test: FAIL"
        FAILED="$FAILED nginx_test"
    fi
fi

# ---- crash consistency: kill -9 during builds (KILL_RUNS kills, default 12) ----
say "running kill_test.py"
if python3 "$HERE/kill_test.py" --lede "$LEDE" --pages 1000 --kills "${KILL_RUNS:-12}"; then
    say "kill_test: PASS"
else
    warn "kill_test: FAIL"
    FAILED="$FAILED kill_test"
fi

# ---- load test: the preview server under load (short version) --------------
# Full version, with the figures: python3 Tests/EndToEnd/load_test.py
if ! command -v wrk >/dev/null 2>&1; then
    apt_install wrk || true
    command -v wrk >/dev/null 2>&1 || skip "load_test (wrk part)" "wrk not found (apt-get install wrk failed)"
fi
say "running load_test.py (LOAD_SHORT=1)"
if LOAD_SHORT=1 LEDE="$LEDE" python3 "$HERE/load_test.py"; then
    say "load_test: PASS"
else
    warn "load_test: FAIL"
    FAILED="$FAILED load_test"
fi
# ---- end of load test --------------------------------------------------------

if [ -n "$FAILED" ]; then
    warn "FAILED:$FAILED${SKIPPED:+ (skipped:$SKIPPED)}"
    exit 1
fi
if [ -n "$SKIPPED" ]; then
    warn "passed, but SKIPPED:$SKIPPED"
    if [ "${E2E_REQUIRE:-0}" = 1 ]; then
        warn "E2E_REQUIRE=1: skipped tests count as failures"
        exit 1
    fi
    exit 0
fi
say "all end-to-end tests passed"
