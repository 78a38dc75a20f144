#!/usr/bin/env python3
"""Renders Markdown files with GitHub's cmark-gfm (the `cmarkgfm` package, autolink extension
on) and prints every link target, one per line, as "<file>\t<href>". Used by the test that
proves a web or e-mail address typed by a user never becomes a live link."""
import re
import sys

import cmarkgfm

for path in sys.argv[1:]:
    with open(path, encoding="utf-8") as f:
        html = cmarkgfm.github_flavored_markdown_to_html(f.read())
    for href in re.findall(r'<a href="([^"]*)"', html):
        print(path + "\t" + href)
    print(path + "\t(rendered)")
