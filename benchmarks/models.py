"""Target coach and safeguarding screen: load time, warm latency, and the floor beneath them."""

from __future__ import annotations

import json
import time
from pathlib import Path
from typing import Any

from benchmarks.stats import summary_ms, timed

ROOT = Path(__file__).resolve().parent.parent


def _targets() -> list[dict[str, Any]]:
    path = ROOT / "tests" / "target_coach" / "data" / "labelled_targets.jsonl"
    return [json.loads(line)["request"] for line in path.read_text().splitlines() if line.strip()]


def _messages() -> list[str]:
    path = ROOT / "tests" / "safeguarding" / "data" / "labelled_messages.jsonl"
    return [json.loads(line)["text"] for line in path.read_text().splitlines() if line.strip()]


def measure_coach() -> dict[str, Any]:
    start = time.perf_counter()
    from offline_models import sentence_model, spacy_pipeline

    spacy_pipeline()
    sentence_model()
    load_s = time.perf_counter() - start
    from target_coach.check import check_target
    from target_coach.schema import TargetCheckRequest

    requests = [TargetCheckRequest.model_validate(r) for r in _targets()]
    check_target(requests[0])  # warm caches (example table embeddings)
    checks = timed(check_target, requests)
    texts = [r.all_text() for r in requests]
    parse = timed(spacy_pipeline(), texts)
    encode = timed(lambda t: sentence_model().encode([t]), texts)
    return {
        "load_s": load_s,
        "check": summary_ms(checks),
        "spacy": summary_ms(parse),
        "minilm": summary_ms(encode),
    }


def measure_screen() -> dict[str, Any]:
    from offline_models import sentence_model
    from safeguarding import screen

    messages = _messages()
    screen(messages[0])
    per_message = timed(screen, messages)
    encode = timed(lambda t: sentence_model().encode([t]), messages)
    return {"screen": summary_ms(per_message), "minilm": summary_ms(encode)}
