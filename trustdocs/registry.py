"""Every kind of data, check, page, document and citation the site has: the one list of each.

A new kind of data is added here and in its own modules (a schema, its records
and builder in :mod:`trustdocs.model`, a page module in
:mod:`trustdocs.rendering.pages`); nothing else keeps a list. The pipeline
(:mod:`trustdocs.pipeline`) reads these lists; the loader and the page
generators are given them.
"""

from __future__ import annotations

from functools import partial

from trustdocs.model.kinds import DataKind, Reference
from trustdocs.rendering import exports, feed
from trustdocs.rendering.consultations import pages as consultations
from trustdocs.rendering.consultations.printable import printable_forms
from trustdocs.rendering.documents import constitution
from trustdocs.rendering.documents.catalogue import model_documents
from trustdocs.rendering.pages import (
    area_form,
    board,
    changes,
    cypp,
    data_reference,
    documents,
    downloads,
    duties,
    framework,
    guidance,
    on_a_date,
    partners,
    site_changes,
    sources,
    timeline,
)
from trustdocs.validation import references, status
from trustdocs.validation.characters import unprintable_characters
from trustdocs.validation.consultations import consultation_problems

# The data, in the order the loader reads and names it. References name the
# fields whose values are ids of partners, duties or sources.
KINDS = (
    DataKind("sources", "sources"),
    DataKind("outcomes", "outcomes"),
    DataKind("features", "features"),
    DataKind("partners", "partners"),
    DataKind("duties", "duties", references=(Reference("partners", ("duties", "*", "holders", "*")),)),
    DataKind(
        "board",
        "board",
        references=(
            Reference("partners", ("membership", "*", "partner")),
            Reference("partners", ("relationships", "*", "partner")),
        ),
    ),
    DataKind(
        "cypp",
        "cypp",
        references=(
            Reference("partners", ("plan", "owners", "*")),
            Reference("partners", ("requirements", "*", "concerns", "*")),
        ),
    ),
    DataKind("glossary", "glossary"),
    DataKind(
        "guidance",
        "guidance",
        references=(
            Reference("partners", ("sections", "*", "paragraphs", "*", "concerns", "*")),
            Reference("duties", ("sections", "*", "paragraphs", "*", "duties", "*")),
            Reference("sources", ("sections", "*", "source")),
        ),
    ),
    DataKind("timeline", "timeline"),
    DataKind("changes", "changes"),
    DataKind("areas", "area", folder=True, references=(Reference("partners", ("bodies", "*", "partner")),)),
    DataKind("consultations", "consultation", folder=True),
    DataKind("consultation-outcomes", "consultation-outcome", folder=True),
)

CONSTITUTION_MODULE = "trustdocs/rendering/documents/constitution.py"

# Checks across records and files, run after every file has passed its schema.
CHECKS = (
    references.duplicate_ids,
    partial(references.unknown_references, KINDS),
    references.unregistered_citations,
    references.timeline_order,
    references.change_log,
    references.duplicate_guidance_numbers,
    references.area_bodies,
    references.area_chairs,
    partial(references.note_clauses, constitution.CLAUSE_IDS, "the model constitution", CONSTITUTION_MODULE),
    partial(references.rule_clauses, constitution.RULE_CLAUSES, "the model constitution", CONSTITUTION_MODULE),
    status.status_order,
    status.status_references,
    status.restated_citations,
    unprintable_characters,
    consultation_problems,
)

# Page generators, each given the Site (data, as-at date, downloads, exports, citation index).
PAGES = (
    partners.pages,
    duties.pages,
    guidance.pages,
    timeline.pages,
    sources.pages,
    board.pages,
    cypp.pages,
    framework.pages,
    changes.pages,
    on_a_date.pages,
    downloads.pages,
    documents.pages,
    area_form.pages,
    consultations.pages,
    data_reference.pages_for(KINDS),
    site_changes.pages,
)

# Everything that cites a source, for the source pages' lists of what rests on each paragraph.
CITATIONS = (
    framework.citations,
    partners.citations,
    duties.citations,
    board.citations,
    cypp.citations,
    guidance.citations,
    timeline.citations,
    framework.glossary_citations,
    documents.citations,
    consultations.citations,
    site_changes.citations,
)

# Downloadable documents: the model documents (generic and per area) and the printable response forms.
DOCUMENTS = (model_documents, printable_forms)

# Data exports (JSON and CSV).
EXPORTS = (exports.export_files, feed.feed_files, area_form.template_file)
