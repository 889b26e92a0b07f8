"""The one moment every generated document claims to have been made.

Reproducible-builds convention: SOURCE_DATE_EPOCH (seconds since 1970, UTC)
if set, so a release can stamp its commit time; otherwise 1 January 1980, the
earliest time a zip can record. Either way the same data gives the same bytes.
"""

from __future__ import annotations

import datetime
import os

DEFAULT_EPOCH = 315532800  # 1980-01-01T00:00:00Z


def source_date_epoch() -> int:
    value = os.environ.get("SOURCE_DATE_EPOCH", "")
    if not value:
        return DEFAULT_EPOCH
    if not value.isdigit():
        raise ValueError(f"SOURCE_DATE_EPOCH must be whole seconds since 1970, not {value!r}")
    return max(int(value), DEFAULT_EPOCH)  # zips cannot record times before 1980


def build_time() -> datetime.datetime:
    return datetime.datetime.fromtimestamp(source_date_epoch(), datetime.timezone.utc)


def zip_timestamp() -> tuple[int, int, int, int, int, int]:
    t = build_time()
    return (t.year, t.month, t.day, t.hour, t.minute, t.second - t.second % 2)
