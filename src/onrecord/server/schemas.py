"""Request and response shapes of the HTTP API (they also make the OpenAPI page at /docs)."""
from __future__ import annotations

from typing import Any

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from onrecord.dates.values import normalize_date
from onrecord.errors import BadDate


def api_date(value: str | None) -> str | None:
    """A date field or query parameter, checked as everywhere else (onrecord.dates.values);
    a ValueError here becomes a 422 naming the field."""
    try:
        return normalize_date(value, "")
    except BadDate as e:
        raise ValueError(str(e).strip()) from None


class ExtractRequest(BaseModel):
    """One article: exactly one of `text` or `html`, with an optional id and date."""

    model_config = ConfigDict(extra="forbid", json_schema_extra={"examples": [{
        "id": "ferry-1", "published": "2026-03-03",
        "text": 'Transport Minister Alicia Moreno said the ferry will open in June. '
                '"This is their ferry," Moreno told reporters.'}]})

    text: str | None = Field(None, description="the article as plain text")
    html: str | None = Field(None, description="the article as an HTML page")
    published: str | None = Field(None, description="publication date: YYYY-MM-DD, YYYY-MM or YYYY")
    id: str | None = Field(None, max_length=500, description="your id, echoed in the record")
    explain: bool = Field(False, description="give each quote an `explain` object: the rule "
                                             "that found it and how its speaker was resolved")

    @field_validator("published")
    @classmethod
    def _iso_date(cls, v: str | None) -> str | None:
        return api_date(v)

    @model_validator(mode="after")
    def _one_input(self) -> ExtractRequest:
        if (self.text is None) == (self.html is None):
            raise ValueError("give the article as exactly one of 'text' or 'html'")
        return self


class QuotesPage(BaseModel):
    """One page of quotes from the store, and how many match in all."""

    items: list[dict[str, Any]]
    total: int
    limit: int
    offset: int


class SpeakersPage(BaseModel):
    """One page of speakers from the store, most quoted first."""

    items: list[dict[str, Any]]
    limit: int
    offset: int


class Health(BaseModel):
    """Whether the server is up, has a store, and how many extraction workers are loaded."""

    status: str
    store: bool
    workers: int
    workers_ready: int
