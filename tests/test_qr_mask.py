"""qrmask chooses the mask segno chooses, so the codes are the same, only made faster."""

from __future__ import annotations

import random

import numpy as np
import segno

from yinglie import qrcodes, qrmask


def addresses(count: int, seed: int) -> list[str]:
    """Addresses of every length a site may have: QR versions 1 to about 10 at level Q
    (version information from version 7 on)."""
    rng = random.Random(seed)
    alphabet = "abcdefghijklmnopqrstuvwxyz0123456789-/._~%"
    return [f"https://{rng.choice(['a.cn', 'www.example.gov.cn', 'x.org'])}/"
            + "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 200)))
            for _ in range(count)]


def test_the_mask_is_the_one_segno_chooses():
    urls = addresses(400, seed=15) + [f"https://www.example.gov.cn/zt/yinglie/martyrs/synth-{i:05d}/" for i in range(100)]
    versions, masks = set(), set()
    for url in urls:
        expected = segno.make_qr(url, error="q")
        assert qrmask.make_qr(url, "q").mask == expected.mask, url
        versions.add(expected.version)
        masks.add(expected.mask)
    assert max(versions) >= 7 and len(masks) == 8  # with version information, and every mask chosen


def test_the_scores_are_segnos():
    from segno import encoder  # the scoring the standard describes, as segno implements it

    for url in addresses(20, seed=3):
        code = segno.make_qr(url, error="q", mask=0)
        matrix0 = np.frombuffer(b"".join(code.matrix), dtype=np.uint8).reshape(len(code.matrix), -1)
        ours = qrmask.scores(matrix0)
        # segno's own score of each mask, from the same unmasked symbol
        drawn, region, masks = qrmask._layout(len(code.matrix))
        unmasked = np.where(region, matrix0 ^ masks[0], drawn)
        for number in range(8):
            candidate = np.where(region, unmasked ^ masks[number], unmasked)
            rows = tuple(bytearray(row.tobytes()) for row in candidate)
            assert ours[number] == encoder.evaluate_mask(rows, len(rows), len(rows)), (url, number)


def test_files_are_byte_identical_to_segnos_own_choice(monkeypatch):
    urls = addresses(30, seed=7)
    fast = [qrcodes.qr_code(url) for url in urls]
    monkeypatch.setattr(qrcodes, "make_qr", lambda url, error: segno.make_qr(url, error=error))
    assert fast == [qrcodes.qr_code(url) for url in urls]


def test_the_code_is_segnos_module_for_module():
    urls = addresses(300, seed=21) + [f"https://www.example.gov.cn/zt/yinglie/martyrs/synth-{i:05d}/" for i in range(60)]
    masks = set()
    for url in urls:
        expected, ours = segno.make_qr(url, error="q"), qrmask.make_qr(url, "q")
        assert (ours.version, ours.error, ours.mask) == (expected.version, expected.error, expected.mask), url
        assert ours.matrix == expected.matrix, url
        masks.add(ours.mask)
    assert len(masks) == 8
