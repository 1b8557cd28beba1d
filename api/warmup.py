"""Loading the models once, off the request path, and saying when they are loaded.

The screen (MiniLM), spaCy and the target coach take tens of seconds to load on a cold,
busy machine. The API answers at once while they load in a thread; `/api/v1/health` says
"loading" until they are ready, so whatever waits for the API (a load balancer, a test, a
deploy script) can wait for the models themselves rather than for a guessed number of seconds.
"""

from __future__ import annotations

import threading
from typing import Literal

models_ready = threading.Event()


def warm_models() -> None:
    """Load spaCy and MiniLM and run one check of each, then mark the models ready."""
    from offline_models import spacy_pipeline
    from safeguarding import screen
    from safeguarding.language import detector, english_lexicon
    from target_coach.check import check_target
    from target_coach.schema import TargetCheckRequest

    screen("warm up")
    english_lexicon()
    detector()  # a message in English never reaches it, so it is loaded here
    spacy_pipeline()
    check_target(TargetCheckRequest(target="Read 40 words a minute by 27/03/2027", key_stage="KS2"))
    models_ready.set()


def models_state() -> Literal["loading", "ready"]:
    return "ready" if models_ready.is_set() else "loading"
