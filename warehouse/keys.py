"""The project's secret key, shared by the two places that derive pseudonymous ids: register ids
(etl/pseudonym.py) and the actors of the audit log (warehouse/audit.py).

The key is kept outside git: the environment variable PULIH_ID_KEY, or else the file
data/.pulih_id_key (git-ignored), created with a random key the first time it is needed. Keep it
with the city's other secrets: with another key the same business (or person) gets another id.
"""

import os
import secrets
from pathlib import Path

KEY_FILE = ".pulih_id_key"


def key(data_dir: Path) -> bytes:
    """The secret: PULIH_ID_KEY, else data/.pulih_id_key (made on first use, readable by its
    owner only)."""
    if os.environ.get("PULIH_ID_KEY"):
        return os.environ["PULIH_ID_KEY"].encode()
    path = data_dir / KEY_FILE
    if not path.exists():
        path.write_text(secrets.token_hex(32), encoding="ascii")
        path.chmod(0o600)
    return path.read_text(encoding="ascii").strip().encode()
