"""Qt-free rules of the reading room: one module per capability, each taking a Session."""

# Titles keep their search keys (pinyin, folded text) through mapper events defined in search;
# importing it here registers them for every caller of any service, so no title is saved without.
from bookroom_desk.services.catalogue import search as _search  # noqa: F401 - imported for its mapper events
