"""The model constitution's text: clauses that state rules, no clause that repeats another, notes that cite.

A constitution says what the Board is and does. Guidance ("should"), history
("after the Laming inquiry") and the 2008-09 status of each rule go in the
numbered notes at the end, each with its sources (board.yml
``constitution_notes``). These tests read the Markdown every format is made
from, so they are fast.
"""

from __future__ import annotations

import itertools
import re

import pytest

from trustdocs.pipeline.load import load_dataset
from trustdocs.rendering.documents.clauses import numbers
from trustdocs.rendering.documents.constitution import CLAUSE_IDS, INTRODUCTION, RULE_CLAUSES, constitution, sections

AREAS = (None, "southwark", "wessex")
_LINK = re.compile(r"\[([^\]]*)\]\([^)]*\)")


def clause_texts(markdown: str) -> dict[str, str]:
    """Each clause's text by its number ('6.1'), without headings, tables, links or 'See note N.'."""
    body = markdown.split("\n## 1. ", 1)[1].split("\n## Notes {#notes}", 1)[0]
    out = {}
    for chunk in re.split(r"^### ", body, flags=re.M)[1:]:
        heading, _, text = chunk.partition("\n")
        lines = [line for line in text.splitlines() if line.strip() and not line.startswith(("|", "## "))]
        text = _LINK.sub(r"\1", " ".join(lines))
        text = re.sub(r"\s*See note \d+(?: and note \d+)*\.", "", text)
        out[heading.split(" ", 1)[0]] = " ".join(text.split())
    return out


# Words every clause uses, and names of several words that count as one.
_STOP = frozenset(
    "a an the and or of to in on for by with as at from it its their they them this that these those is are be "
    "been was were will would may must can cannot not no does do each every any all which who whom when if than into "
    "there also only own other others board member members body bodies see clause section".split()
)
_NAMES = {
    "children and young people's plan": "cypp",
    "local safeguarding children board": "lscb",
    "voluntary and community sector": "vcs",
    "children's trust": "childrenstrust",
    "children act 2004": "act",
}


def _terms(text: str) -> list[str]:
    """Content words, crudely stemmed ('represents', 'representing' -> 'represent'), names as one word."""
    text = text.lower()
    for name, token in _NAMES.items():
        text = text.replace(name, token)
    out = []
    for word in re.findall(r"[a-z0-9']+", text):
        if word in _STOP:
            continue
        for suffix in ("ing", "es", "s", "ed"):
            if word.endswith(suffix) and len(word) - len(suffix) >= 4:
                word = word[: -len(suffix)]
                break
        out.append(word)
    return out


def units(clauses: dict[str, str]) -> list[tuple[str, str]]:
    """(clause number, sentence or list item): what one clause could repeat of another, or of itself."""
    return [
        (number, part)
        for number, text in clauses.items()
        for part in re.split(r"(?<=[.:])\s+|\s+-\s+", text)
        if len(_terms(part)) >= 3
    ]


def near_duplicates(
    clauses: dict[str, str], shared: int = 3, overlap: float = 0.55
) -> list[tuple[str, str, list[str]]]:
    """Pairs of sentences, in one clause or two, that say nearly the same thing.

    Two sentences are near-duplicates when they share at least ``shared``
    distinctive words (words found in at most 3 clauses, so "Board" or
    "children" do not count) and those make up at least ``overlap`` of the
    shorter one's distinctive words.
    """
    in_clauses: dict[str, int] = {}
    for text in clauses.values():
        for term in set(_terms(text)):
            in_clauses[term] = in_clauses.get(term, 0) + 1
    found = []
    for (n1, s1), (n2, s2) in itertools.combinations(units(clauses), 2):
        t1 = {t for t in _terms(s1) if in_clauses[t] <= 3}
        t2 = {t for t in _terms(s2) if in_clauses[t] <= 3}
        common = t1 & t2
        if len(common) >= shared and len(common) / min(len(t1), len(t2)) >= overlap:
            found.append((f"{n1}: {s1}", f"{n2}: {s2}", sorted(common)))
    return found


def _area(dataset, area_id):
    return dataset.area(area_id) if area_id else None


@pytest.mark.parametrize("area_id", AREAS)
def test_no_clause_repeats_another(dataset, area_id):
    clauses = clause_texts(constitution(dataset, _area(dataset, area_id)).markdown)
    assert len(clauses) > 30
    assert near_duplicates(clauses) == []


def test_the_near_duplicate_check_finds_the_repeats_the_old_constitution_had():
    """Clauses of the constitution as it was before issue 15: 4.6 said one thing twice, 1.3 and 3.2, 5.3, 9.1
    and 9.2, and 10.1 and 10.2 repeated each other."""
    old = {
        "1.3": "Each partner stays responsible for its own existing functions; the Board does not take them over.",
        "3.2": "The Board does not take over any member body's functions. See clause 1.3.",
        "5.3": "Following the government's response to the Laming inquiry, the Local Safeguarding Children Board "
        "reports to the Children's Trust. The Trust holds it, and the wider system, to account for safeguarding all "
        "children and young people. The two boards may not have the same chair.",
        "4.6": "In two-tier areas the Board engages every district council and does not treat one as representing "
        "the others. Each district council has its own seat. No district council represents the others.",
        "9.1": "The Local Safeguarding Children Board keeps a clear and distinct identity and forms its own "
        "independent view of local safeguarding. It reports to the Children's Trust, and the Trust holds it to "
        "account for safeguarding all children and young people.",
        "9.2": "The Board works with these partnerships: Local Safeguarding Children Board: The 2008 draft guidance "
        "said the Local Safeguarding Children Board forms an independent view of local safeguarding and challenges "
        "when needed. After the Laming inquiry it was to report to the Children's Trust, which would hold it to account.",
        "10.1": "The local authority and its relevant partners may set up and keep a pooled fund, and share staff, "
        "goods, services, accommodation and other resources.",
        "10.2": "Under section 10 of the Children Act 2004, only the local authority and the relevant partners may "
        "share staff, goods, services, accommodation and other resources.",
    }
    pairs = {(a.split(":")[0], b.split(":")[0]) for a, b, _ in near_duplicates(old)}
    assert {("1.3", "3.2"), ("4.6", "4.6"), ("5.3", "9.1"), ("9.1", "9.2"), ("10.1", "10.2")} <= pairs


# Words that belong to guidance, history or commentary, not to a rule of the Board.
NOT_A_RULE = re.compile(
    r"\bshould\b|\bwould\b|\bguidance\b|\bpropos|\bLaming\b|\bconsultation\b|\blegislation\b|\b(?:19|20)\d\d\b(?! \()",
    re.I,
)


@pytest.mark.parametrize("area_id", AREAS)
def test_clauses_state_rules_and_leave_guidance_and_history_to_the_notes(dataset, area_id):
    area = _area(dataset, area_id)
    clauses = clause_texts(constitution(dataset, area).markdown)
    values = [area.lscb_chair, area.chair, area.vice_chair] if area else []
    for number, text in clauses.items():
        for value in values:  # an area's own words are its choice
            text = text.replace(value, "")
        text = text.replace("Children Act 2004", "Children Act")  # the Act a clause names is not history
        assert not NOT_A_RULE.search(text), f"clause {number} reads as guidance or history: {text}"


def test_every_clause_id_is_known_to_the_check_on_notes(dataset):
    generic = {c.id for s in sections(dataset) for c in s.clauses}  # the generic model has every clause
    assert generic | {INTRODUCTION} == CLAUSE_IDS
    for area in dataset.areas:
        assert {c.id for s in sections(dataset, area) for c in s.clauses} <= CLAUSE_IDS


@pytest.mark.parametrize("area_id", AREAS)
def test_notes_are_numbered_in_order_cited_and_each_referred_to(dataset, area_id):
    markdown = constitution(dataset, _area(dataset, area_id)).markdown
    body, notes = markdown.split("\n## Notes {#notes}\n", 1)
    headings = re.findall(r"^### Note (\d+): .+ \{#(note-[a-z0-9-]+)\}$", notes, re.M)
    assert [int(n) for n, _ in headings] == list(range(1, len(headings) + 1))
    first_use = list(dict.fromkeys(re.findall(r"\[note \d+\]\(#(note-[a-z0-9-]+)\)", body)))
    assert first_use == [i for _, i in headings]  # numbered in the order the document first refers to them
    for chunk in re.split(r"^### Note \d+: ", notes, flags=re.M)[1:]:
        assert re.search(r"^Sources: .+\(\d{4}\), (paragraph|section)", chunk, re.M), chunk[:60]


def test_every_note_in_board_yml_is_in_the_generic_model(dataset):
    markdown = constitution(dataset).markdown
    for n in dataset.board.constitution_notes:
        assert f"{{#{n.id}}}" in markdown, n.id


def test_a_unitary_area_has_no_note_on_district_councils(dataset):
    southwark = constitution(dataset, dataset.area("southwark")).markdown
    wessex = constitution(dataset, dataset.area("wessex")).markdown
    assert "note-district-councils" not in southwark
    assert "{#note-district-councils}" in wessex


@pytest.mark.parametrize("area_id", ["southwark", "wessex"])
def test_each_clause_shows_the_area_values_it_says_it_fills(dataset, area_id):
    """The area's page lists, for each value, the clauses it fills in: they must really show it."""
    area = dataset.area(area_id)
    secs = sections(dataset, area)
    numbered = numbers(secs)
    clauses = clause_texts(constitution(dataset, area).markdown)
    shown = {
        "trust_name": area.trust_name,
        "local_authority": area.local_authority,
        "name": area.name,
        "chair": area.chair,
        "vice_chair": area.vice_chair,
        "lscb_chair": area.lscb_chair,
        "schools_representatives": f"choose {area.schools_representatives} head teachers",
        "voluntary_sector_representatives": f"chooses {area.voluntary_sector_representatives} members",
        "quorum": f"when {area.quorum} members are present",
        "meetings_per_year": f"meets {area.meetings_per_year} times a year",
        "papers_days": f"members {area.papers_days} working days before",
        "review_months": f"every {area.review_months} months",
    }
    for section in secs:
        for clause in section.clauses:
            for field in clause.fills:
                if field in shown:
                    assert shown[field] in clauses[numbered[clause.id]], (clause.id, field)


def test_clauses_that_state_a_rule_take_its_wording_from_board_yml(dataset):
    """One source: each rule's 'constitution' wording is the clause's heading and text."""
    markdown = constitution(dataset).markdown
    number = numbers(sections(dataset))
    for clause_id in RULE_CLAUSES:
        wording = dataset.board.rule_clause(clause_id)
        heading = re.search(rf"^### {re.escape(number[clause_id])} (.+) \{{#{clause_id}\}}$", markdown, re.M)
        assert heading and heading.group(1).startswith(wording.heading), clause_id
        assert wording.text in clause_texts(markdown)[number[clause_id]], clause_id


def test_editing_a_rules_wording_changes_the_constitution(data_copy):
    data_copy.replace(
        "board.yml",
        "        The Board's chair does not chair the Local Safeguarding Children\n        Board.\n",
        "        The Board's chair may never chair the Local Safeguarding Children Board.\n",
    )
    data_copy.replace("board.yml", "      heading: Chair of the safeguarding board\n", "      heading: Two chairs\n")
    edited = load_dataset(data_copy.path)
    markdown = constitution(edited).markdown
    number = numbers(sections(edited))["separate-chairs"]
    assert re.search(rf"^### {re.escape(number)} Two chairs \{{#separate-chairs\}}$", markdown, re.M)
    assert clause_texts(markdown)[number].startswith(
        "The Board's chair may never chair the Local Safeguarding Children Board. Chair of the safeguarding board:"
    )
