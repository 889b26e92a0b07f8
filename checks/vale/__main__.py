"""`python -m checks.vale PATH...` - lint built sites (directories) or documents (files).

Prints one alert per line in Vale's line format plus the level, each followed
by the words it is about. Exits 1 if any warning or error was found, 0 if
none, and 2 if the gate could not run (which is never a pass).
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

from . import excerpt_around, lint_site
from .config import DEFAULT_CONFIG, load_config
from .engine import ENGINE_VARIABLE, choose_engine
from .rules import ValeError


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m checks.vale", description=__doc__.splitlines()[0])
    parser.add_argument("paths", nargs="+", type=Path, help="a built site directory, or documents to lint")
    parser.add_argument("--config", type=Path, default=DEFAULT_CONFIG, help="the .vale.ini to use")
    parser.add_argument(
        "--engine",
        choices=["auto", "python", "vale"],
        default=None,
        help=f"which engine runs the rules (default: ${ENGINE_VARIABLE} or auto)",
    )
    args = parser.parse_args(argv)

    started = time.perf_counter()
    alerts = []
    try:
        engine = choose_engine(load_config(args.config), args.engine)
        print(engine.banner, file=sys.stderr)
        for path in args.paths:
            if path.is_dir():
                alerts += [(str(path / a.path), a) for _, a in lint_site(path, engine=engine, announce=False)]
            else:
                alerts += [(str(path), a) for a in engine.lint_file(path)]
    except (ValeError, OSError) as err:
        print(f"vale: cannot run: {err}", file=sys.stderr)
        return 2

    for shown_path, alert in alerts:
        print(f"{shown_path}:{alert.short()} [{alert.level}]")
        if excerpt := excerpt_around(alert.context, alert.match):
            print(f"    “{excerpt}”")
    blocking = sum(1 for _, alert in alerts if alert.blocking)
    elapsed = time.perf_counter() - started
    print(f"vale: {len(alerts)} alert(s), {blocking} warning or error, in {elapsed:.2f}s", file=sys.stderr)
    return 1 if blocking else 0


if __name__ == "__main__":
    sys.exit(main())
