-- A parent is the sum of its children for a month only when the measure is additive, every one
-- of its children in the Kemendagri list (region.children_count: 38 provinces in Indonesia, 8
-- kabupaten/kota in Banten, 13 kecamatan in Kota Tangerang) has a figure reported in that month,
-- all for the same date and basis, and the parent has no figure of its own that month: an own
-- figure outranks any sum, except that a real sum outranks a synthetic own figure. A parent with
-- fewer children loaded than it has is never summed (Indonesia is never Banten). Run once per
-- level, bottom up ($child_level = district, regency, province), so a sum can feed the next level.
create or replace temp table parent_sums as
with
children as (
    select
        r.parent_code as region_code, o.month, o.metric, o.value, o.qualifier, o.basis,
        o.as_of_date, o.date_precision, o.source_ids, o.synthetic
    from mart_monthly as o
    inner join region as r on r.code = o.region_code
    inner join metric as mt on mt.code = o.metric
    where r.level = $child_level and o.age_months = 0 and mt.additive
),

final as (
    select
        c.region_code, c.month, c.metric,
        sum(c.value) as value,
        combined_qualifier(list(c.qualifier)) as qualifier,
        any_value(c.basis) as basis,
        any_value(c.as_of_date) as as_of_date,
        any_value(c.date_precision) as date_precision,
        0 as age_months,
        list_sort(list_distinct(flatten(list(c.source_ids)))) as source_ids,
        bool_or(c.synthetic) as synthetic,
        'sum_of_children' as method,
        'sum_of_children' as derivation,
        false as conflict
    from children as c
    inner join region as p on p.code = c.region_code
    group by c.region_code, c.month, c.metric, p.children_count
    having count(*) = p.children_count
        and count(distinct c.as_of_date) = 1
        and count(distinct c.basis) = 1
)

select * from final;

delete from mart_monthly as m
using parent_sums as s
where m.region_code = s.region_code and m.metric = s.metric and m.month = s.month
    and m.synthetic and not s.synthetic;

insert into mart_monthly by name
select s.*
from parent_sums as s
anti join mart_monthly as m
    on m.region_code = s.region_code and m.metric = s.metric and m.month = s.month;
