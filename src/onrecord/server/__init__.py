"""`onrecord serve`: the HTTP API and the web viewer."""
from __future__ import annotations

from typing import Any

__all__ = ["ServeConfig", "create_app"]


def __getattr__(name: str) -> Any:
    """The app and its config on first use, so that commands which only need the config
    (`onrecord query`, `run`...) do not import the web framework at start-up."""
    if name == "create_app":
        from onrecord.server.app import create_app
        return create_app
    if name == "ServeConfig":
        from onrecord.server.config import ServeConfig
        return ServeConfig
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
