-- registered and onboarded UMKM and the adoption rate per region and month, with the source
select
    u.region_code, r.name as region_name, r.level, u.month,
    u.registered, u.onboarded, u.adoption_rate, u.synthetic,
    coalesce(s.outlet, s.publisher) as sources,
    coalesce(s.outlet, s.publisher) as source_names,
    u.source_id
from mart_umkm_monthly as u
inner join region as r on r.code = u.region_code
inner join source as s on s.source_id = u.source_id
where list_contains($regions, u.region_code)
    and u.month between $month_from and $month_to
    and ($synthetic or not u.synthetic)  -- the demo switch
order by u.region_code, u.month
