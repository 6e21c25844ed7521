"""For the workers: what the room holds, made public (a published catalogue, a poster, new-book notices).

Nothing here carries personal data: no reader, loan history or phone of a reader.
"""
