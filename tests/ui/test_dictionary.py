"""The data dictionary covers every measure in the warehouse and every column of every download."""

from analytics import areas, datasets, queries
from ui import labels, source_tables
from ui.i18n import known


def test_every_metric_in_the_warehouse_has_a_dictionary_entry(con):
    used = {
        m
        for (m,) in con.execute(
            "select distinct metric from observation union select distinct metric from mart_monthly"
        ).fetchall()
    }
    used |= set(areas.REGISTER)
    entries = queries.metric_catalogue().set_index("code")
    missing = sorted(used - set(entries.index))
    assert missing == [], f"metrics without a dictionary entry: {missing}"
    for code in used:
        entry = entries.loc[code]
        for field in (
            "label_id",
            "label_en",
            "unit",
            "kind",
            "basis",
            "time_aggregation",
            "space_aggregation",
            "description_id",
            "description_en",
        ):
            assert isinstance(entry[field], str) and entry[field].strip(), f"{code}: empty {field}"


def test_every_download_column_has_a_meaning_in_both_languages():
    for name, columns in datasets.COLUMNS.items():
        undocumented = [c for c in columns if c not in labels.COLUMNS]
        assert undocumented == [], f"{name}: {undocumented}"
    for key in labels.COLUMNS.values():
        assert known(key, "id") and known(key, "en"), key
    assert list(source_tables.column_dictionary().columns) == ["Kolom", "Arti"]
