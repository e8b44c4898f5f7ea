#!/usr/bin/env python3
"""Writes <spec>.expected.json: each example's HTML from Debian's cmark-gfm command.

Run by hand after a cmark-gfm upgrade (see README.md); the tests only read the output.
"""
import json
import subprocess
from pathlib import Path

FENCE = "`" * 32
BASE = ["cmark-gfm", "-e", "table", "-e", "strikethrough", "-e", "autolink", "-e", "tagfilter",
        "-e", "tasklist", "-e", "footnotes", "--unsafe"]
SPECS = {"gfm-spec.txt": BASE, "gfm-extensions.txt": BASE, "gfm-smart_punct.txt": BASE + ["--smart"]}


def examples(text):
    """Yields (number, line, markdown) like SpecConformanceTests' parser."""
    number, state, markdown, start = 0, None, [], 0
    for line_number, line in enumerate(text.split("\n"), start=1):
        if state is None and line.startswith(FENCE + " example"):
            state, markdown, start = "markdown", [], line_number
        elif state == "markdown" and line == ".":
            state = "html"
        elif state == "html" and line == FENCE:
            number += 1
            state = None
            yield number, start, "".join(l + "\n" for l in markdown).replace("→", "\t")
        elif state == "markdown":
            markdown.append(line)


def main():
    here = Path(__file__).parent
    for name, command in SPECS.items():
        results = []
        for number, line, markdown in examples((here / name).read_text(encoding="utf-8")):
            html = subprocess.run(command, input=markdown.encode(), capture_output=True, check=True).stdout
            results.append({"example": number, "line": line, "markdown": markdown, "html": html.decode()})
        out = here / name.replace(".txt", ".expected.json")
        out.write_text(json.dumps(results, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
        print(f"{out.name}: {len(results)} examples")


if __name__ == "__main__":
    main()
