"""SMS understanding benchmark: `make bench`. Prints ratios, not verdicts.

Every text of the understanding corpus (both halves) is read by
`sms.understanding.matcher.understand` with the built-in context (demo
topics, the tuning half as examples, the shipped intent model), each call
timed on its own over BENCH_ROUNDS rounds after an untimed warm-up, beside
the same floors as the screener's benchmark and the crisis screener itself,
which reads every text first. Only the ratios compare between runs on a
shared, noisy machine. Not collected by pytest (file name), never part of
`make test`.
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from tests.benchmarks.bench_screening import ROUNDS, floors, print_times, time_per_text  # noqa: E402


def main() -> None:
    from sms.screening import screen
    from sms.understanding import builtin
    from sms.understanding.evaluation import SPLITS, load_corpus
    from sms.understanding.matcher import understand

    context = builtin.context()
    texts = [item.text for split in SPLITS for item in load_corpus(split)]
    figures = time_per_text(
        {
            **floors(),
            "screen()": screen,
            "understand()": lambda message: understand(message, context=context),
        },
        texts,
    )
    print(f"understanding time per text: {len(texts)} texts x {ROUNDS} rounds")  # noqa: T201
    print_times(figures, "understand()", ("sms.text.words", "screen()"))


if __name__ == "__main__":
    main()
