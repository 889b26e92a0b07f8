"""mkdocs-macros adapter: the home page's placeholders, filled from the data.

Kept thin on purpose: each line calls a pure function in
:mod:`trustdocs.rendering.pages.framework`, tested without MkDocs. The data set is the
one the MkDocs adapter (:mod:`trustdocs.mkdocs_hooks`) loads for this build;
invalid data stops the build with the same ``file:line:col: path: message``
lines as ``trustdocs validate``, and no traceback.
"""

from __future__ import annotations

from pathlib import Path

from trustdocs.core.clock import as_at_date
from trustdocs.mkdocs_hooks import load_for_build
from trustdocs.rendering import notice
from trustdocs.rendering.pages import framework


def define_env(env) -> None:
    data = load_for_build(Path(env.project_dir))

    env.variables["data_counts"] = framework.counts_summary(data)
    env.variables["period_notice"] = notice.page_notice(data, as_at_date(data.latest_source_date), "")
    env.macro(lambda: framework.outcomes_list(data), "outcomes_list")
    env.macro(lambda: framework.features_list(data), "features_list")
