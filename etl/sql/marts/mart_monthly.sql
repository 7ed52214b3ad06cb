-- mart_monthly: one row per region, metric and month in the horizon. The basis is that of the
-- figure shown, a column but not part of the key: one figure is picked per region, metric and
-- month (`final` below), whatever its basis (Kota Tangerang's KTP-resident figures are metrics of
-- their own). The grain, checked by every build (etl/marts.py, failed_grains):
-- grain: region_code, metric, month
-- This file makes each area's own rows; the sums of children are added level by level by
-- mart_monthly_parents.sql, conflicts flagged by mart_monthly_conflicts.sql.
--
-- The rules (README, "What the numbers mean"; ui/text/metode.*.md):
-- - A month takes the latest figure in or before its last day (an as-of join) and says its date
--   and age; figures are never summed across dates.
-- - Only cumulative stocks are carried forward, and at most $max_carry_months months; flows,
--   rates and survey levels belong to their own month. A figure known only to its month is the
--   point of that month and is not carried; a figure known only to its year is never a point.
-- - A combined measure (PHK + dirumahkan) is reported, or derived from its parts when every part
--   was reported for the same date (qualifier algebra: combined_qualifier); it is never carried
--   past a newer report of one of its parts.
-- - A real figure outranks a synthetic one for the same area, measure and month.
create table mart_monthly as
with
months as (
    select
        cast(generate_series as date) as month,
        cast(generate_series + interval 1 month - interval 1 day as date) as month_end
    from generate_series(cast($horizon_start as date), cast($horizon_end as date), interval 1 month)
),

-- undated restatements of a dated figure, to be cited with it
restated as (
    select dated_by as obs_id, list(source_id order by source_id) as source_ids
    from observation
    where dated_by is not null and not superseded
    group by dated_by
),

figures as (
    select
        o.region_code, o.metric, o.ref_date, o.date_precision, o.value, o.qualifier, o.basis,
        [o.source_id] || coalesce(r.source_ids, []) as source_ids,
        s.synthetic, s.published, 'as_reported' as derivation
    from observation as o
    inner join source as s using (source_id)
    left join restated as r using (obs_id)
    where not o.superseded              -- only the latest vintage of a series counts
        and o.date_precision <> 'year'  -- a year is not a month
        and o.dated_by is null          -- its dated twin stands for it
),

-- a combined measure from its parts, where each part was reported once for the same date
from_parts as (
    select
        f.region_code, c.code as metric, f.ref_date, any_value(f.date_precision) as date_precision,
        sum(f.value) as value,
        combined_qualifier(list(f.qualifier)) as qualifier,
        any_value(f.basis) as basis,
        list_distinct(flatten(list(f.source_ids order by f.metric))) as source_ids,
        f.synthetic,
        max(f.published) as published,
        'sum_of_parts' as derivation
    from metric as c
    inner join figures as f on list_contains(c.parts, f.metric)
    where len(c.parts) > 0
    group by f.region_code, c.code, c.parts, f.ref_date, f.synthetic
    having count(*) = len(c.parts)
        and count(distinct f.metric) = len(c.parts)
        and count(distinct f.basis) = 1
),

candidates as (
    select * from figures
    union all by name
    select p.* from from_parts as p
    anti join figures as r
        on r.region_code = p.region_code and r.metric = p.metric and r.ref_date = p.ref_date
        and r.synthetic = p.synthetic  -- a reported total of that date stands as reported
),

-- the latest real and the latest synthetic figure of each area, measure and month
latest as (
    select
        m.month, m.month_end, c.*,
        date_diff('month', date_trunc('month', c.ref_date), m.month) as age_months
    from months as m
    inner join candidates as c on c.ref_date <= m.month_end
    qualify row_number() over (
        partition by c.region_code, c.metric, c.synthetic, m.month
        order by c.ref_date desc, c.published desc nulls last, c.source_ids[1]
    ) = 1
),

shown as (
    select l.*
    from latest as l
    inner join metric as mt on mt.code = l.metric
    where (
        l.age_months = 0
        or (mt.cumulative and l.date_precision = 'day' and l.age_months <= $max_carry_months)
    )
    -- a combined total is not carried past a newer report of one of its parts
    and not (
        l.age_months > 0 and len(mt.parts) > 0 and exists (
            select 1 from figures as p
            where p.region_code = l.region_code and list_contains(mt.parts, p.metric)
                and p.synthetic = l.synthetic
                and p.ref_date > l.ref_date and p.ref_date <= l.month_end
        )
    )
),

final as (
    select
        region_code, month, metric, value, qualifier, basis,
        ref_date as as_of_date, date_precision, age_months, source_ids, synthetic,
        case
            when age_months > 0 then 'carried_forward'
            when derivation = 'sum_of_parts' then 'sum_of_parts'
            else 'reported'
        end as method,
        derivation,
        false as conflict
    from shown
    qualify row_number() over (
        partition by region_code, metric, month order by synthetic
    ) = 1  -- real before synthetic
)

select * from final
order by region_code, metric, month
