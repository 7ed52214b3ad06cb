-- The one grouping of the register by id: the ids given on more than one line of the file (a
-- handful, or none). The rejects pass finds its duplicates among their lines only, and the check
-- that no business is stored twice (ids_stored_twice.sql) looks only at them: an id given on
-- one line cannot be stored twice.
create or replace temp table register_repeated_ids as
select umkm_id
from register_input
where umkm_id is not null
group by umkm_id
having count(*) > 1
