"""Qt-free rules of the reading room: one module per capability, each taking a Session."""
