-- reported figures exactly as reported, for the chosen regions, metrics and dates
select
    o.region_code, r.name as region_name, r.level, o.ref_date, o.date_precision,
    o.metric, m.label_id as metric_label, o.value, m.unit, o.qualifier, o.basis,
    s.outlet, s.statement_by, s.url, s.published, s.synthetic, o.superseded, o.note,
    o.source_id
from observation as o
inner join source as s using (source_id)
inner join region as r on r.code = o.region_code
inner join metric as m on m.code = o.metric
where list_contains($regions, o.region_code)
    and (len($metrics) = 0 or list_contains($metrics, o.metric))
    and o.ref_date between $date_from and $date_to
order by o.region_code, o.ref_date, o.metric, o.source_id
