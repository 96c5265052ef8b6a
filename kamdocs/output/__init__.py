"""Renderings of the core's results: text, Markdown, JSON, CSV and XLSX. No computation here."""
