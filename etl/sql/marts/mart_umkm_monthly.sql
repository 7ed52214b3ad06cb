-- mart_umkm_monthly: registered and onboarded UMKM per area and month, and the adoption rate
-- (onboarded / registered, same area and month). Counted once per area and month from the
-- register, so a page costs the same whether the register holds 15 thousand or 60 million records.
-- A parent is the sum of its districts: the register lists every business with its kecamatan,
-- so the city total is complete by construction.
create table mart_umkm_monthly as
with
months as (
    select cast(generate_series as date) as month
    from generate_series(cast($horizon_start as date), cast($horizon_end as date), interval 1 month)
),

registrations as (
    select region_code, source_id, date_trunc('month', registered_on) as month, count(*) as n
    from umkm
    group by all
),

onboardings as (
    select region_code, source_id, date_trunc('month', onboarded_on) as month, count(*) as n
    from umkm
    where onboarded_on is not null
    group by all
),

areas as (
    select distinct region_code, source_id from umkm
),

grid as (
    select a.region_code, a.source_id, m.month
    from areas as a
    cross join months as m
),

registered as (
    select g.region_code, g.source_id, g.month, coalesce(sum(r.n), 0) as registered
    from grid as g
    left join registrations as r
        on r.region_code = g.region_code and r.source_id = g.source_id and r.month <= g.month
    group by all
),

onboarded as (
    select g.region_code, g.source_id, g.month, coalesce(sum(o.n), 0) as onboarded
    from grid as g
    left join onboardings as o
        on o.region_code = g.region_code and o.source_id = g.source_id and o.month <= g.month
    group by all
),

district as (
    select region_code, source_id, month, registered, onboarded
    from registered
    inner join onboarded using (region_code, source_id, month)
),

parent as (
    select r.parent_code as region_code, d.source_id, d.month,
        sum(d.registered) as registered, sum(d.onboarded) as onboarded
    from district as d
    inner join region as r on r.code = d.region_code
    where r.level = 'district'
    group by all
),

counts as (
    select * from district
    union all by name
    select * from parent
),

final as (
    select
        c.region_code, c.month,
        cast(c.registered as bigint) as registered,
        cast(c.onboarded as bigint) as onboarded,
        case when c.registered > 0 then c.onboarded / c.registered end as adoption_rate,
        c.source_id,
        s.synthetic
    from counts as c
    inner join source as s using (source_id)
)

select * from final
order by region_code, month
