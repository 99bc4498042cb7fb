"""`onrecord serve`: the HTTP API and the web viewer."""
from onrecord.server.app import create_app
from onrecord.server.config import ServeConfig

__all__ = ["ServeConfig", "create_app"]
