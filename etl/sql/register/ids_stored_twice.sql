-- No business twice in one register: of the ids the file repeats (repeated_ids.sql), any stored
-- more than once from this file. Empty unless the rejects pass missed a duplicate.
select u.umkm_id, count(*) as n
from umkm as u
semi join register_repeated_ids as d on d.umkm_id = u.umkm_id
where u.source_id = $source_id
group by u.umkm_id
having count(*) > 1
