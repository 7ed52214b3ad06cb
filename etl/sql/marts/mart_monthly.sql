-- mart_monthly: one row per region, metric and month in the horizon.
-- Disnaker figures are cumulative stocks "as of" a cut-off date, so a month takes the latest report
-- in or before its last day (an as-of join) and says how old that report is; figures are never
-- summed across dates. A report older than $max_carry_months is not carried further.
-- A parent gets a sum of its children only when it has no figure of its own for the month, the
-- metric is additive, and every child reported in that month for the same date.
create table mart_monthly as
with
months as (
    select
        cast(generate_series as date) as month,
        cast(generate_series + interval 1 month - interval 1 day as date) as month_end
    from generate_series(cast($horizon_start as date), cast($horizon_end as date), interval 1 month)
),

observed as (
    select
        o.region_code, o.metric, o.ref_date, o.date_precision, o.value, o.qualifier, o.basis,
        o.source_id, s.synthetic, s.published
    from observation as o
    inner join source as s using (source_id)
    where not o.superseded  -- only the latest vintage of a series counts
),

-- a synthetic figure never stands in for a real one of the same area and metric
real_series as (
    select distinct region_code, metric from observed where not synthetic
),

usable as (
    select observed.*
    from observed
    left join real_series as r using (region_code, metric)
    where not observed.synthetic or r.region_code is null
),

-- two sources giving different figures for the same area, metric and date: flag, never pick silently
conflicts as (
    select region_code, metric, ref_date, count(distinct value) > 1 as conflict
    from usable
    group by region_code, metric, ref_date
),

latest as (
    select
        m.month,
        u.*,
        date_diff('month', date_trunc('month', u.ref_date), m.month) as age_months
    from months as m
    inner join usable as u on u.ref_date <= m.month_end
    qualify row_number() over (
        partition by u.region_code, u.metric, m.month
        order by u.ref_date desc, u.published desc nulls last, u.source_id
    ) = 1
),

own as (
    select
        l.region_code, l.month, l.metric, l.value, l.qualifier, l.basis,
        l.ref_date as as_of_date, l.date_precision, l.age_months,
        [l.source_id] as source_ids, l.synthetic,
        case when l.age_months = 0 then 'reported' else 'carried_forward' end as method,
        c.conflict
    from latest as l
    inner join conflicts as c using (region_code, metric, ref_date)
    where l.age_months <= $max_carry_months
),

child_reports as (
    select
        r.parent_code as region_code, o.month, o.metric, o.basis,
        sum(o.value) as value,
        case when bool_and(o.qualifier = 'exact') then 'exact' else 'approx' end as qualifier,
        max(o.as_of_date) as as_of_date,
        any_value(o.date_precision) as date_precision,
        count(*) as n_children,
        count(distinct o.as_of_date) as n_dates,
        list(distinct o.source_ids[1] order by o.source_ids[1]) as source_ids,
        bool_or(o.synthetic) as synthetic
    from own as o
    inner join region as r on r.code = o.region_code
    inner join metric as mt on mt.code = o.metric
    where o.method = 'reported' and mt.additive and r.parent_code is not null
    group by r.parent_code, o.month, o.metric, o.basis
),

children_per_parent as (
    select parent_code as region_code, count(*) as n_children
    from region
    where parent_code is not null
    group by parent_code
),

summed as (
    select
        c.region_code, c.month, c.metric, c.value, c.qualifier, c.basis, c.as_of_date,
        c.date_precision, 0 as age_months, c.source_ids, c.synthetic,
        'sum_of_children' as method, false as conflict
    from child_reports as c
    inner join children_per_parent as k
        on k.region_code = c.region_code and k.n_children = c.n_children
    anti join own as o
        on o.region_code = c.region_code and o.metric = c.metric and o.month = c.month
    where c.n_dates = 1
),

final as (
    select * from own
    union all by name
    select * from summed
)

select * from final
order by region_code, metric, month
