"""Generated pages: golden files for each page type on a small fixture data set,
new data yields new pages, and hostile editor text renders literally.

Golden files live in tests/golden/. After an intended change, regenerate them with
``UPDATE_GOLDEN=1 .venv/bin/pytest tests/test_pages.py`` and review the diff.
"""

from __future__ import annotations

import datetime
import os
import shutil
from pathlib import Path

import pytest
from tooling import NEW_PARTNER, FixedSizes, site_html

from trustdocs.pipeline.generate import export_files, generate_pages
from trustdocs.pipeline.load import load_dataset

HERE = Path(__file__).parent
GOLDEN = HERE / "golden"
MINI = HERE / "fixtures" / "mini_data"
AS_AT = datetime.date(2025, 1, 1)  # the fixture's consultation has closed and its outcome is out


@pytest.fixture(scope="module")
def mini_dir(tmp_path_factory, root) -> Path:
    target = tmp_path_factory.mktemp("mini") / "data"
    shutil.copytree(MINI, target)
    return target


@pytest.fixture(scope="module")
def mini_pages(mini_dir):
    return {page.path: page for page in generate_pages(load_dataset(mini_dir), FixedSizes(), as_at=AS_AT)}


def test_pages_show_the_sizes_they_are_given(mini_dir):
    """Sizes come from the one table passed in, never from the rendered bytes."""
    sizes = FixedSizes({"downloads/model-trust-board-constitution.pdf": 40_000})
    page = {p.path: p for p in generate_pages(load_dataset(mini_dir), sizes)}["documents/trust-board-constitution.md"]
    assert "[PDF (39 KB)](../downloads/model-trust-board-constitution.pdf)" in page.text
    assert "[Word (12 KB)](../downloads/model-trust-board-constitution.docx)" in page.text


def test_every_page_type_is_generated(mini_pages):
    assert sorted(mini_pages) == sorted(
        [
            "partners/index.md",
            "partners/council.md",
            "partners/health-body.md",
            "partners/district.md",
            "duties/index.md",
            "duties/cooperate.md",
            "duties/pool-budgets-and-share-resources.md",
            "duties/matrix.md",
            "guidance/index.md",
            "guidance/guidance-one.md",
            "timeline.md",
            "board.md",
            "cypp.md",
            "outcomes.md",
            "features.md",
            "glossary.md",
            "what-would-change.md",
            "framework-on-a-date.md",
            "data.md",
            "data-reference.md",
            "site-changes.md",
            "sources/index.md",
            "sources/doc-a.md",
            "sources/test-act.md",
            "documents/index.md",
            "documents/trust-board-constitution.md",
            "documents/cypp-template.md",
            "documents/testshire/trust-board-constitution.md",
            "documents/testshire/cypp-template.md",
            "documents/test-consultation-response-form.md",
            "documents/your-area.md",
            "areas/testshire.md",
            "consultations/index.md",
            "consultations/test-consultation/index.md",
            "consultations/test-consultation/respond.md",
            "consultations/test-consultation/outcome.md",
        ]
    )


@pytest.mark.parametrize(
    "path",
    [
        "partners/index.md",
        "partners/health-body.md",
        "partners/council.md",
        "duties/index.md",
        "duties/cooperate.md",
        "duties/matrix.md",
        "guidance/guidance-one.md",
        "guidance/index.md",
        "timeline.md",
        "board.md",
        "cypp.md",
        "outcomes.md",
        "features.md",
        "glossary.md",
        "what-would-change.md",
        "framework-on-a-date.md",
        "data.md",
        "sources/index.md",
        "sources/doc-a.md",
        "sources/test-act.md",
        "documents/index.md",
        "documents/trust-board-constitution.md",
        "documents/cypp-template.md",
        "documents/testshire/trust-board-constitution.md",
        "documents/testshire/cypp-template.md",
        "documents/your-area.md",
        "areas/testshire.md",
        "consultations/index.md",
        "consultations/test-consultation/index.md",
        "consultations/test-consultation/respond.md",
        "consultations/test-consultation/outcome.md",
    ],
)
def test_page_matches_its_golden_file(mini_pages, path):
    golden = GOLDEN / path
    actual = mini_pages[path].text
    if os.environ.get("UPDATE_GOLDEN"):
        golden.parent.mkdir(parents=True, exist_ok=True)
        golden.write_text(actual, encoding="utf-8")
    assert actual == golden.read_text(encoding="utf-8")


_DIGEST = """
import hashlib, sys
sys.path.insert(0, sys.argv[2])
from tooling import FixedSizes
from trustdocs.pipeline.generate import export_files, generate_pages
from trustdocs.pipeline.load import load_dataset
from pathlib import Path
data = load_dataset(Path(sys.argv[1]))
digest = hashlib.sha256()
for page in generate_pages(data, FixedSizes()):
    digest.update(page.path.encode() + b"\\0" + page.text.encode() + b"\\0")
for path, content in sorted(export_files(data).items()):
    digest.update(path.encode() + b"\\0" + content + b"\\0")
print(digest.hexdigest())
"""


# Starts other Python processes (seconds each): make test runs it, make unit does not.
@pytest.mark.slow
def test_generation_is_the_same_in_processes_with_other_hash_seeds_time_zones_and_locales(root):
    """Every page and export of the real data, made in two processes whose local dates always differ
    (UTC+14 and UTC-12), with other hash seeds (so other set orders) and locales. The full build,
    documents included, is compared across processes in test_determinism.py (slow)."""
    import subprocess
    import sys

    def digest(**env):
        result = subprocess.run(
            [sys.executable, "-c", _DIGEST, str(root / "data"), str(root / "tests")],
            cwd=root,
            capture_output=True,
            text=True,
            check=False,
            env={k: v for k, v in os.environ.items() if k not in ("TRUSTDOCS_AS_AT", "SOURCE_DATE_EPOCH")} | env,
        )
        assert result.returncode == 0, result.stderr
        return result.stdout.strip()

    first = digest(PYTHONHASHSEED="1", TZ="Pacific/Kiritimati", LC_ALL="C.UTF-8", LANG="C.UTF-8")
    second = digest(PYTHONHASHSEED="4242", TZ="Etc/GMT+12", LC_ALL="C", LANG="C")
    assert len(first) == 64 and first == second


def test_generating_every_page_leaves_the_data_set_as_it_was(mini_dir):
    """Pages and exports share one data set: none may change it (every record is a frozen dataclass)."""
    import dataclasses
    import pickle

    data = load_dataset(mini_dir)
    before = pickle.dumps(data)
    list(generate_pages(data, FixedSizes(), as_at=AS_AT))
    export_files(data)
    assert pickle.dumps(data) == before

    def records(value):
        if dataclasses.is_dataclass(value):
            yield value
            for f in dataclasses.fields(value):
                yield from records(getattr(value, f.name))
        elif isinstance(value, (tuple, list)):
            for item in value:
                yield from records(item)
        elif isinstance(value, dict):
            for item in value.values():
                yield from records(item)

    kinds = {type(r) for r in records(data)}
    assert len(kinds) > 15
    assert [k.__name__ for k in kinds if not k.__dataclass_params__.frozen] == []  # type: ignore[attr-defined]


def test_hostile_partner_text_renders_literally(mini_pages):
    from html.parser import HTMLParser

    class Audit(HTMLParser):
        def __init__(self):
            super().__init__(convert_charrefs=True)
            self.tags, self.handlers, self.text = set(), [], ""

        def handle_starttag(self, tag, attrs):
            self.tags.add(tag)
            self.handlers += [name for name, _ in attrs if name.startswith("on")]

        def handle_data(self, data):
            self.text += data

    html = site_html(mini_pages["partners/health-body.md"].markdown)
    audit = Audit()
    audit.feed(html)
    assert "script" not in audit.tags and audit.handlers == []
    assert "Hostile text: <script>alert(1)</script> | {{ 7*7 }} {: onclick=x } *stars*" in audit.text


def test_a_partner_page_links_to_its_duties_board_role_plan_and_guidance(mini_pages):
    text = mini_pages["partners/health-body.md"].markdown
    assert "[Cooperate](../duties/cooperate.md)" in text
    assert "../board.md#member-health" in text
    assert "../cypp.md#req-one" in text
    assert "[Paragraph 1.1](../guidance/guidance-one.md#para-1-1)" in text
    assert "([Source A (2008)](../sources/doc-a.md), paragraph [2](../sources/doc-a.md#p-2))" in text


def test_a_source_paragraph_links_back_to_every_statement_citing_it(mini_pages):
    text = mini_pages["sources/doc-a.md"].markdown
    para_2 = text.split('<h3 id="p-2">Paragraph 2</h3>')[1].split("<h3")[0]
    assert "- [Health bodies](../partners/health-body.md)\n" in para_2
    assert "- [Health bodies: status from 2005](../partners/health-body.md#status-over-time)\n" in para_2
    assert "- [Timeline: Proposals published](../timeline.md#event-two)\n" in para_2
    assert '<h3 id="p-2-2">Paragraph 2.2</h3>' in text  # cited by the guidance
    assert '<h3 id="p-2-1">' in text


def test_strength_looks_the_same_everywhere(mini_pages):
    should = '<strong class="strength strength-should">should</strong>'
    assert should in mini_pages["guidance/guidance-one.md"].markdown
    assert should in mini_pages["board.md"].markdown
    assert '<strong class="strength strength-must">must</strong>' in mini_pages["duties/cooperate.md"].markdown


@pytest.mark.slow  # builds the site
def test_a_new_partner_gets_a_page_and_a_nav_entry(data_copy):
    data_copy.write(
        "partners.yml",
        data_copy.text("partners.yml") + NEW_PARTNER,
    )
    result, out = data_copy.build_site()
    assert result.returncode == 0, result.stderr
    page = out / "partners" / "test-new-partner" / "index.html"
    assert "Newly added partners" in page.read_text(encoding="utf-8")
    # navigation.prune lists a section's pages once the reader is in that section.
    index = (out / "partners" / "index.html").read_text(encoding="utf-8")
    assert '<a href="test-new-partner/" class="md-nav__link">' in index


def every_cite(value):
    """Every citation anywhere in the data set, found by walking its records (not by the registry's walkers)."""
    import dataclasses

    from trustdocs.model.citations import Cite

    if isinstance(value, Cite):
        yield value
    elif dataclasses.is_dataclass(value):
        for f in dataclasses.fields(value):
            if not f.name.startswith("_"):
                yield from every_cite(getattr(value, f.name))
    elif isinstance(value, (tuple, list)):
        for item in value:
            yield from every_cite(item)
    elif isinstance(value, dict):
        for item in value.values():
            yield from every_cite(item)


def test_every_citation_in_the_data_is_listed_under_its_source_paragraph(dataset):
    """The registry's citation walkers miss none: areas (with their additional members), the Board, the plan,
    the glossary, consultations and their outcomes, as well as partners, duties, guidance and the timeline."""
    from trustdocs.registry import CITATIONS
    from trustdocs.rendering.site import index_citations

    cited = set(every_cite(dataset))
    assert len(cited) > 150
    assert sorted(cited - set(index_citations(dataset, CITATIONS)), key=str) == []


def test_each_areas_copies_of_the_model_documents_are_left_out_of_search(mini_pages):
    unsearched = sorted(path for path, page in mini_pages.items() if not page.searchable)
    assert unsearched == ["documents/testshire/cypp-template.md", "documents/testshire/trust-board-constitution.md"]
    assert mini_pages["documents/testshire/cypp-template.md"].text.startswith(
        "---\nrender_macros: false\nsearch:\n  exclude: true\n---\n\n# "
    )
    for generic in ("documents/trust-board-constitution.md", "documents/cypp-template.md", "areas/testshire.md"):
        assert "exclude" not in mini_pages[generic].text.partition("\n---\n")[0], generic
