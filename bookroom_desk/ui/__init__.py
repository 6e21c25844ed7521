"""The Qt interface: a thin layer that calls services and never builds a query."""
