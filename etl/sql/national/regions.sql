-- The regions of the national-scale demo: the real Kemendagri codes, names and parents
-- (data/raw/national/kemendagri_regions.csv), whole provinces only ($provinces; empty: all 38),
-- with Indonesia above them. children_count is counted on the whole list, so a parent is summed
-- only when every real child is present (Indonesia only when all 38 provinces are). Province
-- and kab/kota populations are Dukcapil 2025 as published; kecamatan populations are synthetic:
-- the kab/kota's figure split by a fixed pseudo-random weight per kecamatan. No centroids: the
-- list has none, and the map draws no made-up place.
with
listed as (
    select
        code, name, level, parent_code,
        try_cast(population_2025_dukcapil as bigint) as population,
        try_cast(area_km2_2025 as double) as area_km2
    from read_csv($source, all_varchar = true, header = true)
),

children as (
    select parent_code as code, count(*) as children_count
    from listed
    group by parent_code
),

kept as (
    select l.*, c.children_count
    from listed as l
    left join children as c on c.code = l.code
    where len($provinces) = 0 or list_contains($provinces, split_part(l.code, '.', 1))
),

weighted as (
    select
        *,
        0.3 + (hash(code || 'population') % 1000) / 1000.0 as weight
    from kept
),

districts as (
    select
        d.code,
        round(p.population * d.weight / sum(d.weight) over (partition by d.parent_code))
            as population
    from weighted as d
    inner join kept as p on p.code = d.parent_code
    where d.level = 'district'
),

country as (
    select
        'ID' as code, 'Indonesia' as name, 'country' as level, null as parent_code,
        (select children_count from children where code = 'ID') as children_count,
        null::bigint as population, null::integer as population_year,
        null as population_basis, null::double as area_km2
),

final as (
    select * from country
    union all
    select
        k.code, k.name, k.level, k.parent_code, k.children_count,
        coalesce(k.population, d.population)::bigint as population,
        2025 as population_year,
        case
            when k.level = 'district'
                then 'sintetis: bagian acak dari penduduk kabupaten/kota (Dukcapil 2025)'
            else 'Dukcapil 2025 (Kepmendagri 300.2.2-2430/2025), bukan SP2020'
        end as population_basis,
        k.area_km2
    from kept as k
    left join districts as d on d.code = k.code
)

select * from final
order by code = 'ID' desc, code
