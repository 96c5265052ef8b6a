"""kamdocs: key account plans as plain text, checked and published."""

__version__ = "0.1.0"
