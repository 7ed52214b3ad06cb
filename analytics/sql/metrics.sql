-- the metric catalogue
select code, label_id, label_en, unit, kind, basis, time_aggregation, space_aggregation, additive,
    cumulative, parts,
    description_id, description_en, caveats
from metric
order by code
