"""The command line and the MkDocs plugin: argument parsing and hand-over, nothing else."""
