-- what each load noticed that is not a reject
select file_id, message from load_warning order by file_id
