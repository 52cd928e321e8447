"""The notebooks run top to bottom in a real Jupyter kernel and are stored clean."""

import pytest

from .conftest import ROOT

QUICKSTART = ROOT / "notebooks" / "quickstart.ipynb"
NEWSROOM = ROOT / "notebooks" / "newsroom.ipynb"


def run(path):
    nbformat = pytest.importorskip("nbformat", reason="pip install -e '.[dev]'")
    nbclient = pytest.importorskip("nbclient", reason="pip install -e '.[dev]' (nbclient, ipykernel)")
    pytest.importorskip("ipykernel", reason="pip install -e '.[dev]' (ipykernel)")
    notebook = nbformat.read(path, as_version=4)
    nbclient.NotebookClient(notebook, timeout=300, kernel_name="python3",
                            resources={"metadata": {"path": str(path.parent)}}).execute()
    outputs = [o for c in notebook.cells if c.cell_type == "code" for o in c.outputs]
    assert not [o for o in outputs if o.output_type == "error"]
    return outputs


def text_of(outputs) -> str:
    return "".join(o.get("text", "") for o in outputs if o.output_type == "stream")


def html_of(outputs) -> list[str]:
    return [o["data"]["text/html"] for o in outputs if "text/html" in o.get("data", {})]


@pytest.mark.parametrize("path", [QUICKSTART, NEWSROOM], ids=lambda p: p.name)
def test_notebook_is_stored_without_outputs(path):
    nbformat = pytest.importorskip("nbformat", reason="pip install -e '.[dev]'")
    notebook = nbformat.read(path, as_version=4)
    code = [c for c in notebook.cells if c.cell_type == "code"]
    assert code and all(c.outputs == [] and c.execution_count is None for c in code)


@pytest.mark.slow
def test_quickstart_runs_top_to_bottom():
    outputs = run(QUICKSTART)
    text = text_of(outputs)
    assert "Trump endorses Tommy Tuberville" in text and "Jeff Sessions —faces in runoff— Tommy Tuberville" in text
    assert "@prefix kg:" in text
    assert any(h.startswith('<iframe sandbox="allow-scripts"') and "new vis.Network" in h for h in html_of(outputs))


@pytest.mark.slow
def test_newsroom_shows_a_table_plots_a_named_query_and_the_graph():
    pytest.importorskip("pandas", reason="pip install -e '.[dev]' (pandas)")
    pytest.importorskip("matplotlib", reason="pip install -e '.[dev]' (matplotlib)")
    outputs = run(NEWSROOM)
    text, shown = text_of(outputs), html_of(outputs)
    assert "documents: 6 read" in text and "undated statements: " in text
    tables = [h for h in shown if "<table" in h]
    assert any("Governor Marla Quint endorsed Dana Whitlow" in h and "valley-courier.example" in h for h in tables)
    assert any("endorser" in h and "norland-ledger.example" in h or "port-ellis-daily.example" in h for h in tables)
    assert any("image/png" in o.get("data", {}) for o in outputs)  # the plots
    assert any(h.startswith('<iframe sandbox="allow-scripts"') and "new vis.Network" in h for h in shown)
