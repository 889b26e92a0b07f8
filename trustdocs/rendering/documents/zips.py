"""Make DOCX and ODT containers byte-identical for the same content.

A zip records each member's modification time; we set every one to the same
moment (SOURCE_DATE_EPOCH, see :mod:`trustdocs.core.clock`) and keep the
member order, compression and the uncompressed ``mimetype`` first member
that OpenDocument requires.
"""

from __future__ import annotations

import io
import zipfile
from collections.abc import Callable

from trustdocs.core.clock import zip_timestamp


def normalise_zip(content: bytes, transform: Callable[[dict[str, bytes]], dict[str, bytes]] | None = None) -> bytes:
    """Rewrite a zip with fixed timestamps, optionally changing some members' bytes first.

    Members the transform adds are written after the original ones, in the order it added them.
    """
    with zipfile.ZipFile(io.BytesIO(content)) as source:
        infos = source.infolist()
        parts = {info.filename: source.read(info) for info in infos}
    if transform is not None:
        parts = transform(parts)
    out = io.BytesIO()
    names = [info.filename for info in infos]
    names += [name for name in parts if name not in names]
    with zipfile.ZipFile(out, "w") as target:
        for name in names:
            member = zipfile.ZipInfo(name, date_time=zip_timestamp())
            member.compress_type = zipfile.ZIP_STORED if name == "mimetype" else zipfile.ZIP_DEFLATED
            member.external_attr = 0o644 << 16
            member.create_system = 3  # Unix, whatever machine builds it
            target.writestr(member, parts[name])
    return out.getvalue()
