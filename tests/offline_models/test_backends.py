"""The ONNX export is the same model as the PyTorch one, and neither reaches for a network.

The export is built here, into a temporary folder, exactly as the build does it, with every
socket refused; so these tests do not depend on `make install` having run.
"""

from __future__ import annotations

import logging
import os
import socket
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import numpy as np
import pytest

import offline_models
from offline_models import onnx_sentence_model, torch_sentence_model
from offline_models.export import export
from offline_models.onnx_backend import OnnxSentenceEncoder
from tests.offline_models.sentences import SENTENCES


class NetworkUsed(AssertionError):
    pass


def _refuse(*args: Any, **kwargs: Any) -> None:
    raise NetworkUsed(f"network access attempted: {args[:2]!r}")


@pytest.fixture(scope="module")
def no_network() -> Iterator[None]:
    """Every outgoing connection and name look-up fails loudly while the fixture holds."""
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(socket.socket, "connect", _refuse)
        mp.setattr(socket.socket, "connect_ex", _refuse)
        mp.setattr(socket, "create_connection", _refuse)
        mp.setattr(socket, "getaddrinfo", _refuse)
        yield


@pytest.fixture(scope="module")
def exported(tmp_path_factory: pytest.TempPathFactory, no_network: None) -> Path:
    return export(tmp_path_factory.mktemp("export") / "minilm-onnx")


@pytest.fixture(scope="module")
def both(exported: Path, no_network: None) -> tuple[Any, OnnxSentenceEncoder]:
    torch_model = torch_sentence_model()
    onnx_model = onnx_sentence_model(exported)
    assert os.environ.get("HF_HUB_OFFLINE") == "1"
    return torch_model, onnx_model


def test_the_sentences_are_varied() -> None:
    lengths = [len(s) for s in SENTENCES]
    assert len(SENTENCES) == 50
    assert min(lengths) == 0 and max(lengths) >= 2000
    assert any(not s.strip() for s in SENTENCES)


def test_onnx_embeddings_match_torch_per_sentence(both: tuple[Any, OnnxSentenceEncoder]) -> None:
    torch_model, onnx_model = both
    expected = torch_model.encode(SENTENCES, normalize_embeddings=True, batch_size=64)
    got = onnx_model.encode(SENTENCES, normalize_embeddings=True, batch_size=64)
    assert got.shape == expected.shape == (50, 384)
    assert got.dtype == np.float32
    cosine = (expected * got).sum(axis=1) / (
        np.linalg.norm(expected, axis=1) * np.linalg.norm(got, axis=1)
    )
    worst = int(np.argmin(cosine))
    assert cosine.min() >= 0.99, f"sentence {worst}: cosine {cosine[worst]:.5f}"
    # The same fp32 weights: in practice the two agree to rounding.
    assert cosine.min() >= 0.9999


def test_one_at_a_time_matches_the_batch(both: tuple[Any, OnnxSentenceEncoder]) -> None:
    """Padding to the batch's longest text does not change a text's vector."""
    _, onnx_model = both
    batch = onnx_model.encode(SENTENCES, batch_size=7)
    alone = np.stack([onnx_model.encode([s])[0] for s in SENTENCES])
    assert np.abs(batch - alone).max() < 1e-4
    assert onnx_model.encode("a single string").shape == (384,)
    assert onnx_model.encode([]).shape == (0, 384)


def test_unit_length_as_with_torch(both: tuple[Any, OnnxSentenceEncoder]) -> None:
    """The package's pipeline ends in Normalize, so both backends return unit vectors."""
    torch_model, onnx_model = both
    for model in (torch_model, onnx_model):
        norms = np.linalg.norm(model.encode(SENTENCES[:10]), axis=1)
        assert np.allclose(norms, 1.0, atol=1e-5)


def test_tokens_are_those_sentence_transformers_makes(
    both: tuple[Any, OnnxSentenceEncoder],
) -> None:
    torch_model, onnx_model = both
    expected = [
        torch_model.tokenizer(s, truncation=True, max_length=torch_model.max_seq_length)[
            "input_ids"
        ]
        for s in SENTENCES
    ]
    got = []
    for s in SENTENCES:
        encoding = onnx_model.tokenizer.encode(s)
        got.append([i for i, m in zip(encoding.ids, encoding.attention_mask, strict=True) if m])
    assert got == expected
    assert max(len(ids) for ids in got) == 256


@pytest.fixture
def fresh_sentence_model() -> Iterator[None]:
    offline_models.sentence_model.cache_clear()
    yield
    offline_models.sentence_model.cache_clear()


def _load_and_log(caplog: pytest.LogCaptureFixture) -> tuple[object, list[str]]:
    """The loaded model and what the loader said about which backend it chose."""
    with caplog.at_level(logging.INFO, logger="offline_models"):
        model = offline_models.sentence_model()
    return model, [r.getMessage() for r in caplog.records if r.name == "offline_models"]


def test_loader_prefers_the_export_and_says_so(
    exported: Path,
    no_network: None,
    fresh_sentence_model: None,
    monkeypatch: pytest.MonkeyPatch,
    caplog: pytest.LogCaptureFixture,
) -> None:
    monkeypatch.setenv("PEP_VOICE_MINILM_ONNX", str(exported))
    model, lines = _load_and_log(caplog)
    assert isinstance(model, OnnxSentenceEncoder)
    assert len(lines) == 1 and "ONNX Runtime" in lines[0]
    assert os.environ.get("HF_HUB_OFFLINE") == "1"


@pytest.mark.parametrize("export", ["absent", "broken"])
def test_loader_falls_back_to_torch_without_a_working_export(
    export: str,
    exported: Path,
    tmp_path: Path,
    no_network: None,
    fresh_sentence_model: None,
    monkeypatch: pytest.MonkeyPatch,
    caplog: pytest.LogCaptureFixture,
) -> None:
    """No export at all, or one whose files are missing: PyTorch, still offline."""
    from sentence_transformers import SentenceTransformer

    path = tmp_path / export
    if export == "broken":
        path.mkdir()
        (path / "export.json").write_text((exported / "export.json").read_text())
    monkeypatch.setenv("PEP_VOICE_MINILM_ONNX", str(path))
    model, lines = _load_and_log(caplog)
    assert isinstance(model, SentenceTransformer)
    assert len(lines) == 1 and "PyTorch" in lines[0]
    assert os.environ.get("HF_HUB_OFFLINE") == "1"
