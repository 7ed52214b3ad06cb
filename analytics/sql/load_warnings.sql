-- what each load noticed that is not a reject
-- (message in English; message_key and message_args for the reader's language: ui/reasons.py)
select file_id, message, message_key, message_args from load_warning order by file_id
