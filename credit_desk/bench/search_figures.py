"""Issue 18: the search box as the clerk meets it — the functions the GUI calls, on fresh connections, once.

Each query runs ``browse.records_page`` / ``browse.subjects_page`` (what the records and subjects lists run
for the text typed in their search box) and, as a separate figure, the count the list shows beside it, on a
read connection opened for that query alone (its page cache empty, as for the first search after a while);
each query is run once, never best-of-N. The floor runs the very same function on the plaintext copy of the
same data (the same schema and indexes, opened the same way), interleaved query by query so both see the
same machine load: the ratio is what the encryption costs, the figure is what the clerk waits for.

At least 200 queries in five classes, drawn from the seeded data (the same seed gives the same queries), each
class holding its broad fragments: every 〔year〕 of the 文号, "9132" (every company of the province), the
most common surname.
"""

from __future__ import annotations

from collections import Counter
from contextlib import contextmanager

from credit_desk.bench.timing import figure, percentile, seconds
from credit_desk.services import browse
from credit_desk.services.browse import SearchToken
from credit_desk.store.views import PageSpec

SEARCH_P95_GOAL_MS, SEARCH_MAX_GOAL_MS = 50.0, 200.0
PER_CLASS = 40
RECORDS_SPEC = PageSpec("decision_date", True, None, 200)   # the records list's own default (newest first)
SUBJECTS_SPEC = PageSpec("id", False, None, 200)            # the subjects list's default


class OneConn:
    """A ``browse.Reader`` over one given connection (the bench opens a fresh one per query)."""

    def __init__(self, conn) -> None:
        self._conn = conn

    @contextmanager
    def lease(self):
        yield self._conn

    def conn(self):
        return self._conn


def _spread(rows: list, n: int) -> list:
    return [rows[(i * len(rows)) // n] for i in range(n)] if rows else []


def build(conn, per_class: int = PER_CLASS) -> dict[str, list[str]]:
    """{class: [texts]}: records by 文号 / by name / by ID, subjects by name / by ID (PER_CLASS each)."""
    subjects = conn.execute("SELECT name, id_number, kind FROM subjects ORDER BY id").fetchall()
    docs = [d for (d,) in conn.execute("SELECT doc_number FROM records ORDER BY id").fetchall()]
    people = [n for n, _i, k in subjects if k == "natural_person" and n]
    surname = Counter(n[0] for n in people).most_common(1)[0][0] if people else "王"
    years = sorted({d[d.index("〔"):d.index("〕") + 1] for d in docs if "〔" in d and "〕" in d})
    broad_docs = years + ["罚〔"]
    doc_texts = broad_docs + [(d[1:], d[d.index("〔"):] if "〔" in d else d, d[-4:], d[1:3])[i % 4]
                              for i, d in enumerate(_spread(docs, per_class))]
    names = []
    for i, (name, _n, _k) in enumerate(_spread(subjects, per_class)):
        if len(name) > 6:
            names.append(name[4:8])           # 清江浦区鑫源建材有限公司 -> 鑫源建材
        elif i % 3 == 0:
            names.append(name[0])             # a surname
        elif i % 3 == 1:
            names.append(name[1:])            # the given name
        else:
            names.append(name)                # the whole name
    name_texts = [surname] + names
    id_texts = ["9132", "91320812", "3208"] + [n[: 6 + i % 10] for i, (_s, n, _k) in
                                              enumerate(_spread(subjects, per_class))]
    cut = lambda xs: xs[:per_class]  # noqa: E731  (the broad ones come first and always stay)
    return {"records.doc_number": cut(doc_texts), "records.name": cut(name_texts), "records.id_prefix": cut(id_texts),
            "subjects.name": cut(name_texts), "subjects.id_prefix": cut(id_texts)}


def _page(session, reader, cls: str, text: str):
    token = SearchToken(text)  # what ``browse.log_search`` returns once the purpose is logged
    if cls.startswith("records."):
        return browse.records_page(session, reader, RECORDS_SPEC, token)
    return browse.subjects_page(session, reader, SUBJECTS_SPEC, token)


def _count(session, reader, cls: str, text: str):
    token = SearchToken(text)
    if cls.startswith("records."):
        return browse.records_count(session, reader, token)
    return browse.subjects_count(session, reader, token)


def search_figures(session, plain_session, open_enc, open_plain, log=lambda msg: None) -> list[dict]:
    """p50, p95 and max per class, for the page and for the count; every query once on a fresh connection."""
    enc_conn = open_enc()
    try:
        classes = build(enc_conn)
    finally:
        enc_conn.close()
    out = []
    for what, fn in (("page", _page), ("count", _count)):
        for cls, texts in classes.items():
            enc, pln, worst = [], [], ("", 0.0)
            for text in texts:
                for opener, sess, into in ((open_enc, session, enc), (open_plain, plain_session, pln)):
                    conn = opener()
                    try:
                        into.append(seconds(lambda: fn(sess, OneConn(conn), cls, text)) * 1000)
                    finally:
                        conn.close()
                if enc[-1] > worst[1]:
                    worst = (text, enc[-1])
            name = f"search.{cls}.{what}"
            log(f"{name}: {len(texts)} queries, slowest {worst[0]!r} {worst[1]:.0f} ms")
            note = (f"{len(texts)} queries, each once on a fresh read connection; floor: the same function on the "
                    f"plaintext copy")
            out.append(figure(f"{name}.p50", percentile(enc, 50), percentile(pln, 50), queries=len(texts), note=note))
            out.append(figure(f"{name}.p95", percentile(enc, 95), percentile(pln, 95), goal=SEARCH_P95_GOAL_MS,
                              queries=len(texts), note=note))
            out.append(figure(f"{name}.max", max(enc), max(pln), goal=SEARCH_MAX_GOAL_MS, queries=len(texts),
                              slowest=worst[0], note=note))
    return out


def query_count(conn) -> int:
    return sum(len(v) for v in build(conn).values())
