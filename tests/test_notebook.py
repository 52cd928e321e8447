"""notebooks/quickstart.ipynb runs top to bottom in a real Jupyter kernel and is stored clean."""

import pytest

from .conftest import ROOT

NOTEBOOK = ROOT / "notebooks" / "quickstart.ipynb"


def test_notebook_is_stored_without_outputs():
    nbformat = pytest.importorskip("nbformat", reason="pip install -e '.[dev]'")
    notebook = nbformat.read(NOTEBOOK, as_version=4)
    code = [c for c in notebook.cells if c.cell_type == "code"]
    assert code and all(c.outputs == [] and c.execution_count is None for c in code)


@pytest.mark.slow
def test_notebook_runs_top_to_bottom():
    nbformat = pytest.importorskip("nbformat", reason="pip install -e '.[dev]'")
    nbclient = pytest.importorskip("nbclient", reason="pip install -e '.[dev]' (nbclient, ipykernel)")
    pytest.importorskip("ipykernel", reason="pip install -e '.[dev]' (ipykernel)")
    notebook = nbformat.read(NOTEBOOK, as_version=4)
    nbclient.NotebookClient(notebook, timeout=300, kernel_name="python3",
                            resources={"metadata": {"path": str(NOTEBOOK.parent)}}).execute()
    outputs = [o for c in notebook.cells if c.cell_type == "code" for o in c.outputs]
    assert not [o for o in outputs if o.output_type == "error"]
    text = "".join(o.get("text", "") for o in outputs if o.output_type == "stream")
    assert "Trump endorses Tommy Tuberville" in text and "Jeff Sessions —faces in runoff— Tommy Tuberville" in text
    assert "@prefix kg:" in text
    shown = [o["data"]["text/html"] for o in outputs if "text/html" in o.get("data", {})]
    assert any(h.startswith('<iframe sandbox="allow-scripts"') and "new vis.Network" in h for h in shown)
