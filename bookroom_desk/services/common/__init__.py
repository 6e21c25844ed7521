"""What every capability shares: the clock, vocabularies, room settings, barcodes, ISBN, periods, permissions."""
