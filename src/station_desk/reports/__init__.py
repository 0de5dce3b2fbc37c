"""Reports: the ledger template, exports of the records, statistics and printouts."""
