"""The one moment every generated document claims to have been made.

Reproducible-builds convention: SOURCE_DATE_EPOCH (seconds since 1970, UTC)
if set, so a release can stamp its commit time; otherwise 1 January 1980, the
earliest time a zip can record. Either way the same data gives the same bytes.
"""

from __future__ import annotations

import datetime
import os
import re
from collections.abc import Mapping

DEFAULT_EPOCH = 315532800  # 1980-01-01T00:00:00Z
AS_AT = "TRUSTDOCS_AS_AT"
_ISO_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def source_date_epoch() -> int:
    value = os.environ.get("SOURCE_DATE_EPOCH", "")
    if not value:
        return DEFAULT_EPOCH
    if not value.isdigit():
        raise ValueError(f"SOURCE_DATE_EPOCH must be whole seconds since 1970, not {value!r}")
    return max(int(value), DEFAULT_EPOCH)  # zips cannot record times before 1980


def build_time() -> datetime.datetime:
    return datetime.datetime.fromtimestamp(source_date_epoch(), datetime.UTC)


def zip_timestamp() -> tuple[int, int, int, int, int, int]:
    t = build_time()
    return (t.year, t.month, t.day, t.hour, t.minute, t.second - t.second % 2)


def as_at_date(default: datetime.date, environ: Mapping[str, str] = os.environ) -> datetime.date:
    """The date the whole site is worked out for: TRUSTDOCS_AS_AT if set, else ``default``.

    The default is the date of the latest source (the data's own date), so the
    same data gives the same pages whenever and wherever it is built. Set
    TRUSTDOCS_AS_AT=2008-05-01 to see the framework as it stood then.
    """
    value = environ.get(AS_AT, "").strip()
    if not value:
        return default
    try:
        if not _ISO_DAY.match(value):
            raise ValueError
        return datetime.date.fromisoformat(value)
    except ValueError:
        raise ValueError(f"{AS_AT}={value!r} is not a date written as YYYY-MM-DD") from None
