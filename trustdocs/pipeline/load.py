"""Stage 0 of the pipeline: the data, loaded with the registry's kinds and checks.

The one loader the site, the command line and the tests call: it either
returns a :class:`~trustdocs.model.dataset.DataSet` or raises
:class:`~trustdocs.core.problems.DataError` carrying every problem found.

One load per build: ``trustdocs build`` validates the data in its own process,
then runs MkDocs in another. It hands the data set it loaded to that process
(:func:`hand_off`), which uses it as long as no file in data/ has changed
since it was read (:func:`load_dataset_once`); otherwise it loads afresh.
"""

from __future__ import annotations

import os
import pickle
from pathlib import Path

from trustdocs import registry
from trustdocs.loading import Loader
from trustdocs.model.dataset import DataSet

LOADER = Loader(registry.KINDS, registry.CHECKS)
HANDOFF = "TRUSTDOCS_LOADED_DATA"  # names the file :func:`hand_off` wrote, in a child's environment

load_dataset = LOADER.load
load_with_area = LOADER.load_with_area
read_documents = LOADER.read_documents
validate = LOADER.validate


def load_dataset_once(data_dir: Path) -> DataSet:
    """The data set, loaded once per process and shared; reloaded whenever a file in data/ changes.

    Under ``trustdocs build``, the data set the command already loaded and
    checked, as long as no file has changed since.
    """
    _adopt_handed_off()
    return LOADER.load_once(data_dir)


def hand_off(data_dir: Path, folder: Path) -> dict[str, str]:
    """Write the data set this process loaded from ``data_dir`` (with :func:`load_dataset_once`) into ``folder``,
    for a child process; returns the environment that tells the child where it is.

    ``folder`` must be private to this user (a :func:`tempfile.mkdtemp`): the
    child unpickles the file.
    """
    entry = LOADER.loaded(data_dir)
    if entry is None:
        return {}
    path = folder / "dataset.pickle"
    path.write_bytes(pickle.dumps((str(data_dir.resolve()), *entry), protocol=pickle.HIGHEST_PROTOCOL))
    return {HANDOFF: str(path)}


_adopted = False


def _adopt_handed_off() -> None:
    global _adopted
    if _adopted:
        return
    _adopted = True
    path = os.environ.get(HANDOFF)
    if not path:
        return
    try:
        content = Path(path).read_bytes()
    except OSError:
        return  # gone: load afresh
    data_dir, fingerprint, data = pickle.loads(content)  # written by our parent process, in its private folder
    LOADER.adopt(Path(data_dir), fingerprint, data)
