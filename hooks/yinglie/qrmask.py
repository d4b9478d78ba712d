"""The best mask of a QR code, chosen as segno chooses it, about ten times faster.

The standard (ISO/IEC 18004:2015, 7.8.3) asks for the data mask with the lowest
penalty score, which keeps a code readable when a plaque weathers. segno scores the
eight masks in pure Python (about 4.6 ms a code, two thirds of making one). Here the
same scores are computed for all eight masks at once with numpy, from the code segno
makes with mask 0: its data modules with mask 0 removed are the unmasked symbol, and
the rest (finder, timing and alignment patterns, the reserved format and version
areas) is what segno's own function-pattern helpers draw. The rules follow segno's
`mask_scores` exactly, quirks included (the 1:1:3:1:1 search skips ahead after a
match as segno's does, and ties go to the lower mask number), so `make_qr(url, error)`
has the mask `segno.make_qr(url)` chooses: tests/test_qr_mask.py compares them on
500 addresses (QR versions 1 to 10, every mask chosen), the scores with segno's own, and
the files byte for byte. The code is then the mask-0 code with its data modules masked
again and its format information rewritten, as segno draws them. The function
patterns come from segno's encoder module (pinned in requirements.txt): after
upgrading segno, run that test.
"""

from __future__ import annotations

import numpy as np
import segno
from segno import encoder

_N3 = bytes((1, 0, 1, 1, 1, 0, 1))


def _masks(size: int) -> np.ndarray:
    """The eight QR data mask patterns (1 where the module is flipped), shape (8, size, size)."""
    i, j = np.indices((size, size))
    return np.array([
        (i + j) % 2 == 0, i % 2 == 0, j % 3 == 0, (i + j) % 3 == 0,
        (i // 2 + j // 3) % 2 == 0, (i * j) % 2 + (i * j) % 3 == 0,
        ((i * j) % 2 + (i * j) % 3) % 2 == 0, ((i + j) % 2 + (i * j) % 3) % 2 == 0,
    ], dtype=np.uint8)


def _function_patterns(size: int) -> tuple[np.ndarray, np.ndarray]:
    """(the modules as segno scores them before data is placed, the data region)."""
    matrix = encoder.make_matrix(size, size)
    encoder.add_finder_patterns(matrix, size, size)
    encoder.add_alignment_patterns(matrix, size, size)
    drawn = np.array([list(row) for row in matrix], dtype=np.uint8)
    region = drawn > 1
    region[-8, 8] = False  # the dark module, as segno's find_and_apply_best_mask marks it
    return drawn, region


_CACHE: dict[int, tuple[np.ndarray, np.ndarray, np.ndarray]] = {}


def _layout(size: int):
    if size not in _CACHE:
        drawn, region = _function_patterns(size)
        _CACHE[size] = (drawn, region, _masks(size))
    return _CACHE[size]


def _run_penalty(lines: np.ndarray) -> np.ndarray:
    """N1 for each of a stack of matrices, along their last axis: each run of 5 or more
    equal modules costs its length minus 2."""
    count, rows, size = lines.shape
    change = np.ones((count, rows, size + 1), dtype=bool)
    change[:, :, 1:size] = lines[:, :, 1:] != lines[:, :, :-1]
    total = np.zeros(count, dtype=np.int64)
    for k in range(count):
        starts = np.flatnonzero(change[k].ravel())
        # runs never cross a line: each line has its own start and end (size + 1 wide)
        lengths = np.diff(starts)
        ends_of_line = (starts[:-1] % (size + 1)) != size
        lengths = lengths[ends_of_line]
        total[k] = int((lengths[lengths >= 5] - 2).sum())
    return total


def _n3(seq: bytes, size: int) -> int:
    """segno's 1:1:3:1:1 search on one row or column, with its skips after a match."""
    count = 0
    idx = seq.find(_N3)
    while idx != -1:
        offset = idx + 7
        if idx in (0, size - 7) or not any(seq[max(idx - 4, 0):idx]) or not any(seq[offset:offset + 4]):
            count += 40
        else:
            offset = idx + 4
        idx = seq.find(_N3, offset)
    return count


def scores(matrix0: np.ndarray) -> np.ndarray:
    """The penalty score of each of the eight masks, from the matrix segno made with mask 0."""
    size = matrix0.shape[0]
    drawn, region, masks = _layout(size)
    unmasked = np.where(region, matrix0 ^ masks[0], drawn)
    candidates = np.where(region, unmasked ^ masks, unmasked)  # (8, size, size)
    n1 = _run_penalty(candidates) + _run_penalty(candidates.transpose(0, 2, 1))
    same = ((candidates[:, 1:, 1:] == candidates[:, 1:, :-1]) & (candidates[:, 1:, 1:] == candidates[:, :-1, 1:])
            & (candidates[:, 1:, 1:] == candidates[:, :-1, :-1]))
    n2 = 3 * same.sum(axis=(1, 2))
    dark = candidates.sum(axis=(1, 2), dtype=np.int64)
    n4 = np.array([10 * int(abs(float(d) / size ** 2 * 100 - 50) / 5) for d in dark])
    n3 = np.zeros(8, dtype=np.int64)
    for lines in (candidates, candidates.transpose(0, 2, 1)):
        # Only lines holding the pattern at all go through segno's search (a few of them).
        hits = np.ones((8, size, size - 6), dtype=bool)
        for k, module in enumerate(_N3):
            hits &= lines[:, :, k:size - 6 + k] == module
        for mask, line in zip(*np.nonzero(hits.any(axis=2))):
            n3[mask] += _n3(lines[mask, line].tobytes(), size)
    return n1 + n2 + n3 + n4


def make_qr(content: str, error: str) -> segno.QRCode:
    """segno.make_qr(content, error=error), the same code, made faster."""
    code = encoder.encode(content, error, mask=0, micro=False)  # what segno.make_qr(mask=0) wraps
    matrix0 = np.frombuffer(b"".join(code.matrix), dtype=np.uint8).reshape(len(code.matrix), -1)
    best = int(np.argmin(scores(matrix0)))  # the first of equal scores, as segno
    if best != 0:
        # The data modules masked with `best` instead of mask 0, and the format information
        # that names the mask written again: what segno makes with mask=best, without
        # encoding the content a second time.
        _, region, masks = _layout(len(matrix0))
        remasked = np.where(region, matrix0 ^ masks[0] ^ masks[best], matrix0)
        matrix = tuple(bytearray(row.tobytes()) for row in remasked)
        encoder.add_format_info(matrix, code.version, code.error, best)
        code = code._replace(matrix=matrix, mask=best)
    return segno.QRCode(code)
