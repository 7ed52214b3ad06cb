"""The sentences of a caption: a source line and its as-of dates read as two sentences, and many
as-of dates as a span (a fresh reader took "Angka per … Oktober 2022" for a missing word)."""

from ui import captions


def test_a_source_line_gets_its_full_stop_before_the_dates():
    # "Sumber: X Angka per Y." ran the two sentences together
    parts = ["Sumber: Generator data contoh Pulih (sintetis)", "Angka per Desember 2022."]
    assert captions.sentences(parts) == (
        "Sumber: Generator data contoh Pulih (sintetis). Angka per Desember 2022."
    )


def test_up_to_three_dates_are_named_and_more_are_a_span():
    assert captions.as_of_text(["Mei 2020"]) == "Angka per Mei 2020."
    months = ["Oktober 2020", "November 2020", "Desember 2020", "Januari 2021"]
    assert captions.as_of_text(months) == "Angka per tanggal Oktober 2020 sampai Januari 2021."
