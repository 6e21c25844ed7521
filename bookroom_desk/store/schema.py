"""Every table of the room: import this (not models alone) where the whole schema is needed."""

from bookroom_desk.store import models_access, models_reading, models_roomwork, models_stocktake  # noqa: F401  (register their tables)
from bookroom_desk.store.models import Base

metadata = Base.metadata
