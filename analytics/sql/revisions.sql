-- what changed between the two latest releases of each series, with labels and release dates
select
    v.series, v.previous_file, v.previous_vintage, v.latest_file, v.latest_vintage,
    v.region_code, r.name as region_name, v.metric, m.label_id as metric_label,
    m.label_en, m.unit, v.ref_date, v.previous_value, v.previous_qualifier,
    v.latest_value, v.latest_qualifier, v.change,
    f.publisher
from mart_revisions as v
inner join region as r on r.code = v.region_code
inner join metric as m on m.code = v.metric
inner join source_file as f on f.file_id = v.latest_file
order by v.latest_vintage desc, v.series, r.name, m.label_id, v.ref_date
