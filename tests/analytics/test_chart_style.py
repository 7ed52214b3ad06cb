"""chart_style: the x axis of a chart over months."""

import pandas as pd

from analytics import chart_style


def test_months_on_x_spans_the_months_and_names_every_year():
    """Months April 2020 to May 2021 (Kota Tangerang's official figures): the axis runs from
    half a month before April 2020 (17 March) to the end of May 2021 (1 June), with a tick at
    April 2020 naming its month and year and one at January 2021 naming its year; none at 2022
    or 2023, where no figure is."""
    months = pd.date_range("2020-04-01", "2021-05-01", freq="MS")
    axis = chart_style.months_on_x(months, "id_ID")
    assert axis["range"] == ["2020-03-17T00:00:00", "2021-06-01T00:00:00"]
    assert axis["tickvals"] == ["2020-04-01T00:00:00", "2021-01-01T00:00:00"]
    assert axis["ticktext"] == ["Apr 2020", "2021"]
    # from a January, the first tick is that year's alone: 2020, 2021, 2022
    whole = chart_style.months_on_x(pd.date_range("2020-01-01", "2022-12-01", freq="MS"), "en_GB")
    assert whole["ticktext"] == ["2020", "2021", "2022"]
