"""mkdocs-macros adapter: load the data once per build, expose the render functions.

Kept thin on purpose: everything here is a one-line call into pure functions
(:mod:`macros.render`) that are tested without MkDocs. Invalid data stops the
build with the same ``file:line:col: path: message`` lines as
``trustdocs validate``, and no traceback.
"""

from __future__ import annotations

import logging
from pathlib import Path

from mkdocs.exceptions import PluginError

from . import render
from .dataset import load_dataset_once
from .problems import DataError

log = logging.getLogger("mkdocs.plugins.trustdocs")


def define_env(env) -> None:  # noqa: ANN001 - the plugin's environment object
    data_dir = Path(env.project_dir) / "data"
    try:
        data = load_dataset_once(data_dir)  # shared with the page hook: loaded once per build
    except DataError as err:
        for problem in err.problems:
            log.error(str(problem))
        raise PluginError(f"data/ has {len(err.problems)} problem(s), listed above; nothing was built") from None

    env.variables["data_counts"] = render.counts_summary(data)
    env.macro(lambda: render.outcomes_list(data), "outcomes_list")
    env.macro(lambda: render.features_list(data), "features_list")
