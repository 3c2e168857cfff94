"""Text to corpus: tokenization, tagging and the extraction of actors, claims and events."""
