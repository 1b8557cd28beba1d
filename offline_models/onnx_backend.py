"""MiniLM through ONNX Runtime: the same weights as the pinned package, without PyTorch at run time.

`python -m offline_models.export` turns the pinned package's model into an ONNX graph once, at
build time, next to the exact tokenizer that sentence-transformers uses for it. This module
loads that folder and encodes the way the sentence-transformers pipeline of the package does
(`modules.json`: Transformer, mean Pooling, Normalize): truncate to `max_seq_length`, pad to the
longest text in the batch, mean-pool the token vectors under the attention mask, L2-normalise.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import numpy as np

# What the export writes; the loader refuses a folder without all of them.
GRAPH = "model.onnx"
TOKENIZER = "tokenizer.json"
META = "export.json"
# Bump when the export's layout or meaning changes, so an old folder is refused.
EXPORT_VERSION = 1


class OnnxSentenceEncoder:
    """An `encode` with the same contract as SentenceTransformer.encode for this model."""

    def __init__(self, folder: Path, *, threads: int = 1) -> None:
        import onnxruntime as ort
        from tokenizers import Tokenizer

        meta = json.loads((folder / META).read_text())
        if meta.get("export_version") != EXPORT_VERSION:
            raise ValueError(f"{folder} is from another export version")
        self.folder = folder
        self.meta = meta
        self.max_seq_length = int(meta["max_seq_length"])
        self.tokenizer = Tokenizer.from_file(str(folder / TOKENIZER))
        self.tokenizer.enable_truncation(max_length=self.max_seq_length)
        self.tokenizer.enable_padding(pad_id=int(meta["pad_id"]), pad_token=meta["pad_token"])
        options = ort.SessionOptions()
        options.intra_op_num_threads = threads
        options.inter_op_num_threads = 1
        options.graph_optimization_level = ort.GraphOptimizationLevel.ORT_ENABLE_ALL
        self.session = ort.InferenceSession(
            str(folder / GRAPH), sess_options=options, providers=["CPUExecutionProvider"]
        )
        self.input_names = {i.name for i in self.session.get_inputs()}

    def _batch(self, texts: list[str]) -> np.ndarray[Any, Any]:
        encodings = self.tokenizer.encode_batch(texts)
        ids = np.asarray([e.ids for e in encodings], dtype=np.int64)
        mask = np.asarray([e.attention_mask for e in encodings], dtype=np.int64)
        feeds = {"input_ids": ids, "attention_mask": mask}
        if "token_type_ids" in self.input_names:
            feeds["token_type_ids"] = np.asarray([e.type_ids for e in encodings], dtype=np.int64)
        (tokens,) = self.session.run(["last_hidden_state"], feeds)
        weights = mask[:, :, None].astype(np.float32)
        summed = (tokens * weights).sum(axis=1)
        pooled = summed / np.clip(weights.sum(axis=1), 1e-9, None)
        norms = np.linalg.norm(pooled, axis=1, keepdims=True)
        return np.asarray(pooled / np.clip(norms, 1e-12, None), dtype=np.float32)

    def encode(
        self,
        sentences: str | Sequence[str],
        batch_size: int = 32,
        normalize_embeddings: bool = False,
        **_: Any,
    ) -> np.ndarray[Any, Any]:
        """Unit-length embeddings, one row per text (a single row for a single string).

        The package's pipeline ends in a Normalize module, so the vectors are unit length
        whatever `normalize_embeddings` says, exactly as with the torch backend.
        """
        single = isinstance(sentences, str)
        texts = [sentences] if isinstance(sentences, str) else list(sentences)
        if not texts:
            return np.zeros((0, int(self.meta["dimension"])), dtype=np.float32)
        # Like sentence-transformers: batch by length so short texts are not padded to long ones.
        order = np.argsort([-len(t) for t in texts], kind="stable")
        out = np.empty((len(texts), int(self.meta["dimension"])), dtype=np.float32)
        for start in range(0, len(texts), batch_size):
            chunk = order[start : start + batch_size]
            out[chunk] = self._batch([texts[i] for i in chunk])
        return out[0] if single else out
