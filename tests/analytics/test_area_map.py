"""Where the map writes an area's name (analytics/area_map.py): the lines maplibre wraps it to,
and how far from its marker."""

from analytics import area_map


def test_a_long_name_is_written_on_the_lines_maplibre_wraps_it_to():
    """maplibre wraps a name past 10 ems (110 px at 11 px; about 6,6 px a letter, so 16 letters)
    over lines of about equal length, at spaces: as drawn at 390 px, Kota Tangerang Selatan on
    two lines, 'Kota Tangerang' over 'Selatan' (14 and 7 letters against 'Kota' and 17)."""
    assert area_map.name_lines("Kota Tangerang Selatan") == ["Kota Tangerang", "Selatan"]
    assert area_map.name_lines("Kabupaten Tangerang") == ["Kabupaten", "Tangerang"]
    assert area_map.name_lines("Kabupaten Serang") == ["Kabupaten Serang"]  # 16 letters fit


def test_a_name_of_two_lines_above_a_marker_is_set_a_line_farther():
    # Plotly's offset is (1,5 + size/100) em; a marker of 20 px and a 3 px gap: one line,
    # (10 + 3) / 11 - 0,5 = 0,6818 em -> size 68,18; two lines, 1,2 em more -> 188,18
    assert round(area_map._label_offset(20), 2) == 68.18
    assert round(area_map._label_offset(20, lines=2), 2) == 188.18
