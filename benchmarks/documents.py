"""Benchmark: render every downloadable document in every format, uncached, and report the numbers.

    .venv/bin/python benchmarks/documents.py [--repeat N]

Prints, per format, the number of files, total and mean seconds, and bytes,
then the process's peak memory. It sets no targets and fails nothing: run it
before and after a change to the document pipeline and compare.
"""

from __future__ import annotations

import argparse
import resource
import statistics
import time
from collections import defaultdict
from pathlib import Path

from trustdocs.pipeline.generate import all_documents as documents
from trustdocs.pipeline.load import load_dataset
from trustdocs.rendering.documents.convert import FORMATS, render

ROOT = Path(__file__).resolve().parent.parent


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=1, help="render everything this many times (default 1)")
    args = parser.parse_args()
    sources = documents(load_dataset(ROOT / "data"))
    seconds: dict[str, list[float]] = defaultdict(list)
    sizes: dict[str, int] = defaultdict(int)
    for _ in range(args.repeat):
        for source in sources:
            for fmt in FORMATS:
                start = time.perf_counter()
                content = render(source, fmt)
                seconds[fmt].append(time.perf_counter() - start)
                sizes[fmt] += len(content)
    print(f"{len(sources)} documents x {len(FORMATS)} formats x {args.repeat} run(s)")
    for fmt in FORMATS:
        runs = seconds[fmt]
        print(
            f"  {fmt:5} {len(runs):4} files  {sum(runs):7.2f} s total  {statistics.mean(runs) * 1000:7.1f} ms mean  "
            f"{sizes[fmt] // args.repeat:>9,} bytes"
        )
    peak_kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    print(f"  peak memory {peak_kb / 1024:.0f} MB")


if __name__ == "__main__":
    main()
