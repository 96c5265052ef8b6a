"""Renderers: command-line outputs and site pages, made from views only."""
