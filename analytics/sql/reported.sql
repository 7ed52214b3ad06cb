-- reported figures exactly as reported, for the chosen regions, metrics and dates
select
    o.region_code, r.name as region_name, r.level, o.ref_date, o.date_precision,
    o.metric, m.label_id as metric_label, o.value, m.unit, o.qualifier, o.basis,
    s.outlet, s.statement_by, s.url, s.published, s.synthetic, o.superseded, o.note,
    o.source_id,
    exists (  -- another report disagrees with this figure (mart_conflicts)
        select 1 from mart_conflicts as c
        where c.region_code = o.region_code
            and ((c.a_metric = o.metric and c.a_ref_date = o.ref_date and c.a_value = o.value)
                or (c.b_metric = o.metric and c.b_ref_date = o.ref_date and c.b_value = o.value))
    ) as conflict
from observation as o
inner join source as s using (source_id)
inner join region as r on r.code = o.region_code
inner join metric as m on m.code = o.metric
where list_contains($regions, o.region_code)
    and (len($metrics) = 0 or list_contains($metrics, o.metric))
    -- a figure belongs to every window its period meets: one known only to its year (stored as
    -- the year's first day, date_precision 'year') is in any window within that year
    and o.ref_date <= $date_to
    and o.ref_date + case o.date_precision
            when 'year' then interval 1 year
            when 'month' then interval 1 month
            else interval 1 day end > $date_from
    and ($synthetic or not s.synthetic)  -- the demo switch
order by o.region_code, o.ref_date, o.metric, o.source_id
