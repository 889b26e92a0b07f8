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
from .models import DataSet
from .problems import DataError

log = logging.getLogger("mkdocs.plugins.trustdocs")


def load_for_build(project_dir: Path) -> DataSet:
    """The data set for this MkDocs build, loaded once and shared by the macros and the page hook.

    Invalid data stops the build: each problem logged as one line, then a
    PluginError, which MkDocs reports without a traceback.
    """
    try:
        return load_dataset_once(project_dir / "data")
    except DataError as err:
        for problem in err.problems:
            log.error(str(problem))
        raise PluginError(f"data/ has {len(err.problems)} problem(s), listed above; nothing was built") from None


def define_env(env) -> None:  # noqa: ANN001 - the plugin's environment object
    data = load_for_build(Path(env.project_dir))

    env.variables["data_counts"] = render.counts_summary(data)
    env.macro(lambda: render.outcomes_list(data), "outcomes_list")
    env.macro(lambda: render.features_list(data), "features_list")
