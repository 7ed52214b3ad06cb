-- The latest real (non-synthetic) report of each metric for one region, with its source: the
-- headline figure. A figure known only to its year has no place among dated reports, so a dated
-- report is preferred; an undated report of that year or later with another figure is returned
-- beside it (undated_*), to be shown as a second line, not as the headline.
with
reports as (
    select
        o.obs_id, o.metric, o.value, o.qualifier, o.basis, o.ref_date, o.date_precision, o.note,
        s.outlet, s.url, s.statement_by, s.published, s.synthetic, o.source_id
    from observation as o
    inner join source as s using (source_id)
    where o.region_code = $region and list_contains($metrics, o.metric)
        and not s.synthetic and not o.superseded and o.dated_by is null
),

-- other citations that state the same figure without its date
restated as (
    select o.dated_by as obs_id, string_agg(distinct coalesce(s.outlet, s.publisher), '; ') as also_cited
    from observation as o
    inner join source as s using (source_id)
    where o.dated_by is not null
    group by o.dated_by
),

headline as (
    select *
    from reports
    qualify row_number() over (
        partition by metric
        order by date_precision = 'year', ref_date desc, published desc nulls last, source_id
    ) = 1
),

undated as (
    select metric, value, qualifier, ref_date, outlet
    from reports
    where date_precision = 'year'
    qualify row_number() over (partition by metric order by ref_date desc, source_id) = 1
)

select
    h.*, r.also_cited, m.unit, m.label_id, m.label_en,
    exists (
        select 1 from mart_conflicts as c
        where c.region_code = $region
            and ((c.a_metric = h.metric and c.a_ref_date = h.ref_date)
                or (c.b_metric = h.metric and c.b_ref_date = h.ref_date))
    ) as conflict,
    u.value as undated_value, u.qualifier as undated_qualifier, u.ref_date as undated_date,
    u.outlet as undated_outlet
from headline as h
inner join metric as m on m.code = h.metric
left join restated as r using (obs_id)
left join undated as u
    on u.metric = h.metric and h.date_precision <> 'year'
    and year(u.ref_date) >= year(h.ref_date) and u.value <> h.value
