"""The 说明 of a figure that looks wrong: said exactly when it applies."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from bookroom_desk.services.reporting.filing_notes import caveats
from bookroom_desk.services.reporting.indicators import INDICATORS, Indicators

counts = st.integers(min_value=0, max_value=10_000)
rates = st.one_of(st.none(), st.floats(min_value=0, max_value=500, allow_nan=False))


@given(readers=counts, borrowers=counts, loans=counts, returns=counts, participation=rates,
       workers=st.one_of(st.none(), st.integers(min_value=1, max_value=5000)))
def test_each_note_is_there_exactly_when_its_figure_looks_wrong(readers, borrowers, loans, returns, participation,
                                                               workers):
    values = {i.key: None for i in INDICATORS}
    values.update(readers=readers, borrowers=borrowers, loans=loans, returns=returns, overdue=0,
                  participation_rate=participation, last_stocktake=None)
    found = caveats(Indicators(values, workers_served=workers))
    assert ("borrowers" in found) == (borrowers > readers)
    assert ("returns" in found) == (returns > loans)
    assert ("loans_per_reader" in found) == (loans > 0 and readers == 0)
    assert "last_stocktake" in found  # no stocktake before the period's end
    if participation is not None and participation > 100:
        assert "服务职工人数" in found["participation_rate"]
    assert set(found) <= {i.key for i in INDICATORS}
    assert all(text.endswith("。") for text in found.values())


def test_plain_figures_have_no_note():
    values = {i.key: None for i in INDICATORS}
    values.update(volumes=3200, acquired=100, readers=300, borrowers=200, loans=1800, returns=1700, overdue=20,
                  renewal_rate=3.1, participation_rate=16.7, circulation_rate=40.0, last_stocktake="2026-06-30")
    assert caveats(Indicators(values, workers_served=1200)) == {}
