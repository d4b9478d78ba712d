"""Synthetic records for benchmarks and tests: `python -m yinglie.synthetic`.

`python -m yinglie.synthetic --martyrs 5000 --notices 3000 --facilities 60 DIR` writes
`DIR/martyrs/synth-00001.yml` ... that pass the same validation as real records.
Each record kind in `kinds.KINDS` with a `synthetic` writer writes its own (the
words and places they are made of are in synthdata.py). Everything is seeded, so
one size always gives the same files.
"""

from __future__ import annotations

import argparse
from dataclasses import dataclass
from pathlib import Path

from .kinds import KINDS
from .synthdata import MARK, martyr_records, to_yaml, write_martyrs  # noqa: F401 - used by bench and tests


@dataclass(frozen=True)
class Sizes:
    martyrs: int
    notices: int = 0
    facilities: int = 0


# The sizes by record kind, as `--martyrs`, `--notices`, `--facilities` name them.
SIZE_OF_KIND = {"martyr": "martyrs", "notice": "notices", "facility": "facilities"}


def generate(root: Path, sizes: Sizes, seed: int = 0) -> dict[str, int]:
    """Write synthetic records of every kind that has a writer; how many of each were written."""
    written = {}
    for kind in KINDS:
        size = SIZE_OF_KIND.get(kind.name)
        if kind.synthetic is not None and size is not None:
            count = getattr(sizes, size)
            written[size] = kind.synthetic(root, count, seed) if count or size == "martyrs" else 0
    return written


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m yinglie.synthetic", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("root", type=Path, help="project folder to write martyrs/ (and honors/) into")
    parser.add_argument("--martyrs", type=int, default=100)
    parser.add_argument("--notices", type=int, default=0)
    parser.add_argument("--facilities", type=int, default=0)
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args(argv)
    written = generate(args.root, Sizes(args.martyrs, args.notices, args.facilities), args.seed)
    print(", ".join(f"{kind}: {count}" for kind, count in written.items()))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
