-- obs_table: the rows of obs_input that hold anything in a column the kind reads (a row whose
-- columns read are all blank, as Python's str.strip() finds them, $blank, is no row: etl/columns.py
-- to_table), each marked suspect when a cell read holds a control character ($control, the
-- pattern of etl/read.py CONTROL): such a row is set aside in Python with its reason.
create or replace temp table obs_table as
select
    *,
    regexp_matches(
        concat_ws(chr(10), area_code, ref_date, metric, "value", area_name, date_precision, unit,
                  qualifier, basis, sector, statement_by, outlet, url, source, published, note),
        $control
    ) as suspect
from obs_input
where not (
    coalesce(regexp_full_match(area_code, $blank), true)
    and coalesce(regexp_full_match(ref_date, $blank), true)
    and coalesce(regexp_full_match(metric, $blank), true)
    and coalesce(regexp_full_match("value", $blank), true)
    and coalesce(regexp_full_match(area_name, $blank), true)
    and coalesce(regexp_full_match(date_precision, $blank), true)
    and coalesce(regexp_full_match(unit, $blank), true)
    and coalesce(regexp_full_match(qualifier, $blank), true)
    and coalesce(regexp_full_match(basis, $blank), true)
    and coalesce(regexp_full_match(sector, $blank), true)
    and coalesce(regexp_full_match(statement_by, $blank), true)
    and coalesce(regexp_full_match(outlet, $blank), true)
    and coalesce(regexp_full_match(url, $blank), true)
    and coalesce(regexp_full_match(source, $blank), true)
    and coalesce(regexp_full_match(published, $blank), true)
    and coalesce(regexp_full_match(note, $blank), true)
)
