"""Lending and taking back at the desk: the scan and its results, renewals, overdue loans."""
