-- registered and onboarded UMKM and the adoption rate per region and month, with the source; for
-- the chosen regions and every sibling of a chosen kecamatan (the small-cell rule, applied next in
-- analytics/privacy.py, needs the whole family). `wanted` says which rows were asked for.
with
chosen as (
    select code, parent_code, level from region where list_contains($regions, code)
),

family as (
    select r.code
    from region as r
    inner join chosen as c on c.parent_code = r.parent_code and c.level in ('district', 'village')
    union
    select code from chosen
)

select
    u.region_code, r.name as region_name, r.level, r.parent_code, u.month,
    u.registered, u.onboarded, u.adoption_rate, u.synthetic,
    coalesce(s.outlet, s.publisher) as sources,
    coalesce(s.outlet, s.publisher) as source_names,
    u.source_id,
    list_contains($regions, u.region_code) as wanted
from mart_umkm_monthly as u
inner join family as f on f.code = u.region_code
inner join region as r on r.code = u.region_code
inner join source as s on s.source_id = u.source_id
where u.month between $month_from and $month_to
    and ($synthetic or not u.synthetic)  -- the demo switch
    and u.shown  -- one register per area: registers of different publishers are never added
order by u.region_code, u.month
