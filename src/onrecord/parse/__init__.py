"""Parse stage: paragraphs, quotation marks, and the model run only where speech can be."""
