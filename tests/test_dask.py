"""factx on a Dask LocalCluster of two worker processes gives the single-process results."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


def test_extract_bag_equals_single_process() -> None:
    distributed = pytest.importorskip("dask.distributed")
    import factx.dask
    from factx.batch import extract_files

    folder = ROOT / "examples" / "articles"
    single = [r.model_dump_json() for r in extract_files([folder])]
    with (
        distributed.LocalCluster(
            n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None
        ) as cluster,
        distributed.Client(cluster),
    ):
        bag = factx.dask.extract_bag([folder], partition_size=1)
        assert bag.npartitions == 3
        clustered = [r.model_dump_json() for r in bag.compute()]
    assert clustered == single
