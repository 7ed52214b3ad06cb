-- A monthly figure that another report disagrees with (mart_conflicts) says so where it is shown:
-- the flag `conflict` is set on every month whose figure is one side of a conflict, carried
-- months included, so the chart marker and the table note lead to the comparison.
update mart_monthly as m
set conflict = true
where exists (
    select 1
    from mart_conflicts as c
    where c.region_code = m.region_code
        and (
            (c.a_metric = m.metric and c.a_ref_date = m.as_of_date)
            or (c.b_metric = m.metric and c.b_ref_date = m.as_of_date)
        )
)
