"""Source-diversity reports over a store: who gets quoted, by gender, kind of source, role,
outlet, month and topic (docs/diversity.md)."""
