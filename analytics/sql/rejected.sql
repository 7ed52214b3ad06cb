-- every row that did not load, and why (values already masked for personal data)
select source_file, line, "column", value, reason
from rejected
order by source_file, line, "column"
