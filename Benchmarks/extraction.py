#!/usr/bin/env python3
"""Web article extraction: FactDesk's page reader against trafilatura, on the test pages.

Every Tests/FactDeskKitTests/Pages/NAME.html that has a NAME.gold.txt (the article a person
would call the article, paragraphs apart) is read twice:

  * by FactDesk, through `factdesk-bench extract-page --json` (the page's bytes, no
    Content-Type, as WebPageReaderTests reads them);
  * by trafilatura, `trafilatura.extract(bytes, favor_precision=False,
    include_comments=False, include_tables=False)`, given the raw bytes so that it finds
    the charset itself (windows-1256 and ISO-8859-6 pages included).

Each text is scored against the gold by word-level precision, recall and F1, the words split
on white space and Unicode punctuation and counted as a multiset, exactly as the Swift test
does. A page an extractor refuses or gets nothing from scores 0.

Needs trafilatura: `pip install trafilatura lxml_html_clean` (trafilatura 2.x's jusText
imports lxml.html.clean, which lxml 5.2 and later ship as the separate lxml_html_clean).

Usage (from the package root, after `swift build --product factdesk-bench`):

    python3 Benchmarks/extraction.py [--bin .build/release/factdesk-bench] [--out FILE]

--bin defaults to .build/release/factdesk-bench, else .build/debug/factdesk-bench. The
markdown table (one row a page, then the averages over pages) is printed, and written to
FILE with --out. The same pages and binaries give the same table.
"""

import argparse
import json
import os
import subprocess
import sys
import unicodedata
from collections import Counter

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
PAGES = os.path.join(ROOT, "Tests", "FactDeskKitTests", "Pages")

# Foundation's CharacterSet.whitespacesAndNewlines: the Z categories, tab to carriage return, NEL.
EXTRA_SPACE = set("\t\n\u000b\u000c\r\u0085")


def is_separator(char):
    """Whether the Swift test splits words at this character (white space or punctuation)."""
    category = unicodedata.category(char)
    return char in EXTRA_SPACE or category.startswith("Z") or category.startswith("P")


def words(text):
    """The multiset of a text's words."""
    counts, word = Counter(), []
    for char in text:
        if is_separator(char):
            if word:
                counts["".join(word)] += 1
            word = []
        else:
            word.append(char)
    if word:
        counts["".join(word)] += 1
    return counts


def score(text, gold):
    """(precision, recall, F1) of a text's words against the gold's; zeros for no text."""
    found, wanted = words(text or ""), words(gold)
    overlap = sum((found & wanted).values())
    if overlap == 0:
        return 0.0, 0.0, 0.0
    precision = overlap / sum(found.values())
    recall = overlap / sum(wanted.values())
    return precision, recall, 2 * precision * recall / (precision + recall)


def pages():
    """The names of the pages with a gold text, sorted."""
    names = [f[: -len(".html")] for f in os.listdir(PAGES) if f.endswith(".html")]
    return sorted(n for n in names if os.path.exists(os.path.join(PAGES, n + ".gold.txt")))


def binary(given):
    """The factdesk-bench to run: the one given, else the release build, else the debug one."""
    if given:
        return given
    for build in ("release", "debug"):
        path = os.path.join(".build", build, "factdesk-bench")
        if os.path.exists(path):
            return path
    sys.exit("no factdesk-bench: build it (swift build --product factdesk-bench) or pass --bin")


def factdesk(bench, names):
    """FactDesk's text of each page (None where it found no article), by name."""
    files = [os.path.join(PAGES, n + ".html") for n in names]
    output = subprocess.run([bench, "extract-page", "--json", *files], check=True, capture_output=True, text=True).stdout
    texts = {}
    for line in output.splitlines():
        result = json.loads(line)
        name = os.path.basename(result["file"])[: -len(".html")]
        texts[name] = result.get("text")
        if "error" in result:
            print(f"factdesk: {name}: {result['error']}", file=sys.stderr)
    return texts


def trafilatura_texts(names):
    """trafilatura's text of each page (None where it found none), by name."""
    try:
        import trafilatura
    except ImportError as error:
        sys.exit(f"trafilatura does not load ({error}): pip install trafilatura lxml_html_clean")

    texts = {}
    for name in names:
        with open(os.path.join(PAGES, name + ".html"), "rb") as page:
            raw = page.read()
        texts[name] = trafilatura.extract(raw, favor_precision=False, include_comments=False, include_tables=False)
        if texts[name] is None:
            print(f"trafilatura: {name}: no text", file=sys.stderr)
    return texts


def table(rows):
    """The markdown table of per-page scores and their averages."""
    lines = [
        "| page | FactDesk F1 | FactDesk P | FactDesk R | trafilatura F1 | trafilatura P | trafilatura R |",
        "|---|---:|---:|---:|---:|---:|---:|",
    ]
    for name, ours, theirs in rows:
        cells = [f"{v:.3f}" for v in (ours[2], ours[0], ours[1], theirs[2], theirs[0], theirs[1])]
        lines.append(f"| {name} | " + " | ".join(cells) + " |")
    count = len(rows)
    means = [sum(row[side][i] for row in rows) / count for side in (1, 2) for i in (2, 0, 1)]
    lines.append("| **average** | " + " | ".join(f"**{m:.3f}**" for m in means) + " |")
    return "\n".join(lines) + "\n"


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--bin", help="the factdesk-bench binary (default .build/release, else .build/debug)")
    parser.add_argument("--out", help="also write the markdown table to this file")
    args = parser.parse_args()
    names = pages()
    if not names:
        sys.exit(f"no pages with a gold text in {PAGES}")
    ours, theirs = factdesk(binary(args.bin), names), trafilatura_texts(names)
    rows = []
    for name in names:
        with open(os.path.join(PAGES, name + ".gold.txt"), encoding="utf-8") as file:
            gold = file.read().strip()
        rows.append((name, score(ours.get(name), gold), score(theirs.get(name), gold)))
    markdown = f"Word F1 against the gold text, {len(names)} pages (P precision, R recall).\n\n" + table(rows)
    print(markdown, end="")
    if args.out:
        with open(args.out, "w", encoding="utf-8") as out:
            out.write(markdown)


if __name__ == "__main__":
    main()
