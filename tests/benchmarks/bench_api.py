"""API benchmark (issue 14): `make bench`. Prints ratios, not verdicts.

Serves the site with gunicorn (2 sync workers, production-like settings:
`config.settings.bench`, which adds Wagtail's own API v2 and a bare
`JsonResponse` view on benchmark-only URLs) and loads it from this process
over loopback: a Python load generator (threads, one raw HTTP/1.1 request
per connection, as gunicorn's sync workers close each one), since `wrk` is
not installed here. Every endpoint gets the same concurrency and duration.

Each figure is divided by its peer measured in the same run, because the
machine is shared and noisy: only the ratios compare between runs.
- "uncached" is a miss in our response cache: each request carries a
  query parameter of its own (`bench=N`), so it is built and stored, with
  the cache on as in production (pagination counts, cached per content
  generation, are warm after the first miss). Wagtail's API has no cache.
- "cached" repeats one URL: a hit.
- Lists and searches use the same page size (5) at both sizes, so a page is
  full at the demo's six articles too.

It builds its own databases (BENCH_DATABASE_URL, default `helpline_bench` on
the local PostgreSQL, and the same name with `_demo`; dropped and created
again each run) and uses its own Redis db index (BENCH_REDIS_URL, default db
5; flushed before and after). The demo database has the demo content alone
(6 articles); the large one is its copy with 10,000 more articles under the
same topic (`bench_content`, in bulk). Both are served at once, by a
gunicorn each, and every endpoint is measured on one and then at once on the
other, so the machine's load of the moment weighs on both figures of a
ratio alike. Then a cProfile of the uncached endpoints in this process, on
the large database: what is left.
Takes about three minutes. Not collected by pytest (file name).
"""

from __future__ import annotations

import cProfile
import io
import itertools
import os
import pstats
import subprocess
import sys
import time
from collections.abc import Callable
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from tests.benchmarks import servers  # noqa: E402
from tests.benchmarks.servers import Figures, get_request, say  # noqa: E402

SETTINGS = "config.settings.bench"
DATABASE_URL = os.environ.get("BENCH_DATABASE_URL", "postgres://postgres@127.0.0.1:5432/helpline_bench")
REDIS_URL = os.environ.get("BENCH_REDIS_URL", "redis://127.0.0.1:6379/5")
ARTICLES = int(os.environ.get("BENCH_ARTICLES", "10000"))
SECONDS = float(os.environ.get("BENCH_SECONDS", "4"))  # per endpoint and size, over all rounds
ROUNDS = int(os.environ.get("BENCH_ROUNDS", "2"))
WARM_UP_SECONDS = 1.0
CONCURRENCY = int(os.environ.get("BENCH_CONCURRENCY", "4"))
WORKERS = 2
PAGE_SIZE = 5
DETAIL_SLUG = "effects-of-ketamine"  # a demo article: hand-picked related, tags, helplines, FAQ
SEARCH_WORDS = "ketamine"

# Goals (issue 14): (name, endpoint, its peer, at least, or None for "at most" scaling).
GOALS = [
    ("uncached detail vs Wagtail API detail", "ours: article detail, uncached", "wagtail: page detail", 2.0),
    ("article list vs Wagtail API list", "ours: article list", "wagtail: page list", 1.0),
    ("article search vs Wagtail API search", "ours: article search", "wagtail: page search", 1.0),
    ("site search vs Wagtail API search", "ours: site search", "wagtail: page search", 1.0),
    ("cached detail vs JsonResponse floor", "ours: article detail, cached", "floor: JsonResponse", 0.8),
]
SCALING_LIMIT = 1.3


def server_environment(database_url: str = DATABASE_URL, *, cache_prefix: str = "bench") -> dict[str, str]:
    return {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": SETTINGS,
        "DATABASE_URL": database_url,
        "REDIS_URL": REDIS_URL,
        "CACHE_KEY_PREFIX": cache_prefix,
        "LOG_LEVEL": "WARNING",
        "PYTHONUNBUFFERED": "1",
        # WhiteNoise warns once per process when collectstatic has not run.
        "PYTHONWARNINGS": "ignore:No directory at",
    }


def demo_database_url() -> str:
    parts = urlsplit(DATABASE_URL)
    return urlunsplit(parts._replace(path=parts.path + "_demo"))


# --- set-up -------------------------------------------------------------------


def recreate_databases() -> None:
    """The demo database (migrated, demo content), and the large one as its
    copy, to which the articles are added later."""
    import psycopg

    demo, large = (urlsplit(url).path.lstrip("/") for url in (demo_database_url(), DATABASE_URL))
    maintenance = urlunsplit(urlsplit(DATABASE_URL)._replace(scheme="postgresql", path="/postgres"))
    with psycopg.connect(maintenance, autocommit=True) as connection:
        for name in (demo, large):
            connection.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        connection.execute(f'CREATE DATABASE "{demo}"')
        manage("migrate", "--noinput", database_url=demo_database_url())
        manage("load_demo_content", "--force", database_url=demo_database_url())
        connection.execute(f'CREATE DATABASE "{large}" TEMPLATE "{demo}"')


def flush_redis() -> None:
    import redis

    redis.Redis.from_url(REDIS_URL).flushdb()


def manage(*args: str, database_url: str) -> None:
    subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env=server_environment(database_url),
        check=True,
        stdout=subprocess.DEVNULL,
    )


@contextmanager
def gunicorn(database_url: str, *, cache_prefix: str):
    """gunicorn with 2 sync workers on a free port; yields the port."""
    with servers.gunicorn(server_environment(database_url, cache_prefix=cache_prefix), workers=WORKERS) as (
        port,
        _pid,
    ):
        yield port


# --- load ---------------------------------------------------------------------


def load(port: int, path_for: Callable[[], str], *, seconds: float = SECONDS) -> Figures:
    """`CONCURRENCY` threads GET `path_for()` back to back for `seconds`
    (after an unmeasured warm-up)."""
    return servers.load(
        port,
        lambda: get_request(path_for()),
        seconds=seconds,
        concurrency=CONCURRENCY,
        warm_up_seconds=WARM_UP_SECONDS,
    )


def endpoints(article_id: int) -> dict[str, Callable[[], str]]:
    unique = itertools.count()

    def miss(path: str) -> Callable[[], str]:
        joiner = "&" if "?" in path else "?"
        return lambda: f"{path}{joiner}bench={next(unique)}"

    wagtail = "/bench/wagtail/v2/pages/"
    return {
        "floor: JsonResponse": lambda: "/bench/floor/",
        "ours: article detail, cached": lambda: f"/api/v1/articles/{DETAIL_SLUG}/",
        "ours: article detail, uncached": miss(f"/api/v1/articles/{DETAIL_SLUG}/"),
        "wagtail: page detail": lambda: f"{wagtail}{article_id}/",
        "ours: article list": miss(f"/api/v1/articles/?page_size={PAGE_SIZE}"),
        "wagtail: page list": lambda: (
            f"{wagtail}?type=cms.ArticlePage&limit={PAGE_SIZE}&order=-first_published_at"
        ),
        "ours: article search": miss(f"/api/v1/articles/?q={SEARCH_WORDS}&page_size={PAGE_SIZE}"),
        "ours: site search": miss(f"/api/v1/search/?q={SEARCH_WORDS}&page_size={PAGE_SIZE}"),
        "wagtail: page search": lambda: (
            f"{wagtail}?type=cms.ArticlePage&search={SEARCH_WORDS}&limit={PAGE_SIZE}"
        ),
    }


def measure(article_id: int) -> tuple[dict[str, Figures], dict[str, Figures]]:
    """Each endpoint on the demo database's server, then at once on the large
    one's, in ROUNDS rounds that alternate between them: both sizes share the
    machine's load of the moment. Each keeps its best round, as `timeit`
    keeps its best: another process on the machine only ever slows a round
    (two runs on a machine with busy neighbours gave one unchanged endpoint
    1.12x and 1.66x from one round each)."""
    demo, large = {}, {}
    with (
        gunicorn(demo_database_url(), cache_prefix="bench-demo") as demo_port,
        gunicorn(DATABASE_URL, cache_prefix="bench-large") as large_port,
    ):
        for name, path_for in endpoints(article_id).items():
            rounds: dict[str, list[Figures]] = {"demo": [], "large": []}
            for _ in range(ROUNDS):
                for label, port in (("demo", demo_port), ("large", large_port)):
                    rounds[label].append(load(port, path_for, seconds=SECONDS / ROUNDS))
            for label, results in (("demo", demo), ("large", large)):
                results[name] = max(rounds[label], key=lambda figures: figures.requests_per_second)
                figures = results[name]
                say(
                    f"  {label:>5} {name:32} {figures.requests_per_second:8.1f} req/s  "
                    f"p50 {figures.p50_ms:7.2f} ms  p99 {figures.p99_ms:7.2f} ms  errors "
                    f"{sum(other.errors for other in rounds[label])}  (best of {ROUNDS})"
                )
    return demo, large


# --- profile ------------------------------------------------------------------


def profile(article_id: int) -> str:
    """cProfile of the uncached endpoints in this process: where the time
    of a miss goes, our own functions first."""
    from django.test import Client

    client = Client(HTTP_HOST="127.0.0.1")
    profiled = ("ours: article detail, uncached", "ours: article list", "ours: site search")
    paths = [path_for for name, path_for in endpoints(article_id).items() if name in profiled]
    for path_for in paths:  # warm up
        client.get(path_for())
    profiler = cProfile.Profile()
    profiler.enable()
    for _ in range(30):
        for path_for in paths:
            assert client.get(path_for()).status_code == 200
    profiler.disable()
    out = io.StringIO()
    stats = pstats.Stats(profiler, stream=out).sort_stats("cumulative")
    stats.print_stats(r"/(api|cms)/", 25)
    out.write("\nBy own time (all code):\n")
    stats.sort_stats("tottime").print_stats(15)
    return out.getvalue()


# --- report -------------------------------------------------------------------


def report(demo: dict[str, Figures], large: dict[str, Figures], articles: int) -> None:
    say("")
    say(
        f"Ratios (same run; {WORKERS} gunicorn workers, {CONCURRENCY} client threads, page size {PAGE_SIZE}):"
    )
    say(f"  {'goal':44} {'demo':>7} {f'{articles:,}':>7}  {'target':>8}")
    for name, ours, peer, at_least in GOALS:
        ratios = [
            sizes[ours].requests_per_second / sizes[peer].requests_per_second for sizes in (demo, large)
        ]
        verdict = "met" if all(ratio >= at_least for ratio in ratios) else "NOT MET"
        say(f"  {name:44} {ratios[0]:6.2f}x {ratios[1]:6.2f}x  >= {at_least:.1f}x  {verdict}")
    say(f"  p50 at {articles:,} articles / p50 at the demo's 6:")
    for name in demo:
        ratio = large[name].p50_ms / demo[name].p50_ms
        target = f"<= {SCALING_LIMIT}x  {'met' if ratio <= SCALING_LIMIT else 'NOT MET'}"
        say(f"    {name:42} {ratio:6.2f}x         {target if name.startswith('ours') else ''}")


def main() -> None:
    os.environ.update(server_environment())
    started = time.monotonic()
    say(f"Databases {demo_database_url()} and {DATABASE_URL} (created again), Redis {REDIS_URL} (flushed)")
    for variable, prepare in (("BENCH_DATABASE_URL", recreate_databases), ("BENCH_REDIS_URL", flush_redis)):
        try:
            prepare()
        except Exception as exc:  # noqa: BLE001 - one line naming the variable, as config/errors.py does
            raise SystemExit(f"error: {variable}: {type(exc).__name__}: {exc}".splitlines()[0]) from None

    import django

    django.setup()  # on the large database
    from django.db import connection

    from cms.models import ArticlePage
    from tests.benchmarks.bench_content import articles_load, demo_topic

    article_id = ArticlePage.objects.get(slug=DETAIL_SLUG).pk
    loading = time.monotonic()
    total = articles_load(count=ARTICLES, topic=demo_topic())
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")  # as autovacuum would soon after a bulk load
    connection.close()
    say(f"Demo content: 6 articles; the large database: {ARTICLES:,} more ({total:,} in the topic), loaded")
    say(
        f"in {time.monotonic() - loading:.0f} s. Each endpoint {SECONDS:.0f} s on each, "
        f"in {ROUNDS} alternating rounds:"
    )
    flush_redis()
    demo, large = measure(article_id)

    report(demo, large, ARTICLES)
    say("\nProfile of the uncached endpoints in-process (cProfile), at the larger size:")
    flush_redis()  # the profiled requests must be misses
    say(profile(article_id))
    flush_redis()
    say(f"Benchmark took {time.monotonic() - started:.0f} s.")


if __name__ == "__main__":
    main()
