"""Plotly figures as the page holds them: arrays may come as typed-array specs
({"dtype": "f8", "bdata": base64}); `values` turns either form into a list."""

import base64

import numpy as np


def values(array) -> list:
    if array is None:
        return []
    if isinstance(array, dict) and "bdata" in array:
        decoded = np.frombuffer(base64.b64decode(array["bdata"]), dtype=np.dtype(array["dtype"]))
        if "shape" in array:
            shape = [int(n) for n in str(array["shape"]).split(",")]
            decoded = decoded.reshape(shape)
        return decoded.tolist()
    return list(array)
