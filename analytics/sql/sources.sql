-- every source with what it covers: measures, areas, dates and rows, in the warehouse
with
figures as (
    select o.source_id, count(*) as rows,
        string_agg(distinct o.metric, ', ' order by o.metric) as metrics,
        string_agg(distinct r.name, ', ' order by r.name) as areas,
        min(o.ref_date) as first_date, max(o.ref_date) as last_date
    from observation as o
    inner join region as r on r.code = o.region_code
    group by o.source_id
),

register as (
    select u.source_id, count(*) as rows, 'umkm register' as metrics,
        string_agg(distinct r.name, ', ' order by r.name) as areas,
        min(u.registered_on) as first_date, max(coalesce(u.onboarded_on, u.registered_on)) as last_date
    from umkm as u
    inner join region as r on r.code = u.region_code
    group by u.source_id
),

events as (
    select source_id, count(*) as rows, 'policy periods' as metrics, string_agg(distinct scope, '; ') as areas,
        min(start_date) as first_date, max(end_date) as last_date
    from event
    group by source_id
),

places as (
    select source_id, count(*) as rows, 'regions: population, area, centroid' as metrics,
        string_agg(name, ', ' order by code) as areas, null::date as first_date, null::date as last_date
    from region
    group by source_id
),

covered as (
    select * from figures
    union all select * from register
    union all select * from events
    union all select * from places
),

final as (
    select s.source_id, s.file_id, s.publisher, s.outlet, s.statement_by, s.url, s.published,
        s.licence, s.synthetic, c.metrics, c.areas, c.first_date, c.last_date, c.rows
    from source as s
    inner join covered as c using (source_id)
)

select * from final
order by synthetic, file_id, source_id
