"""Consultations as data: pages, response forms, printable forms and response analysis.

One YAML file per consultation in data/consultations/ (and, once there is one,
its outcome in data/consultation-outcomes/ under the same name) is all a new
consultation needs. The modules are small and pure:

- :mod:`.model`: typed records built from the validated data;
- :mod:`.checks`: cross-file checks (outcomes against their consultation,
  guidance references), reported as ``file:line:col: path: message``;
- :mod:`.state`: forthcoming, open, closed and being analysed, or outcome
  published, worked out from the dates against an "as at" date;
- :mod:`.pages`, :mod:`.form`, :mod:`.chart`: the site's pages;
- :mod:`.printable`: the printable response forms, for the document pipeline;
- :mod:`.responses` and :mod:`.analysis`: ``trustdocs analyse``.
"""
