-- Every bad cell of the staged register, one row each: (line, column as headed in the file,
-- value, reason as JSON: etl/reasons.py). Parsed values come from the *_map tables, filled once
-- per distinct raw value (etl/kinds/register.py); those maps also say which raw values look like personal data
-- (etl/personal.py), and such a value is never shown: '[disamarkan]' stands in its place; so too
-- a date or scale that cannot be read and holds a letter (`shown` false: it may be a name).
-- A row with a control character (U+0000-U+001F but tab, LF, CR; tabs and line breaks became
-- spaces as the rows were staged) gets one reject per such cell and no other: the same rule as
-- etl/columns.py for every other kind.
-- Only the suspect lines are looked at (suspects.sql: every line that may have a bad cell, and
-- every line of an id given twice, so the duplicates below are found among them).
insert into register_rejects
with
suspect as (select * from register_input semi join register_suspects using (line)),

controlled as (
    select * from suspect
    where regexp_matches(
        concat_ws(' ', umkm_id, area_raw, sector, scale_raw, registered_raw, onboarded_raw, platform),
        '[\x00-\x08\x0b\x0c\x0e-\x1f]')
),

control_cells as (
    unpivot controlled
    on umkm_id, area_raw, sector, scale_raw, registered_raw, onboarded_raw, platform
    into name col value v
),

input as (select * from suspect anti join controlled using (line)),

duplicates as (
    select line, umkm_id, min(line) over (partition by umkm_id) as first_line
    from input
    where umkm_id is not null
    qualify row_number() over (partition by umkm_id order by line) > 1
),

-- an id that is a NIK, a phone number, an e-mail or maybe a name (letters and name punctuation
-- alone, two or more words: etl/personal.py NAME_ID) is personal data, not a register number;
-- so is an id Pulih masked in a screened copy ('[disamarkan]')
personal_ids as (
    select line,
        case
            when regexp_matches(umkm_id, $masked) then 'disamarkan'
            when regexp_matches(umkm_id, $nik) then 'NIK'
            when regexp_matches(umkm_id, $phone) then 'telepon'
            when regexp_matches(umkm_id, $email) then 'e-mail'
            else 'nama'
        end as kind
    from input
    where regexp_matches(umkm_id, $id_personal)
),

-- a reason is its template's key (bound: etl/reasons.py) and its values, as JSON
-- ({"key": ..., "args": {...}}); the maps' reasons come the same way from Python
final as (
    select line, header as col, v as value,
        json_object('key', $k_control, 'args', json_object('header', header, 'code',
            upper(lpad(hex(ord(regexp_extract(v, '[\x00-\x08\x0b\x0c\x0e-\x1f]'))), 4, '0'))
        ))::varchar as reason
    from (
        select line, v, case col
            when 'umkm_id' then $h_umkm_id when 'area_raw' then $h_area
            when 'sector' then $h_sector when 'scale_raw' then $h_scale
            when 'registered_raw' then $h_registered when 'onboarded_raw' then $h_onboarded
            else $h_platform end as header
        from control_cells
        where regexp_matches(v, '[\x00-\x08\x0b\x0c\x0e-\x1f]')
    )
    union all
    select line, $h_umkm_id as col, umkm_id as value,
        json_object('key', $k_id_empty, 'args', json_object())::varchar as reason
    from input where umkm_id is null
    union all
    select line, $h_umkm_id, '[disamarkan]',
        json_object('key', $k_personal_id, 'args',
            json_object('header', $h_umkm_id, 'kind', json_object('word', kind)))::varchar
    from personal_ids
    union all
    select d.line, $h_umkm_id, d.umkm_id,
        json_object('key', $k_id_again, 'args',
            json_object('umkm_id', d.umkm_id, 'first', d.first_line::varchar))::varchar
    from duplicates as d anti join personal_ids as p using (line)
    union all
    select i.line, $h_area, case when a.personal is null and a.shown then i.area_raw else '[disamarkan]' end,
        coalesce(a.reason, json_object('key', $k_empty, 'args', json_object('header', $h_area))::varchar)
    from input as i left join area_map as a on a.raw = i.area_raw
    where a.code is null
    union all
    select line, $h_sector, sector,
        json_object('key', $k_empty, 'args', json_object('header', $h_sector))::varchar
    from input where sector is null
    union all
    select i.line, $h_sector, '[disamarkan]', m.reason
    from input as i inner join sector_map as m on m.raw = i.sector
    where m.personal is not null
    union all
    select i.line, $h_platform, '[disamarkan]', m.reason
    from input as i inner join platform_map as m on m.raw = i.platform
    where m.personal is not null
    union all
    select i.line, $h_scale, case when s.shown is false then '[disamarkan]' else i.scale_raw end,
        coalesce(s.reason, json_object('key', $k_empty, 'args', json_object('header', $h_scale))::varchar)
    from input as i left join scale_map as s on s.raw = i.scale_raw
    where s.value is null
    union all
    select i.line, $h_registered, case when d.shown is false then '[disamarkan]' else i.registered_raw end,
        coalesce(d.reason, json_object('key', $k_empty, 'args', json_object('header', $h_registered))::varchar)
    from input as i left join date_map as d on d.raw = i.registered_raw
    where d.value is null
    union all
    select i.line, $h_onboarded, case when d.shown then i.onboarded_raw else '[disamarkan]' end,
        d.reason
    from input as i inner join date_map as d on d.raw = i.onboarded_raw
    where d.value is null
    union all
    select i.line, $h_onboarded, i.onboarded_raw,
        json_object('key', $k_onboarded_before, 'args', json_object())::varchar
    from input as i
    inner join date_map as r on r.raw = i.registered_raw
    inner join date_map as o on o.raw = i.onboarded_raw
    where o.value < r.value
    union all
    select line, $h_platform, '', json_object('key', $k_needs_platform, 'args', json_object())::varchar
    from input where onboarded_raw is not null and platform is null
    union all
    select line, $h_onboarded, '', json_object('key', $k_needs_onboarding, 'args', json_object())::varchar
    from input where onboarded_raw is null and platform is not null
)

select * from final
