-- The grain check of one mart (etl/marts.py, failed_grains): the keys that name more than one row
-- of the table $mart when its rows are keyed by the columns $grain; the first ten of them, each
-- with its count of rows (rows_with_key), and how many such keys there are (keys_repeated).
-- Table and column names arrive as values: query_table() names the table and COLUMNS() picks the
-- grain's columns by name, so no identifier is ever pasted into this text. COLUMNS() would
-- silently skip a name the table does not have: marts.py checks every declared name against
-- information_schema before this runs.
select
    columns(lambda c: list_contains($grain, c)),
    count(*) as rows_with_key,
    count(*) over () as keys_repeated
from query_table($mart)
group by all
having count(*) > 1
order by all
limit 10
