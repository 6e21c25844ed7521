"""Every table of the room: import this (not models alone) where the whole schema is needed."""

from bookroom_desk.store import (  # noqa: F401  (register their tables)
    models_access,
    models_calendar,
    models_holds,
    models_notices,
    models_pool,
    models_reading,
    models_roomwork,
    models_stocktake,
)
from bookroom_desk.store.models import Base

metadata = Base.metadata
