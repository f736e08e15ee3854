"""API benchmark: `make bench`. Prints ratios, not verdicts.

Each endpoint is timed cold (cache generation bumped before every request, so
the view builds the response) and warm (served from the cache), and every
figure is divided by a baseline measured in the same run: `GET /healthz/`
(a database and a cache round trip). Machines are shared and noisy, so only
the ratios are comparable between runs. Uses the database from the
environment (dev settings) and loads the demo content if it is missing.
Not collected by pytest (file name), never part of `make test`.
"""

from __future__ import annotations

import os
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

ROUNDS = int(os.environ.get("BENCH_ROUNDS", "30"))


def _median_seconds(action: Callable[[], object], *, rounds: int = ROUNDS, before=None) -> float:
    samples = []
    for _ in range(rounds):
        if before:
            before()
        start = time.perf_counter()
        action()
        samples.append(time.perf_counter() - start)
    return statistics.median(samples)


def main() -> None:
    sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.dev")
    import django

    django.setup()
    from django.core.management import call_command
    from django.test import Client

    from api.caching import bump_generation
    from cms.models import ArticlePage

    call_command("migrate", verbosity=0)
    if not ArticlePage.objects.live().exists():
        call_command("load_demo_content", verbosity=0)
    article = ArticlePage.objects.live().order_by("path").first()
    client = Client(HTTP_HOST="127.0.0.1")

    def get(path: str) -> Callable[[], object]:
        def request():
            response = client.get(path)
            assert response.status_code == 200, (path, response.status_code)

        return request

    baseline = _median_seconds(get("/healthz/"))
    endpoints = [
        "/api/v1/articles/",
        f"/api/v1/articles/{article.slug}/",
        "/api/v1/topics/",
        "/api/v1/helplines/?country=GB",
        "/api/v1/search/?q=ketamine",
    ]
    print(f"baseline GET /healthz/: median of {ROUNDS} = {baseline * 1000:.2f} ms (= 1.0)")  # noqa: T201
    print(f"{'endpoint':45} {'cold':>8} {'warm':>8} {'cold/warm':>10}")  # noqa: T201
    for path in endpoints:
        cold = _median_seconds(get(path), before=bump_generation)
        get(path)()  # prime
        warm = _median_seconds(get(path))
        print(f"{path:45} {cold / baseline:7.1f}x {warm / baseline:7.1f}x {cold / warm:9.1f}x")  # noqa: T201


if __name__ == "__main__":
    main()
