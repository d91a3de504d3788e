"""Issue 18: the one progress count of long jobs (services/progress.Count): the bar only grows, reaches its total
only when the job says it is over, and the window is sent a value every ``every`` steps, not at each row."""

from credit_desk.services.progress import Count


def test_the_count_grows_is_throttled_and_ends_only_when_told():
    seen = []
    count = Count(lambda d, t: seen.append((d, t)), 6, every=2)
    for _ in range(6):
        count.step()
    assert seen == [(0, 6), (2, 6), (4, 6), (5, 6)]   # all six steps done, but the job is not over yet
    count.end()
    assert seen[-1] == (6, 6)


def test_no_callback_and_an_empty_job_are_fine():
    Count(None, 3).step()
    seen = []
    Count(lambda d, t: seen.append((d, t)), 0).end()
    assert seen == [(0, 1), (1, 1)]
