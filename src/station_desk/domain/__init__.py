"""Pure domain rules of Station Desk: no Qt, no SQL, no I/O beyond packaged data."""
