-- The register rows with no reject, parsed, into umkm. No personal data was ever staged: the
-- sector and platform are the closed vocabularies' values, never the text as written.
insert into umkm
select
    i.umkm_id,
    a.code as region_code,
    sec.value as sector,
    s.value as scale,
    r.value as registered_on,
    o.value as onboarded_on,
    plat.value as platform,
    $source_id as source_id
from register_input as i
inner join area_map as a on a.raw = i.area_raw
inner join sector_map as sec on sec.raw = i.sector
inner join scale_map as s on s.raw = i.scale_raw
inner join date_map as r on r.raw = i.registered_raw
left join date_map as o on o.raw = i.onboarded_raw
left join platform_map as plat on plat.raw = i.platform
anti join register_rejects as x on x.line = i.line
