from pendel.core import ratelimit


def test_the_limit_counts_per_key_and_scope():
    for _ in range(3):
        assert ratelimit.allow("reset", "a@example.com", limit=3, window_seconds=60)
    assert not ratelimit.allow("reset", "a@example.com", limit=3, window_seconds=60)
    # Another key, and the same key in another scope, have their own count.
    assert ratelimit.allow("reset", "b@example.com", limit=3, window_seconds=60)
    assert ratelimit.allow("apply", "a@example.com", limit=3, window_seconds=60)


def test_keys_are_compared_without_case_or_spaces():
    assert ratelimit.allow("reset", "A@Example.com ", limit=1, window_seconds=60)
    assert not ratelimit.allow("reset", "a@example.com", limit=1, window_seconds=60)


def test_allow_all_counts_every_key():
    checks = [("apply-ip", "10.0.0.1"), ("apply-to", "x@example.com")]
    assert ratelimit.allow_all(checks, limit=1, window_seconds=60)
    assert not ratelimit.allow_all(checks, limit=1, window_seconds=60)
    assert not ratelimit.allow("apply-to", "x@example.com", limit=1, window_seconds=60)
