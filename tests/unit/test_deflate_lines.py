"""Issue 18: the export compresses its lines a few thousand at a time (``crypto.deflate_lines``) instead of joining
the whole payload first; the bundle must carry the very payload it always did — the same zlib stream of the same
bytes, and their size in the manifest's ``plain_size``."""

from __future__ import annotations

import random

import pytest

from credit_desk.sync import crypto, payload


@pytest.mark.parametrize("n", [0, 1, crypto.LINES_PER_PIECE - 1, crypto.LINES_PER_PIECE, crypto.LINES_PER_PIECE + 1,
                               3 * crypto.LINES_PER_PIECE + 7])
def test_deflate_lines_is_the_deflate_of_the_joined_payload(n):
    rng = random.Random(n)
    lines = [("变更" * rng.randrange(0, 40) + str(i)).encode("utf-8") for i in range(n)]
    plain = payload.join_encoded(lines)
    compressed, size = crypto.deflate_lines(lines)
    assert size == len(plain)
    assert compressed == crypto.deflate(plain)
    assert crypto.zlib.decompress(compressed) == plain
