"""The site's pages as pure functions: plans and figures in, Markdown with safe HTML out.

Nothing here imports mkdocs: the plugin only hands these pages over, and the
same functions could write them into a folder for any static-site generator.
"""
