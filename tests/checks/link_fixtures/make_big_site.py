"""Generate a large synthetic MkDocs Material project to time the link gate.

Not a test fixture itself. It writes a project with SECTIONS x PAGES pages,
each with headings, cross-links to other pages' headings and external links,
configured by the repo's mkdocs.yml (so theme, features and overrides match
production) minus the macros plugin and hook that add the pages from data/.

    python tests/checks/link_fixtures/make_big_site.py /tmp/linkgate-big
    NO_MKDOCS_2_WARNING=1 .venv/bin/mkdocs build -q -f /tmp/linkgate-big/mkdocs.yml -d /tmp/linkgate-big/site
    python -m checks.links /tmp/linkgate-big/site
"""

from __future__ import annotations

import random
import shutil
import sys
from pathlib import Path

import yaml

REPO = Path(__file__).resolve().parents[3]
SECTIONS = 10
PAGES_PER_SECTION = 29  # + one index page per section + home = 301 pages
HEADINGS = [f"Duty number {n}" for n in range(1, 9)]
EXTERNAL = [
    "https://www.gov.uk/government/publications/working-together-to-safeguard-children--2",
    "https://www.legislation.gov.uk/ukpga/2004/31/section/10",
    "https://www.nationalarchives.gov.uk/doc/open-government-licence/version/3/",
]


def slug(heading: str) -> str:
    return heading.lower().replace(" ", "-")


def page_path(section: int, page: int) -> str:
    return f"section-{section:02d}/page-{page:02d}.md"


def page_text(rng: random.Random, section: int, page: int) -> str:
    lines = [f"# Section {section} page {page}", ""]
    for heading in HEADINGS:
        lines += [f"## {heading}", "", "Partners must co-operate. " * 12, ""]
        # two cross-links per heading: one to another page's heading, one to a page
        s, p = rng.randrange(SECTIONS), rng.randrange(PAGES_PER_SECTION)
        target = page_path(s, p)
        rel = "../" + target if s != section else target.split("/")[1]
        lines.append(
            f"See [{heading} there]({rel}#{slug(rng.choice(HEADINGS))}) "
            f"and [the whole page]({rel}), or [above](#{slug(HEADINGS[0])})."
        )
        lines += ["", f"Source: [{rng.choice(EXTERNAL)}]({rng.choice(EXTERNAL)})", ""]
    return "\n".join(lines)


def main(out: Path) -> None:
    if out.exists():
        shutil.rmtree(out)
    docs = out / "docs"
    docs.mkdir(parents=True)
    config = yaml.safe_load((REPO / "mkdocs.yml").read_text(encoding="utf-8"))
    # The macros plugin and hooks build pages from data/; the synthetic pages need neither.
    config["hooks"] = [hook for hook in config.get("hooks", []) if not hook.startswith(("macros/", "trustdocs/"))]
    config["plugins"] = [p for p in config.get("plugins", []) if "macros" not in p]
    config.pop("nav", None)  # the synthetic pages make their own
    (out / "mkdocs.yml").write_text(yaml.safe_dump(config, sort_keys=False), encoding="utf-8")
    shutil.copytree(REPO / "overrides", out / "overrides")
    for stylesheet in config.get("extra_css", []):  # the site's own CSS, as the real site has it
        (docs / stylesheet).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy(REPO / "docs" / stylesheet, docs / stylesheet)
    rng = random.Random(300)
    (docs / "index.md").write_text(
        "# Home\n\n" + "".join(f"- [Section {s}](section-{s:02d}/index.md)\n" for s in range(SECTIONS))
    )
    for s in range(SECTIONS):
        (docs / f"section-{s:02d}").mkdir()
        (docs / f"section-{s:02d}/index.md").write_text(
            f"# Section {s}\n\n" + "".join(f"- [Page {p}](page-{p:02d}.md)\n" for p in range(PAGES_PER_SECTION))
        )
        for p in range(PAGES_PER_SECTION):
            (docs / page_path(s, p)).write_text(page_text(rng, s, p))


if __name__ == "__main__":
    main(Path(sys.argv[1] if len(sys.argv) > 1 else "/tmp/linkgate-big"))
