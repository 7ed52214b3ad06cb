-- reports that disagree for the chosen regions and dates, with both sources and the difference
select c.*, r.name as region_name,
    ma.label_id as a_label, mb.label_id as b_label, ma.unit as a_unit, mb.unit as b_unit,
    -- B - A is exact only between two exact figures: with "± 8.000" or "> 30.000" in it, it is
    -- approximate (a bound minus a figure has no known direction), never shown as exact
    case when c.a_qualifier = 'exact' and c.b_qualifier = 'exact' then 'exact' else 'approx' end
        as difference_qualifier
from mart_conflicts as c
inner join region as r on r.code = c.region_code
inner join metric as ma on ma.code = c.a_metric
inner join metric as mb on mb.code = c.b_metric
where list_contains($regions, c.region_code)
    and c.a_ref_date between $date_from and $date_to
order by r.name, c.a_ref_date
