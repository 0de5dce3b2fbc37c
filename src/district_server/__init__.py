"""The district server the stations sync with."""
