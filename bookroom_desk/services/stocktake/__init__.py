"""The stocktake (盘点): counting scans, the results, finishing and writing off, the report."""
