#!/bin/sh
# nginx end-to-end test: the built site served under a sub-path with
# Tests/EndToEnd/nginx-subpath.conf.template (alias, pretty URLs, the site's 404
# page, Cache-Control for pages and fingerprinted assets), checked with curl.
# nginx runs as the current user on 127.0.0.1:<free port>, in the foreground
# (daemon off) in the background of this script, with pid, logs and temp files
# in a temporary folder; it is stopped on exit.
# Environment: LEDE (default .build/debug/lede), NGINX_BIN (default: nginx on PATH
# or /usr/sbin/nginx), E2E_FAKE_FINGERPRINT=1 (rename style.css to a fingerprinted
# name first, to exercise the immutable caching rule). Prints one line per check; exits 1 when any fails.
set -eu

HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(cd "$HERE/../.." && pwd)
cd "$ROOT"
LEDE=${LEDE:-.build/debug/lede}
NGINX_BIN=${NGINX_BIN:-$(command -v nginx 2>/dev/null || echo /usr/sbin/nginx)}
SUBPATH=/explainers/iran-deportations/
MIME_TYPES=${NGINX_MIME_TYPES:-/etc/nginx/mime.types}

[ -x "$NGINX_BIN" ] || { echo "FAIL nginx not found ($NGINX_BIN)" >&2; exit 2; }
[ -f "$MIME_TYPES" ] || { echo "FAIL $MIME_TYPES not found; set NGINX_MIME_TYPES" >&2; exit 2; }

TMP=$(mktemp -d "${TMPDIR:-/tmp}/lede-nginx.XXXXXX")
NGINX_PID=""
cleanup() {
    if [ -n "$NGINX_PID" ] && kill -0 "$NGINX_PID" 2>/dev/null; then
        kill -TERM "$NGINX_PID" 2>/dev/null || true
        i=0
        while kill -0 "$NGINX_PID" 2>/dev/null && [ $i -lt 100 ]; do sleep 0.1; i=$((i + 1)); done
        kill -KILL "$NGINX_PID" 2>/dev/null || true
    fi
    rm -rf "$TMP"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()')
BASE="http://127.0.0.1:$PORT"
SITE="$TMP/site"

"$LEDE" build . --output "$SITE" --base-url "$BASE$SUBPATH" >"$TMP/build.log" 2>&1 \
    || { cat "$TMP/build.log" >&2; echo "FAIL lede build --base-url $BASE$SUBPATH" >&2; exit 1; }

# Self-test of the caching rule before Lede fingerprints its assets: rename the
# stylesheet to a fingerprinted name and point the pages at it.
if [ "${E2E_FAKE_FINGERPRINT:-0}" = 1 ] && [ -f "$SITE/style.css" ]; then
    mv "$SITE/style.css" "$SITE/style.deadbeef.css"
    find "$SITE" -name '*.html' -exec sed -i 's|style\.css"|style.deadbeef.css"|g' {} +
fi

sed -e "s|@PORT@|$PORT|g" -e "s|@SITE@|$SITE/|g" -e "s|@TMP@|$TMP|g" -e "s|@MIME_TYPES@|$MIME_TYPES|g" \
    "$HERE/nginx-subpath.conf.template" >"$TMP/nginx.conf"

# As root, nginx would switch its workers to `nobody`, which cannot read the 0700
# temporary folder: keep them as the current user instead.
GLOBALS="daemon off;"
if [ "$(id -u)" = 0 ]; then GLOBALS="$GLOBALS user root;"; fi

"$NGINX_BIN" -t -q -p "$TMP" -e "$TMP/error.log" -c "$TMP/nginx.conf" -g "$GLOBALS" \
    || { echo "FAIL nginx -t rejected the config" >&2; cat "$TMP/error.log" >&2 2>/dev/null || true; exit 1; }
"$NGINX_BIN" -p "$TMP" -e "$TMP/error.log" -c "$TMP/nginx.conf" -g "$GLOBALS" &
NGINX_PID=$!

# Wait (bounded) until nginx answers.
i=0
until curl -s -o /dev/null --max-time 2 "$BASE/" 2>/dev/null; do
    i=$((i + 1))
    if [ $i -ge 150 ] || ! kill -0 "$NGINX_PID" 2>/dev/null; then
        echo "FAIL nginx did not start on $BASE" >&2
        cat "$TMP/error.log" >&2 2>/dev/null || true
        exit 1
    fi
    sleep 0.1
done

FAILS=0
PASSES=0
check() { # check NAME OK(0/1) DETAIL
    if [ "$2" = 0 ]; then
        PASSES=$((PASSES + 1)); echo "PASS $1${3:+: $3}"
    else
        FAILS=$((FAILS + 1)); echo "FAIL $1${3:+: $3}"
    fi
}
# fetch PATH: sets STATUS, CTYPE, CACHE, LOCATION; body in $TMP/body
fetch() {
    n=0
    while :; do
        if out=$(curl -s --path-as-is --max-time 20 -o "$TMP/body" -D "$TMP/headers" -w '%{http_code}' "$BASE$1"); then break; fi
        n=$((n + 1)); [ $n -lt 3 ] || { out=000; break; }
        sleep 1
    done
    STATUS=$out
    hdr() { tr -d '\r' <"$TMP/headers" | sed -n "s/^$1: *//Ip" | tail -n 1; }
    CTYPE=$(hdr Content-Type)
    CACHE=$(hdr Cache-Control)
    LOCATION=$(hdr Location)
}
is() { [ "$1" = "$2" ] && echo 0 || echo 1; }

H1=$(grep -o '<h1>[^<]*</h1>' "$SITE/index.html" | head -n 1)

fetch "$SUBPATH"
check "GET $SUBPATH -> 200" "$(is "$STATUS" 200)" "$STATUS"
case $CTYPE in text/html*) ok=0 ;; *) ok=1 ;; esac
check "overview is HTML" $ok "$CTYPE"
if [ -n "$H1" ] && grep -qF "$H1" "$TMP/body"; then ok=0; else ok=1; fi
check "overview contains its <h1>" $ok "$H1"
check "HTML gets Cache-Control: no-cache" "$(is "$CACHE" no-cache)" "${CACHE:-none}"
cp "$TMP/body" "$TMP/overview.html"

fetch "${SUBPATH}timeline/"
check "GET ${SUBPATH}timeline/ -> 200" "$(is "$STATUS" 200)" "$STATUS"
if grep -q '<ol class="timeline">' "$TMP/body"; then ok=0; else ok=1; fi
check "timeline page has the timeline" $ok

fetch "${SUBPATH}timeline"
case $STATUS in
    301) case $LOCATION in "${SUBPATH}timeline/" | "$BASE${SUBPATH}timeline/") ok=0 ;; *) ok=1 ;; esac
         check "GET ${SUBPATH}timeline -> 301 to the slash form" $ok "Location: $LOCATION" ;;
    200) check "GET ${SUBPATH}timeline -> 200" 0 ;;
    *) check "GET ${SUBPATH}timeline -> 301 or 200" 1 "$STATUS" ;;
esac

fetch "/explainers/iran-deportations"
if [ "$STATUS" = 301 ] && [ "${LOCATION#"$BASE"}" = "$SUBPATH" ]; then ok=0; else ok=1; fi
check "GET /explainers/iran-deportations -> 301 to $SUBPATH" $ok "$STATUS ${LOCATION:-}"

fetch "${SUBPATH}nope/"
check "GET ${SUBPATH}nope/ -> 404" "$(is "$STATUS" 404)" "$STATUS"
if cmp -s "$TMP/body" "$SITE/404.html"; then ok=0; else ok=1; fi
check "404 body is the site's 404 page" $ok "$(grep -o '<h1>[^<]*</h1>' "$TMP/body" | head -n 1)"

fetch "/explainers/iran-deportations../"
case $STATUS in 400 | 403 | 404) ok=0 ;; *) ok=1 ;; esac
check "no path traversal next to the alias" $ok "/explainers/iran-deportations../ -> $STATUS"

# The stylesheet the overview links to (an absolute URL, or a path).
CSS_HREF=$(tr '\n' ' ' <"$TMP/overview.html" | grep -o '<link [^>]*rel="stylesheet"[^>]*>' | head -n 1 \
    | sed -n 's/.*href="\([^"]*\)".*/\1/p')
case $CSS_HREF in
    http://* | https://*) CSS_PATH="/${CSS_HREF#*://*/}" ;;
    /*) CSS_PATH=$CSS_HREF ;;
    "") CSS_PATH="" ;;
    *) CSS_PATH="$SUBPATH$CSS_HREF" ;;
esac
if [ -z "$CSS_PATH" ]; then
    check "overview links a stylesheet" 1 "no <link rel=\"stylesheet\" href=…> found"
else
    fetch "$CSS_PATH"
    check "GET $CSS_PATH (stylesheet) -> 200" "$(is "$STATUS" 200)" "$STATUS"
    case $CTYPE in text/css*) ok=0 ;; *) ok=1 ;; esac
    check "stylesheet is text/css" $ok "$CTYPE"
    if printf '%s\n' "$CSS_PATH" | grep -Eq '\.[0-9a-f]{8}\.css$'; then
        check "fingerprinted stylesheet is cached immutably" \
            "$(is "$CACHE" "public, max-age=31536000, immutable")" "${CACHE:-none}"
    else
        echo "SKIP fingerprint caching: stylesheet name is not fingerprinted ($CSS_PATH)"
    fi
fi

if grep -q '\[\(emerg\|alert\|crit\)\]' "$TMP/error.log" 2>/dev/null; then
    check "nginx error log has no emerg/alert/crit" 1 "$(grep '\[\(emerg\|alert\|crit\)\]' "$TMP/error.log" | head -n 3)"
fi

echo "nginx_test: $PASSES passed, $FAILS failed"
[ "$FAILS" = 0 ]
