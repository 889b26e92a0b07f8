"""Only the article's prose is linted, block by block, at the right place in the HTML."""

from __future__ import annotations

from vale_helpers import material_page

from checks.vale.blocks import SourceText
from checks.vale.engine import lint_text
from checks.vale.html_content import html_blocks

ARTICLE = """<h1 id="plan">The plan<a class="headerlink" href="#plan" title="Permanent link">&para;</a></h1>
<p>Partners must
cooperate &amp; share data.
Run <code>utilise --now</code> to see it.</p>
<pre><code>We utilise code here, e.g. in examples.</code></pre>
<ul>
<li>First item</li>
<li>Second item with <strong>bold</strong> text</li>
</ul>
<table><thead><tr><th>Partner</th></tr></thead><tbody><tr><td>Police &amp; health</td></tr></tbody></table>
<p>We will utilise the plan.</p>"""


def test_blocks_are_the_article_prose_only():
    blocks = html_blocks(material_page(ARTICLE))
    assert [(b.kind, b.text) for b in blocks] == [
        ("text.heading.h1", "The plan"),
        ("text", "Partners must cooperate & share data. Run * to see it."),
        ("text.list", "First item"),
        ("text.list", "Second item with bold text"),
        ("text.table.header", "Partner"),
        ("text.table.cell", "Police & health"),
        ("text", "We will utilise the plan."),
    ]


def test_every_character_maps_back_to_its_place_in_the_html():
    page = material_page(ARTICLE)
    for block in html_blocks(page):
        for index, char in enumerate(block.text):
            source = page[block.source_offset(index)]
            if char == "&":
                assert page.startswith("&amp;", block.source_offset(index))
            elif char not in " *":
                assert source == char, (block.text, index)


def test_banned_word_in_the_article_is_found_at_its_line_and_column():
    page = material_page(ARTICLE)
    line_number = next(n for n, line in enumerate(page.splitlines(), 1) if "We will utilise the plan" in line)
    column = page.splitlines()[line_number - 1].index("utilise") + 1
    found = [(a.line, a.col, a.match) for a in html_alerts(page) if a.check == "TrustDocs.PlainEnglish"]
    assert found == [(line_number, column, "utilise")]


def test_a_character_reference_is_reported_where_it_starts():
    page = material_page(ARTICLE)
    lines = page.splitlines()
    expected = [(n, line.index("&amp;") + 1) for n, line in enumerate(lines, 1) if "&amp;" in line]
    assert [(a.line, a.col) for a in html_alerts(page) if a.check == "TrustDocs.Ampersand"] == expected


def test_lint_text_on_a_built_page_also_reads_only_the_article():
    page = material_page(ARTICLE)
    assert [a.match for a in lint_text(page, "page.html") if a.check == "TrustDocs.PlainEnglish"] == ["utilise"]


def html_alerts(page: str):
    from checks.vale.config import load_config
    from checks.vale.rules import lint_blocks

    return lint_blocks(html_blocks(page), SourceText(page), "index.html", load_config().rules_for("index.html"))


def test_code_nav_header_footer_and_permalinks_are_ignored():
    # Every one of these holds a banned phrase; only the article's last paragraph should be reported.
    alerts = html_alerts(material_page(ARTICLE, nav_text="We utilise e.g. navigation"))
    assert [(a.check, a.match) for a in alerts] == [
        ("TrustDocs.Ampersand", "&"),  # "cooperate &amp; share", in the first paragraph
        ("TrustDocs.Ampersand", "&"),  # "Police &amp; health", in the table
        ("TrustDocs.PlainEnglish", "utilise"),  # the last paragraph
    ]


def test_a_page_without_an_article_has_nothing_to_lint():
    assert html_blocks("<html><body><p>We utilise this.</p></body></html>") == []
    standalone = html_blocks("<html><body><p>We utilise this.</p></body></html>", require_article=False)
    assert [b.text for b in standalone] == ["We utilise this."]


def test_inline_markup_joins_a_block_and_cited_titles_are_masked():
    page = material_page('<p>Read <a href="#">the <em>new</em> guide</a>, <cite>Delivering Change</cite>, now.</p>')
    assert [b.text for b in html_blocks(page)] == ["Read the new guide, *, now."]


def test_nested_lists_and_admonitions_make_separate_blocks():
    page = material_page(
        '<div class="admonition note"><p class="admonition-title">Note</p><p>Body text.</p></div>'
        "<ul><li>Outer<ul><li>Inner</li></ul></li></ul>"
    )
    assert [(b.kind, b.text) for b in html_blocks(page)] == [
        ("text", "Note"),
        ("text", "Body text."),
        ("text.list", "Outer"),
        ("text.list", "Inner"),
    ]
