"""A worker handler for the timeout tests: "SLEEP n" sleeps n seconds, anything else echoes."""
from __future__ import annotations

import time
from typing import Any

# Seconds the handler takes to "load", like a model would; a replaced worker is not instant.
LOAD_SECONDS = 1.0


def make():
    time.sleep(LOAD_SECONDS)

    def handle(req: dict[str, Any]) -> tuple[str, Any]:
        text = req.get("text") or ""
        if text.startswith("SLEEP "):
            time.sleep(float(text.split()[1]))
        return "ok", {"id": req.get("id"), "text": text, "published": None, "repairs": [],
                      "entities": [], "quotes": []}

    return handle
