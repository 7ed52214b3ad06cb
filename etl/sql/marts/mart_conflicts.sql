-- Reports that disagree, kept side by side: nothing is silently picked.
-- same_measure: the same area and measure within $conflict_days days, different figures, from
--   different citations (later releases of one series are vintages, not conflicts).
-- alternative_estimate: another body's estimate of the same thing on (nearly) the same date.
-- inconsistent_total: a later PHK + dirumahkan total, within $total_days days, below an earlier
--   PHK or dirumahkan figure alone, which cumulative counts cannot do.
-- A row is a pair of reports, each as cited (the mart carries no source ids). The grain, checked
-- by every build (etl/marts.py, failed_grains):
-- grain: kind, region_code, a_metric, a_ref_date, a_value, a_qualifier, a_outlet, a_statement_by, a_url, b_metric, b_ref_date, b_value, b_qualifier, b_outlet, b_statement_by, b_url
create table mart_conflicts as
with
reports as (
    select o.region_code, o.metric, o.ref_date, o.value, o.qualifier, o.source_id,
        s.file_id, f.series, coalesce(s.outlet, s.publisher) as outlet, s.statement_by, s.url
    from observation as o
    inner join source as s using (source_id)
    inner join source_file as f on f.file_id = s.file_id
    where not o.superseded and not s.synthetic
        -- a year-only figure has no day to compare; its dated twin (dated_by) stands for it
        and o.date_precision <> 'year' and o.dated_by is null
),

alternatives(metric, other) as (
    values ('phk_estimate_apindo', 'phk')
),

parts(total, part) as (
    values ('phk_plus_dirumahkan', 'phk'), ('phk_plus_dirumahkan', 'dirumahkan')
),

pairs as (
    select 'same_measure' as kind, a.*, b.metric as b_metric, b.ref_date as b_ref_date,
        b.value as b_value, b.qualifier as b_qualifier, b.source_id as b_source_id,
        b.outlet as b_outlet, b.statement_by as b_statement_by, b.url as b_url
    from reports as a
    inner join reports as b
        on a.region_code = b.region_code and a.metric = b.metric
        and abs(date_diff('day', a.ref_date, b.ref_date)) <= $conflict_days
        and a.value <> b.value and a.source_id < b.source_id
        and not (a.series = b.series and a.file_id <> b.file_id)
    union all
    select 'alternative_estimate', a.*, b.metric, b.ref_date, b.value, b.qualifier, b.source_id,
        b.outlet, b.statement_by, b.url
    from reports as a
    inner join alternatives as x on x.other = a.metric
    inner join reports as b
        on b.region_code = a.region_code and b.metric = x.metric
        and abs(date_diff('day', a.ref_date, b.ref_date)) <= $conflict_days
    union all
    select 'inconsistent_total', a.*, b.metric, b.ref_date, b.value, b.qualifier, b.source_id,
        b.outlet, b.statement_by, b.url
    from reports as a
    inner join parts as x on x.part = a.metric
    inner join reports as b
        on b.region_code = a.region_code and b.metric = x.total
        and b.ref_date > a.ref_date
        and date_diff('day', a.ref_date, b.ref_date) <= $total_days
        and b.value < a.value
),

final as (
    select kind, region_code,
        metric as a_metric, ref_date as a_ref_date, value as a_value, qualifier as a_qualifier,
        outlet as a_outlet, statement_by as a_statement_by, url as a_url,
        b_metric, b_ref_date, b_value, b_qualifier, b_outlet, b_statement_by, b_url,
        b_value - value as difference
    from pairs
)

select * from final
order by region_code, a_ref_date, kind
