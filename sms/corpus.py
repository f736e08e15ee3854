"""Labelled corpora for what reads texts (the crisis screener, the intent
matcher): plain text files a reviewer can read and extend, one
`LABEL | text` a line, `#` for comments."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path


class CorpusError(ValueError):
    pass


def labelled_lines(path: Path) -> Iterator[tuple[str, str, str]]:
    """(label, text, "file.txt:line") for every labelled line of `path`."""
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip() or line.startswith("#"):
            continue
        label, separator, message = line.partition(" | ")
        if not separator or not message.strip() or not label.strip():
            raise CorpusError(f"{path.name}:{number}: expected 'LABEL | text'")
        yield label.strip(), message.strip(), f"{path.name}:{number}"
