"""Crisis screener benchmark: `make bench`. Prints ratios, not verdicts.

Time: every text of the development corpus (tuning and held-out halves) is
screened with `sms.screening.screen` (built-in rules only, no editors'
rules, as with an empty `ScreeningContext`), each call timed on its own,
over BENCH_ROUNDS rounds after one untimed warm-up pass. p50 and p99 are
divided by the same figures for two floors timed in the same loop on the same
texts: `sms.text.words` (the normalisation the screener starts with) and one
`re.search` of one simple compiled regex (mostly the timer's own cost).
Machines are shared and noisy, so only the ratios are comparable between
runs; the target is printed beside them.

Memory: fresh interpreters (`sys.executable -c`) read their resident set
(VmRSS) before and after importing `sms.screening` and screening one text
(which compiles the patterns), first with `django.setup()` done beforehand
(test settings, no database: a worker has Django loaded anyway), then in a
bare interpreter (the whole cost, `sms.text` and rapidfuzz included). A peer
import is measured the same way as a floor.
Not collected by pytest (file name), never part of `make test`.
"""

from __future__ import annotations

import json
import os
import re
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

ROUNDS = int(os.environ.get("BENCH_ROUNDS", "5"))
ROOT = Path(__file__).resolve().parents[2]
TARGET_P99_MS = 5.0
TARGET_MEMORY_MB = 150.0
ONE_TEXT = "my friend took loads of pills and wont wake up what do i do"

# Run in a fresh interpreter: argv is [setup, action, text]. Prints JSON.
_CHILD = """
import gc, json, sys

def rss_kb():
    try:
        with open("/proc/self/status") as status:
            for line in status:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1])
    except OSError:
        pass
    import resource  # peak, not current: kB on Linux, bytes on macOS
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak // 1024 if sys.platform == "darwin" else peak

setup, action, text = sys.argv[1:4]
if setup == "django":
    import django
    django.setup()
modules = {"screener": "sms.screening", "json+decimal": "decimal", "rapidfuzz": "rapidfuzz"}[action]
preloaded = modules in sys.modules
gc.collect()
before = rss_kb()
if action == "screener":
    import sms.screening
    sms.screening.screen(text)
elif action == "json+decimal":
    import json, decimal
    json.loads(json.dumps({"n": str(decimal.Decimal("1.5"))}))
else:
    from rapidfuzz.distance import DamerauLevenshtein
    DamerauLevenshtein.distance("overdose", "overdsoe")
gc.collect()
print(json.dumps({"before": before, "after": rss_kb(), "preloaded": preloaded}))
"""


def _timed_ns(action: Callable[[str], object], text: str) -> int:
    start = time.perf_counter_ns()
    action(text)
    return time.perf_counter_ns() - start


def _p50_p99_ms(samples: list[int]) -> tuple[float, float]:
    cuts = statistics.quantiles(samples, n=100, method="inclusive")
    return cuts[49] / 1e6, cuts[98] / 1e6


def _rss_child(setup: str, action: str) -> dict:
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "config.settings.test"}
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(ROOT), env.get("PYTHONPATH", "")]))
    result = subprocess.run(
        [sys.executable, "-c", _CHILD, setup, action, ONE_TEXT],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        check=True,
    )
    return json.loads(result.stdout.strip().splitlines()[-1])


def floors() -> dict[str, Callable[[str], object]]:
    """What every per-text timing is divided by: one simple regex search
    (mostly the timer's own cost) and the normalisation readers start with."""
    from sms import text

    simple = re.compile(r"\bhelp\b", re.IGNORECASE)
    return {"re.search (one regex)": simple.search, "sms.text.words": text.words}


def time_per_text(candidates: dict[str, Callable[[str], object]], texts: list[str]) -> dict:
    """p50 and p99 milliseconds per call of each candidate, after one untimed
    warm-up pass (compiling patterns, loading models, filling caches)."""
    for action in candidates.values():
        for message in texts:
            action(message)
    samples: dict[str, list[int]] = {name: [] for name in candidates}
    for _ in range(ROUNDS):
        for message in texts:  # interleaved, so noise falls on all of them alike
            for name, action in candidates.items():
                samples[name].append(_timed_ns(action, message))
    return {name: _p50_p99_ms(values) for name, values in samples.items()}


def print_times(figures: dict, subject: str, peers: tuple[str, ...]) -> None:
    """The table, then `subject`'s figures as ratios to each of `peers`."""
    print(f"{'':28} {'p50 ms':>9} {'p99 ms':>9}")  # noqa: T201
    for name, (p50, p99) in figures.items():
        print(f"{name:28} {p50:9.4f} {p99:9.4f}")  # noqa: T201
    subject_p50, subject_p99 = figures[subject]
    for peer in peers:
        p50, p99 = figures[peer]
        label = f"{subject} / {peer.split(' ')[0]}"
        print(f"{label:28} {subject_p50 / p50:8.1f}x {subject_p99 / p99:8.1f}x")  # noqa: T201


def bench_time() -> None:
    from sms.screening import screen
    from sms.screening.evaluation import SPLITS, load_corpus

    corpora = {split: [item.text for item in load_corpus(split)] for split in SPLITS}
    texts = [message for split in SPLITS for message in corpora[split]]
    figures = time_per_text({**floors(), "screen()": screen}, texts)

    halves = " + ".join(f"{split} {len(corpora[split])}" for split in SPLITS)
    print(  # noqa: T201
        f"screening time per text: {len(texts)} texts ({halves}) x {ROUNDS} rounds "
        f"= {len(texts) * ROUNDS} calls each, built-in rules only"
    )
    print_times(figures, "screen()", ("sms.text.words", "re.search (one regex)"))
    screen_p99 = figures["screen()"][1]
    print(f"target: screen() p99 < {TARGET_P99_MS:g} ms; this run {screen_p99:.3f} ms")  # noqa: T201


def bench_memory() -> None:
    print()  # noqa: T201
    print("resident memory added (fresh interpreter, VmRSS before -> after):")  # noqa: T201
    rows = [
        ("django", "screener", "worker: import sms.screening + screen(1 text)"),
        ("django", "json+decimal", "worker: floor, import json + decimal"),
        ("bare", "screener", "bare: import sms.screening + screen(1 text)"),
        ("bare", "json+decimal", "bare: floor, import json + decimal"),
        ("bare", "rapidfuzz", "bare: peer, import rapidfuzz"),
    ]
    for setup, action, label in rows:
        child = _rss_child(setup, action)
        added = (child["after"] - child["before"]) / 1024
        note = " (already imported by django.setup())" if child["preloaded"] else ""
        if child["preloaded"] and action == "screener":
            note = " (imported by django.setup(): compiling the patterns only)"
        print(  # noqa: T201
            f"{label:48} {child['before'] / 1024:7.1f} -> {child['after'] / 1024:7.1f} MB"
            f"  {added:+7.2f} MB{note}"
        )
    print(f"target: the screener adds < {TARGET_MEMORY_MB:g} MB to a worker")  # noqa: T201


def main() -> None:
    sys.path.insert(0, str(ROOT))
    bench_time()
    bench_memory()


if __name__ == "__main__":
    main()
