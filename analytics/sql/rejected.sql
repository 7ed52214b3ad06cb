-- every row that did not load, and why (values already masked for personal data)
-- reason in English, reason_key and reason_args for the reader's language (ui/reasons.py)
select source_file, line, "column", value, reason, reason_key, reason_args
from rejected
order by source_file, line, "column"
