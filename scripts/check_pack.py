#!/usr/bin/env python3
"""Does a review pack render as intended on GitHub?

Renders each Markdown file with cmark-gfm (GitHub's own renderer, via cmarkgfm) and
fails when:
  - any HTML tag other than those the pack itself writes appears (so user text injected
    no HTML, links or images), or a link leads anywhere but to a file of the workspace
    (a relative path, perhaps with a `#L<line>` anchor: the pack's links to files), or
  - a table row has a different number of cells than its header in the source (an
    unescaped `|` in user text), or
  - a table in the source did not become a <table>.

    python3 scripts/check_pack.py pack.md [more.md …]
"""
import re, sys
from html.parser import HTMLParser

import cmarkgfm

ALLOWED = {"h1", "h2", "h3", "p", "table", "thead", "tbody", "tr", "th", "td", "ul", "li", "strong", "code", "blockquote", "a"}
# The only links the pack writes: to a workspace file, percent-encoded, perhaps to a line.
FILE_LINK = re.compile(r"^(?![a-zA-Z][a-zA-Z0-9+.-]*:)(?!//)[A-Za-z0-9._~/%-]+(#L[0-9]+)?$")


class Tags(HTMLParser):
    def __init__(self):
        super().__init__()
        self.seen = {}
        self.bad_links = []

    def handle_starttag(self, tag, attrs):
        self.seen[tag] = self.seen.get(tag, 0) + 1
        if tag == "a":
            href = dict(attrs).get("href") or ""
            if not FILE_LINK.match(href) or set(dict(attrs)) != {"href"}:
                self.bad_links.append(href)


def cells(line):
    """The cells of a table row, splitting on pipes that are not escaped."""
    body = line.strip()[1:-1]
    return re.split(r"(?<!\\)\|", body)


def check(path):
    text = open(path, encoding="utf-8").read()
    problems = []
    tables = 0
    header = None
    for n, line in enumerate(text.splitlines(), 1):
        if line.startswith("|"):
            if header is None:
                header = len(cells(line))
                tables += 1
            elif len(cells(line)) != header:
                problems.append(f"{path}:{n}: {len(cells(line))} cells, the header has {header}")
        else:
            header = None
    tags = Tags()
    # Unsafe mode keeps raw HTML, so that any HTML injected by user text shows up here.
    html = cmarkgfm.github_flavored_markdown_to_html(text, options=cmarkgfm.cmark.Options.CMARK_OPT_UNSAFE)
    tags.feed(html)
    # GitHub's tag filter defuses these by escaping only the `<`: raw HTML got through.
    for m in re.finditer(r"&lt;/?(script|style|iframe|textarea|title|xmp|noembed|noframes|plaintext)\b[^&]*>", html, re.I):
        problems.append(f"{path}: raw <{m.group(1)}> reached the renderer")
    for href in tags.bad_links:
        problems.append(f"{path}: a link to {href!r}, not to a file of the workspace")
    for tag, count in sorted(tags.seen.items()):
        if tag not in ALLOWED:
            problems.append(f"{path}: renders {count} <{tag}> element(s), which the pack never writes")
    if tags.seen.get("table", 0) != tables:
        problems.append(f"{path}: {tables} tables in the source, {tags.seen.get('table', 0)} rendered")
    return problems, tables


def main():
    problems = []
    for path in sys.argv[1:]:
        found, tables = check(path)
        problems += found
        print(f"{path}: {tables} tables, {'ok' if not found else 'PROBLEMS'}")
    for p in problems:
        print(p)
    return 1 if problems or len(sys.argv) < 2 else 0


if __name__ == "__main__":
    sys.exit(main())
