"""Printing: labels (book barcodes, spine labels, reader cards, shelf labels) to PDF and printers.

Sits beside ui/ over services/: QtGui painting and QtPrintSupport only; the one widget module
is ``dialog`` (the label print dialog, the UI of printing).
"""
