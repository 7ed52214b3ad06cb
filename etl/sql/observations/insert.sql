-- Each figure a file gives, once (repeats.sql), into observation, in the order of its lines.
insert into observation (
    obs_id, region_code, ref_date, date_precision, metric, "value", qualifier, basis, sector,
    note, source_id, line
)
select
    $file_id || ':' || line || ':' || metric_code,
    region,
    "day",
    "precision",
    metric_code,
    figure,
    qualifier_code,
    basis_final,
    sector_text,
    note_text,
    source_id,
    line
from obs_records
where outcome = 'new'
order by line
