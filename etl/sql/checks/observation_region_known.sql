-- every observation points at a known region
select o.* from observation as o anti join region as r on r.code = o.region_code
