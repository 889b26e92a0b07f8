"""The ``trustdocs`` command: validate the data, build the site, render the model documents.

Data problems are printed one per line as ``file:line:col: path: message`` on
standard error, with no traceback, and the command exits 1.
"""

from __future__ import annotations

import argparse
import os
import shutil
import signal
import subprocess
import sys
import tempfile
from pathlib import Path

from trustdocs.core.problems import DataError, Problem
from trustdocs.model.dataset import DataSet
from trustdocs.pipeline.load import hand_off, load_dataset, load_dataset_once

PRODUCTION = "TRUSTDOCS_PRODUCTION"  # read by the MkDocs adapter (trustdocs/mkdocs_hooks.py)


def _report(err: DataError, annotate: bool = True) -> int:
    for problem in err.problems:
        print(problem, file=sys.stderr)
    if annotate and os.environ.get("GITHUB_ACTIONS") == "true":
        for problem in err.problems:  # a pull request's reviewer sees each one on its line
            print(github_annotation(problem))
    print(f"{len(err.problems)} problem(s) found; fix them and run again.", file=sys.stderr)
    return 1


def github_annotation(problem: Problem) -> str:
    """A GitHub Actions workflow command: '::error file=data/partners.yml,line=35,col=15::message'."""

    def escape(text: str, properties: bool = False) -> str:
        text = text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
        return text.replace(":", "%3A").replace(",", "%2C") if properties else text

    return (
        f"::error file={escape(problem.file, True)},line={problem.line},col={problem.column}::"
        f"{escape(problem.path + ': ' + problem.message)}"
    )


def _load(args: argparse.Namespace) -> DataSet | int:
    """The data set, or the exit code after printing every problem (the one load-or-report path)."""
    try:
        return load_dataset(args.data)
    except DataError as err:
        return _report(err)


def cmd_validate(args: argparse.Namespace) -> int:
    data = _load(args)
    if isinstance(data, int):
        return data
    print(
        f"{args.data}: valid. {len(data.documents)} source documents, {len(data.sources) - len(data.documents)} Acts, "
        f"{len(data.outcomes)} outcomes, "
        f"{len(data.features)} features, {len(data.partners)} partners, {len(data.duties)} duties, "
        f"{len(data.board.membership)} Board members, {len(data.cypp.requirements)} plan requirements, "
        f"{len(data.glossary)} glossary terms."
    )
    return 0


def build_site(config: Path, site_dir: Path, production: bool = False, data_dir: Path | None = None) -> int:
    """Build into a fresh directory beside ``site_dir`` and swap it in only if the build passed.

    A failed build leaves the previous site exactly as it was. ``data_dir``:
    data this process has loaded, handed to MkDocs so it is not loaded again.
    """
    site_dir = site_dir.resolve()
    site_dir.parent.mkdir(parents=True, exist_ok=True)
    fresh = Path(tempfile.mkdtemp(prefix=".site-build-", dir=site_dir.parent))
    command = [
        sys.executable,
        "-m",
        "mkdocs",
        "build",
        "--strict",
        "--config-file",
        str(config),
        "--site-dir",
        str(fresh),
    ]
    env = dict(os.environ)
    if production:
        env[PRODUCTION] = "1"  # the MkDocs adapter checks the addresses
    with tempfile.TemporaryDirectory(prefix="trustdocs-build-") as private:  # only this user can read it
        if data_dir is not None:
            env.update(hand_off(data_dir, Path(private)))
        result = subprocess.run(command, check=False, env=env)
    if result.returncode != 0:
        shutil.rmtree(fresh, ignore_errors=True)
        print(f"Build failed; {site_dir} was left unchanged.", file=sys.stderr)
        return 1
    old = site_dir.with_name(f".site-old-{os.getpid()}")
    if site_dir.exists():
        site_dir.rename(old)
    fresh.rename(site_dir)
    shutil.rmtree(old, ignore_errors=True)
    print(f"Built {site_dir}")
    return 0


def cmd_pages(args: argparse.Namespace) -> int:
    """Stage 1 alone: the generated pages and files written to disk, for an engine that runs no MkDocs hooks."""
    data = _load(args)
    if isinstance(data, int):
        return data
    from trustdocs.pipeline.generate import site_files  # imported here: validate needs none of it
    from trustdocs.rendering.documents.catalogue import cache_location

    pages, files = site_files(data, cache_dir=cache_location(args.cache))
    for path, content in [*((p.path, p.text.encode()) for p in pages), *files.items()]:
        target = args.out / path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(content)
    print(f"Wrote {len(pages) + len(files)} files to {args.out}")
    return 0


def cmd_postprocess(args: argparse.Namespace) -> int:
    """Stage 3 alone: a site built by any engine, fixed, audited and secured in place."""
    data = _load(args)
    if isinstance(data, int):
        return data
    from trustdocs.pipeline.generate import export_files, generate_pages
    from trustdocs.pipeline.postprocess import PostProcess
    from trustdocs.rendering.sizes import measure

    # The sizes the pages show: the downloads the site holds, and every export (some, such as the
    # changes feed, live outside exports/), as the data makes them.
    exports = export_files(data)
    downloads = {
        p.relative_to(args.site_dir).as_posix(): p.read_bytes()
        for p in (args.site_dir / "downloads").rglob("*")
        if p.is_file()
    }
    pages = generate_pages(data, measure({**downloads, **exports}), exports)
    stage = PostProcess(
        form_endpoints=tuple(sorted({c.respond.endpoint for c in data.consultations if c.respond.endpoint})),
        edit_sources={page.path: page.data_files[0] for page in pages},
    )
    findings = stage.site(args.site_dir)
    for finding in findings:
        print(finding, file=sys.stderr)
    if findings:
        print(f"{len(findings)} problem(s) found: the site in {args.site_dir} is not safe to publish.", file=sys.stderr)
        return 1
    print(f"Post-processed {args.site_dir}: theme fixes, edit links, audit and Content-Security-Policy.")
    return 0


def _data_at(where: str, scratch: Path) -> Path:
    """A data directory as given, or data/ as it was at a git revision (checked out into ``scratch``)."""
    if Path(where).is_dir():
        return Path(where)
    target = scratch / where.replace("/", "_")
    target.mkdir(parents=True)
    archive = subprocess.run(["git", "archive", where, "data"], capture_output=True, check=False)
    if archive.returncode != 0:
        raise ValueError(f"{where} is neither a data directory nor a git revision: {archive.stderr.decode().strip()}")
    subprocess.run(["tar", "-x", "-C", str(target)], input=archive.stdout, check=True)
    return target / "data"


def cmd_diff(args: argparse.Namespace) -> int:
    """What a change to the data does: records, pages and downloads, most important first."""
    from trustdocs.pipeline.diff import as_markdown, compare

    with tempfile.TemporaryDirectory(prefix="trustdocs-diff-") as scratch:
        try:
            base, head = _data_at(args.base, Path(scratch)), _data_at(args.head, Path(scratch))
            report = compare(base, head)
        except ValueError as err:
            print(f"error: {err}", file=sys.stderr)
            return 2
        except DataError as err:  # the head's data: the validate job annotates its lines
            print(f"{args.head}: the data does not load, so there is nothing to compare.", file=sys.stderr)
            return _report(err, annotate=False)
    print(as_markdown(report, args.site_url, args.max_length))
    return 0


def cmd_build(args: argparse.Namespace) -> int:
    try:  # fail fast, with the editor-friendly messages, before MkDocs starts
        load_dataset_once(args.data)
    except DataError as err:
        return _report(err)
    return build_site(args.config, args.site_dir, production=args.production, data_dir=args.data)


def cmd_documents(args: argparse.Namespace) -> int:
    """Render the model documents, generic or for one area, into a directory. Nothing is written unless all succeed."""
    from trustdocs.pipeline.load import load_with_area
    from trustdocs.rendering.documents.catalogue import Progress, area_documents, render_documents
    from trustdocs.rendering.documents.source import DocumentError

    try:
        if args.area is None:
            data, area = load_dataset(args.data), None
        else:
            data, area_id = load_with_area(args.data, args.area)
            area = data.area(area_id)
    except DataError as err:
        return _report(err)
    formats = args.format or ["docx", "odt", "pdf", "md"]
    sources = area_documents(data, area)
    try:
        files = render_documents(sources, formats, progress=Progress(len(sources) * len(formats)))
    except DocumentError as err:
        print(f"error: {err}", file=sys.stderr)
        return 1
    args.out.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=".documents-", dir=args.out))
    try:
        for path, content in files.items():
            (staging / Path(path).name).write_bytes(content)
        for written in sorted(staging.iterdir()):
            written.replace(args.out / written.name)
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    print(f"Wrote {len(files)} files to {args.out}")
    return 0


def cmd_analyse(args: argparse.Namespace) -> int:
    """Count consultation responses into an outcome data file (logic in trustdocs.responses.analysis)."""
    data = _load(args)
    if isinstance(data, int):
        return data
    from trustdocs.responses.analysis import run_analysis

    return run_analysis(data, args.consultation, args.responses, args.out)


def parser() -> argparse.ArgumentParser:
    top = argparse.ArgumentParser(prog="trustdocs", description="Children's Trusts guidance: data and site tools.")
    top.add_argument("--data", type=Path, default=Path("data"), help="the data directory (default: data)")
    sub = top.add_subparsers(dest="command", required=True)
    sub.add_parser("validate", help="check every data file; print each problem as file:line:col: path: message")
    build = sub.add_parser("build", help="validate, then build the site (a failed build leaves the old site intact)")
    build.add_argument("--config", type=Path, default=Path("mkdocs.yml"))
    build.add_argument("--site-dir", type=Path, default=Path("site"))
    build.add_argument(
        "--production",
        action="store_true",
        help="refuse to build unless site_url and repo_url are real https addresses "
        "(TRUSTDOCS_SITE_URL, TRUSTDOCS_REPO_URL)",
    )
    build.set_defaults(func=cmd_build)
    pages = sub.add_parser("pages", help="write the pages and exports generated from data/ to a directory")
    pages.add_argument("--out", type=Path, required=True, help="where to write them (for example docs/ for Zensical)")
    pages.add_argument(
        "--cache", type=Path, default=Path(".cache/documents"), help="the document cache (default: .cache/documents)"
    )
    pages.set_defaults(func=cmd_pages)
    diff = sub.add_parser("diff", help="what a data change does: records, pages and downloads (Markdown)")
    diff.add_argument("base", help="a data directory or a git revision, such as origin/main")
    diff.add_argument("head", nargs="?", default="data", help="a data directory or a git revision (default: data)")
    diff.add_argument(
        "--site-url",
        default=os.environ.get("TRUSTDOCS_SITE_URL", ""),
        help="link pages to this published address (default: TRUSTDOCS_SITE_URL)",
    )
    diff.add_argument(
        "--max-length",
        type=int,
        default=0,
        help="cut the report to this many characters, saying so (a pull-request comment holds 65536)",
    )
    diff.set_defaults(func=cmd_diff)
    postprocess = sub.add_parser(
        "postprocess",
        help="fix, audit and secure a site another engine built, in place "
        "(theme fixes, edit links, Content-Security-Policy)",
    )
    postprocess.add_argument("site_dir", type=Path, help="the built site, for example site/")
    postprocess.set_defaults(func=cmd_postprocess)
    documents = sub.add_parser(
        "documents", help="render the model documents, generic or for one area, into a directory"
    )
    documents.add_argument(
        "--area", type=Path, help="an area file like data/areas/southwark.yml (default: the generic models)"
    )
    documents.add_argument(
        "--format",
        action="append",
        choices=["docx", "odt", "pdf", "md"],
        help="a format to write; repeat for several (default: all four)",
    )
    documents.add_argument("--out", type=Path, required=True, help="the directory to write into")
    documents.set_defaults(func=cmd_documents)
    analyse = sub.add_parser(
        "analyse",
        help="count consultation responses (CSV, or the response form's JSON files) into an outcome data file",
    )
    analyse.add_argument(
        "--consultation", required=True, help="the consultation's id (its file name in data/consultations/)"
    )
    analyse.add_argument(
        "responses", type=Path, nargs="+", help="response files: .csv, or .json saved by the response form"
    )
    analyse.add_argument(
        "--out",
        type=Path,
        help="the outcome file to write, such as data/consultation-outcomes/ID.yml (default: print it)",
    )
    analyse.set_defaults(func=cmd_analyse)
    sub.choices["validate"].set_defaults(func=cmd_validate)
    return top


def main(argv: list[str] | None = None) -> int:
    if hasattr(signal, "SIGPIPE"):  # `trustdocs diff HEAD | head` ends quietly, as other commands do
        signal.signal(signal.SIGPIPE, signal.SIG_DFL)
    args = parser().parse_args(argv)
    return args.func(args)


if __name__ == "__main__":
    sys.exit(main())
