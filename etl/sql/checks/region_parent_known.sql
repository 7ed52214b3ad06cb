-- every region's parent is itself a region
select c.* from region as c
where c.parent_code is not null
  and not exists (select 1 from region as p where p.code = c.parent_code)
