"""SMS understanding benchmark: `make bench`. Prints ratios, not verdicts.

Every text of the understanding corpus (both halves) is read by
`sms.understanding.matcher.understand` with the built-in context (demo
topics, the tuning half as examples, the shipped intent model), each call
timed on its own over BENCH_ROUNDS rounds after an untimed warm-up, beside
the same floors as the screener's benchmark (`sms.text.words`, one regex
search) and the crisis screener itself, which reads every text first.
Only the ratios compare between runs on a shared, noisy machine.
Not collected by pytest (file name), never part of `make test`.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from tests.benchmarks.bench_screening import ROUNDS, _p50_p99_ms, _timed_ns  # noqa: E402


def main() -> None:
    from sms import text
    from sms.screening import screen
    from sms.understanding import builtin
    from sms.understanding.evaluation import SPLITS, load_corpus
    from sms.understanding.matcher import understand

    context = builtin.context()
    texts = [item.text for split in SPLITS for item in load_corpus(split)]
    simple = re.compile(r"\bhelp\b", re.IGNORECASE)
    candidates: dict[str, Callable[[str], object]] = {
        "re.search (one regex)": simple.search,
        "sms.text.words": text.words,
        "screen()": screen,
        "understand()": lambda message: understand(message, context=context),
    }
    for action in candidates.values():  # warm-up: builds the example index, loads the model
        for message in texts:
            action(message)
    samples: dict[str, list[int]] = {name: [] for name in candidates}
    for _ in range(ROUNDS):
        for message in texts:
            for name, action in candidates.items():
                samples[name].append(_timed_ns(action, message))
    figures = {name: _p50_p99_ms(values) for name, values in samples.items()}
    print(f"understanding time per text: {len(texts)} texts x {ROUNDS} rounds")  # noqa: T201
    print(f"{'':28} {'p50 ms':>9} {'p99 ms':>9}")  # noqa: T201
    for name, (p50, p99) in figures.items():
        print(f"{name:28} {p50:9.4f} {p99:9.4f}")  # noqa: T201
    p50, p99 = figures["understand()"]
    for floor in ("sms.text.words", "screen()"):
        floor_p50, floor_p99 = figures[floor]
        print(f"{'understand() / ' + floor:28} {p50 / floor_p50:8.1f}x {p99 / floor_p99:8.1f}x")  # noqa: T201


if __name__ == "__main__":
    main()
