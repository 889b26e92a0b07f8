"""Validated raw data (document name -> parsed YAML) in, typed models out."""

from __future__ import annotations

from typing import Any

from trustdocs.core.dates import PartialDate
from trustdocs.model.citations import cites_from, expand_paragraphs
from trustdocs.model.consultations import build_consultations
from trustdocs.model.dataset import DataSet
from trustdocs.model.records import (
    AdditionalMember,
    Area,
    Board,
    Change,
    ConstitutionNote,
    ConstitutionWording,
    Cypp,
    CyppPlan,
    Duty,
    Event,
    GuidanceParagraph,
    GuidanceSection,
    Member,
    Named,
    Partner,
    Relationship,
    Requirement,
    Rule,
    Source,
    Statement,
    StatusPeriod,
    Term,
)
from trustdocs.model.status import Status


def collection(raw: dict[str, Any], folder: str) -> list[tuple[str, dict]]:
    """The records of one collection folder as (document name, data), in file-name order."""
    return sorted((name, data) for name, data in raw.items() if name.startswith(folder + "/"))


def build_area(a: dict[str, Any]) -> Area:
    return Area(
        id=a["id"],
        name=a["name"],
        summary=a["summary"],
        area_type=a["area_type"],
        fictional=a["fictional"] == "true",
        local_authority=a["local_authority"],
        trust_name=a["trust_name"],
        bodies={b["partner"]: tuple(b["names"]) for b in a["bodies"]},
        chair=a["chair"],
        vice_chair=a["vice_chair"],
        lscb_chair=a["lscb_chair"],
        additional_members=tuple(
            AdditionalMember(m["role"], cites_from(m["cites"])) for m in a.get("additional_members", ())
        ),
        schools_representatives=int(a["schools_representatives"]),
        voluntary_sector_representatives=int(a["voluntary_sector_representatives"]),
        quorum=int(a["quorum"]),
        meetings_per_year=int(a["meetings_per_year"]),
        papers_days=int(a["papers_days"]),
        review_months=int(a["review_months"]),
        plan_from=int(a["plan_period"]["from"]),
        plan_to=int(a["plan_period"]["to"]),
        cites=cites_from(a["cites"]),
        illustrative=frozenset(a.get("illustrative", ())),
    )


def status_from(raw: list[dict[str, Any]] | None) -> tuple[Status, ...]:
    """A record's status entries (absent: none)."""
    return tuple(
        Status(
            kind=e["status"],
            start=PartialDate.parse(e["from"]),
            cites=cites_from(e["cites"]),
            strength=e.get("strength", ""),
            binds=tuple(e.get("binds", ())),
            basis=e.get("basis", ""),
            by=e.get("by", ""),
            proposer=e.get("proposer", ""),
            dated_by=e.get("dated") == "by",
            note=e.get("note", ""),
        )
        for e in raw or ()
    )


def build_dataset(raw: dict[str, Any]) -> DataSet:
    """Turn validated raw data (file name -> parsed YAML) into typed models."""
    partners = tuple(
        Partner(
            id=p["id"],
            name=p["name"],
            short_name=p.get("short_name", ""),
            category=p["category"],
            summary=p["summary"],
            statutory_basis=p["statutory_basis"],
            area_types=tuple(p["area_types"]),
            status_history=tuple(
                StatusPeriod(
                    s["status"],
                    PartialDate.parse(s["from"]),
                    s.get("note", ""),
                    cites_from(s["cites"]),
                    basis=s.get("basis", ""),
                    by=s.get("by", ""),
                    proposer=s.get("proposer", ""),
                )
                for s in p["status_history"]
            ),
            cites=cites_from(p["cites"]),
        )
        for p in raw["partners"]["partners"]
    )
    duties = tuple(
        Duty(
            id=d["id"],
            name=d["name"],
            kind=d["kind"],
            holders=tuple(d["holders"]),
            summary=d["summary"],
            cites=cites_from(d["cites"]),
            status=status_from(d["status"]),
            also_called=tuple(d.get("also_called", ())),
        )
        for d in raw["duties"]["duties"]
    )
    board_raw = raw["board"]
    board = Board(
        objectives=tuple(
            Statement(s["id"], s["text"], cites_from(s["cites"]), status_from(s["status"]))
            for s in board_raw["objectives"]
        ),
        functions=tuple(
            Statement(s["id"], s["text"], cites_from(s["cites"]), status_from(s["status"]))
            for s in board_raw["functions"]
        ),
        membership=tuple(
            Member(m["id"], m["partner"], m["role"], status_from(m["status"]), cites_from(m["cites"]))
            for m in board_raw["membership"]
        ),
        rules=tuple(
            Rule(
                r["id"],
                r["text"],
                status_from(r["status"]),
                cites_from(r["cites"]),
                ConstitutionWording(
                    r["constitution"]["clause"], r["constitution"]["heading"], r["constitution"]["text"]
                )
                if "constitution" in r
                else None,
            )
            for r in board_raw["rules"]
        ),
        relationships=tuple(
            Relationship(r["id"], r["partner"], r["text"], cites_from(r["cites"]), status_from(r.get("status")))
            for r in board_raw["relationships"]
        ),
        constitution_notes=tuple(
            ConstitutionNote(n["id"], tuple(n["clauses"]), n["heading"], n["text"], cites_from(n["cites"]))
            for n in board_raw.get("constitution_notes", ())
        ),
    )
    plan = raw["cypp"]["plan"]
    cypp = Cypp(
        plan=CyppPlan(
            PartialDate.parse(plan["due"]),
            tuple(plan["owners"]),
            plan["summary"],
            cites_from(plan["cites"]),
            status_from(plan["status"]),
        ),
        requirements=tuple(
            Requirement(
                id=r["id"],
                heading=r["heading"],
                text=r["text"],
                status=status_from(r["status"]),
                concerns=tuple(r.get("concerns", ())),
                prompts=tuple(r.get("prompts", ())),
                cites=cites_from(r["cites"]),
            )
            for r in raw["cypp"]["requirements"]
        ),
    )
    return DataSet(
        sources=tuple(
            Source(
                id=s["id"],
                title=s["title"],
                short_title=s.get("short_title", s["title"]),
                publisher=s["publisher"],
                date=PartialDate.parse(s["date"]),
                file=s.get("file", ""),
                summary=s.get("summary", ""),
                paragraphs=expand_paragraphs(s["paragraphs"]),
                paragraph_specs=tuple(s["paragraphs"]),
                kind=s.get("kind", "document"),
                url=s.get("url", ""),
                address=s.get("address", ""),
                address_note=s.get("address_note", ""),
                reference=s.get("reference", ""),
                labels=dict(s.get("labels", {})),
                restatements=dict(s.get("restatements", {})),
            )
            for s in raw["sources"]["sources"]
        ),
        outcomes=tuple(
            Named(o["id"], o["name"], o["summary"], cites_from(o["cites"])) for o in raw["outcomes"]["outcomes"]
        ),
        features=tuple(
            Named(f["id"], f["name"], f["summary"], cites_from(f["cites"])) for f in raw["features"]["features"]
        ),
        partners=partners,
        duties=duties,
        board=board,
        cypp=cypp,
        glossary=tuple(
            Term(t["id"], t["term"], t.get("abbreviation", ""), t["definition"], cites_from(t["cites"]))
            for t in raw["glossary"]["terms"]
        ),
        guidance=tuple(
            GuidanceSection(
                id=s["id"],
                number=s["number"],
                title=s["title"],
                source=s["source"],
                paragraphs=tuple(
                    GuidanceParagraph(
                        id=p["id"],
                        number=p["number"],
                        text=p["text"],
                        status=status_from(p.get("status")),
                        concerns=tuple(p.get("concerns", ())),
                        duties=tuple(p.get("duties", ())),
                        cites=cites_from(p["cites"]),
                    )
                    for p in s["paragraphs"]
                ),
            )
            for s in raw["guidance"]["sections"]
        ),
        timeline=tuple(
            Event(e["id"], PartialDate.parse(e["date"]), e["title"], e["summary"], cites_from(e["cites"]))
            for e in raw["timeline"]["events"]
        ),
        areas=tuple(build_area(a) for _, a in collection(raw, "areas")),
        consultations=build_consultations(collection(raw, "consultations"), collection(raw, "consultation-outcomes")),
        changes=tuple(
            Change(
                c["id"], PartialDate.parse(c["date"]), tuple(c["records"]), c["summary"], cites_from(c.get("cites", ()))
            )
            for c in raw["changes"]["changes"]
        ),
    )
