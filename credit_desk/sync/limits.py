"""Limits for bundles (同步包). National defaults here; an office may change them in settings (sync.*)."""

from __future__ import annotations

from dataclasses import dataclass, replace

# Defaults, overridable by the office settings "sync.<name>" and by the intake's config.
MAX_FILE_BYTES = 1 << 30          # 1 GiB: a whole .cdb file; larger is refused before it is read
MAX_MANIFEST_BYTES = 64 * 1024    # the manifest is small metadata, never personal data
MAX_PLAIN_BYTES = 1 << 30         # 1 GiB of JSON lines after decompression (decompression-bomb guard)
BUNDLE_VALID_DAYS = 90            # an upstream bundle expires 90 days after it was made
RECEIPT_VALID_DAYS = 30           # receipts and downstream bundles the platform makes
RETRIES = 5                       # network sends: attempts after the first
BACKOFF_SECONDS = 0.5             # first wait; doubled after each failed attempt
# zlib's fastest level (issue 18): 200,000 changes compress in 0.16 s instead of 0.33 s (level 6) into a bundle 11%
# larger (4.7 MB instead of 4.3 MB). The export runs while the clerk waits; the bytes travel on a USB stick or the
# government network, where half a megabyte is nothing. A receiver reads any level.
ZLIB_LEVEL = 1


@dataclass(frozen=True)
class Limits:
    max_file_bytes: int = MAX_FILE_BYTES
    max_manifest_bytes: int = MAX_MANIFEST_BYTES
    max_plain_bytes: int = MAX_PLAIN_BYTES
    bundle_valid_days: int = BUNDLE_VALID_DAYS
    receipt_valid_days: int = RECEIPT_VALID_DAYS
    retries: int = RETRIES
    backoff_seconds: float = BACKOFF_SECONDS

    def with_overrides(self, values: dict) -> "Limits":
        known = {k: v for k, v in values.items() if k in self.__dataclass_fields__ and v is not None}
        return replace(self, **known)


DEFAULT = Limits()
