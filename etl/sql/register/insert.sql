-- The register rows with no reject, parsed, into umkm. No personal data was ever staged.
insert into umkm
select
    i.umkm_id,
    a.code as region_code,
    i.sector,
    s.value as scale,
    r.value as registered_on,
    o.value as onboarded_on,
    i.platform,
    $source_id as source_id
from register_input as i
inner join area_map as a on a.raw = i.area_raw
inner join scale_map as s on s.raw = i.scale_raw
inner join date_map as r on r.raw = i.registered_raw
left join date_map as o on o.raw = i.onboarded_raw
anti join register_rejects as x on x.line = i.line
