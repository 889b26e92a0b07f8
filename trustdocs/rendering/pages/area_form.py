"""The page "Get documents for your area": a form that saves an area file for data/areas/.

Any area can have its own set of model documents. The form asks for what an
area file needs (``area.schema.json``) and, in the browser, saves a ready
``data/areas/NAME.yml`` on the user's device: nothing is sent anywhere. An
editor adds the file by pull request and the site then publishes that area's
documents; someone who can run the code makes them straight away with
``trustdocs documents --area FILE``.

The form follows the same GOV.UK patterns as the consultation response forms
(:mod:`trustdocs.rendering.consultations.form`, whose stylesheet it shares):
a fieldset and legend per group, labels and hints, an error summary that links
to each field and error messages tied to their fields. The checks
``docs/assets/javascripts/area-form.js`` makes are the area schema's and the
loader's, written into the page from the same sources so they cannot drift:
lengths and patterns from the schema, the seats from partners.yml, the ids
already taken, and the characters the documents' font can print. The file
marks every value as illustrative, because no source on the site states them,
and cites the 2008 paragraphs on the Board's membership that the values fill in.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, fields, is_dataclass
from typing import Any

from trustdocs.core import fonts
from trustdocs.core.escape import html_text, md, yaml_string
from trustdocs.core.markdown import bullet_list
from trustdocs.model.citations import Cite
from trustdocs.model.dataset import DataSet
from trustdocs.rendering import paths
from trustdocs.rendering.common import Page, form_scripts
from trustdocs.rendering.paths import link
from trustdocs.rendering.schemas import schemas
from trustdocs.rendering.site import Site
from trustdocs.rendering.sizes import Sizes, size_label
from trustdocs.rendering.status import in_sentence

HERE = paths.AREA_FORM
FORM_ID = "area-form"
STYLESHEET = "assets/stylesheets/consultations.css"  # the response forms' GOV.UK patterns, shared
SCRIPT = "assets/javascripts/area-form.js"  # loaded by this page only, after the form and form-errors.js
# The first line of every data file: editors' YAML language servers check the file against its schema.
MODELINE = "# yaml-language-server: $schema=../../trustdocs/validation/schemas/area.schema.json"


def rule(field: str, *inside: str) -> dict[str, Any]:
    """The schema's rule for one field of an area file, or for a part of it by keys, with references followed.

    ``rule("additional_members", "items", "properties", "role")`` is the rule for each other member's role.
    """
    area = schemas().files["area.schema.json"]
    spec = area["properties"][field] if field in area["properties"] else area["$defs"][field]
    node, here = schemas().resolve(spec, "area.schema.json")
    for key in inside:
        node, here = schemas().resolve(node[key], here)
    return node


def illustrative_fields(members: bool = False) -> list[str]:
    """Every field a saved file marks as illustrative, in the schema's order.

    That is every field the schema allows, the other members (``additional_members``) only for a file
    that has some: the form's script leaves them out of the list when none are entered.
    """
    return [f for f in rule("illustrative")["items"]["enum"] if members or f != "additional_members"]


# --- what the page writes into the form for the script ----------------------------


def printable_ranges() -> str:
    """The code points the documents' font can print, as 'first-last' ranges: the loader's rule."""
    points = sorted(fonts.covered())
    ranges: list[tuple[int, int]] = []
    for point in points:
        if ranges and point == ranges[-1][1] + 1:
            ranges[-1] = (ranges[-1][0], point)
        else:
            ranges.append((point, point))
    return " ".join(f"{a:x}-{b:x}" if a != b else f"{a:x}" for a, b in ranges)


def taken_ids(data: DataSet) -> list[str]:
    """Every id the data already uses site-wide: a new area's id must be none of them."""
    found: set[str] = set()

    def walk(value: object) -> None:
        if is_dataclass(value) and not isinstance(value, type):
            record_id = getattr(value, "id", None)
            if isinstance(record_id, str):
                found.add(record_id)
            if type(value).__name__ in ("Area", "Consultation", "ConsultationOutcome"):
                return  # a collection record adds only its own id (references.duplicate_ids)
            for f in fields(value):
                walk(getattr(value, f.name))
        elif isinstance(value, (tuple, list, frozenset, set)):
            for item in value:
                walk(item)
        elif isinstance(value, dict):
            for item in value.values():
                walk(item)

    walk(data)
    return sorted(found)


def form_cites(data: DataSet) -> tuple[Cite, ...]:
    """What a saved file cites: the paragraphs on the members an area chooses (schools, the voluntary sector).

    They are what the 2008 proposals said about the choices the file makes. A
    data set with no such member records gives every membership record's cites.
    """
    seats = {p.id for t in ("unitary", "two-tier") for p in data.seat_partners(t)}
    chosen = [c for m in data.board.membership if m.partner not in seats for c in m.cites]
    every = [c for m in data.board.membership for c in m.cites]
    return tuple(dict.fromkeys(chosen or every))


def members_cites(data: DataSet) -> tuple[Cite, ...]:
    """What each other member in a saved file cites: the paragraphs behind the constitution's 'Other members'.

    No source names an area's other members, so a saved file lists them as
    illustrative and cites what the 2008 proposals said about seats beyond the
    core (board.yml's notes on that clause); without such a note, the file's cites.
    """
    found = [c for n in data.board.constitution_notes if "other-members" in n.clauses for c in n.cites]
    return tuple(dict.fromkeys(found)) or form_cites(data)


# --- the file to fill in without the form -------------------------------------------


def _comment(text: str) -> str:
    """Editor text in a YAML comment, on one line: YAML also ends a line at CR, U+0085, U+2028 and U+2029."""
    return " ".join(text.split())


def template(data: DataSet) -> str:
    """An area file to fill in by hand: every key, each with a note, for someone without JavaScript.

    It is itself a valid area file (a unitary area called "Your area"), so an
    officer who changes only some values still gets a file the site accepts.
    """
    seats = [p for p in data.partners if p.category in ("local-authority", "relevant-partner")]
    lines = [
        MODELINE,
        '# The file that fills in an area\'s model documents, from the page "Get documents for your area".',
        "# Change each value to your area's, keeping the quotation marks, then save the file as",
        "# SHORT-NAME.yml, where SHORT-NAME is the id below. Send it to the site's editors or add it",
        "# to data/areas/ in a pull request. Every value is listed under `illustrative` at the end,",
        "# because no source on the site states it.",
        "",
        "# Short name: lower-case letters and numbers, with hyphens between words. It names your files.",
        f"id: {yaml_string('your-area')}",
        f"name: {yaml_string('Your area')}",
        "# A sentence or two about your area.",
        f"summary: {yaml_string('A local area with one council for all local services.')}",
        '# "unitary": one council runs every local service. "two-tier": a county council and district councils.',
        f"area_type: {yaml_string('unitary')}",
        '# "false" for a real area, "true" for a made-up example.',
        f"fictional: {yaml_string('false')}",
        "# The council that leads the Children's Trust.",
        f"local_authority: {yaml_string('Your Council')}",
        "# What the Board is called.",
        f"trust_name: {yaml_string('Your Area Children' + chr(39) + 's Trust Board')}",
        "# The named body for each seat on the Board.",
        "bodies:",
    ]
    for p in seats:
        if "unitary" in p.area_types:
            body = "Your Council" if p.category == "local-authority" else "Name of the body"
            lines += [f"  - partner: {yaml_string(p.id)}  # {_comment(p.name)}", f"    names: [{yaml_string(body)}]"]
        else:  # district councils: a two-tier area only, one seat each
            lines += [
                f"  # {_comment(p.name)}: only a two-tier area has them. For a two-tier area, remove the # from the",
                "  # next two lines and name every one, each in quotation marks:",
                f"  # - partner: {yaml_string(p.id)}",
                f"  #   names: [{yaml_string('First District Council')}, {yaml_string('Second District Council')}]",
            ]
    lines += [
        "# Who chairs the Board, by role; who is vice-chair; who chairs the Local Safeguarding Children Board",
        "# (not the Board's chair).",
        f"chair: {yaml_string('The Lead Member for Children' + chr(39) + 's Services')}",
        f"vice_chair: {yaml_string('The Director of Children' + chr(39) + 's Services')}",
        f"lscb_chair: {yaml_string('An independent chair')}",
        "# Anyone else with a seat on the Board, by role, if there is anyone. To add them, remove the # from the",
        "# start of the lines below, and from `additional_members` in the list of illustrative values at the end.",
        "# For each other member, copy the `- role` line and its `cites` lines.",
        "# additional_members:",
        f"#   - role: {yaml_string('The Leader of the Council')}",
        "#     cites:",
        *(f"#       - {{source: {c.source}, para: {yaml_string(c.para)}}}" for c in members_cites(data)),
        "# Whole numbers from 1 to 99: head teachers for schools, members chosen by the voluntary and",
        "# community sector, the quorum, meetings a year, working days before a meeting that its papers go",
        "# out, and months between reviews of the constitution.",
        f"schools_representatives: {yaml_string('4')}",
        f"voluntary_sector_representatives: {yaml_string('2')}",
        f"quorum: {yaml_string('6')}",
        f"meetings_per_year: {yaml_string('6')}",
        f"papers_days: {yaml_string('5')}",
        f"review_months: {yaml_string('12')}",
        "# The first and last years of the Children and Young People's Plan.",
        f"plan_period: {{from: {yaml_string('2010')}, to: {yaml_string('2013')}}}",
        "# The values no source on the site states. Leave them all here.",
        "illustrative:",
        *(f"  - {f}" if f in illustrative_fields() else f"  # - {f}" for f in illustrative_fields(members=True)),
        "# The 2008 paragraphs on the choices this file makes.",
        "cites:",
        *(f"  - {{source: {c.source}, para: {yaml_string(c.para)}}}" for c in form_cites(data)),
    ]
    return "\n".join(lines) + "\n"


def template_file(data: DataSet) -> dict[str, bytes]:
    """The export: the file to fill in, beside the model documents' downloads."""
    return {paths.AREA_TEMPLATE: template(data).encode("utf-8")}


# --- the form's parts --------------------------------------------------------------


@dataclass(frozen=True)
class Field:
    """One input: its name (the area file's key), label, hint, kind and error messages."""

    name: str
    label: str
    required: str  # the message when it is empty
    hint: str = ""
    kind: str = "text"  # text, textarea, count, year, id
    autocomplete: str = "off"

    @property
    def field_id(self) -> str:
        return "area-" + self.name.replace("_", "-")


def _limits(f: Field) -> dict[str, str]:
    """The data attributes the script checks, from the schema, with the message for each."""
    if f.kind == "count":
        spec = rule("count")
        return {"pattern": spec["pattern"], "pattern-message": f"{f.label} must be a whole number from 1 to 99"}
    if f.kind == "year":
        spec = rule("year")
        return {"pattern": spec["pattern"], "pattern-message": f"{f.label} must be a year, like 2010"}
    if f.kind == "id":
        spec = rule("id")
        return {
            "pattern": spec["pattern"],
            "pattern-message": f"{f.label} must be lower-case letters and numbers, with hyphens between words",
            "maxlength": str(spec["maxLength"]),
            "maxlength-message": f"{f.label} must be {spec['maxLength']} characters or fewer",
        }
    spec = rule(
        "summary"
        if f.kind == "textarea"
        else f.name
        if f.name in schemas().files["area.schema.json"]["properties"]
        else "name"
    )
    limit = spec["maxLength"]
    return {"maxlength": str(limit), "maxlength-message": f"{f.label} must be {limit} characters or fewer"}


def _describe(f: Field) -> str:
    return f' aria-describedby="{f.field_id}-hint"' if f.hint else ""


def _attributes(f: Field) -> str:
    data = {"required": f.required, "label": f.label, **_limits(f)}
    return "".join(f' data-{key}="{html_text(value)}"' for key, value in data.items())


def _field(f: Field) -> str:
    """A labelled input or text area with its hint and a place for its error message (GOV.UK pattern)."""
    inputmode = ' inputmode="numeric"' if f.kind in ("count", "year") else ""
    width = " area-input-short" if f.kind in ("count", "year") else ""
    control = (
        f'<textarea class="consultation-textarea" id="{f.field_id}" name="{html_text(f.name)}" rows="4"'
        f"{_describe(f)}{_attributes(f)}></textarea>"
        if f.kind == "textarea"
        else f'<input class="consultation-input{width}" type="text" id="{f.field_id}" name="{html_text(f.name)}" '
        f'autocomplete="{f.autocomplete}" spellcheck="{"false" if f.kind == "id" else "true"}"{inputmode}'
        f"{_describe(f)}{_attributes(f)}>"
    )
    return (
        f'<div class="consultation-field" id="{f.field_id}-field">'
        f'<label class="consultation-label" for="{f.field_id}">{html_text(f.label)}</label>'
        + (f'<p class="consultation-hint" id="{f.field_id}-hint">{html_text(f.hint)}</p>' if f.hint else "")
        + f'<p class="consultation-error" id="{f.field_id}-error" hidden></p>{control}</div>'
    )


def _radios(name: str, legend: str, required: str, options: Iterable[tuple[str, str, str]], hint: str = "") -> str:
    """A fieldset of radios, none chosen at first (GOV.UK): (value, label, words after the label) each."""
    field_id = "area-" + name.replace("_", "-")
    items = "".join(
        f'<div class="consultation-radio"><input type="radio" id="{field_id}-{html_text(value)}" name="{html_text(name)}" '
        f'value="{html_text(value)}"><label for="{field_id}-{html_text(value)}">{html_text(label)}'
        + (f' <span class="area-option-hint">{html_text(more)}</span>' if more else "")
        + "</label></div>"
        for value, label, more in options
    )
    return (
        f'<fieldset class="consultation-fieldset" id="{field_id}" data-radios="{html_text(name)}" data-required="{html_text(required)}"'
        + (f' aria-describedby="{field_id}-hint">' if hint else ">")
        + f'<legend class="consultation-legend">{html_text(legend)}</legend>'
        + (f'<p class="consultation-hint" id="{field_id}-hint">{html_text(hint)}</p>' if hint else "")
        + f'<p class="consultation-error" id="{field_id}-error" hidden></p>'
        f'<div class="consultation-radios">{items}</div></fieldset>'
    )


def _group(legend: str, *parts: str, group_id: str) -> str:
    return (
        f'<fieldset class="consultation-fieldset" id="{group_id}">'
        f'<legend class="consultation-legend consultation-legend-large">{html_text(legend)}</legend>{"".join(parts)}</fieldset>'
    )


def _bodies(data: DataSet) -> str:
    """A field for each partner with a seat, shown for the kinds of area it has a seat in."""
    partners = [p for p in data.partners if p.category in ("local-authority", "relevant-partner")]
    name_rule = rule("name")
    names_rule = rule("bodies")["items"]["properties"]["names"]
    parts = []
    for p in partners:
        several = "two-tier" in p.area_types and "unitary" not in p.area_types  # district councils: one each
        label = f"{p.name}: the names of every one in your area" if several else f"{p.name}: the name of the body"
        hint = "One name on each line. Each has its own seat on the Board." if several else ""
        f = Field(f"body-{p.id}", label, f"Enter the name of the body for {in_sentence(p.name)}", hint)
        control = (
            f'<textarea class="consultation-textarea" id="{f.field_id}" name="{html_text(f.name)}" rows="5"'
            if several
            else f'<input class="consultation-input" type="text" id="{f.field_id}" name="{html_text(f.name)}" autocomplete="off"'
        )
        parts.append(
            f'<div class="consultation-field" id="{f.field_id}-field" data-partner="{html_text(p.id)}" '
            f'data-area-types="{html_text(" ".join(p.area_types))}">'
            f'<label class="consultation-label" for="{f.field_id}">{html_text(label)}</label>'
            + (f'<p class="consultation-hint" id="{f.field_id}-hint">{html_text(hint)}</p>' if hint else "")
            + f'<p class="consultation-error" id="{f.field_id}-error" hidden></p>'
            + control
            + _describe(f)
            + f' data-required="{html_text(f.required)}" data-label="{html_text(p.name)}" data-several="{"yes" if several else "no"}"'
            f' data-maxlength="{name_rule["maxLength"]}" data-max-names="{names_rule["maxItems"]}"'
            f' data-maxlength-message="{html_text("Each name must be " + str(name_rule["maxLength"]) + " characters or fewer")}">'
            + ("</textarea>" if several else "")
            + "</div>"
        )
    return "".join(parts)


def _other_members() -> str:
    """An optional text area for the Board's other members, by role, one on each line: ``additional_members``."""
    f = Field(
        "additional_members",
        "Other members of the Board, by role (optional)",
        "",
        "Anyone else with a seat on the Board, one role on each line. For example, the Leader of the Council. "
        "Leave it empty if there is no one else.",
    )
    role = rule("additional_members", "items", "properties", "role")["maxLength"]
    most = rule("additional_members")["maxItems"]
    limits = {
        "label": "Other members of the Board",
        "maxlength": str(role),
        "maxlength-message": f"Each role must be {role} characters or fewer",
        "max-lines": str(most),
        "max-lines-message": f"Enter no more than {most} other members",
    }
    return (
        f'<div class="consultation-field" id="{f.field_id}-field">'
        f'<label class="consultation-label" for="{f.field_id}">{html_text(f.label)}</label>'
        f'<p class="consultation-hint" id="{f.field_id}-hint">{html_text(f.hint)}</p>'
        f'<p class="consultation-error" id="{f.field_id}-error" hidden></p>'
        f'<textarea class="consultation-textarea" id="{f.field_id}" name="{html_text(f.name)}" rows="4"{_describe(f)}'
        + "".join(f' data-{key}="{html_text(value)}"' for key, value in limits.items())
        + "></textarea></div>"
    )


def area_form(data: DataSet) -> str:
    """The form as raw HTML, with everything the script checks written into it."""
    cites = " ".join(f"{c.source}#{c.para}" for c in form_cites(data))
    member_cites = " ".join(f"{c.source}#{c.para}" for c in members_cites(data))
    return (
        f'<form id="{FORM_ID}" class="area-form" novalidate data-printable="{printable_ranges()}" '
        f'data-taken-ids="{html_text(" ".join(taken_ids(data)))}" data-cites="{html_text(cites)}" '
        f'data-member-cites="{html_text(member_cites)}" '
        f'data-illustrative="{html_text(" ".join(illustrative_fields(members=True)))}" data-modeline="{html_text(MODELINE)}">'
        f'<link rel="stylesheet" href="{html_text(paths.href(HERE, STYLESHEET))}">'
        '<div class="consultation-error-summary" id="area-errors" tabindex="-1" hidden><div role="alert">'
        '<h2 class="consultation-error-summary-title">There is a problem</h2>'
        '<ul class="consultation-error-summary-list"></ul></div></div>'
        # Without JavaScript nothing can make the file, so the questions stay hidden and the page offers the
        # file to fill in by hand instead; the script shows them.
        '<div class="consultation-no-script" data-area-no-script><p>This form needs JavaScript to make the file, '
        "and it is not running. You can still "
        f'<a href="{html_text(paths.href(HERE, paths.AREA_TEMPLATE))}">download the file to fill in</a> '
        "and change its values in a text editor.</p></div>"
        '<div class="area-questions" data-area-script hidden>'
        + _group(
            "About your area",
            _field(Field("name", "Name of your area", "Enter the name of your area", "For example, Southwark.")),
            _field(
                Field(
                    "id",
                    "Short name for the file",
                    "Enter a short name for the file",
                    "Lower-case letters and numbers, with hyphens between words. It names your area's page and files.",
                    kind="id",
                )
            ),
            _field(
                Field(
                    "summary",
                    "A sentence or two about your area",
                    "Enter a sentence or two about your area",
                    "For example, a London borough with one council for all local services.",
                    kind="textarea",
                )
            ),
            _radios(
                "area_type",
                "What kind of area is it?",
                "Select the kind of area",
                (
                    ("unitary", "Unitary", "One council runs every local service."),
                    ("two-tier", "Two-tier", "A county council shares local government with district councils."),
                ),
            ),
            _radios(
                "fictional",
                "Is it a real area?",
                "Select whether it is a real area",
                (("false", "Yes, a real area", ""), ("true", "No, a made-up example", "")),
            ),
            _field(
                Field(
                    "local_authority",
                    "The council that leads the Children's Trust",
                    "Enter the name of the council that leads the Children's Trust",
                    "For example, Southwark Council.",
                    autocomplete="organization",
                )
            ),
            group_id="area-about",
        )
        + _group(
            "The Board",
            _field(
                Field(
                    "trust_name",
                    "What the Board is called",
                    "Enter what the Board is called",
                    "For example, Southwark Children's Trust Board.",
                )
            ),
            _field(
                Field(
                    "chair",
                    "Who chairs the Board, by role",
                    "Enter who chairs the Board",
                    "For example, the Lead Member for Children's Services.",
                )
            ),
            _field(Field("vice_chair", "Who is vice-chair, by role", "Enter who is vice-chair")),
            _field(
                Field(
                    "lscb_chair",
                    "Who chairs the Local Safeguarding Children Board",
                    "Enter who chairs the Local Safeguarding Children Board",
                    "Under the 2009 proposals it was not to be the Board's chair. For example, an independent chair.",
                )
            ),
            _other_members(),
            group_id="area-board",
        )
        + _group("The member bodies", _bodies(data), group_id="area-bodies")
        + _group(
            "Representatives",
            _field(
                Field(
                    "schools_representatives",
                    "How many head teachers represent schools",
                    "Enter how many head teachers represent schools",
                    kind="count",
                )
            ),
            _field(
                Field(
                    "voluntary_sector_representatives",
                    "How many members the voluntary and community sector chooses",
                    "Enter how many members the voluntary and community sector chooses",
                    kind="count",
                )
            ),
            group_id="area-representatives",
        )
        + _group(
            "Meetings",
            _field(
                Field(
                    "quorum",
                    "Quorum",
                    "Enter the quorum",
                    "How many members must be present for a meeting to make decisions.",
                    kind="count",
                )
            ),
            _field(Field("meetings_per_year", "Meetings each year", "Enter how many meetings a year", kind="count")),
            _field(
                Field(
                    "papers_days",
                    "Working days before a meeting that its papers go out",
                    "Enter how many working days before a meeting its papers go out",
                    kind="count",
                )
            ),
            _field(
                Field(
                    "review_months",
                    "How often the Board reviews its constitution, in months",
                    "Enter how often the Board reviews its constitution",
                    kind="count",
                )
            ),
            group_id="area-meetings",
        )
        + _group(
            "The Children and Young People's Plan",
            _field(Field("plan_from", "First year of the plan", "Enter the first year of the plan", kind="year")),
            _field(Field("plan_to", "Last year of the plan", "Enter the last year of the plan", kind="year")),
            group_id="area-plan",
        )
        + '<div class="consultation-actions">'
        '<button type="submit" class="md-button md-button--primary">Make the file</button></div></div>'
        '<div class="consultation-saved" id="area-saved" tabindex="-1" hidden>'
        '<h2 class="consultation-saved-title">Your file is ready</h2>'
        "<p>Save it on your device, then send it to the site's editors or add it in a pull request. "
        "Nothing has been sent.</p>"
        '<p><a id="area-download" class="md-button">Save the file</a></p>'
        '<figure class="area-file-figure"><figcaption class="consultation-label">What the file says</figcaption>'
        '<pre class="area-file" id="area-file" tabindex="0"></pre></figure></div>'
        "</form>" + form_scripts(HERE, SCRIPT)
    )


def area_form_page(data: DataSet, sizes: Sizes | None = None) -> Page:
    size = f" (text file, {size_label(sizes[paths.AREA_TEMPLATE])})" if sizes is not None else ""
    template_link = f"[your-area.yml]({link(HERE, paths.AREA_TEMPLATE)}){size}"
    parts = [
        "# Get documents for your area\n\n",
        "Any local area can have its own model constitution and Children and Young People's Plan template, filled "
        "in with its own bodies and choices. This page makes the file that fills them in.\n\n",
        "## How it works {#how-it-works}\n\n",
        "1. Fill in the form below. Nothing is sent anywhere: your browser makes the file on your own device.\n",
        "2. Save the file. Its name comes from your area's short name, such as your-area.yml.\n",
        "3. Send it to the site's editors, or add it to the data/areas folder in a pull request. Once it is "
        "added, the site publishes your area's own documents, each file named after your area.\n\n",
        "The file marks every value as illustrative, because no source on this site states them. The documents "
        "and your area's page say so, so that each value is checked before adoption. An editor can take a value "
        "off that list once your area's own source, added to the site's register of sources, states it.\n\n",
        "## If you can run the site's code {#command-line}\n\n",
        "Make your area's documents straight away, in every format, from the saved file:\n\n",
        "    trustdocs documents --area your-area.yml --out your-documents\n\n",
        "The command checks the file as the site does, and writes nothing unless every document is made.\n\n",
        "## Your area's details {#your-details}\n\n",
        "Every question needs an answer unless it says it is optional. You can change any of them later, in the file "
        "or in the documents.\n\n",
        area_form(data),
    ]
    parts.append(
        "\n## Without the form {#without-the-form}\n\n"
        f"Download the file to fill in, {template_link}. Open it in a text editor such as Notepad and change each "
        "value as the note above it says. Save it under your area's short name, then send it or add it as the "
        "steps above say.\n"
    )
    parts.append(
        "\n## Areas on this site {#areas}\n\n"
        + (
            bullet_list(f"[{md(a.name)}]({link(HERE, paths.area(a.id))})" for a in data.areas)
            if data.areas
            else "None yet.\n"
        )
    )
    return Page(HERE, "".join(parts), ("data/partners.yml",))  # the seats the form asks about


def pages(site: Site) -> Iterator[Page]:
    yield area_form_page(site.data, site.sizes)
