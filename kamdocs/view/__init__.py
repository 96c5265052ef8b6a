"""The view: what a reader may see (edition) in the reader's words (language), decided once."""
