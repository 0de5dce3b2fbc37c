"""Devices attached to the station PC (the second-generation ID card reader)."""
