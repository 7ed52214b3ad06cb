-- The figures that state another value than the line that first gave them (repeats.sql).
select
    line,
    value_raw,
    region,
    "day",
    metric_code,
    figure,
    qualifier_code,
    first_figure,
    first_qualifier,
    first_line
from obs_records
where outcome = 'conflict'
order by line
