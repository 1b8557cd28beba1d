"""Measure the MiniLM backends against each other, interleaved in one run.

    python -m offline_models.bench [--rounds N] [--screen]

The machine is shared, so absolute times drift: every round times each backend once, in a
rotating order, and the ratio between backends within the run is what to read. `--screen`
also times `safeguarding.screen_tiers` on each message of the frozen test files (only their
timing and whether the tiers agree are reported, never their text).
"""

from __future__ import annotations

import argparse
import json
import time
from collections.abc import Callable, Sequence
from typing import Any

import numpy as np

from offline_models import ROOT, onnx_sentence_model, torch_sentence_model

# Short, ordinary texts of the length a message unit has; not from any data set.
UNITS = [
    "I like maths because the teacher explains it slowly",
    "my best friend sits next to me in science",
    "sometimes lunch is too loud and I go to the library",
    "I want to get better at reading long books",
    "the bus was late again this morning",
    "we did a project about volcanoes and it was fun",
]


def _percentiles(wall: Sequence[float], cpu: Sequence[float]) -> dict[str, float]:
    """Wall-clock p50/p95 in ms, and the process's CPU time per call (all its threads),
    which other work on a shared machine inflates far less than the wall clock."""
    w, c = np.asarray(wall) * 1000, np.asarray(cpu) * 1000
    return {
        "p50": float(np.percentile(w, 50)),
        "p95": float(np.percentile(w, 95)),
        "cpu_p50": float(np.percentile(c, 50)),
        "cpu_p95": float(np.percentile(c, 95)),
    }


def interleaved(
    backends: dict[str, Callable[[Any], object]], inputs: Sequence[Any], rounds: int
) -> dict[str, dict[str, float]]:
    """Time every backend on each input in turn, rotating which goes first."""
    names = list(backends)
    wall: dict[str, list[float]] = {n: [] for n in names}
    cpu: dict[str, list[float]] = {n: [] for n in names}
    for fn in backends.values():  # warm up
        fn(inputs[0])
    for r in range(rounds):
        item = inputs[r % len(inputs)]
        k = r % len(names)
        for name in names[k:] + names[:k]:
            start, start_cpu = time.perf_counter(), time.process_time()
            backends[name](item)
            wall[name].append(time.perf_counter() - start)
            cpu[name].append(time.process_time() - start_cpu)
    return {n: _percentiles(wall[n], cpu[n]) for n in names}


def _torch_encoder(model: Any, threads: int | None) -> Callable[[list[str]], object]:
    import torch

    default = torch.get_num_threads()

    def run(texts: list[str]) -> object:
        if threads is None:
            return model.encode(texts, normalize_embeddings=True, batch_size=64)
        torch.set_num_threads(threads)
        try:
            return model.encode(texts, normalize_embeddings=True, batch_size=64)
        finally:
            torch.set_num_threads(default)

    return run


def encoders() -> dict[str, Callable[[list[str]], object]]:
    torch_model = torch_sentence_model()
    out: dict[str, Callable[[list[str]], object]] = {
        "torch": _torch_encoder(torch_model, None),
        "torch-1thread": _torch_encoder(torch_model, 1),
    }
    for threads in (1, 2):
        out[f"onnx-{threads}thread"] = onnx_sentence_model(threads=threads).encode
    return out


def screen_backends(chosen: Sequence[int]) -> dict[str, Callable[[str], object]]:
    import importlib

    from safeguarding import classifier

    screen = importlib.import_module("safeguarding.screen")  # the package exports a function too

    models = {"torch": torch_sentence_model()} | {
        f"onnx-{threads}thread": onnx_sentence_model(threads=threads) for threads in chosen
    }

    def run_with(model: Any) -> Callable[[str], object]:
        def run(text: str) -> object:
            classifier.sentence_model = lambda: model  # type: ignore[assignment]
            return screen.screen_tiers(text)

        return run

    return {name: run_with(m) for name, m in models.items()}


def frozen_texts() -> list[str]:
    texts = []
    for path in sorted((ROOT / "tests" / "safeguarding" / "data" / "frozen").glob("*.jsonl")):
        texts += [json.loads(x)["text"] for x in path.read_text().splitlines() if x.strip()]
    return texts


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rounds", type=int, default=300)
    parser.add_argument("--screen", action="store_true")
    args = parser.parse_args()
    results: dict[str, Any] = {}
    backends = encoders()
    results["encode_1_unit"] = interleaved(backends, [[u] for u in UNITS], args.rounds)
    results["encode_6_units"] = interleaved(
        backends, [UNITS[i:] + UNITS[:i] for i in range(6)], args.rounds
    )
    if args.screen:
        texts = frozen_texts()
        runs = screen_backends([1])
        results["screen_tiers_per_message"] = interleaved(runs, texts, len(texts))
        results["screen_messages"] = len(texts)
        tiers = {name: [run(t) for t in texts] for name, run in runs.items()}
        results["screen_tiers_differ_from_torch"] = {
            n: sum(a != b for a, b in zip(tiers["torch"], t, strict=True))
            for n, t in tiers.items()
            if n != "torch"
        }
    print(json.dumps(results, indent=2))


if __name__ == "__main__":
    main()
