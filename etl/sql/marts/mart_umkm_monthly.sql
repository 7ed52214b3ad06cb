-- mart_umkm_monthly: registered and onboarded UMKM per area, register series and month, and the
-- adoption rate (onboarded / registered, same area and month). Counted once per area and month,
-- so a page costs the same whether the register holds 15 thousand or 60 million records. The
-- grain, checked by every build (etl/marts.py, failed_grains; one shown series per area and month:
-- etl/sql/checks/mart_umkm_monthly_one_shown.sql):
-- grain: region_code, series, month
--
-- How registers combine:
-- - Releases of one series (the same publisher's register, source_file.series) are vintages: a
--   business is counted once, by its umkm_id, with the record of the latest vintage that lists it.
-- - Registers of different series (other publishers) are kept apart, never added: each area shows
--   one of them (`shown`): a real register before a synthetic one, then the latest vintage, then
--   the one with more businesses.
-- - A parent (Kota Tangerang) is the sum of its kecamatan only when the series has businesses in
--   every one of its children (region.children_count), as for any other figure; level by level
--   up to the province and Indonesia, each where every child was summed.
create table mart_umkm_monthly as
with
months as (
    select cast(generate_series as date) as month
    from generate_series(cast($horizon_start as date), cast($horizon_end as date), interval 1 month)
),

-- a series of one file needs no choosing: the register load stores each id once per file
-- (etl/sql/register/ids_stored_twice.sql), so only a series of several vintages is sorted by id
single as (select series from source_file group by series having count(*) = 1),

records as (
    select u.*, f.series, f.vintage, s.synthetic
    from umkm as u
    inner join source as s using (source_id)
    inner join source_file as f on f.file_id = s.file_id
    semi join single using (series)
    union all
    select u.*, f.series, f.vintage, s.synthetic
    from umkm as u
    inner join source as s using (source_id)
    inner join source_file as f on f.file_id = s.file_id
    anti join single using (series)
    qualify row_number() over (
        partition by f.series, u.umkm_id order by f.vintage desc nulls last, f.file_id desc
    ) = 1
),

registrations as (
    select region_code, series, date_trunc('month', registered_on) as month, count(*) as n
    from records
    group by all
),

onboardings as (
    select region_code, series, date_trunc('month', onboarded_on) as month, count(*) as n
    from records
    where onboarded_on is not null
    group by all
),

areas as (
    select region_code, series,
        list(distinct source_id order by source_id) as source_ids,
        bool_or(synthetic) as synthetic,
        max(vintage) as vintage
    from records
    group by all
),

grid as (
    select a.region_code, a.series, m.month
    from areas as a
    cross join months as m
),

registered as (
    select g.region_code, g.series, g.month, coalesce(sum(r.n), 0) as registered
    from grid as g
    left join registrations as r
        on r.region_code = g.region_code and r.series = g.series and r.month <= g.month
    group by all
),

onboarded as (
    select g.region_code, g.series, g.month, coalesce(sum(o.n), 0) as onboarded
    from grid as g
    left join onboardings as o
        on o.region_code = g.region_code and o.series = g.series and o.month <= g.month
    group by all
),

district as (
    select d.region_code, d.series, d.month, d.registered, o.onboarded,
        a.source_ids, a.synthetic, a.vintage
    from registered as d
    inner join onboarded as o using (region_code, series, month)
    inner join areas as a using (region_code, series)
),

-- a parent only where the series has businesses in every child it has; sums go up level by
-- level (kabupaten/kota from kecamatan, a province from its kabupaten/kota, Indonesia from the
-- provinces), each only where every child of the level below was summed
complete as (
    select r.parent_code as region_code, a.series
    from areas as a
    inner join region as r on r.code = a.region_code
    inner join region as p on p.code = r.parent_code
    where r.level = 'district'
    group by r.parent_code, a.series, p.children_count
    having count(distinct a.region_code) = p.children_count
),

parent as (
    select r.parent_code as region_code, d.series, d.month,
        sum(d.registered) as registered, sum(d.onboarded) as onboarded,
        list_sort(list_distinct(flatten(list(d.source_ids)))) as source_ids,
        bool_or(d.synthetic) as synthetic, max(d.vintage) as vintage
    from district as d
    inner join region as r on r.code = d.region_code
    inner join complete as c on c.region_code = r.parent_code and c.series = d.series
    where r.level = 'district'
    group by all
),

complete_province as (
    select r.parent_code as region_code, s.series
    from (select distinct region_code, series from parent) as s
    inner join region as r on r.code = s.region_code
    inner join region as p on p.code = r.parent_code
    group by r.parent_code, s.series, p.children_count
    having count(*) = p.children_count
),

province as (
    select r.parent_code as region_code, d.series, d.month,
        sum(d.registered) as registered, sum(d.onboarded) as onboarded,
        list_sort(list_distinct(flatten(list(d.source_ids)))) as source_ids,
        bool_or(d.synthetic) as synthetic, max(d.vintage) as vintage
    from parent as d
    inner join region as r on r.code = d.region_code
    inner join complete_province as c on c.region_code = r.parent_code and c.series = d.series
    group by all
),

complete_country as (
    select r.parent_code as region_code, s.series
    from (select distinct region_code, series from province) as s
    inner join region as r on r.code = s.region_code
    inner join region as p on p.code = r.parent_code
    group by r.parent_code, s.series, p.children_count
    having count(*) = p.children_count
),

country as (
    select r.parent_code as region_code, d.series, d.month,
        sum(d.registered) as registered, sum(d.onboarded) as onboarded,
        list_sort(list_distinct(flatten(list(d.source_ids)))) as source_ids,
        bool_or(d.synthetic) as synthetic, max(d.vintage) as vintage
    from province as d
    inner join region as r on r.code = d.region_code
    inner join complete_country as c on c.region_code = r.parent_code and c.series = d.series
    group by all
),

counts as (
    select * from district
    union all by name
    select * from parent
    union all by name
    select * from province
    union all by name
    select * from country
),

-- which register each area shows: real first, then the latest vintage, then the bigger one
ranked as (
    select region_code, series,
        row_number() over (
            partition by region_code
            order by bool_or(synthetic), max(vintage) desc nulls last, max(registered) desc, series
        ) = 1 as shown
    from counts
    group by region_code, series
),

final as (
    select
        c.region_code, c.month, c.series,
        cast(c.registered as bigint) as registered,
        cast(c.onboarded as bigint) as onboarded,
        case when c.registered > 0 then c.onboarded / c.registered end as adoption_rate,
        c.source_ids[1] as source_id,
        c.source_ids,
        c.synthetic,
        k.shown
    from counts as c
    inner join ranked as k using (region_code, series)
)

select * from final
order by region_code, series, month
