-- What changed between the two latest releases (vintages) of each series: figures revised,
-- added or no longer reported, by region, metric and date. A release may hold two sources' figures
-- for one region, metric and date (both load: etl/validate.py, Repeats), so a row is keyed by the
-- figures compared too. The grain, checked by every build (etl/marts.py, failed_grains):
-- grain: series, region_code, metric, ref_date, previous_value, previous_qualifier, latest_value, latest_qualifier
create table mart_revisions as
with
vintages as (
    select series, file_id, vintage,
        row_number() over (partition by series order by vintage desc, file_id desc) as rank
    from source_file
    where duplicate_of is null and kind in ('observations', 'observations_wide')
),

pairs as (
    select l.series, l.file_id as latest_file, l.vintage as latest_vintage,
        p.file_id as previous_file, p.vintage as previous_vintage
    from vintages as l
    inner join vintages as p on p.series = l.series and p.rank = 2
    where l.rank = 1
),

figures as (
    select s.file_id, o.region_code, o.metric, o.ref_date, o.value, o.qualifier
    from observation as o
    inner join source as s using (source_id)
),

latest as (
    select p.series, f.* from pairs as p inner join figures as f on f.file_id = p.latest_file
),

previous as (
    select p.series, f.* from pairs as p inner join figures as f on f.file_id = p.previous_file
),

compared as (
    select
        p.series, p.previous_file, p.previous_vintage, p.latest_file, p.latest_vintage,
        coalesce(l.region_code, v.region_code) as region_code,
        coalesce(l.metric, v.metric) as metric,
        coalesce(l.ref_date, v.ref_date) as ref_date,
        v.value as previous_value, v.qualifier as previous_qualifier,
        l.value as latest_value, l.qualifier as latest_qualifier
    from latest as l
    full outer join previous as v
        on v.series = l.series and v.region_code = l.region_code
        and v.metric = l.metric and v.ref_date = l.ref_date
    inner join pairs as p on p.series = coalesce(l.series, v.series)
),

final as (
    select *,
        case
            when previous_value is null then 'new'
            when latest_value is null then 'not_reported_again'
            else 'revised'
        end as change
    from compared
    where previous_value is distinct from latest_value
        or previous_qualifier is distinct from latest_qualifier
)

select * from final
order by series, region_code, metric, ref_date
