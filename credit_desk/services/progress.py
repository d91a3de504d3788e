"""Issue 18: one count for a long job's progress, ``progress(done, total)`` as the window's bar and the CLI's lines
take it: throttled to every ``every`` steps, never past the total, and at the total only once ``end()`` says the
whole job is over."""

from __future__ import annotations


class Count:
    def __init__(self, progress, total: int, every: int = 1) -> None:
        self.progress, self.total, self.every, self.done = progress, max(1, int(total)), max(1, int(every)), 0
        self._say(0)

    def step(self, n: int = 1) -> None:
        before, self.done = self.done, self.done + n
        if before // self.every != self.done // self.every:
            self._say(min(self.done, self.total - 1))   # the total is end()'s: work is still going on

    def end(self) -> None:
        self.done = self.total
        self._say(self.total)

    def _say(self, done: int) -> None:
        if self.progress is not None:
            self.progress(done, self.total)
