#!/usr/bin/env python3
# Vendored unchanged (apart from this comment) from the team's shared benchmark material
# (shared/bench/gen_corpus.py, Nov 2026) so that `make bench` does not depend on anything
# outside this repository. The original header and docstring follow as written.
# Page i depends only on (seed, i): changing this file changes every benchmark figure.
"""Deterministic Markdown corpus generator for static-site-generator benchmarks.

Writes N Markdown articles with YAML front matter (title, date, summary, tags)
and GFM bodies of roughly 1,000-1,500 words: headings, paragraphs, bullet and
numbered lists, a table, internal and external links, emphasis/strong, inline
code, fenced code (sometimes), blockquotes, footnotes (sometimes),
strikethrough, autolinks and task lists.

No network, no third-party modules. Page i depends only on (seed, i): the
1,000-page corpus is an exact prefix of the 10,000-page one (internal links
point only at earlier pages).

Layouts:
  hugo   DIR/content/posts/*.md plus a minimal theme-less Hugo site
         (hugo.toml, layouts/_default/{baseof,single,list}.html, layouts/index.html,
         and an optional overlay nohighlight.toml: use it with
         --config hugo.toml,nohighlight.toml to switch off code highlighting)
  plain  DIR/Content/posts/*.md only

Extra (optional): --bodies BDIR also writes each body WITHOUT front matter to
BDIR/NNNNN.md, for feeding a bare Markdown renderer (cmark-gfm, pandoc).

Usage: gen_corpus.py --pages N --out DIR --layout {hugo,plain} [--seed S] [--bodies BDIR]
Prints a one-line JSON summary (pages, bytes, words) on stdout.
"""
import argparse
import datetime as dt
import json
import os
import random
import sys

# ~500 common English words plus some technical vocabulary; sampled with a
# Zipf-Mandelbrot weight so that text has a realistic word-frequency profile.
WORDS = """
the of and to a in is that for it as was with be by on not he this are or his
from at which but have an they you were her she there been one all we their has
would when if so no will can more about into other them then some what only its
time also may these two first any new like than our now over such most very
could after people used many made use well way where should because each just
those how between both own under never being same another while last might
great since against right three still small must without here through back
years good old long little world work system however part long point number
even state much day place found off high every why again near during large
often case life few important set general group different form build often
within against example problem service change design process result order data
value page site content build template render output input file directory
cache memory thread queue index search engine network request response client
server version release update feature support issue review test check source
code library module package function method type class object field record
string number list table column row query model layer format parse token
stream buffer block line character word section heading paragraph link image
article author reader writer editor draft publish archive category tag date
month year week morning evening light dark simple clear quick slow early late
small large short long fast careful modern common useful public private local
global static dynamic internal external better faster cheaper smaller simpler
stable reliable consistent predictable readable portable secure robust minimal
several however therefore instead although perhaps rather quite almost always
usually sometimes rarely already enough often together finally especially
across around before after above below behind beyond inside outside toward
build deploy measure compare improve reduce remove replace handle manage create
generate compile write read open close start stop run load save send receive
explain describe consider discuss follow allow require provide include contain
keep leave bring hold turn show move live believe happen appear seem become
learn notice remember decide expect choose offer suggest return understand
garden river mountain valley forest ocean city village street market station
bridge harbor island window kitchen library museum school office studio
""".split()

TECH = """
Markdown HTML CSS JSON YAML TOML Swift Linux cmark GitHub Unicode UTF-8 HTTP
TLS SQLite Docker Git CommonMark RSS Atom API CLI
""".split()

TAGS = """swift markdown performance web design testing tooling linux
release notes tutorial howto opinion travel cooking photography music books
gardening history science math physics databases networking security privacy
typography accessibility css html javascript rust go python devops cloud
hardware retro""".split()

LANGS = ["swift", "python", "go", "bash", "json", "yaml", "c", "rust"]

EXT_HOSTS = ["example.com", "example.org", "example.net", "docs.example.com",
             "blog.example.org", "wiki.example.net", "news.example.com"]


class Gen:
    def __init__(self, seed, index):
        self.r = random.Random(seed * 1_000_003 + index)
        self.i = index
        self.words = WORDS
        self.weights = _WEIGHTS
        self.fn = 0
        self.footnotes = []

    # ---- text -----------------------------------------------------------
    def word(self):
        return self.r.choices(self.words, cum_weights=self.weights, k=1)[0]

    def words_n(self, k):
        return self.r.choices(self.words, cum_weights=self.weights, k=k)

    def slug(self, j):
        return f"post-{j:05d}"

    def title_words(self, k):
        # titles/headings draw mostly from content words (rank > 40)
        ws = [self.r.choice(CONTENT_WORDS) if self.r.random() < 0.8 else self.word()
              for _ in range(k)]
        small = {"the", "of", "and", "to", "a", "in", "is", "for", "on", "or",
                 "by", "at", "as", "an", "with", "from", "into"}
        out = []
        for n, w in enumerate(ws):
            out.append(w if (n and w in small) else w[:1].upper() + w[1:])
        return " ".join(out)

    def inline(self, w):
        """Maybe decorate a word with inline markup."""
        r = self.r.random()
        if r < 0.015:
            return f"*{w}*"
        if r < 0.025:
            return f"**{w}**"
        if r < 0.032:
            return f"`{w}_{self.r.randint(1, 99)}()`"
        if r < 0.036:
            return f"~~{w}~~"
        if r < 0.043:
            j = self.r.randrange(self.i) if self.i else None
            if j is None:
                return f"[{w}](/)"
            return f"[{w} {self.word()}](/posts/{self.slug(j)}/)"
        if r < 0.047:
            h = self.r.choice(EXT_HOSTS)
            return f"[{w}](https://{h}/{self.word()}/{self.r.randint(1, 9999)})"
        if r < 0.0485:
            h = self.r.choice(EXT_HOSTS)
            return f"{w} <https://{h}/{self.word()}>"
        if r < 0.0495:
            return f"{w} www.{self.r.choice(EXT_HOSTS)}/{self.word()}"
        if r < 0.0505:
            return self.r.choice(TECH)
        return w

    def sentence(self, lo=6, hi=20, plain=False):
        k = self.r.randint(lo, hi)
        ws = self.words_n(k)
        if not plain:
            ws = [self.inline(w) for w in ws]
        # capitalise first plain character
        first = ws[0]
        for pos, ch in enumerate(first):
            if ch.isalpha():
                first = first[:pos] + ch.upper() + first[pos + 1:]
                break
        ws[0] = first
        if k > 9 and self.r.random() < 0.5:
            c = self.r.randint(3, k - 3)
            ws[c] = ws[c] + ","
        end = self.r.choices([".", "?", "!", ":"], weights=[90, 5, 2, 3])[0]
        if end == ":":
            end = "."
        return " ".join(ws) + end

    def paragraph(self, lo=40, hi=120):
        target = self.r.randint(lo, hi)
        out, n = [], 0
        while n < target:
            s = self.sentence()
            n += len(s.split())
            out.append(s)
        text = " ".join(out)
        if self.r.random() < 0.12:
            self.fn += 1
            text += f"[^{self.fn}]"
            self.footnotes.append(f"[^{self.fn}]: {self.sentence(8, 24)}")
        # soft-wrap at ~80 columns like hand-written Markdown
        return wrap(text, 80)

    # ---- blocks ---------------------------------------------------------
    def bullet_list(self):
        n = self.r.randint(3, 7)
        items = []
        for _ in range(n):
            items.append("- " + self.sentence(4, 14))
            if self.r.random() < 0.15:
                items.append("  - " + self.sentence(3, 10))
        return "\n".join(items)

    def numbered_list(self):
        n = self.r.randint(3, 6)
        return "\n".join(f"{k}. {self.sentence(4, 14)}" for k in range(1, n + 1))

    def task_list(self):
        n = self.r.randint(2, 5)
        return "\n".join(
            f"- [{'x' if self.r.random() < 0.5 else ' '}] {self.sentence(3, 9)}"
            for _ in range(n))

    def table(self):
        cols = self.r.randint(3, 5)
        rows = self.r.randint(3, 8)
        head = [self.title_words(self.r.randint(1, 2)) for _ in range(cols)]
        align = [self.r.choice([":---", "---:", ":---:", "---"]) for _ in range(cols)]
        lines = ["| " + " | ".join(head) + " |", "| " + " | ".join(align) + " |"]
        for _ in range(rows):
            cells = []
            for c in range(cols):
                if c and self.r.random() < 0.4:
                    cells.append(f"{self.r.randint(0, 99999):,}")
                else:
                    cells.append(" ".join(self.inline(w) for w in self.words_n(self.r.randint(1, 4))))
            lines.append("| " + " | ".join(cells) + " |")
        return "\n".join(lines)

    def blockquote(self):
        p = wrap(" ".join(self.sentence() for _ in range(self.r.randint(1, 3))), 78)
        q = "\n".join("> " + l for l in p.split("\n"))
        if self.r.random() < 0.3:
            q += "\n>\n> — " + self.title_words(2)
        return q

    def code_block(self):
        lang = self.r.choice(LANGS)
        ident = lambda: "_".join(self.words_n(self.r.randint(1, 2))).replace("-", "_")
        n = self.r.randint(5, 18)
        lines = []
        if lang in ("swift", "go", "c", "rust"):
            kw = {"swift": "func", "go": "func", "c": "int", "rust": "fn"}[lang]
            lines.append(f"{kw} {ident()}({ident()}: Int) {{" if lang != "c" else f"int {ident()}(int {ident()}) {{")
            for _ in range(n):
                lines.append(f"    let {ident()} = {ident()}({self.r.randint(0, 999)}) // {' '.join(self.words_n(3))}"
                             if lang != "c" else
                             f"    int {ident()} = {ident()}({self.r.randint(0, 999)}); /* {' '.join(self.words_n(3))} */")
            lines.append("    return 0" + (";" if lang == "c" else ""))
            lines.append("}")
        elif lang == "python":
            lines.append(f"def {ident()}({ident()}, {ident()}=None):")
            for _ in range(n):
                lines.append(f"    {ident()} = {ident()}({self.r.randint(0, 999)}, \"{self.word()}\")  # {' '.join(self.words_n(3))}")
            lines.append("    return None")
        elif lang == "bash":
            for _ in range(n):
                lines.append(f"{self.r.choice(['ls', 'grep', 'cat', 'echo', 'swift', 'git'])} --{self.word()} {ident()}.txt | wc -l")
        elif lang == "json":
            lines.append("{")
            body = [f'  "{ident()}": {self.r.randint(0, 9999)}' for _ in range(n)]
            lines.append(",\n".join(body))
            lines.append("}")
        else:  # yaml
            for _ in range(n):
                lines.append(f"{ident()}: {self.word()} {self.r.randint(0, 99)}")
        return f"```{lang}\n" + "\n".join(lines) + "\n```"

    def heading(self, level):
        return "#" * level + " " + self.title_words(self.r.randint(2, 6))

    # ---- page -----------------------------------------------------------
    def page(self):
        r = self.r
        title = self.title_words(r.randint(3, 8))
        date = (dt.datetime(2015, 1, 1, 9, 0) + dt.timedelta(hours=7 * self.i + r.randint(0, 5)))
        summary = self.sentence(10, 24, plain=True).replace('"', "'")
        tags = r.sample(TAGS, r.randint(1, 4))

        blocks = [self.paragraph(), self.paragraph()]
        nsec = r.randint(3, 8)
        # spread a fixed set of "must have" blocks across the sections
        extras = ["bullet", "numbered", "table", "quote"]
        if r.random() < 0.6:
            extras.append("code")
        if r.random() < 0.35:
            extras.append("code")
        if r.random() < 0.3:
            extras.append("task")
        if r.random() < 0.5:
            extras.append("bullet")
        r.shuffle(extras)
        per = [[] for _ in range(nsec)]
        for k, e in enumerate(extras):
            per[r.randrange(nsec)].append(e)
        # paragraphs per section chosen so the body lands near 1,000-1,500 words
        para_budget = max(nsec, int(r.gauss(11.5, 2.5)) - 2)
        paras = [1] * nsec
        for _ in range(para_budget - nsec):
            paras[r.randrange(nsec)] += 1
        for s in range(nsec):
            level = 2 if (s == 0 or r.random() < 0.7) else 3
            blocks.append(self.heading(level))
            items = ["para"] * paras[s] + per[s]
            # keep a paragraph first in a section
            rest = items[1:]
            r.shuffle(rest)
            for it in [items[0]] + rest:
                blocks.append({
                    "para": self.paragraph,
                    "bullet": self.bullet_list,
                    "numbered": self.numbered_list,
                    "task": self.task_list,
                    "table": self.table,
                    "quote": self.blockquote,
                    "code": self.code_block,
                }[it]())
        if self.i and r.random() < 0.5:
            rel = sorted(set(r.randrange(self.i) for _ in range(r.randint(1, 3))))
            blocks.append("Related: " + ", ".join(
                f"[{self.title_words(2)}](/posts/{self.slug(j)}/)" for j in rel) + ".")
        if self.footnotes:
            blocks.append("\n".join(self.footnotes))
        body = "\n\n".join(blocks) + "\n"
        fm = ("---\n"
              f'title: "{title}"\n'
              f"date: {date.strftime('%Y-%m-%dT%H:%M:%SZ')}\n"
              f'summary: "{summary}"\n'
              "tags: [" + ", ".join(f'"{t}"' for t in tags) + "]\n"
              "---\n\n")
        return fm, body


def wrap(text, width):
    out, line, n = [], [], 0
    for w in text.split(" "):
        if line and n + 1 + len(w) > width:
            out.append(" ".join(line))
            line, n = [w], len(w)
        else:
            n += len(w) + (1 if line else 0)
            line.append(w)
    if line:
        out.append(" ".join(line))
    return "\n".join(out)


def _cum(n, s=1.0, q=2.7):
    # Zipf-Mandelbrot weights 1/(rank+q)^s: "the" ~5%, a long tail of nouns
    acc, out = 0.0, []
    for k in range(1, n + 1):
        acc += 1.0 / ((k + q) ** s)
        out.append(acc)
    return out


_WEIGHTS = _cum(len(WORDS))
CONTENT_WORDS = WORDS[40:]

HUGO_TOML = """\
baseURL = "https://example.org/"
title = "Benchmark Site"
# One HTML page per Markdown page (+ home + the posts section list).
disableKinds = ["taxonomy", "term", "RSS", "sitemap", "robotsTXT", "404"]
enableRobotsTXT = false

[markup]
  defaultMarkdownHandler = "goldmark"
  # goldmark and highlight settings are Hugo's defaults (nothing overridden)
"""

BASEOF = """\
<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{ if not .IsHome }}{{ .Title }} | {{ end }}{{ site.Title }}</title>
</head>
<body>
<header><a href="{{ "/" | relURL }}">{{ site.Title }}</a> · <a href="{{ "/posts/" | relURL }}">Posts</a></header>
<main>
{{ block "main" . }}{{ end }}
</main>
<footer><p>&copy; {{ now.Year }} {{ site.Title }}</p></footer>
</body>
</html>
"""

SINGLE = """\
{{ define "main" }}
<article>
<h1>{{ .Title }}</h1>
<p class="meta"><time datetime="{{ .Date.Format "2006-01-02T15:04:05Z07:00" }}">{{ .Date.Format "January 2, 2006" }}</time>{{ with .Params.tags }} · {{ delimit . ", " }}{{ end }}</p>
{{ .Content }}
</article>
{{ end }}
"""

LIST = """\
{{ define "main" }}
<h1>{{ .Title }}</h1>
<ul>
{{ range .Pages }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a> <time>{{ .Date.Format "2006-01-02" }}</time></li>
{{ end }}</ul>
{{ end }}
"""

INDEX = """\
{{ define "main" }}
<h1>{{ site.Title }}</h1>
<ul>
{{ range first 20 (where site.RegularPages "Section" "posts") }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a> — {{ .Params.summary }}</li>
{{ end }}</ul>
{{ end }}
"""


def write(path, text):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w", encoding="utf-8", newline="\n") as f:
        f.write(text)


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--pages", type=int, required=True)
    ap.add_argument("--out", required=True)
    ap.add_argument("--layout", choices=["hugo", "plain"], required=True)
    ap.add_argument("--seed", type=int, default=42)
    ap.add_argument("--bodies", help="also write front-matter-free bodies here")
    a = ap.parse_args(argv)

    posts = os.path.join(a.out, "content" if a.layout == "hugo" else "Content", "posts")
    os.makedirs(posts, exist_ok=True)
    if a.bodies:
        os.makedirs(a.bodies, exist_ok=True)
    if a.layout == "hugo":
        write(os.path.join(a.out, "hugo.toml"), HUGO_TOML)
        # optional overlay: --config hugo.toml,nohighlight.toml turns off
        # Chroma highlighting of fenced code (cmark-gfm does not highlight)
        write(os.path.join(a.out, "nohighlight.toml"),
              "[markup.highlight]\n  codeFences = false\n")
        L = os.path.join(a.out, "layouts")
        write(os.path.join(L, "_default", "baseof.html"), BASEOF)
        write(os.path.join(L, "_default", "single.html"), SINGLE)
        write(os.path.join(L, "_default", "list.html"), LIST)
        write(os.path.join(L, "index.html"), INDEX)
        write(os.path.join(a.out, "content", "posts", "_index.md"),
              '---\ntitle: "Posts"\n---\n')

    total_bytes = body_bytes = words = 0
    for i in range(a.pages):
        fm, body = Gen(a.seed, i).page()
        name = f"post-{i:05d}.md"
        text = fm + body
        write(os.path.join(posts, name), text)
        if a.bodies:
            write(os.path.join(a.bodies, name), body)
        total_bytes += len(text.encode())
        body_bytes += len(body.encode())
        words += len(body.split())
    print(json.dumps({"pages": a.pages, "layout": a.layout, "seed": a.seed,
                      "md_bytes_with_front_matter": total_bytes,
                      "body_bytes": body_bytes, "body_words": words,
                      "avg_body_words": round(words / max(a.pages, 1), 1),
                      "avg_body_bytes": round(body_bytes / max(a.pages, 1), 1)}))
    return 0


if __name__ == "__main__":
    sys.exit(main())
