"""History: plans compared, read from Git, rolled over, started."""
