"""Counting attempts per key over a window, in the shared cache.

One home for every rate limit (anonymous forms that send mail, password resets). The cache
is Redis when ``REDIS_URL`` is set, so the count holds across web processes; the embedded
default is the process's own memory, which is enough for the one ``runserver`` process.
Keys are hashed, so no e-mail address or IP address is kept in the cache in the clear.
"""

import hashlib

from django.core.cache import cache


def _cache_key(scope: str, key: str) -> str:
    digest = hashlib.sha256(key.strip().lower().encode()).hexdigest()
    return f"ratelimit:{scope}:{digest}"


def allow(scope: str, key: str, *, limit: int, window_seconds: int) -> bool:
    """Count one attempt for `key` in `scope`; False once more than `limit` attempts were
    made in the window that began with the first of them."""
    cache_key = _cache_key(scope, key)
    if cache.add(cache_key, 1, timeout=window_seconds):
        return limit >= 1
    try:
        count = cache.incr(cache_key)
    except ValueError:  # expired between add and incr
        cache.add(cache_key, 1, timeout=window_seconds)
        count = 1
    return count <= limit


def allow_all(checks: list[tuple[str, str]], *, limit: int, window_seconds: int) -> bool:
    """Count one attempt under every (scope, key) pair; False when any of them is over."""
    results = [allow(s, k, limit=limit, window_seconds=window_seconds) for s, k in checks]
    return all(results)


def client_address(request) -> str:
    """The address the request came from, as the web server saw it."""
    return request.META.get("REMOTE_ADDR") or "unknown"
