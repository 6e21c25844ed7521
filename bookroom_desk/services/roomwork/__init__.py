"""The room's own records: activities, the reading plan, reading groups, reading stars, volunteers and duty, photos,
the room profile."""
