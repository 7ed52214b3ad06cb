-- the monthly as-of series for the chosen regions, metrics and months, with sources and denominators
select
    mm.region_code, r.name as region_name, r.level, mm.month, mm.metric,
    mt.label_id as metric_label, mm.value, mt.unit, mm.qualifier, mm.basis,
    mm.as_of_date, mm.date_precision, mm.age_months, mm.method, mm.derivation, mm.conflict,
    mm.synthetic,
    r.population, r.population_year, r.population_basis,
    (select coalesce(s.outlet, s.publisher) from source as s where s.source_id = r.source_id)
        as population_source,
    (
        select string_agg(coalesce(s.outlet, s.publisher) || coalesce(' ' || s.url, ''), '; ' order by s.source_id)
        from source as s
        where list_contains(mm.source_ids, s.source_id)
    ) as sources,
    (
        select string_agg(distinct coalesce(s.outlet, s.publisher), '; ')
        from source as s
        where list_contains(mm.source_ids, s.source_id)
    ) as source_names
from mart_monthly as mm
inner join region as r on r.code = mm.region_code
inner join metric as mt on mt.code = mm.metric
where list_contains($regions, mm.region_code)
    and list_contains($metrics, mm.metric)
    and mm.month between $month_from and $month_to
    and ($synthetic or not mm.synthetic)  -- the demo switch
order by mm.region_code, mm.metric, mm.month
