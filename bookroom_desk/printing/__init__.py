"""Printing: labels (book barcodes, spine labels, reader cards, shelf labels) and loan slips to PDF and printers.

Sits beside ui/ over services/: QtGui painting and QtPrintSupport only, no widgets. The label
print dialog, the UI of printing, is in ui/printing/.
"""
