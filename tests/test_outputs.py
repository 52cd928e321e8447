"""kg build's outputs are one set: interrupted (SIGINT, SIGTERM, kill -9), failing (a full disk, a
path that cannot be a folder) or racing a reader, the output folder holds the old set or the new one."""

import errno
import os
import shutil
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from kg.cli import main
from kg.fileio import OutputError
from kg.outputs import OutputSet

KG = str(Path(sys.executable).with_name("kg"))
OLD = "Ann Lee endorsed Bo Kim."
NEW = "Senator Ada Quill endorsed Bruno Vale on Monday. Mayor Ivo Tan appointed Lena Ruiz as treasurer."
OUTPUTS = {"facts.jsonl", "graph.ttl", "graph.html"}


def snapshot(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir())}


@pytest.fixture
def old_build(tmp_path, nlp):
    """An output folder holding a finished build (and a file of the user's), and the new input."""
    (tmp_path / "old.txt").write_text(OLD)
    (tmp_path / "new.txt").write_text(NEW)
    out = tmp_path / "out"
    assert main(["build", str(tmp_path / "old.txt"), "-o", str(out), "-q"]) == 0
    (out / "notes.txt").write_text("mine")
    return out


def leftovers(out: Path) -> list[str]:
    return sorted(p.name for p in out.parent.glob(f".{out.name}.kg-*")) + \
        sorted(p.name for p in out.glob(".*.tmp"))


# --- the set itself -------------------------------------------------------------------------------

def test_a_set_lands_in_one_step_and_keeps_the_users_files(tmp_path):
    out = tmp_path / "out"
    for generation in ("1", "2"):
        with OutputSet(out) as outputs:
            for name in ("a.txt", "b.txt"):
                outputs.path(name).write_text(generation)
            if generation == "1":
                assert not out.exists()  # nothing visible before the commit
            else:
                assert (out / "a.txt").read_text() == "1"
            assert outputs.commit() == [out / "a.txt", out / "b.txt"]
        if generation == "1":
            (out / "mine.txt").write_text("kept")
    assert snapshot(out) == {"a.txt": b"2", "b.txt": b"2", "mine.txt": b"kept"}
    assert leftovers(out) == []


def test_a_reader_holding_the_folder_sees_one_set_while_sets_are_committed(tmp_path):
    out = tmp_path / "out"
    mixes, reads = [], 0
    done = threading.Event()

    def reader():
        nonlocal reads
        while not done.is_set():
            try:
                fd = os.open(out, os.O_RDONLY | os.O_DIRECTORY)
            except FileNotFoundError:
                continue
            seen = {}
            try:
                for name in ("a.txt", "b.txt"):
                    opened = os.open(name, os.O_RDONLY, dir_fd=fd)
                    seen[name] = os.read(opened, 100)
                    os.close(opened)
            except FileNotFoundError:  # the folder was the old set, removed since: read again
                continue
            finally:
                os.close(fd)
            reads += 1
            if len(set(seen.values())) != 1:
                mixes.append(seen)

    thread = threading.Thread(target=reader)
    thread.start()
    try:
        for generation in range(200):
            with OutputSet(out) as outputs:
                for name in ("a.txt", "b.txt"):
                    outputs.path(name).write_text(str(generation))
                outputs.commit()
    finally:
        done.set()
        thread.join()
    assert reads > 0 and mixes == []


def test_a_path_that_cannot_be_a_folder_is_one_line(old_build, capsys):
    blocker = old_build.parent / "file"
    blocker.write_text("x")
    assert main(["build", str(old_build.parent / "new.txt"), "-o", str(blocker / "out"), "-q"]) == 1
    err = capsys.readouterr().err
    assert "cannot write" in err and "Traceback" not in err and len(err.splitlines()) == 1


def test_stale_leftovers_of_killed_builds_are_removed(old_build, capsys):
    dead = subprocess.Popen([sys.executable, "-c", "pass"])
    dead.wait()  # a process id that is gone
    stale_staging = old_build.parent / f".out.kg-new-{dead.pid}"
    stale_staging.mkdir()
    (stale_staging / "facts.jsonl").write_text("half")
    stale_tmp = old_build / f".facts.jsonl.{dead.pid}.abcd1234.tmp"
    legacy_tmp = old_build / ".graph.ttl.abcd1234.tmp"  # what earlier versions left
    live_tmp = old_build / f".graph.ttl.{os.getppid()}.abcd1234.tmp"  # a live writer's: left alone
    for path in (stale_tmp, legacy_tmp, live_tmp):
        path.write_text("half")
    assert main(["build", str(old_build.parent / "new.txt"), "-o", str(old_build), "-q"]) == 0
    assert not stale_staging.exists() and not stale_tmp.exists() and not legacy_tmp.exists()
    assert live_tmp.exists()


# --- signals at each output step ------------------------------------------------------------------

STEPS = ["facts", "graph.ttl", "graph.html", "commit"]


def signal_at(monkeypatch, step: str, signum: int) -> None:
    """Deliver a real signal to this process as the build reaches ``step``."""
    import kg.build
    import kg.folder
    import kg.outputs
    import kg.spool
    import kg.viz

    def before(original):
        def call(*args, **kwargs):
            os.kill(os.getpid(), signum)
            time.sleep(0.05)  # the handler runs here (or, with signals held back, after the commit)
            return original(*args, **kwargs)
        return call

    if step == "facts":
        monkeypatch.setattr(kg.build, "read_inputs", before(kg.build.read_inputs))
    elif step == "graph.ttl":
        monkeypatch.setattr(kg.folder, "export", before(kg.folder.export))  # a graph held in memory
        monkeypatch.setattr(kg.spool.TripleSpool, "write", before(kg.spool.TripleSpool.write))  # kg build's default
    elif step == "graph.html":
        monkeypatch.setattr(kg.viz, "write_html", before(kg.viz.write_html))
    else:
        monkeypatch.setattr(kg.outputs.OutputSet, "_commit", before(kg.outputs.OutputSet._commit))


@pytest.mark.parametrize("signum", [signal.SIGINT, signal.SIGTERM])
@pytest.mark.parametrize("step", STEPS)
def test_a_signal_at_each_step_leaves_the_old_set_or_the_new_one(old_build, monkeypatch, capsys, step, signum):
    before = snapshot(old_build)
    signal_at(monkeypatch, step, signum)
    assert main(["build", str(old_build.parent / "new.txt"), "-o", str(old_build), "-q"]) == 128 + signum
    err = capsys.readouterr().err
    assert "outputs are complete or untouched" in err and "Traceback" not in err
    after = snapshot(old_build)
    if step == "commit":  # signals are held back while the set lands: it lands whole, then kg stops
        assert set(after) == set(before) and after["notes.txt"] == b"mine"
        assert b"Bruno Vale" in after["facts.jsonl"] and b"Bruno Vale" in after["graph.ttl"]
        assert b"Bruno Vale" in after["graph.html"]
    else:
        assert after == before
    assert leftovers(old_build) == []


def test_kill_9_mid_build_leaves_the_old_set_and_the_next_build_cleans_up(old_build, nlp):
    before = snapshot(old_build)
    big = old_build.parent / "big.txt"
    big.write_text((NEW + "\n\n") * 4000)
    process = subprocess.Popen([KG, "build", str(big), "-o", str(old_build), "-q"], stderr=subprocess.PIPE)
    try:
        deadline = time.monotonic() + 120
        while not any(old_build.parent.glob(".out.kg-new-*/*.tmp")):
            assert process.poll() is None and time.monotonic() < deadline, "the build ended before the kill"
            time.sleep(0.02)
        process.kill()
        process.wait()
    finally:
        if process.poll() is None:
            process.kill()
    assert snapshot(old_build) == before
    assert leftovers(old_build)  # what kill -9 leaves ...
    assert main(["build", str(old_build.parent / "new.txt"), "-o", str(old_build), "-q"]) == 0
    assert leftovers(old_build) == []  # ... the next build removes


# --- a full disk ----------------------------------------------------------------------------------

@pytest.mark.parametrize("failing_write", [1, 2, 3])
def test_no_space_at_each_output_is_one_line_and_the_old_set_stays(old_build, monkeypatch, capsys, failing_write):
    """The n-th file kg flushes (facts.jsonl, graph.ttl, graph.html) fails with ENOSPC."""
    import kg.fileio

    real_fsync, calls = os.fsync, []

    def fsync(fd):
        calls.append(fd)
        if len(calls) == failing_write:
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
        return real_fsync(fd)

    before = snapshot(old_build)
    monkeypatch.setattr(kg.fileio.os, "fsync", fsync)
    assert main(["build", str(old_build.parent / "new.txt"), "-o", str(old_build), "-q"]) == 1
    err = capsys.readouterr().err
    name = ["facts.jsonl", "graph.ttl", "graph.html"][failing_write - 1]
    assert f"{name}: No space left on device" in err and "Traceback" not in err and len(err.splitlines()) == 1
    assert snapshot(old_build) == before and leftovers(old_build) == []


@pytest.fixture
def small_disk(tmp_path):
    """A 4 MiB tmpfs (root only; skipped elsewhere), unmounted after the test."""
    mount = tmp_path / "disk"
    mount.mkdir()
    if os.geteuid() != 0 or shutil.which("mount") is None:
        pytest.skip("mounting a tmpfs needs root")
    done = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=4m", "tmpfs", str(mount)], capture_output=True)
    if done.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs here: {done.stderr.decode().strip()}")
    try:
        yield mount
    finally:
        subprocess.run(["umount", "-l", str(mount)], check=False)


def test_a_really_full_disk_is_one_line_and_the_old_set_stays(small_disk, tmp_path, capsys, nlp):
    (tmp_path / "old.txt").write_text(OLD)
    out = small_disk / "out"
    assert main(["build", str(tmp_path / "old.txt"), "-o", str(out), "-q"]) == 0
    before = snapshot(out)
    used = sum(len(data) for data in before.values())
    # room for the old set and a little more: the new set (a bigger graph) does not fit beside it
    subprocess.run(["mount", "-o", f"remount,size={used + 64 * 1024}", str(small_disk)], check=True)
    big = tmp_path / "big.txt"
    big.write_text((NEW + "\n\n") * 200)
    assert main(["build", str(big), "-o", str(out), "-q"]) == 1
    err = capsys.readouterr().err
    assert "No space left on device" in err and "Traceback" not in err and len(err.splitlines()) == 1
    assert snapshot(out) == before and leftovers(out) == []


def test_output_set_errors_are_output_errors(tmp_path):
    (tmp_path / "file").write_text("x")
    with pytest.raises(OutputError, match="cannot write"):
        with OutputSet(tmp_path / "file" / "out"):
            pass


# --- kill -9 mid-build into an Oxigraph store -----------------------------------------------------

FIRST = ["Ada", "Bruno", "Ivo", "Lena", "Omar", "Priya", "Tomas", "Yuki", "Zofia", "Kwame"]
LAST = ["Quill", "Vale", "Tan", "Ruiz", "Haddad", "Raman", "Novak", "Sato", "Kowalski", "Mensah"]


@pytest.mark.slow
def test_kill_9_mid_build_into_oxigraph_leaves_whole_documents(tmp_path, nlp):
    """Killed mid-build, the store holds whole documents only: it is SHACL-valid, it is not locked,
    and building everything again gives exactly the graph of one clean build."""
    import json

    from rdflib.compare import isomorphic

    from kg.store import OxigraphStore

    lines = []
    for i in range(300):
        a, b = f"{FIRST[i % 10]} {LAST[i // 10 % 10]}", f"{FIRST[(i + 3) % 10]} {LAST[(i // 10 + 5) % 10]}"
        lines.append(json.dumps({"id": f"d{i}", "text": f"Mayor {a} endorsed {b} on Monday. {b} thanked {a}."}))
    corpus = tmp_path / "corpus.jsonl"
    corpus.write_text("\n".join(lines) + "\n")
    store = tmp_path / "store"
    process = subprocess.Popen([KG, "build", str(corpus), "--store", f"oxigraph:{store}", "-o", str(tmp_path / "o"),
                                "-q", "--batch-size", "1"], stderr=subprocess.PIPE)
    try:
        deadline = time.monotonic() + 180
        while True:
            staged = list(tmp_path.glob(".o.kg-new-*/*.tmp"))
            if staged and staged[0].stat().st_size > 2000:  # some documents are in the store
                break
            assert process.poll() is None and time.monotonic() < deadline, "the build ended before the kill"
            time.sleep(0.02)
        process.kill()
        assert process.wait() == -signal.SIGKILL
    finally:
        if process.poll() is None:
            process.kill()
    assert main(["validate", f"oxigraph:{store}"]) == 0
    assert main(["build", str(corpus), "--store", f"oxigraph:{store}", "-o", str(tmp_path / "o"), "-q"]) == 0
    assert main(["build", str(corpus), "--store", f"oxigraph:{tmp_path / 'clean'}", "-o", str(tmp_path / "c"),
                 "-q"]) == 0
    rebuilt, clean = OxigraphStore(store, read_only=True), OxigraphStore(tmp_path / "clean", read_only=True)
    assert len(rebuilt) == len(clean) and isomorphic(rebuilt.graph(), clean.graph())


def test_an_output_folder_behind_a_symlink_gets_the_set_where_it_points(old_build, capsys):
    link = old_build.parent / "link"
    link.symlink_to(old_build, target_is_directory=True)
    assert main(["build", str(old_build.parent / "new.txt"), "-o", str(link)]) == 0
    assert f"wrote:     {link / 'facts.jsonl'}" in capsys.readouterr().err  # reported as given
    assert link.is_symlink() and b"Bruno Vale" in (old_build / "graph.ttl").read_bytes()
    assert (old_build / "notes.txt").read_text() == "mine" and leftovers(old_build) == []


def test_an_output_folder_that_is_a_mount_point(small_disk, tmp_path, nlp):
    (tmp_path / "new.txt").write_text(NEW)
    (small_disk / "notes.txt").write_text("mine")
    assert main(["build", str(tmp_path / "new.txt"), "-o", str(small_disk), "-q"]) == 0
    assert set(snapshot(small_disk)) == OUTPUTS | {"notes.txt"}
    assert main(["build", str(tmp_path / "new.txt"), "-o", str(small_disk), "-q"]) == 0
    assert set(snapshot(small_disk)) == OUTPUTS | {"notes.txt"}  # no staging folder left inside
