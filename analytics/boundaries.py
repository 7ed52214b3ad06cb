"""Optional area boundaries for the map: a GeoJSON FeatureCollection whose features carry
`properties.kode_kemendagri`. Pulih ships none (the map draws markers at the regions' centroids);
a user points PULIH_BOUNDARIES at a file or folder, or drops files into data/boundaries/
(git-ignored). Files that cannot be used are named, never crash the page."""

import json
import os
from pathlib import Path

from warehouse.location import PROJECT


def location() -> Path | None:
    configured = os.environ.get("PULIH_BOUNDARIES")
    if configured:
        return Path(configured)
    folder = PROJECT / "data" / "boundaries"
    return folder if folder.is_dir() and any(folder.glob("*.geojson")) else None


def load(where: Path | None = None) -> tuple[dict | None, list[str]]:
    """(one FeatureCollection of every usable feature, or None; the problems found)."""
    where = where or location()
    if where is None:
        return None, []
    files = sorted(where.glob("*.geojson")) if where.is_dir() else [where]
    features, problems = [], []
    for path in files:
        try:
            document = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError) as e:
            problems.append(f"{path.name}: {type(e).__name__}")
            continue
        usable = [
            f
            for f in document.get("features", [])
            if isinstance(f, dict) and (f.get("properties") or {}).get("kode_kemendagri")
        ]
        if not usable:
            problems.append(f"{path.name}: no feature with properties.kode_kemendagri")
        features += usable
    if not features:
        return None, problems
    return {"type": "FeatureCollection", "features": features}, problems


def codes(collection: dict | None) -> set[str]:
    if not collection:
        return set()
    return {f["properties"]["kode_kemendagri"] for f in collection["features"]}
