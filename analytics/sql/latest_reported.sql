-- the latest real (non-synthetic) report of each metric for one region, with its source
with candidates as (
    select
        o.metric, o.value, o.qualifier, o.basis, o.ref_date, o.date_precision, o.note,
        s.outlet, s.url, s.statement_by, s.published, s.synthetic, o.source_id
    from observation as o
    inner join source as s using (source_id)
    where o.region_code = $region and list_contains($metrics, o.metric)
        and not s.synthetic and not o.superseded
    qualify row_number() over (
        partition by o.metric
        order by o.ref_date desc, s.published desc nulls last, o.source_id
    ) = 1
)
select c.*, m.unit, m.label_id, m.label_en
from candidates as c
inner join metric as m on m.code = c.metric
