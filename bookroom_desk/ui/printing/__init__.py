"""The label print dialog and its widgets: choosing labels, sheet layout, preview and start position."""
