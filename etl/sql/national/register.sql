-- The UMKM register of the national-scale demo: $rows businesses, record level, no names, NIK or
-- addresses. Each kecamatan holds a share proportional to its synthetic population (cumulative
-- bounds, so the shares add up to $rows exactly); every attribute is a fixed hash of the
-- business's number. Registered 2010 - 2022; a third onboarded to a platform, not before 2018
-- and never before it registered.
with
districts as (
    select code, population
    from national_region
    where level = 'district' and population is not null
),

bounds as (
    select
        code,
        floor($rows * (sum(population) over w - population) / sum(population) over ()) ::bigint
            as first,
        floor($rows * sum(population) over w / sum(population) over ())::bigint as stop
    from districts
    window w as (order by code rows unbounded preceding)
),

businesses as (
    select b.code, b.first + i as n
    from bounds as b, range(b.stop - b.first) as t(i)
),

dated as (
    select
        code, n,
        date '2010-01-01' + (hash(n, 'registered') % 4748)::integer as registered_on,
        hash(n, 'onboarded') % 1000 as draw
    from businesses
),

final as (
    select
        'NAT-' || lpad(n::varchar, 9, '0') as umkm_id,
        code as area_code,
        (['kuliner', 'kuliner', 'kuliner', 'perdagangan', 'perdagangan', 'fesyen', 'jasa',
          'kerajinan', 'agribisnis', 'lainnya'])[1 + (hash(n, 'sector') % 10)::integer] as sector,
        (['mikro', 'mikro', 'mikro', 'mikro', 'mikro', 'mikro', 'mikro', 'mikro', 'kecil',
          'menengah'])[1 + (hash(n, 'scale') % 10)::integer] as scale,
        registered_on,
        case when draw < 333 then
            greatest(registered_on, date '2018-01-01')
            + (draw * 7919 % (date '2022-12-31' - greatest(registered_on, date '2018-01-01') + 1))
                ::integer
        end as onboarded_on,
        case when draw < 333 then
            (['Shopee', 'Tokopedia', 'GoFood/GrabFood', 'WhatsApp/Instagram', 'Bukalapak',
              'Blibli'])[1 + (hash(n, 'platform') % 6)::integer]
        end as platform
    from dated
)

select * from final
