-- The lines that may have a bad cell, in one pass over the staged register: every condition of
-- rejects.sql, loosened where that is cheaper (every line of an id given twice, the first one
-- too). rejects.sql then works on these lines only, a handful of the millions.
create or replace temp table register_suspects as
select i.line
from register_input as i
left join area_map as a on a.raw = i.area_raw
left join sector_map as sec on sec.raw = i.sector
left join platform_map as plat on plat.raw = i.platform
left join scale_map as s on s.raw = i.scale_raw
left join date_map as r on r.raw = i.registered_raw
left join date_map as o on o.raw = i.onboarded_raw
left join register_repeated_ids as d on d.umkm_id = i.umkm_id
where i.umkm_id is null
    or d.umkm_id is not null
    or a.code is null
    or i.sector is null
    or sec.personal is not null
    or plat.personal is not null
    or s.value is null
    or r.value is null
    or (i.onboarded_raw is not null and (o.value is null or o.value < r.value or i.platform is null))
    or (i.onboarded_raw is null and i.platform is not null)
    -- personal data or a control character in the id (one regex a row), or a control character
    -- in a value whose map says so (etl/kinds/register.py looks at each distinct value once):
    -- this was a regex on the id and one on all seven cells of every row, the pass's costliest
    or regexp_matches(i.umkm_id, $id_suspect)
    or a.control or sec.control or plat.control or s.control or r.control or o.control
