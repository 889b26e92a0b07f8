#!/usr/bin/env python3
"""Compare two builds of the site, page by page: MkDocs (reference) and Zensical.

    python scripts/compare_builds.py MKDOCS_SITE ZENSICAL_SITE [--max-diff N] [--quiet] [--report-only]

Run by `make zensical`.

Standard library only. For every HTML page in either build it compares:

* the article: the text of <article class="md-content__inner ...">, one line
  per block element (heading, paragraph, list item, table cell...), each line
  whitespace-normalised; the page "differs" when the whitespace-normalised
  text differs, and a short unified diff of the lines is printed;
* the article's links: every href/src inside the article, resolved against the
  page's URL to a site path; a link that resolves differently, or to a file
  that does not exist in that build, is reported;
* the <title> and the primary navigation (link text and resolved target of
  each md-nav__link in nav.md-nav--primary);
* what the pipeline's post-process stage adds (trustdocs/pipeline/postprocess.py,
  run by the MkDocs adapter and by `trustdocs postprocess`): the
  Content-Security-Policy meta tag, "Edit this page" links, abbreviations
  (<abbr>), autocomplete on the drawer/search checkboxes, the search dialog's
  aria-label and the repository widget's data-md-component="source".

Exit status: 0 when every page is in both builds with the same article text
and no article link is broken in the Zensical build; 1 otherwise (0 with
--report-only); 2 on a usage error. It never modifies either build.
"""

from __future__ import annotations

import argparse
import difflib
import posixpath
import re
import sys
from collections import Counter
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source", "track", "wbr"}
BLOCK = {
    "p",
    "li",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "td",
    "th",
    "dt",
    "dd",
    "pre",
    "caption",
    "figcaption",
    "blockquote",
    "tr",
    "div",
    "legend",
    "label",
    "summary",
    "details",
    "ul",
    "ol",
    "dl",
    "table",
    "section",
    "fieldset",
    "form",
    "br",
    "hr",
    "option",
}
SKIP_TEXT = {"script", "style", "template", "svg"}
WS = re.compile(r"\s+")


def norm(text: str) -> str:
    return WS.sub(" ", text).strip()


@dataclass
class Page:
    title: str = ""
    article_lines: list[str] = field(default_factory=list)
    article_links: list[str] = field(default_factory=list)  # raw href/src values inside the article
    nav: list[tuple[str, str]] = field(default_factory=list)  # (text, raw href) in the primary nav
    has_article: bool = False
    csp: bool = False
    edit_links: list[str] = field(default_factory=list)
    abbr: int = 0
    checkbox_autocomplete: int = 0  # the two md-toggle checkboxes Material marks autocomplete="off"
    search_dialog_label: bool | None = None  # None: no search dialog on the page
    source_component: bool = False
    scripts: list[str] = field(default_factory=list)
    generator: str = ""

    @property
    def article_text(self) -> str:
        return norm(" ".join(self.article_lines))


class PageParser(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.page = Page()
        self.stack: list[str] = []
        self.article_depth: int | None = None  # stack length at which the article opened
        self.nav_depth: int | None = None
        self.nav_link: list[str] | None = None  # text parts of the current nav link
        self.nav_href = ""
        self.skip_depth: int | None = None
        self.in_title = False
        self.line: list[str] = []

    # -- helpers
    def _flush(self) -> None:
        text = norm("".join(self.line))
        if text:
            self.page.article_lines.append(text)
        self.line = []

    def _in_article(self) -> bool:
        return self.article_depth is not None

    # -- parser callbacks
    def handle_starttag(self, tag: str, attrs_list: list[tuple[str, str | None]]) -> None:
        attrs = {k: (v or "") for k, v in attrs_list}
        classes = attrs.get("class", "").split()
        if tag == "title" and not self.stack_has("svg"):
            self.in_title = True
        if tag == "meta":
            if attrs.get("http-equiv", "").lower() == "content-security-policy":
                self.page.csp = True
            if attrs.get("name") == "generator":
                self.page.generator = attrs.get("content", "")
        if tag == "input" and "md-toggle" in classes and attrs.get("data-md-toggle") in {"drawer", "search"}:
            if "autocomplete" in attrs:
                self.page.checkbox_autocomplete += 1
        if tag == "div" and "md-search" in classes and attrs.get("role") == "dialog":
            self.page.search_dialog_label = bool(attrs.get("aria-label") or attrs.get("aria-labelledby"))
        if attrs.get("data-md-component") == "source":
            self.page.source_component = True
        if tag == "script" and attrs.get("src"):
            self.page.scripts.append(attrs["src"])
        if tag == "a" and "md-content__button" in classes:
            self.page.edit_links.append(attrs.get("href", ""))
        if tag == "abbr":
            self.page.abbr += 1

        if tag == "article" and "md-content__inner" in classes and self.article_depth is None:
            self.page.has_article = True
            self.article_depth = len(self.stack)
        if tag == "nav" and "md-nav--primary" in classes and self.nav_depth is None:
            self.nav_depth = len(self.stack)
        if self.nav_depth is not None and tag == "a" and "md-nav__link" in classes:
            self.nav_link = []
            self.nav_href = attrs.get("href", "")

        if self._in_article():
            # Material's own buttons inside the article (edit/view source) are furniture, not content.
            if tag == "a" and "md-content__button" in classes:
                pass
            else:
                for name in ("href", "src"):
                    if attrs.get(name):
                        self.page.article_links.append(f"{tag}@{name}={attrs[name]}")
                        break
            if tag in BLOCK:
                self._flush()
            if tag in SKIP_TEXT and self.skip_depth is None:
                self.skip_depth = len(self.stack)

        if tag not in VOID:
            self.stack.append(tag)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)
        if tag not in VOID:  # <svg/>-style self-closing non-void element
            self.handle_endtag(tag)

    def stack_has(self, tag: str) -> bool:
        return tag in self.stack

    def handle_endtag(self, tag: str) -> None:
        if tag in VOID:
            return
        if tag == "title":
            self.in_title = False
        if tag not in self.stack:
            return  # stray end tag
        # Pop to the matching open tag (tolerates unclosed <p>, <li>...).
        while self.stack:
            open_tag = self.stack.pop()
            depth = len(self.stack)
            if self.skip_depth is not None and depth <= self.skip_depth:
                self.skip_depth = None
            if self._in_article() and open_tag in BLOCK:
                self._flush()
            if self.nav_link is not None and open_tag == "a":
                self.page.nav.append((norm("".join(self.nav_link)), self.nav_href))
                self.nav_link = None
            if self.article_depth is not None and depth <= self.article_depth:
                self._flush()
                self.article_depth = None
            if self.nav_depth is not None and depth <= self.nav_depth:
                self.nav_depth = None
            if open_tag == tag:
                break

    def handle_data(self, data: str) -> None:
        if self.in_title:
            self.page.title += data
        if self.nav_link is not None:
            self.nav_link.append(data)
        if self._in_article() and self.skip_depth is None:
            self.line.append(data)


def parse(path: Path) -> Page:
    parser = PageParser()
    parser.feed(path.read_text(encoding="utf-8", errors="replace"))
    parser.close()
    parser.page.title = norm(parser.page.title)
    return parser.page


def pages_of(site: Path) -> dict[str, Path]:
    return {p.relative_to(site).as_posix(): p for p in sorted(site.rglob("*.html"))}


def resolve(page_rel: str, href: str) -> str | None:
    """A relative href on the page at page_rel -> the site path it points to; None if external or a fragment."""
    if href in ("", ".", "./"):
        return page_rel if href == "" else resolve(page_rel, "./#")
    parts = urlsplit(href)
    if parts.scheme or parts.netloc or href.startswith(("#", "mailto:", "data:")) or not parts.path:
        return None
    base = posixpath.dirname(page_rel)
    target = (
        posixpath.normpath(posixpath.join(base, unquote(parts.path)))
        if not parts.path.startswith("/")
        else unquote(parts.path).lstrip("/")
    )
    if parts.path.endswith("/") or target in (".", ""):
        target = posixpath.join(target, "index.html") if target not in (".", "") else "index.html"
    return target + (("#" + parts.fragment) if parts.fragment else "")


def exists(site: Path, target: str) -> bool:
    path = target.split("#", 1)[0]
    if path.startswith("../"):
        return False  # above the site root
    p = site / path
    return p.is_file() or (p / "index.html").is_file()


def link_key(raw: str) -> tuple[str, str]:
    kind, _, href = raw.partition("=")
    return kind, href


def _clip(line: str, start: int, width: int = 200) -> str:
    """The part of a long line around index start (where it differs from its counterpart)."""
    if len(line) <= width:
        return line
    lo = max(0, min(start - 60, len(line) - width))
    return ("..." if lo else "") + line[lo : lo + width] + ("..." if lo + width < len(line) else "")


def short_diff(a: list[str], b: list[str], limit: int) -> list[str]:
    """A unified-style diff of two line lists; long changed lines are shown around where they first differ."""
    out: list[str] = []
    for tag, i1, i2, j1, j2 in difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        if tag == "equal":
            continue
        out.append(f"@@ mkdocs line {i1 + 1}, zensical line {j1 + 1} @@")
        old, new = a[i1:i2], b[j1:j2]
        for k in range(max(len(old), len(new))):
            x = old[k] if k < len(old) else None
            y = new[k] if k < len(new) else None
            start = len(posixpath.commonprefix([x, y])) if x is not None and y is not None else 0
            if x is not None:
                out.append("-" + _clip(x, start))
            if y is not None:
                out.append("+" + _clip(y, start))
        if len(out) >= limit:
            return out[:limit] + ["    ..."]
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("mkdocs_site", type=Path)
    ap.add_argument("zensical_site", type=Path)
    ap.add_argument("--max-diff", type=int, default=12, help="diff lines shown per page (default 12)")
    ap.add_argument("--quiet", action="store_true", help="print only the summary")
    ap.add_argument("--report-only", action="store_true", help="exit 0 whatever differs (usage errors still exit 2)")
    args = ap.parse_args(argv)
    for site in (args.mkdocs_site, args.zensical_site):
        if not (site / "index.html").is_file():
            print(f"compare: {site} has no index.html; build it first", file=sys.stderr)
            return 2

    mk, zs = pages_of(args.mkdocs_site), pages_of(args.zensical_site)
    only_mk, only_zs = sorted(mk.keys() - zs.keys()), sorted(zs.keys() - mk.keys())
    common = sorted(mk.keys() & zs.keys())
    say = (lambda *a: None) if args.quiet else print

    say(f"MkDocs:   {args.mkdocs_site} ({len(mk)} pages)")
    say(f"Zensical: {args.zensical_site} ({len(zs)} pages)\n")
    if only_mk or only_zs:
        say("== Pages in one build only")
        for p in only_mk:
            say(f"  only MkDocs:   {p}")
        for p in only_zs:
            say(f"  only Zensical: {p}")
        say()

    text_diff, title_diff, nav_diff, link_diff, broken_zs, broken_mk = [], [], [], [], [], []
    furniture: Counter[str] = Counter()
    say("== Pages whose article differs")
    for rel in common:
        a, b = parse(mk[rel]), parse(zs[rel])
        if a.article_text != b.article_text or a.has_article != b.has_article:
            text_diff.append(rel)
            say(f"-- {rel}" + ("" if b.has_article else "  (no article element in Zensical)"))
            for line in short_diff(a.article_lines, b.article_lines, args.max_diff):
                say("    " + line)
        if a.title != b.title:
            title_diff.append((rel, a.title, b.title))
        nav_a = [(t, resolve(rel, h)) for t, h in a.nav]
        nav_b = [(t, resolve(rel, h)) for t, h in b.nav]
        if nav_a != nav_b:
            nav_diff.append((rel, nav_a, nav_b))
        links_a = [(k, resolve(rel, h) or h) for k, h in map(link_key, a.article_links)]
        links_b = [(k, resolve(rel, h) or h) for k, h in map(link_key, b.article_links)]
        if links_a != links_b:
            link_diff.append((rel, [x for x in links_a if x not in links_b], [x for x in links_b if x not in links_a]))
        for site, links, sink in (
            (args.zensical_site, b.article_links, broken_zs),
            (args.mkdocs_site, a.article_links, broken_mk),
        ):
            for raw in links:
                kind, href = link_key(raw)
                target = resolve(rel, href)
                if target is not None and not exists(site, target):
                    sink.append((rel, kind, href, target))
        # What the hooks add (MkDocs) and whether Zensical has it.
        for name, va, vb in (
            ("Content-Security-Policy meta", a.csp, b.csp),
            ("'Edit this page' link", bool(a.edit_links), bool(b.edit_links)),
            ("<abbr> elements", a.abbr > 0, b.abbr > 0),
            ("autocomplete on drawer/search checkbox", a.checkbox_autocomplete > 0, b.checkbox_autocomplete > 0),
            ("search dialog has an accessible name", bool(a.search_dialog_label), bool(b.search_dialog_label)),
            ("data-md-component=source (GitHub API request)", a.source_component, b.source_component),
        ):
            furniture[(name, "mkdocs")] += va
            furniture[(name, "zensical")] += vb
        if a.edit_links != b.edit_links and (a.edit_links or b.edit_links):
            furniture[("edit link targets differ", "pages")] += 1
            if furniture[("edit link targets differ", "pages")] <= 5:
                furniture[("edit-example", f"{rel}: mkdocs {a.edit_links} / zensical {b.edit_links}")] = 1
    if not text_diff:
        say("  (none)")
    say()

    say("== Titles that differ")
    for rel, ta, tb in title_diff[:20]:
        say(f"  {rel}\n    mkdocs:   {ta}\n    zensical: {tb}")
    say("  (none)" if not title_diff else (f"  ... {len(title_diff) - 20} more" if len(title_diff) > 20 else ""))
    say()

    say("== Primary navigation that differs")
    for rel, na, nb in nav_diff[:10]:
        say(f"-- {rel}")
        for line in short_diff([f"{t} -> {h}" for t, h in na], [f"{t} -> {h}" for t, h in nb], args.max_diff):
            say("    " + line)
    say("  (none)" if not nav_diff else (f"  ... {len(nav_diff) - 10} more pages" if len(nav_diff) > 10 else ""))
    say()

    say("== Article links that resolve differently (first 5 per page, 15 pages)")
    for rel, la, lb in link_diff[:15]:
        say(f"-- {rel}: {len(la)} only in MkDocs, {len(lb)} only in Zensical")
        for k, t in la[:5]:
            say(f"    - {k} -> {t}")
        for k, t in lb[:5]:
            say(f"    + {k} -> {t}")
    say("  (none)" if not link_diff else (f"  ... {len(link_diff) - 15} more pages" if len(link_diff) > 15 else ""))
    say()

    say("== Article links to a missing file")
    for label, broken in (("Zensical", broken_zs), ("MkDocs", broken_mk)):
        pages = Counter(rel for rel, *_ in broken)
        say(f"  {label}: {len(broken)} broken link(s) on {len(pages)} page(s)")
        for rel, kind, href, target in broken[:8]:
            say(f"    {rel}: {kind} {href} -> {target}")
    say()

    say(f"== What the MkDocs hooks add, by number of pages (of {len(common)} in both builds)")
    names = sorted({k[0] for k in furniture if k[1] in ("mkdocs", "zensical")})
    for name in names:
        say(f"  {name:48} MkDocs {furniture[(name, 'mkdocs')]:4}   Zensical {furniture[(name, 'zensical')]:4}")
    if furniture[("edit link targets differ", "pages")]:
        say(f"  'Edit this page' targets differ on {furniture[('edit link targets differ', 'pages')]} page(s), e.g.")
        for k in furniture:
            if k[0] == "edit-example":
                say("    " + k[1])
    say()

    print("== Summary")
    print(
        f"  pages: MkDocs {len(mk)}, Zensical {len(zs)}, in both {len(common)}; "
        f"only MkDocs {len(only_mk)}, only Zensical {len(only_zs)}"
    )
    print(f"  article text differs: {len(text_diff)} page(s); same: {len(common) - len(text_diff)}")
    print(
        f"  titles differ: {len(title_diff)}; primary nav differs: {len(nav_diff)} page(s); "
        f"article links resolve differently: {len(link_diff)} page(s)"
    )
    print(
        f"  broken article links: Zensical {len(broken_zs)} on {len({r for r, *_ in broken_zs})} page(s), "
        f"MkDocs {len(broken_mk)}"
    )
    if args.report_only:
        return 0
    return 1 if (only_mk or only_zs or text_diff or broken_zs) else 0


if __name__ == "__main__":
    sys.exit(main())
