-- every observation points at a catalogued metric
select o.* from observation as o anti join metric as m on m.code = o.metric
