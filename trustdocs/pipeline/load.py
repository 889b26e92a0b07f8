"""Stage 0 of the pipeline: the data, loaded with the registry's kinds and checks.

The one loader the site, the command line and the tests call: it either
returns a :class:`~trustdocs.model.dataset.DataSet` or raises
:class:`~trustdocs.core.problems.DataError` carrying every problem found.
"""

from __future__ import annotations

from trustdocs import registry
from trustdocs.loading import Loader

LOADER = Loader(registry.KINDS, registry.CHECKS)

load_dataset = LOADER.load
load_dataset_once = LOADER.load_once
load_with_area = LOADER.load_with_area
read_documents = LOADER.read_documents
validate = LOADER.validate
