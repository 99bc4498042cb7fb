"""Which matrix library the model's layers multiply with: numpy's BLAS (OpenBLAS) rather than
thinc's default BLIS, one thread per process. See docs/design.md, "Matrix products"."""
from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

# ONRECORD_BLAS=blis keeps thinc's default (BLIS) for the model's layers.
ENV = "ONRECORD_BLAS"

_controller: Any = None


def use_numpy_blas(nlp: Any) -> bool:
    """Give every layer of the model's components numpy's BLAS for its matrix products
    (thinc's NumpyOps without BLIS); False when ONRECORD_BLAS=blis asks for the default."""
    if os.environ.get(ENV, "numpy").lower() == "blis":
        return False
    from thinc.api import NumpyOps

    ops = NumpyOps(use_blis=False)
    for _, pipe in nlp.pipeline:
        model = getattr(pipe, "model", None)
        if model is not None and hasattr(model, "walk"):
            for node in model.walk():
                node.ops = ops
    return True


@contextmanager
def one_thread() -> Iterator[None]:
    """Numpy's BLAS on one thread while the model runs (a worker is one core: more threads
    would contend with the other workers); the caller's own setting comes back after."""
    global _controller
    if _controller is None:
        from threadpoolctl import ThreadpoolController

        _controller = ThreadpoolController()
    with _controller.limit(limits=1, user_api="blas"):
        yield
