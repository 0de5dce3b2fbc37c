"""Station Desk: the counter program of a gig-work station (零工驿站)."""

__version__ = "0.1.0"
