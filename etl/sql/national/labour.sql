-- Monthly labour figures per kecamatan of the national-scale demo, Jan 2020 - Dec 2022: month-end
-- cumulative PHK, dirumahkan and companies closed, each kecamatan's figures a fixed
-- pseudo-random share of its synthetic population following one path over time. Every kecamatan
-- reports every month on the same date, so the marts sum kab/kota, province and (with all 38
-- provinces) Indonesia from them: the hierarchy adds up by construction.
-- Paths (assumptions): nothing before March 2020; PHK rises towards its final level at a rate
-- that differs by area; dirumahkan rises faster and falls back to 40 % by the end of 2022 (people
-- called back); closures follow PHK at a thousandth of the scale.
with
months as (
    select m, last_day(date '2020-01-01' + to_months(m::integer)) as ref_date
    from range(36) as t(m)
),

districts as (
    select
        code, population,
        (hash(code || 'phk') % 1000) / 1000.0 as u1,
        (hash(code || 'dirumahkan') % 1000) / 1000.0 as u2
    from national_region
    where level = 'district' and population is not null
),

paths as (
    select
        d.code, m.ref_date,
        d.population * (0.002 + 0.01 * d.u1)
            * (case when m.m < 2 then 0 else 1 - exp(-(m.m - 1) / (3.0 + 6 * d.u2)) end)
            as phk,
        d.population * (0.003 + 0.012 * d.u2)
            * (case when m.m < 2 then 0 else least(1, (m.m - 1) / 4.0) end)
            * (1 - 0.6 * greatest(0, m.m - 6) / 29.0) as dirumahkan
    from districts as d
    cross join months as m
),

final as (
    select code as area_code, ref_date, 'month' as date_precision, metric, value, unit,
        'exact' as qualifier, 'workplace' as basis
    from (
        select code, ref_date, 'phk' as metric, round(phk)::bigint as value, 'workers' as unit
        from paths
        union all
        select code, ref_date, 'dirumahkan', round(dirumahkan)::bigint, 'workers'
        from paths
        union all
        select code, ref_date, 'companies_closed', round(phk / 1000)::bigint, 'companies'
        from paths
    )
)

select * from final
