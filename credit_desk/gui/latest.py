"""A background read whose newest run alone may show its result (issue 18).

A list's count ("N records") is read on a job each time the filter changes; typed quickly, an older count could end
after a newer one and overwrite it with the count of a filter no longer shown. ``Latest.run`` cancels the previous
job and drops a result or a failure that is not the newest run's, as the paged lists and the dashboard's due list
do with their generations."""

from __future__ import annotations

from contextlib import contextmanager


class Latest:
    """One slot of background reads on ``ops`` (``gui.ops.Ops``): each ``run`` supersedes the one before."""

    def __init__(self, ops) -> None:
        self.ops, self.job, self.generation = ops, None, 0

    def run(self, fn, done, parent=None, failed=None) -> None:
        """``fn(job)`` on the pool; ``done(result)`` on the GUI thread only when this run is still the newest; a
        failure of the newest run is shown as ``ops`` shows errors (over ``parent``), after ``failed(exc)`` if given
        (fix18f: a count's label said 「正在统计…」 for good once its count failed), an older one's is dropped."""
        if self.job is not None:
            self.job.cancel()
        self.generation += 1
        generation = self.generation

        def ok(result) -> None:
            if generation == self.generation:
                self.job = None
                done(result)

        def newest_failed(exc) -> None:
            if generation == self.generation:
                self.job = None
                if failed is not None:
                    failed(exc)
                self.ops.show_error(exc, parent, reading=True)  # att38a: not "nothing was changed"
        self.job = self.ops.run(fn, done=ok, failed=newest_failed)


@contextmanager
def leased(reader, job):
    """``with leased(ctx.reader, job):`` the read of a job that a newer one may cancel: a cancel interrupts its
    statement while the lease lasts (``Job.cancel_hook``), and a job cancelled before it got a thread reads nothing
    (att18e: a superseded count read on to its end, holding one of the pool's two threads). The services called
    inside lease the same connection again (``browse.Reader``)."""
    with reader.lease() as conn, job.cancel_hook(conn.interrupt):
        job.check()
        yield conn
