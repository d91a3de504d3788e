"""Hypothesis strategies for hostile input: arbitrary JSON, mutated valid documents, damaged bytes.

Budget: ``CREDIT_DESK_FUZZ_EXAMPLES`` examples per target (small by default so CI stays quick; the long mode
sets a few thousand). Examples are derandomised in CI (the same inputs every run) unless
``CREDIT_DESK_FUZZ_RANDOM=1``; no example database is written into the tree.
"""

from __future__ import annotations

import os

from hypothesis import HealthCheck, settings
from hypothesis import strategies as st

from tests.reliability.support import FUZZ_EXAMPLES

FUZZ = settings(max_examples=FUZZ_EXAMPLES, deadline=None, database=None,
                derandomize=os.environ.get("CREDIT_DESK_FUZZ_RANDOM") != "1",
                suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow,
                                       HealthCheck.data_too_large, HealthCheck.filter_too_much])
# Pure parsers are cheap: ten times the small CI budget; in the long mode the same budget as the rest.
FUZZ_PURE = settings(FUZZ, max_examples=FUZZ_EXAMPLES * 10 if FUZZ_EXAMPLES < 200 else FUZZ_EXAMPLES)

HUGE_INTS = st.sampled_from([2 ** 63, -(2 ** 63) - 1, 10 ** 30, 2 ** 64 + 1, -1, 0])
NASTY_TEXT = st.sampled_from([
    "", " ", "\x00", "../../etc/passwd", "/abs/path", "C:\\x", "{", "}", "{office}", "{0}", "{x:>999999999}",
    "a" * 70_000, "名" * 5000, "\u202e", "=1+1", "<script>", "null", "\r\n", "|" * 7, "CDN1|||||||",
])
SCALARS = (st.none() | st.booleans() | st.integers() | HUGE_INTS | st.floats(allow_nan=True, allow_infinity=True)
           | st.text(max_size=40) | NASTY_TEXT)
JSON = st.recursive(SCALARS, lambda kids: st.lists(kids, max_size=6) | st.dictionaries(st.text(max_size=12), kids,
                                                                                        max_size=6), max_leaves=25)


def deep_nesting(depth: int = 20_000) -> bytes:
    """JSON nested deeper than any parser's recursion limit."""
    return b"[" * depth + b"]" * depth


@st.composite
def mutated_doc(draw, doc):
    """A valid JSON document with one value replaced, one key removed, or one key added, anywhere in it."""
    paths = list(_paths(doc, ()))
    path = draw(st.sampled_from(paths))
    action = draw(st.sampled_from(["replace", "delete", "add"]))
    return _apply(_copy(doc), path, action, draw(JSON), draw(st.text(max_size=10)))


def _copy(doc):
    import json
    return json.loads(json.dumps(doc))


def _paths(node, prefix):
    yield prefix
    if isinstance(node, dict):
        for k, v in node.items():
            yield from _paths(v, prefix + (k,))
    elif isinstance(node, list):
        for i, v in enumerate(node):
            yield from _paths(v, prefix + (i,))


def _apply(doc, path, action, value, new_key):
    if not path:
        return value if action == "replace" else doc
    parent = doc
    for step in path[:-1]:
        parent = parent[step]
    last = path[-1]
    if action == "replace":
        parent[last] = value
    elif action == "delete":
        del parent[last]
    elif isinstance(parent, dict):
        parent[new_key] = value
    else:
        parent.insert(last, value)
    return doc


@st.composite
def damaged(draw, data: bytes):
    """Bytes of a valid file, damaged the way media and attackers do: cut, bit-flipped, spliced, stretched."""
    n = len(data)
    how = draw(st.sampled_from(["truncate", "flip", "insert", "overwrite", "append", "swap"]))
    i = draw(st.integers(0, max(n - 1, 0)))
    if how == "truncate":
        return data[:i]
    if how == "flip":
        bit = draw(st.integers(0, 7))
        return data[:i] + bytes([data[i] ^ (1 << bit)]) + data[i + 1:] if n else b"\x01"
    if how == "insert":
        return data[:i] + draw(st.binary(min_size=1, max_size=16)) + data[i:]
    if how == "overwrite":
        chunk = draw(st.binary(min_size=1, max_size=8) | st.just(b"\xff" * 8) | st.just(b"\x00" * 8))
        return data[:i] + chunk + data[i + len(chunk):]
    if how == "append":
        return data + draw(st.binary(min_size=1, max_size=64))
    j = draw(st.integers(0, max(n - 1, 0)))
    lo, hi = sorted((i, j))
    return data[:lo] + data[hi:] + data[lo:hi]
