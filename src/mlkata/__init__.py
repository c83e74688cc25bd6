"""mlkata: auto-graded exercises for machine-learning interview math."""

__version__ = "0.1.0"
