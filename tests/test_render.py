"""Render functions: data in, Markdown out, editor text always literal."""

from __future__ import annotations

import dataclasses

import pytest
from tooling import site_html

from trustdocs.core.escape import md
from trustdocs.core.markdown import join_and, join_or, lower_first
from trustdocs.model.citations import Cite
from trustdocs.rendering.common import citation
from trustdocs.rendering.pages.framework import features_list, outcomes_list

HOSTILE = [
    "<script>alert(1)</script>",
    '<img src=x onerror="alert(1)">',
    "[click](javascript:alert(1))",
    "{: onclick=alert(1) }",
    "{{ config.site_name }} {% include 'x' %} {# c #}",
    "a | b | c",
    "**bold** _em_ `code` ~~del~~ ==mark== ^sup^",
    "# heading",
    "1. not a list",
    "- not a list",
    "*[HTML]: abbreviation definition",
    "[^1] footnote",
    "&amp; already escaped &lt;",
    "back\\slash",
]


def to_html(text: str) -> str:
    """Render as the site does (same extensions), so escaping is tested against the real parser."""
    return site_html(text)


@pytest.mark.parametrize("hostile", HOSTILE)
def test_hostile_text_renders_literally(hostile):
    html = to_html(md(hostile))
    from html.parser import HTMLParser

    class TextOnly(HTMLParser):
        def __init__(self):
            super().__init__(convert_charrefs=True)
            self.tags, self.text = [], ""

        def handle_starttag(self, tag, attrs):
            self.tags.append(tag)

        def handle_data(self, data):
            self.text += data

    parser = TextOnly()
    parser.feed(html)
    assert parser.tags == ["p"], html  # one paragraph, no markup created
    assert parser.text == hostile  # exactly what the editor wrote


def test_a_pipe_does_not_break_a_table_cell():
    table = "| a | b |\n|---|---|\n| " + md("x | y") + " | z |\n"
    html = to_html(table)
    assert html.count("<td>") == 2
    assert "x &#124; y" in html


def test_outcomes_list_numbers_and_cites_each_outcome(dataset):
    out = outcomes_list(dataset)
    lines = out.strip().splitlines()
    assert len(lines) == 5
    assert lines[0].startswith("1. **Be healthy**. Good physical")
    assert lines[0].endswith(
        "([Draft statutory guidance (2008)](sources/draft-guidance-2008.md), "
        "paragraphs [1.1](sources/draft-guidance-2008.md#p-1-1) and [2.3](sources/draft-guidance-2008.md#p-2-3))"
    )


def test_outcome_text_is_escaped(dataset):
    evil = dataclasses.replace(dataset.outcomes[0], name="<b>Be</b> {{ x }}", summary="a | b")
    data = dataclasses.replace(dataset, outcomes=(evil,))
    out = outcomes_list(data)
    assert "<b>" not in out and "{{" not in out and "a | b" not in out
    assert "&lt;b&gt;Be&lt;/b&gt; &#123;&#123; x &#125;&#125;" in out


def test_citation_groups_paragraphs_by_source(dataset):
    cites = (
        Cite("legislative-options-2008", "44"),
        Cite("legislative-options-2008", "45"),
        Cite("southwark-2009", "4"),
    )
    assert citation(cites, dataset, "../sources") == (
        "([Legislative options (2008)](../sources/legislative-options-2008.md), "
        "paragraphs [44](../sources/legislative-options-2008.md#p-44) and "
        "[45](../sources/legislative-options-2008.md#p-45); "
        "[Southwark executive report (2009)](../sources/southwark-2009.md), "
        "paragraph [4](../sources/southwark-2009.md#p-4))"
    )


def test_features_list_is_one_numbered_list_of_every_feature_with_its_summary_and_source(dataset):
    from bs4 import BeautifulSoup

    html = BeautifulSoup(site_html(features_list(dataset, "../sources")), "html.parser")
    (numbered,) = html.find_all("ol")
    items = numbered.find_all("li", recursive=False)
    assert [li.strong.get_text() for li in items] == [f.name for f in dataset.features]
    for li, feature in zip(items, dataset.features, strict=True):
        assert " ".join(feature.summary.split()) in li.get_text()
        first = feature.cites[0]
        assert li.find("a", href=f"../sources/{first.source}.md#p-{first.para.replace('.', '-')}"), li


def test_code_spans_hold_only_text_that_needs_no_escaping():
    from trustdocs.core.escape import code

    assert code("draft-guidance-2008") == "`draft-guidance-2008`"
    assert code("shared/sources/a.md") == "`shared/sources/a.md`"
    # Inside backticks &lt; would show literally, so such text is escaped plain text instead.
    assert code("<b>x</b>") == "&lt;b&gt;x&lt;/b&gt;"
    assert to_html(code("a|b `c`")) == "<p>a&#124;b &#96;c&#96;</p>"


@pytest.mark.parametrize(
    "para, seen",
    [
        ("14", "paragraph 14"),
        ("3.21", "paragraph 3.21"),
        ("fn-2", "footnote 2"),
        ("q1", "question 1"),
        ("appendix-1", "appendix 1"),
        ("section-10", "section 10"),
        ("extending-the-duty", "section 'Extending the duty'"),
    ],
)
def test_readers_see_labels_never_internal_codes(para, seen):
    from trustdocs.rendering.common import reader_label

    assert reader_label(para) == seen
    assert reader_label(para, {para: "the heading"}) == "the heading"


def test_citations_group_labels_by_kind_as_readers_see_them(dataset):
    cites = (
        Cite("draft-guidance-2008", "3.48"),
        Cite("draft-guidance-2008", "fn-2"),
        Cite("draft-guidance-2008", "3.49"),
    )
    assert citation(cites, dataset, "s") == (
        "([Draft statutory guidance (2008)](s/draft-guidance-2008.md), paragraphs [3.48](s/draft-guidance-2008.md#p-3-48) "
        "and [3.49](s/draft-guidance-2008.md#p-3-49), footnote [2](s/draft-guidance-2008.md#p-fn-2))"
    )


@pytest.mark.parametrize(
    "text, escaped",
    [
        ("2008. A year", "2008&#46; A year"),  # a year at the start of a value is not an ordered list
        ("10) Ten", "10&#41; Ten"),
        ("1. One", "1&#46; One"),
        ("2009.", "2009&#46;"),
        ("  3. Indented", "3&#46; Indented"),
        ("- dash", "&#45; dash"),
        ("+ plus", "&#43; plus"),
        (": colon", "&#58; colon"),
        ("---", "&#45;--"),  # a horizontal rule (found by test_properties.py)
        ("-- -", "&#45;- -"),
        ("-5 degrees", "-5 degrees"),
        ("2008.5 percent", "2008.5 percent"),  # not followed by a space: nothing to neutralise
        ("In 2008. Then", "In 2008. Then"),  # not at the start of the value
    ],
)
def test_a_value_that_starts_like_a_list_stays_a_paragraph(text, escaped):
    import html

    assert md(text) == escaped
    page = site_html(md(text))
    assert page.startswith("<p>") and page.endswith("</p>") and "<" not in page[3:-4], page  # no list, no definition
    assert html.unescape(page[3:-4]) == " ".join(text.split())


def test_search_terms_are_front_matter_tags_that_editor_text_cannot_break():
    import yaml

    from trustdocs.rendering.common import Page

    terms = ('duty to "cooperate"', "key: value\n---\n{{ x }}")
    text = Page("duties/x.md", "# X\n", ("data/duties.yml",), search_terms=terms).text
    front, body = text.removeprefix("---\n").split("\n---\n\n", 1)
    assert yaml.safe_load(front) == {"render_macros": False, "tags": list(terms)}
    assert body == "# X\n"


def test_a_duty_page_names_what_else_it_is_called_and_gives_search_those_names(dataset):
    from trustdocs.rendering.pages.duties import duty_page

    duty = next(d for d in dataset.duties if d.id == "cooperate-to-improve-well-being")
    page = duty_page(dataset, duty, dataset.latest_source_date)
    assert duty.also_called == ("duty to cooperate",)
    assert page.search_terms == ("duty to cooperate",)
    assert page.markdown.split("\n\n")[1] == "Also called the duty to cooperate."


def test_the_printed_footer_css_keeps_any_site_name_inside_its_string():
    from trustdocs.rendering.print_pages import css_string, print_pages_css

    assert css_string("Children's Trusts") == '"Children\'s Trusts"'
    assert css_string('a"b\\c\nd</style>') == '"a\\22 b\\5c c\\a d\\3c /style\\3e "'
    css = print_pages_css('Evil"; } body { display: none } /*', "21 July 2009")
    assert '@bottom-left { content: "Evil\\22 ; } body { display: none } /*. Statuses as at 21 July 2009."' in css
    assert css.count('"') == 6  # the footer's string and the two of "Page " counter(page) " of "


@pytest.mark.parametrize(
    ("items", "anded", "ored"),
    [([], "", ""), (["A"], "A", "A"), (["A", "B"], "A and B", "A or B"), (["A", "B", "C"], "A, B and C", "A, B or C")],
)
def test_lists_in_running_text_have_no_serial_comma(items, anded, ored):
    """GOV.UK style; one joiner for 'and' (4 copies once) and one for 'or' (3 copies once)."""
    assert join_and(iter(items)) == anded
    assert join_or(iter(items)) == ored


@pytest.mark.parametrize(
    ("text", "inside"),
    [
        ("Cooperate with the police", "cooperate with the police"),
        ("A paragraph label", "a paragraph label"),
        ("LSCB chair", "LSCB chair"),
        ("Children's Trusts lead", "Children's Trusts lead"),
        ("I think", "I think"),
        ("", ""),
    ],
)
def test_lower_first_keeps_the_capitals_of_names(text, inside):
    """One rule for the three places that put a phrase inside a sentence (each once had its own)."""
    assert lower_first(text) == inside


def test_a_yaml_string_reads_back_exactly_and_keeps_text_beyond_ascii_readable():
    from trustdocs.core.escape import yaml_string
    from trustdocs.core.strict_yaml import parse_yaml

    text = 'Ann “Smith”: é \\ "quoted"\n# not a comment'
    written = yaml_string(text)
    assert written == '"Ann “Smith”: é \\\\ \\"quoted\\"\\n# not a comment"'  # as an editor would read it
    doc, problems = parse_yaml("f.yml", f"name: {written}\n".encode())
    assert problems == [] and doc.data == {"name": text}
