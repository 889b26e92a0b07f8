"""Benchmark at scale: N synthetic local areas, every stage measured side by side in one run.

    .venv/bin/python benchmarks/scale.py N        # or: make benchmark N=150

Copies the project's inputs (data/, docs/, overrides/, macros/, the trustdocs
package and mkdocs.yml) into a temporary folder and adds N areas: copies of
data/areas/southwark.yml under new ids and names, so that every document
differs (the document cache cannot serve one area's files for another). Then,
each in a fresh process:

- the document stage, clean (an empty document cache) and warm (the same
  cache, nothing changed): every download the registry lists, rendered;
- the full build, clean and warm: ``trustdocs build`` (validation, pages,
  documents, MkDocs, the post-build audit, the swap into place);
- the static baseline: plain mkdocs-material with ``navigation.prune``
  building the output of ``trustdocs pages --out`` (the same pages and files;
  no hooks, no macros, no overrides);
- preview: ``mkdocs serve``, one edit to a data file, and the rebuild.

It prints the times, the ratio of the warm build to the baseline, the cost per
page, pages, documents, the search index's size (and whether "quorum" still
finds the generic constitution), and each stage's peak memory: the resident
memory of the whole process tree, workers and converters included, sampled
every 50 ms. It sets no targets and fails nothing.

``--search-only`` builds the N-area site once with every document faked (the
search index does not depend on the documents' bytes) and reports only the
search index: a minute, not the hour the documents take at 150 areas.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import re
import resource
import shutil
import socket
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PROJECT_INPUTS = ("data", "docs", "overrides", "macros", "trustdocs")
AREA_TEMPLATE = "southwark"
PAGE_SIZE = os.sysconf("SC_PAGE_SIZE")

# The baseline: Material as it comes, with the same Markdown extensions and navigation.prune.
BASELINE_CONFIG = """\
site_name: Children's Trusts guidance
site_url: http://127.0.0.1:8000/
theme:
  name: material
  language: en
  font: false
  features:
    - navigation.prune
plugins:
  - search
extra_css:
  - stylesheets/trustdocs.css
extra_javascript:
  - assets/javascripts/form-errors.js
  - assets/javascripts/consultation-form.js
markdown_extensions:
  - abbr
  - admonition
  - attr_list
  - def_list
  - tables
  - toc:
      permalink: true
"""


# --- measuring a process tree ---------------------------------------------------


def _children() -> dict[int, list[int]]:
    tree: dict[int, list[int]] = {}
    for entry in os.scandir("/proc"):
        if not entry.name.isdigit():
            continue
        try:
            stat = Path(entry.path, "stat").read_text()
        except OSError:
            continue
        ppid = int(stat.rsplit(")", 1)[1].split()[1])
        tree.setdefault(ppid, []).append(int(entry.name))
    return tree


def tree_rss(pid: int) -> int:
    """Resident bytes of a process and all its descendants, now."""
    tree, total, todo = _children(), 0, [pid]
    while todo:
        current = todo.pop()
        try:
            total += int(Path(f"/proc/{current}/statm").read_text().split()[1]) * PAGE_SIZE
        except (OSError, IndexError, ValueError):
            pass
        todo += tree.get(current, [])
    return total


@dataclass
class Run:
    seconds: float
    cpu_seconds: float  # user and system time of the process and every descendant it waited for
    peak_bytes: int
    stdout: str
    stderr: str


def run(command: Sequence[str], cwd: Path, env: dict[str, str], what: str) -> Run:
    """Run a command to the end, timing it and sampling its process tree's memory; stop the benchmark if it fails."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    process = subprocess.Popen(command, cwd=cwd, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    peak = 0
    done = threading.Event()

    def sample() -> None:
        nonlocal peak
        while not done.is_set():
            peak = max(peak, tree_rss(process.pid))
            done.wait(0.05)

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    stdout, stderr = process.communicate()
    seconds = time.perf_counter() - start
    done.set()
    sampler.join()
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if process.returncode != 0:
        sys.exit(f"{what} failed ({' '.join(command)}):\n{stderr[-4000:]}")
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return Run(seconds, cpu, peak, stdout, stderr)


# --- the project copy -------------------------------------------------------------


def make_project(folder: Path, areas: int) -> Path:
    project = folder / "project"
    project.mkdir()
    for name in PROJECT_INPUTS:
        shutil.copytree(ROOT / name, project / name, ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copy(ROOT / "mkdocs.yml", project / "mkdocs.yml")
    template = (ROOT / "data" / "areas" / f"{AREA_TEMPLATE}.yml").read_text(encoding="utf-8")
    for number in range(1, areas + 1):
        area_id = f"{AREA_TEMPLATE}-{number:03}"
        text = template.replace(f"id: {AREA_TEMPLATE}\n", f"id: {area_id}\n", 1)
        text = text.replace("Southwark", f"Southwark {number:03}")  # every area's documents differ
        (project / "data" / "areas" / f"{area_id}.yml").write_text(text, encoding="utf-8")
    return project


def environment(project: Path, cache: Path) -> dict[str, str]:
    return {
        **os.environ,
        "NO_MKDOCS_2_WARNING": "1",
        "PYTHONPATH": str(project),  # the copy's trustdocs, whatever is installed
        "TRUSTDOCS_DOCUMENT_CACHE": str(cache),
    }


# --- the stages -------------------------------------------------------------------


def document_stage(project: Path, cache: Path) -> dict:
    """Runs in its own process: load, list and render every download; prints the times as JSON."""
    sys.path.insert(0, str(project))
    os.chdir(project)
    from trustdocs.pipeline.generate import all_documents
    from trustdocs.pipeline.load import load_dataset
    from trustdocs.rendering.documents.catalogue import render_documents

    start = time.perf_counter()
    data = load_dataset(project / "data")
    loaded = time.perf_counter()
    sources = all_documents(data)
    listed = time.perf_counter()
    files = render_documents(sources, cache_dir=cache)
    rendered = time.perf_counter()
    return {
        "load": loaded - start,
        "sources": listed - loaded,
        "render": rendered - listed,
        "documents": len(sources),
        "files": len(files),
        "bytes": sum(len(content) for content in files.values()),
    }


def measure_documents(project: Path, cache: Path) -> tuple[Run, dict]:
    command = [sys.executable, str(Path(__file__).resolve()), "--document-stage", str(project), str(cache)]
    result = run(command, project, environment(project, cache), "the document stage")
    return result, json.loads(result.stdout.strip().splitlines()[-1])


def measure_build(project: Path, cache: Path, site: Path) -> Run:
    command = [sys.executable, "-m", "trustdocs.cli", "build", "--site-dir", str(site)]
    return run(command, project, environment(project, cache), "trustdocs build")


def make_baseline(project: Path, cache: Path, folder: Path) -> Path:
    baseline = folder / "baseline"
    shutil.copytree(project / "docs", baseline / "docs")
    command = [sys.executable, "-m", "trustdocs.cli", "pages", "--out", str(baseline / "docs"), "--cache", str(cache)]
    run(command, project, environment(project, cache), "trustdocs pages")
    (baseline / "mkdocs.yml").write_text(BASELINE_CONFIG, encoding="utf-8")
    return baseline


def measure_baseline(baseline: Path, cache: Path, site: Path) -> Run:
    command = [sys.executable, "-m", "mkdocs", "build", "--quiet", "--site-dir", str(site)]
    env = {**environment(baseline, cache), "PYTHONPATH": ""}
    return run(command, baseline, env, "the static Material baseline")


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


BUILT = re.compile(r"Documentation built in ([0-9.]+) seconds")


def measure_preview(project: Path, cache: Path, timeout: float = 600) -> tuple[float, float]:
    """``mkdocs serve``, then one edit to a data file: (the rebuild as MkDocs times it, edit to rebuilt)."""
    command = [sys.executable, "-m", "mkdocs", "serve", "--strict", "--dev-addr", f"127.0.0.1:{_free_port()}"]
    process = subprocess.Popen(
        command,
        cwd=project,
        env=environment(project, cache),
        stderr=subprocess.PIPE,
        stdout=subprocess.DEVNULL,
        text=True,
    )
    lines: list[tuple[float, str]] = []
    changed = threading.Condition()

    def read() -> None:
        assert process.stderr is not None
        for line in process.stderr:
            with changed:
                lines.append((time.perf_counter(), line))
                changed.notify_all()

    def wait_for(pattern: str, after: int) -> int:
        deadline = time.perf_counter() + timeout
        with changed:
            while True:
                for index in range(after, len(lines)):
                    if pattern in lines[index][1]:
                        return index
                if process.poll() is not None or time.perf_counter() > deadline:
                    sys.exit("mkdocs serve stopped or timed out:\n" + "".join(line for _, line in lines[-40:]))
                changed.wait(1)

    threading.Thread(target=read, daemon=True).start()
    try:
        first = wait_for("Serving on", 0)
        time.sleep(2)  # let the watcher settle
        area = project / "data" / "areas" / f"{AREA_TEMPLATE}.yml"
        text = area.read_text(encoding="utf-8")
        edited = text.replace("A London borough.", "A London borough in England.", 1)
        assert edited != text, "the edit to the area file did not apply"
        edit_time = time.perf_counter()
        area.write_text(edited, encoding="utf-8")
        rebuilt = wait_for("Documentation built in", first + 1)
        match = BUILT.search(lines[rebuilt][1])
        assert match is not None
        return float(match.group(1)), lines[rebuilt][0] - edit_time
    finally:
        process.terminate()
        process.wait(30)


# --- the report ---------------------------------------------------------------------


def search_index(site: Path) -> tuple[int, int, bool]:
    """The index's size in bytes, its entries, and whether 'quorum' finds the generic constitution."""
    path = site / "search" / "search_index.json"
    index = json.loads(path.read_text(encoding="utf-8"))
    found = any(
        doc["location"].startswith("documents/trust-board-constitution/")
        and "quorum" in (doc["title"] + doc["text"]).lower()
        for doc in index["docs"]
    )
    return path.stat().st_size, len(index["docs"]), found


def search_only_build(project: str, site: str) -> None:
    """Runs in its own process: the MkDocs build of ``project`` with each document's bytes faked."""
    sys.path.insert(0, project)
    os.chdir(project)
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    from trustdocs.rendering.documents import parallel

    parallel.render_jobs = lambda jobs, code, workers=None: iter([b"a faked document" for _ in jobs])
    build(load_config(str(Path(project) / "mkdocs.yml"), site_dir=site))


def measure_search_only(project: Path, site: Path) -> None:
    env = {**environment(project, Path("unused")), "TRUSTDOCS_DOCUMENT_CACHE": "off"}
    here = str(Path(__file__).resolve().parent)
    code = f"import sys; sys.path.insert(0, {here!r}); import scale; scale.search_only_build({str(project)!r}, {str(site)!r})"
    done = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True)
    if done.returncode != 0:
        sys.exit(f"the build failed:\n{done.stderr[-3000:]}")
    size, entries, found = search_index(site)
    print(f"search index: {size / 1024:.0f} KB, {entries} entries; 'quorum' finds the generic constitution: {found}")


def machine() -> str:
    model = next(
        (
            line.split(":", 1)[1].strip()
            for line in Path("/proc/cpuinfo").read_text().splitlines()
            if "model name" in line
        ),
        platform.processor(),
    )
    memory = int(Path("/proc/meminfo").read_text().split()[1]) / 1024 / 1024
    cores = len(os.sched_getaffinity(0))
    return f"{model}, {cores} cores, {memory:.1f} GB, Python {platform.python_version()}, {platform.system()}"


def megabytes(value: int) -> str:
    return f"{value / 1024 / 1024:,.0f} MB"


def main() -> None:
    if len(sys.argv) == 4 and sys.argv[1] == "--document-stage":
        print(json.dumps(document_stage(Path(sys.argv[2]), Path(sys.argv[3]))))
        return
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("areas", type=int, help="how many synthetic areas to add to the real ones (0: the real site)")
    parser.add_argument("--repeat", type=int, default=2, help="warm builds and baseline builds to run; best is kept")
    parser.add_argument("--keep", action="store_true", help="keep the temporary folder and say where it is")
    parser.add_argument(
        "--cache", type=Path, help="the document cache for the warm runs, kept between runs (default: a fresh one)"
    )
    parser.add_argument(
        "--skip-clean", action="store_true", help="measure only the warm runs, from a --cache an earlier run filled"
    )
    parser.add_argument(
        "--no-clean-build",
        action="store_true",
        help="skip the clean full build (it renders every document again); the warm runs use the clean document stage's cache",
    )
    parser.add_argument("--no-preview", action="store_true", help="skip the preview measurement")
    parser.add_argument(
        "--search-only", action="store_true", help="only the search index, from one build with the documents faked"
    )
    args = parser.parse_args()
    if args.skip_clean and args.cache is None:
        parser.error("--skip-clean needs the --cache an earlier run filled")

    folder = Path(tempfile.mkdtemp(prefix="trustdocs-scale-"))
    try:
        print(f"machine: {machine()}", flush=True)
        print(f"load average at start: {' '.join(f'{x:.2f}' for x in os.getloadavg())}", flush=True)
        project = make_project(folder, args.areas)
        if args.search_only:
            measure_search_only(project, folder / "site")
            return
        print(f"  {'stage':44} {'time':>9}   {'CPU time':>9}   {'peak memory':>11}")

        def row(label: str, seconds: float, result: Run) -> None:
            print(
                f"  {label:44} {seconds:7.2f} s   {result.cpu_seconds:7.2f} s   {megabytes(result.peak_bytes):>11}",
                flush=True,
            )

        build_cache = args.cache.resolve() if args.cache else folder / "cache-build"
        site = folder / "site"
        clean_docs = clean_numbers = None
        if not args.skip_clean:
            clean_docs, clean_numbers = measure_documents(project, folder / "cache-documents")
            row("document stage, clean", clean_numbers["render"], clean_docs)
            filled = folder / "cache-documents"
            if not args.no_clean_build:
                filled = folder / "cache-clean-build"
                clean = measure_build(project, filled, site)
                row("full build (trustdocs build), clean", clean.seconds, clean)
            if args.cache:  # fill the kept cache
                shutil.copytree(filled, build_cache, dirs_exist_ok=True)
            else:
                build_cache = filled
        warm_docs, warm_numbers = measure_documents(project, build_cache)
        row("document stage, warm", warm_numbers["render"], warm_docs)

        # Warm builds and baseline builds take turns, so a change in the machine's load hits both alike.
        baseline = make_baseline(project, build_cache, folder)
        warm_runs, base_runs = [], []
        for _ in range(args.repeat):
            warm_runs.append(measure_build(project, build_cache, site))
            base_runs.append(measure_baseline(baseline, build_cache, folder / "baseline-site"))
        warm = min(warm_runs, key=lambda r: r.seconds)
        base = min(base_runs, key=lambda r: r.seconds)
        row(f"full build, warm (best of {args.repeat})", warm.seconds, warm)
        row(f"static Material baseline (best of {args.repeat})", base.seconds, base)

        rebuild, edit_to_rebuilt = (None, None) if args.no_preview else measure_preview(project, build_cache)

        pages = sum(1 for _ in site.rglob("index.html"))
        base_pages = sum(1 for _ in (folder / "baseline-site").rglob("index.html"))
        downloads = sum(1 for p in (site / "downloads").rglob("*") if p.is_file())
        size, entries, found = search_index(site)
        print()
        print(f"areas: {args.areas} synthetic + {len(list((ROOT / 'data' / 'areas').glob('*.yml')))} real")
        print(
            f"pages: {pages} (baseline {base_pages}); documents: {warm_numbers['documents']} sources, "
            f"{downloads} downloads, {warm_numbers['bytes'] / 1024 / 1024:.1f} MB"
        )
        print(
            f"document stage: load {warm_numbers['load']:.2f} s, sources {warm_numbers['sources']:.2f} s; "
            "with the process's start and exit: "
            + (f"clean {clean_docs.seconds:.2f} s, " if clean_docs else "")
            + f"warm {warm_docs.seconds:.2f} s"
        )
        print(
            f"warm build / baseline: {warm.seconds / base.seconds:.2f}x in time, "
            f"{warm.cpu_seconds / base.cpu_seconds:.2f}x in CPU time "
            f"({warm.seconds / pages * 1000:.1f} ms a page against {base.seconds / base_pages * 1000:.1f} ms)"
        )
        if rebuild is not None and edit_to_rebuilt is not None:
            print(
                f"preview after a data edit: rebuilt in {rebuild:.2f} s (MkDocs' own timing); "
                f"{edit_to_rebuilt:.2f} s from the edit"
            )
        print(
            f"search index: {size / 1024:,.0f} KB, {entries} entries; "
            f"'quorum' finds the generic constitution: {'yes' if found else 'NO'}"
        )
        print(f"load average at end: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")
    finally:
        if args.keep:
            print(f"kept {folder}")
        else:
            shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    main()
