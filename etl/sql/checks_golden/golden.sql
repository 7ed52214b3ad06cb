-- The golden cases (etl/golden.py) the warehouse disagrees with, and those that cannot be checked
-- because figures behind them come from a file they were not worked out from. A case depends on
-- every observation of its measure (or the measure's parts) in its area or below it: Kemendagri
-- codes nest by prefix (36 > 36.71 > 36.71.05), and everything is below Indonesia.
with
files_behind as (
    select g.line, f.file_id, f.sha256
    from golden_case as g
    inner join metric as m on m.code = g.metric
    inner join observation as o
        on (o.metric = g.metric or list_contains(m.parts, o.metric))
        and (
            o.region_code = g.region_code
            or starts_with(o.region_code, g.region_code || '.')
            or g.region_code = 'ID'
        )
    inner join source as s on s.source_id = o.source_id
    inner join source_file as f on f.file_id = s.file_id
    group by all
),

untrusted as (
    select b.line, string_agg(distinct b.file_id, ', ' order by b.file_id) as files
    from files_behind as b
    left join golden_file as k on k.file_id = b.file_id
    where k.file_id is null or k.sha256 <> b.sha256
    group by b.line
),

-- a case citing a file this build did not load (a test's trimmed data folder) cannot be checked
absent as (
    select g.line, string_agg(distinct split_part(s.id, '#', 1), ', ') as files
    from golden_case as g, unnest(g.source_ids) as s(id)
    where not exists (
        select 1 from source_file as f where f.file_id = split_part(s.id, '#', 1)
    )
    group by g.line
),

compared as (
    select g.*,
        m.region_code is not null as found,
        m.value as got_value, m.qualifier as got_qualifier, m.as_of_date as got_as_of,
        list_sort(m.source_ids) as got_sources, m.basis as got_basis, m.conflict as got_conflict
    from golden_case as g
    left join mart_monthly as m
        on m.region_code = g.region_code and m.metric = g.metric and m.month = g.month
),

final as (
    select c.line, c.region_code, c.month, c.metric,
        case
            when u.line is not null or a.line is not null then 'not_checked' else 'mismatch'
        end as problem,
        case
            when a.line is not null
                then 'it cites ' || a.files || ', which this build did not load'
            when u.line is not null
                then 'figures from ' || u.files
                    || ' (not among data/golden/files.csv, or changed since)'
            when c.value is null
                then 'expected no figure, the warehouse has ' || c.got_value
            when not c.found
                then 'expected ' || c.value || ', the warehouse has no figure'
            else 'expected ' || c.value || ' ' || c.qualifier || ' as of ' || c.as_of_date
                || ' from ' || array_to_string(c.source_ids, ';')
                || ', the warehouse has ' || c.got_value || ' ' || c.got_qualifier
                || ' as of ' || c.got_as_of || ' from ' || array_to_string(c.got_sources, ';')
                || coalesce(', basis ' || c.got_basis || ' (expected ' || c.basis || ')', '')
                || coalesce(', conflict ' || c.got_conflict || ' (expected ' || c.conflict || ')', '')
        end as detail,
        -- a case not checked, for its load note (etl/reasons.py): which files, and why
        a.line is not null as absent, coalesce(a.files, u.files) as files
    from compared as c
    left join untrusted as u using (line)
    left join absent as a using (line)
    where u.line is not null or a.line is not null
        or (c.value is null and c.found)
        or (
            c.value is not null and (
                not c.found
                or abs(c.got_value - c.value) > 1e-9
                or c.got_qualifier is distinct from c.qualifier
                or c.got_as_of is distinct from c.as_of_date
                or c.got_sources is distinct from c.source_ids
                or (c.basis is not null and c.got_basis is distinct from c.basis)
                or (c.conflict is not null and c.got_conflict is distinct from c.conflict)
            )
        )
)

select * from final
order by line
