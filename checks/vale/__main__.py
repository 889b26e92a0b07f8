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

from .config import DEFAULT_CONFIG, load_config
from .engine import ENGINE_VARIABLE, choose_engine
from .rules import ValeError
from .site_gate import excerpt_around, lint_site


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m checks.vale", description=__doc__.splitlines()[0])
    parser.add_argument("paths", nargs="+", type=Path, help="a built site directory, or documents to lint")
    parser.add_argument("--config", type=Path, default=DEFAULT_CONFIG, help="the .vale.ini to use")
    parser.add_argument(
        "--engine", choices=["auto", "python", "vale"], default=None,
        help=f"which engine runs the rules (default: ${ENGINE_VARIABLE} or auto)",
    )
    args = parser.parse_args(argv)

    started = time.perf_counter()
    try:
        config = load_config(args.config)
        engine = choose_engine(config, args.engine)
        print(engine.banner, file=sys.stderr)
        alerts = []
        for path in args.paths:
            if path.is_dir():
                for _page, alert in lint_site(path, engine=engine, announce=False):
                    alerts.append((str(path / alert.path), alert))
            else:
                alerts.extend((str(path), alert) for alert in engine.lint_file(path))
    except (ValeError, OSError) as err:
        print(f"vale: cannot run: {err}", file=sys.stderr)
        return 2

    for shown_path, alert in alerts:
        print(f"{shown_path}:{alert.short()} [{alert.level}]")
        excerpt = excerpt_around(alert.context, alert.match)
        if excerpt:
            print(f"    “{excerpt}”")
    blocking = sum(1 for _, alert in alerts if alert.blocking)
    print(
        f"vale: {len(alerts)} alert(s), {blocking} warning or error, in {time.perf_counter() - started:.2f}s",
        file=sys.stderr,
    )
    return 1 if blocking else 0


if __name__ == "__main__":
    sys.exit(main())
