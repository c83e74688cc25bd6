"""`mlkata grade`: a class graded in one batch, honest students next to hostile ones.

Every folder of ``tests/adversarial`` is a student whose submission attacks one ``losses``
exercise (the rest are copies of the solutions). One batch grades them all, with honest
students in every accepted layout and a few malformed submissions, and each test checks
one thing about that batch: the attacked exercise scores 0 and says why, the honest
students keep full marks, nothing outside the output's own files was written.
"""

from __future__ import annotations

import csv
import hashlib
import json
import os
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import time
import zipfile
from pathlib import Path

import pytest

from mlkata.catalog import exercises_of
from tests.helpers import ROOT, as_ordinary_user, give_to_ordinary_user

ADVERSARIAL = ROOT / "tests" / "adversarial"
LOSSES = exercises_of(["losses"], ROOT)
KEYS = [e.key for e in LOSSES]
IS_ROOT = os.geteuid() == 0
CALL_TIMEOUT, EXERCISE_TIMEOUT = 2.0, 5.0

# attack folder -> {attacked exercise: what the report must say}
ATTACKS = {
    "lying_eq": {"losses/hinge_loss": r"expected .*\n\s+got|returned an object of type"},
    "sys_exit": {"losses/hinge_loss": r"raised SystemExit: sys\.exit\(0\) was called"},
    "os_exit_fake_output": {"losses/hinge_loss": r"ended its process \(exit status 0\)[\s\S]*it printed"},
    "monkeypatch_numpy": {"losses/hinge_loss": r"got\s+-1\.0"},
    "monkeypatch_pytest": {"losses/hinge_loss": r"your code imports (_)?pytest"},
    "monkeypatch_sklearn": {"losses/hinge_loss": r"got\s+0\.0|should raise ValueError"},
    "import_sklearn": {"losses/hinge_loss": r"imports sklearn\.metrics: the graders compare"},
    "importlib_tricks": {"losses/hinge_loss": r"your code imports sklearn"},
    "read_solutions": {"losses/hinge_loss": r"your code reads '[^']*solutions"},
    "forge_results": {"losses/hinge_loss": r"grading sandbox: your code (reads '/proc|writes)"},
    "rewrite_graders": {"losses/hinge_loss": r"grading sandbox: your code writes '[^']*(graders|conftest)"},
    "infinite_loop": {"losses/hinge_loss": r"ran for more than 2 s and was stopped|used up its 5 s"},
    # memory_bomb is graded in a batch of its own: see test_a_memory_bomb_runs_into_the_memory_limit
    "fork_bomb": {
        "losses/hinge_loss": r"your code starts a process \(os\.fork\)",
        "losses/mean_squared_error": r"your code imports multiprocessing",
        # where numpy has not imported subprocess already (3.10, 3.13), its import is refused first
        "losses/mean_absolute_error": r"your code (starts a process \(subprocess\.Popen\)"
        r"|imports subprocess)",
    },
    "syntax_error": {"losses/hinge_loss": r"hinge_loss\.py has a syntax error on line 4"},
    "missing_function": {"losses/hinge_loss": r"losses/hinge_loss\.py defines no function hinge_loss\(\)"},
    "raw_syscalls": {"losses/hinge_loss": r"grading sandbox: your code (reads|imports subprocess)"},
    "disarm_hook_plant_links": {"losses/hinge_loss": r"grading sandbox: your code|expected"},
    "fifo_and_devices": {"losses/hinge_loss": r"expected|grading sandbox"},
    "fill_the_disk": {"losses/hinge_loss": r"expected|grading sandbox|killed for writing"},
    "huge_reply": {"losses/hinge_loss": r"malformed answer: more than \d+ MB|ran out of memory"},
    "proc_snooping": {"losses/hinge_loss": r"grading sandbox: your code reads|expected"},
}
KERNEL_ONLY = {
    "disarm_hook_plant_links", "fifo_and_devices", "fill_the_disk", "huge_reply", "proc_snooping",
    "forge_results", "rewrite_graders", "read_solutions", "import_sklearn", "importlib_tricks",
    "monkeypatch_sklearn", "raw_syscalls", "fork_bomb", "os_exit_fake_output", "infinite_loop",
}  # fmt: skip
"""The attacks graded again with the audit hook switched off: the kernel alone must stop them."""
HONEST = ("honest", "honest_flat", "honest_zip", "honest_toplevel_zip", "honest_chatty")


def _solution_files() -> list[Path]:
    return [ROOT / "solutions" / "losses" / f"{e.module}.py" for e in LOSSES]


def _honest_folder(folder: Path, *, flat: bool = False) -> Path:
    target = folder if flat else folder / "losses"
    target.mkdir(parents=True, exist_ok=True)
    for path in _solution_files():
        shutil.copy(path, target / path.name)
    return folder


def _zip(path: Path, members: dict[str, bytes]) -> None:
    with zipfile.ZipFile(path, "w") as archive:
        for name, data in members.items():
            archive.writestr(name, data)


def _make_submissions(folder: Path) -> None:
    _honest_folder(folder / "honest")
    _honest_folder(folder / "honest_flat", flat=True)
    solutions = {f"exercises/losses/{p.name}": p.read_bytes() for p in _solution_files()}
    (folder / "honest_zip").mkdir()
    _zip(folder / "honest_zip" / "my work.zip", solutions)
    _zip(folder / "honest_toplevel_zip.zip", {k.removeprefix("exercises/"): v for k, v in solutions.items()})
    chatty = _honest_folder(folder / "honest_chatty") / "losses" / "hinge_loss.py"
    chatty.write_text(chatty.read_text() + "\nprint('=' * 30, '0 passed, 6 failed', '=' * 30)\n")
    for attack in ATTACKS:
        student = _honest_folder(folder / attack)
        shutil.copytree(ADVERSARIAL / attack, student, dirs_exist_ok=True)
    # malformed submissions: each must get a clear note, and the batch goes on
    (folder / "bad_zip").mkdir()
    (folder / "bad_zip" / "work.zip").write_bytes(b"PK\x03\x04 this is not really a zip file")
    (folder / "zip_traversal").mkdir()
    _zip(
        folder / "zip_traversal" / "work.zip",
        {
            "../../outside.py": b"x = 1\n",
            "/etc/absolute.py": b"x = 1\n",
            "losses/../../hinge_loss.py": b"def hinge_loss(y, d):\n    return 0.0\n",
            "losses/hinge_loss.py": (ROOT / "solutions/losses/hinge_loss.py").read_bytes(),
        },
    )
    non_utf8 = _honest_folder(folder / "non_utf8") / "losses" / "hinge_loss.py"
    non_utf8.write_bytes(b"# caf\xe9\ndef hinge_loss(y, d):\n    return 0.0\n")
    (folder / "empty").mkdir()
    strange = folder / "strange_names"
    strange.mkdir()
    (strange / "notes.txt").write_text("hello")
    (strange / "HINGE_LOSS.PY").write_text("x = 1\n")
    (strange / "results.json").write_text('{"score": 1000}')
    linked = folder / "symlinked" / "losses"
    linked.mkdir(parents=True)
    (linked / "hinge_loss.py").symlink_to(ROOT / "solutions" / "losses" / "hinge_loss.py")


def _fingerprint() -> dict[str, str]:
    """Hashes of the files a submission could want to rewrite: graders, conftests, solutions.

    Only ``losses`` (the batch's topic): the other topics may grow while the tests run.
    """
    files = [*ROOT.glob("graders/losses/*"), *ROOT.glob("solutions/losses/*")]
    files += [ROOT / d / "conftest.py" for d in ("", "graders", "graders/losses", "solutions", "tests")]
    return {
        str(p.relative_to(ROOT)): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(set(files))
        if p.is_file() and "__pycache__" not in p.parts
    }


def _status(pid: str) -> dict[str, str]:
    try:
        lines = Path(f"/proc/{pid}/status").read_text().splitlines()
    except OSError:
        return {}
    return {k: v.strip() for k, _, v in (line.partition(":") for line in lines)}


def _sandbox_processes() -> list[int]:
    """Sandbox processes (bubblewrap's, the zygote's, the workers') that no grader owns any more.

    A sandbox whose grader is alive has that Python among its ancestors (other test runs on
    the machine may have such sandboxes); one left behind hangs from init alone.
    """
    found = []
    for entry in Path("/proc").glob("[0-9]*"):
        try:
            command = (entry / "cmdline").read_bytes()
        except OSError:
            continue
        if b"mlkata_sandbox" not in command or "zombie" in _status(entry.name).get("State", "zombie"):
            continue
        parent, owned = _status(entry.name).get("PPid", "1"), False
        for _ in range(64):
            if parent in ("0", "1", ""):
                break
            try:
                owner = (Path("/proc") / parent / "cmdline").read_bytes()
            except OSError:
                break
            if b"python" in owner and b"mlkata_sandbox" not in owner:
                owned = True
                break
            parent = _status(parent).get("PPid", "1")
        if not owned:
            found.append(int(entry.name))
    return found


def run_grade(
    submissions: Path,
    out: Path,
    *extra: str,
    timeout: float = 900,
    kernel_only: bool = False,
    ordinary_user: bool = False,
) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if not k.startswith("PYTEST_")}
    if kernel_only:
        env["MLKATA_TEST_NO_AUDIT_HOOK"] = "1"
    preexec = None
    if ordinary_user:
        env["HOME"] = str(out.parent)
        preexec = as_ordinary_user()
    command = [sys.executable, "-m", "mlkata.cli", "grade", str(submissions), "--out", str(out)]
    command += ["--topics", "losses", "--jobs", "2", "--call-timeout", str(CALL_TIMEOUT)]
    command += ["--exercise-timeout", str(EXERCISE_TIMEOUT), "--memory", "768", *extra]
    return subprocess.run(
        command, cwd=ROOT, env=env, capture_output=True, text=True, timeout=timeout, preexec_fn=preexec
    )


class Batch:
    def __init__(self, root: Path) -> None:
        self.submissions = root / "submissions"
        self.out = root / "out"
        self.submissions.mkdir()
        _make_submissions(self.submissions)
        self.before = _fingerprint()
        start = time.monotonic()
        self.run = run_grade(self.submissions, self.out)
        self.seconds = time.monotonic() - start
        self.after = _fingerprint()
        self.leftover = _sandbox_processes()

    def results(self, student: str) -> dict:
        return json.loads((self.out / student / "results.json").read_text())

    def scores(self, student: str) -> dict[str, int]:
        return self.results(student)["extra_data"]["mlkata"]["exercises"]

    def outputs(self, student: str, key: str) -> str:
        tests = self.results(student)["tests"]
        return "\n".join(t["output"] for t in tests if t["name"].startswith(f"{key} :: "))

    def full_marks(self) -> dict[str, int]:
        return {
            key: sum(
                t["max_score"] for t in self.results("honest")["tests"] if t["name"].startswith(key + " ")
            )
            for key in KEYS
        }


@pytest.fixture(scope="module")
def batch(tmp_path_factory) -> Batch:
    graded = Batch(tmp_path_factory.mktemp("batch"))
    assert graded.run.returncode == 0, graded.run.stdout + graded.run.stderr[-4000:]
    return graded


def test_the_batch_finishes_and_writes_every_student(batch):
    students = sorted(p.name for p in batch.submissions.iterdir())
    students = [s.removesuffix(".zip") for s in students]
    for student in students:
        assert (batch.out / student / "results.json").is_file(), student
        assert (batch.out / student / "feedback.md").is_file(), student
    assert "graded" in batch.run.stdout and f"({len(KEYS)} exercises)" in batch.run.stdout


@pytest.mark.parametrize("student", HONEST)
def test_honest_students_keep_full_marks(batch, student):
    data = batch.results(student)
    failing = [t for t in data["tests"] if t["status"] != "passed"]
    assert not failing, failing
    assert data["score"] == data["max_score"] == sum(batch.full_marks().values()) > 0


@pytest.mark.parametrize("attack", sorted(ATTACKS))
def test_each_attack_scores_zero_on_the_attacked_exercise(batch, attack):
    scores = batch.scores(attack)
    full = batch.full_marks()
    for key, reason in ATTACKS[attack].items():
        assert scores[key] == 0, (key, batch.outputs(attack, key))
        assert re.search(reason, batch.outputs(attack, key)), batch.outputs(attack, key)
    for key in KEYS:
        if key not in ATTACKS[attack]:
            assert scores[key] == full[key], (key, batch.outputs(attack, key))  # the rest is still graded


def test_a_memory_bomb_runs_into_the_memory_limit(tmp_path):
    """Filling memory ends at the memory limit, and the report says so, however busy the machine.

    In the shared batch, with its 2 s call limit, a loaded machine could let the clock stop the
    bomb before it had touched 768 MB, and the report would name a timeout. Alone, with a call
    limit far beyond what touching that much memory takes even on a busy machine, the memory
    limit is always what stops it.
    """
    submissions = tmp_path / "submissions"
    student = _honest_folder(submissions / "memory_bomb")
    shutil.copytree(ADVERSARIAL / "memory_bomb", student, dirs_exist_ok=True)
    out = tmp_path / "out"
    run = run_grade(submissions, out, "--call-timeout", "60", "--exercise-timeout", "120", "--jobs", "1")
    assert run.returncode == 0, run.stdout + run.stderr[-4000:]
    data = json.loads((out / "memory_bomb" / "results.json").read_text())
    scores = data["extra_data"]["mlkata"]["exercises"]
    attacked = "\n".join(t["output"] for t in data["tests"] if t["name"].startswith("losses/hinge_loss :: "))
    assert scores["losses/hinge_loss"] == 0, attacked
    assert re.search(r"ran out of memory: the grader allows 768 MB", attacked), attacked
    assert "ran for more than" not in attacked, attacked
    failed = [t["name"] for t in data["tests"] if t["status"] != "passed" and "hinge_loss" not in t["name"]]
    assert not failed, failed  # the rest is still graded


def test_graders_conftest_and_solutions_are_untouched(batch):
    assert batch.after == batch.before
    assert not (ROOT / "graders" / "conftest.py").exists()


def test_no_forged_file_survives_in_the_output(batch):
    for path in batch.out.rglob("*"):
        if path.is_file():
            assert "FORGED-BY-A-SUBMISSION" not in path.read_text(errors="replace"), path
    assert batch.results("forge_results")["score"] < batch.results("honest")["score"]
    assert not list(batch.out.rglob("*.tmp"))


def test_grades_csv_has_a_row_per_student_and_a_column_per_exercise(batch):
    with open(batch.out / "grades.csv", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert list(rows[0]) == ["student", "name", "id", "email", *KEYS, "total", "max_score", "notes"]
    most = rows.pop()
    assert most["student"] == "(max)" and int(most["max_score"]) == batch.results("honest")["max_score"]
    assert sum(int(most[k]) for k in KEYS) == int(most["max_score"])
    by_student = {row["student"]: row for row in rows}
    assert set(by_student) == {p.name for p in batch.out.iterdir() if p.is_dir()}
    for student, row in by_student.items():
        data = batch.results(student)
        assert int(row["total"]) == data["score"] and int(row["max_score"]) == data["max_score"]
        assert sum(int(row[k]) for k in KEYS) == data["score"]
        assert row["name"] == data["extra_data"]["mlkata"]["name"]
    assert by_student["fork_bomb"]["losses/hinge_loss"] == "0"
    assert "is not a readable zip file" in by_student["bad_zip"]["notes"]


def test_a_students_name_is_kept_and_their_folder_is_stable_and_unique(tmp_path):
    from mlkata.batch.intake import collect

    names = ["José Müller 李", "Ann Lee", "Ann_Lee", "=cmd"]
    for name in names:
        _honest_folder(tmp_path / "class" / name)
    alone = {s.name: s.student for s in collect(tmp_path / "class", LOSSES)}
    assert set(alone) == set(names) and len(set(alone.values())) == len(names)
    assert alone["Ann_Lee"] == "Ann_Lee" and alone["Ann Lee"].startswith("Ann_Lee-")
    _honest_folder(tmp_path / "class" / "Ann  Lee")  # a classmate more changes no one's folder
    grown = {s.name: s.student for s in collect(tmp_path / "class", LOSSES)}
    assert {n: grown[n] for n in names} == alone


def test_results_json_is_gradescope_format(batch):
    data = batch.results("sys_exit")
    assert {"score", "max_score", "tests", "output", "execution_time"} <= set(data)
    for test in data["tests"]:
        assert {"name", "score", "max_score", "output", "visibility"} <= set(test)
        assert test["visibility"] in ("visible", "hidden")
    assert data["score"] == sum(t["score"] for t in data["tests"])


def test_feedback_is_readable(batch):
    text = (batch.out / "syntax_error" / "feedback.md").read_text()
    assert text.startswith("# mlkata feedback: syntax_error")
    assert "## ✗ losses/hinge_loss: 0/" in text and "syntax error on line 4" in text
    assert re.search(r"## ✓ losses/mean_squared_error: (\d+)/\1", text)


@pytest.mark.parametrize(
    ("student", "note"),
    [
        ("bad_zip", r"work\.zip is not a readable zip file"),
        ("zip_traversal", r"unsafe path '\.\./\.\./outside\.py'"),
        ("non_utf8", r"hinge_loss\.py is not UTF-8 text"),
        ("empty", r"no exercise file found"),
        (
            "strange_names",
            r"ignored \(not an exercise file of this batch\): HINGE_LOSS\.PY, notes\.txt, results\.json",
        ),
        ("symlinked", r"losses/hinge_loss\.py is a symbolic link: ignored"),
    ],
)
def test_malformed_submissions_get_a_clear_note(batch, student, note):
    assert f"{student}:" in batch.run.stdout  # the console names them too
    data = batch.results(student)
    assert re.search(note, data["output"]), data["output"]
    assert re.search(note, (batch.out / student / "feedback.md").read_text())


def test_the_safe_parts_of_a_malformed_zip_are_graded(batch):
    scores = batch.scores("zip_traversal")
    assert scores["losses/hinge_loss"] == batch.full_marks()["losses/hinge_loss"]
    assert not (batch.submissions.parent / "outside.py").exists()
    assert batch.scores("non_utf8")["losses/hinge_loss"] == 0
    assert "cannot be read" in batch.outputs("non_utf8", "losses/hinge_loss")
    assert batch.scores("symlinked")["losses/hinge_loss"] == 0  # the solution behind the link is not graded


def test_no_sandbox_process_outlives_the_batch(batch):
    assert batch.leftover == []


@pytest.fixture(scope="module", params=["root", "ordinary user"] if IS_ROOT else ["this user"])
def kernel_batch(request) -> tuple[Path, Path, subprocess.CompletedProcess, dict, dict]:
    """The attacks and an honest student, graded with the sandbox's audit hook switched off,
    by this user and (when the tests run as root) by an ordinary user as well."""
    ordinary = request.param == "ordinary user"
    root = Path(tempfile.mkdtemp(prefix="mlkata-kernel-batch-"))
    request.addfinalizer(lambda: shutil.rmtree(root, ignore_errors=True))
    submissions, out = root / "submissions", root / "out"
    _honest_folder(submissions / "honest")
    for attack in KERNEL_ONLY:
        shutil.copytree(ADVERSARIAL / attack, _honest_folder(submissions / attack), dirs_exist_ok=True)
    if ordinary:
        give_to_ordinary_user(root)
    before = _fingerprint()
    run = run_grade(submissions, out, kernel_only=True, ordinary_user=ordinary)
    assert run.returncode == 0, run.stdout + run.stderr[-4000:]
    return submissions, out, run, before, _fingerprint()


def test_with_no_audit_hook_the_kernel_alone_stops_every_attack(kernel_batch):
    _, out, _, before, after = kernel_batch

    def scores(student: str) -> dict:
        return json.loads((out / student / "results.json").read_text())["extra_data"]["mlkata"]["exercises"]

    honest = scores("honest")
    assert all(v > 0 for v in honest.values())
    for attack in KERNEL_ONLY:
        got = scores(attack)
        for key in KEYS:
            expected = 0 if key in ATTACKS[attack] else honest[key]
            assert got[key] == expected, (attack, key, got[key])
    assert after == before
    assert not (ROOT / "graders" / "conftest.py").exists()
    for path in out.rglob("*"):
        if path.is_file():
            assert "FORGED-BY-A-SUBMISSION" not in path.read_text(errors="replace"), path
    assert _sandbox_processes() == []


def test_a_rerun_grades_only_what_is_missing(batch, tmp_path):
    out = tmp_path / "out"
    shutil.copytree(batch.out, out)
    shutil.rmtree(out / "honest_flat")
    (out / "sys_exit" / "results.json").write_text('{"score": 10')  # a half-written file from a crash
    before = (out / "honest" / "results.json").read_text()
    rerun = run_grade(batch.submissions, out)
    assert rerun.returncode == 0, rerun.stderr[-3000:]
    assert f"graded 2 student(s), {len(list(batch.out.glob('*/results.json'))) - 2} already up to date" in (
        rerun.stdout.replace("\n", " ")
    )
    assert (out / "honest" / "results.json").read_text() == before
    assert json.loads((out / "honest_flat" / "results.json").read_text())["score"] > 0
    assert json.loads((out / "sys_exit" / "results.json").read_text())["extra_data"]


def test_an_output_folder_inside_the_submissions_is_not_a_student(tmp_path):
    from mlkata.batch.sample import make_class

    submissions = tmp_path / "class"
    make_class(submissions, 2, wrong=0.0, seed=3, root=ROOT)
    (submissions / "notes.txt").write_text("grading notes, not a student")
    out = submissions / "results"
    for _ in range(2):  # the second run finds the first run's output folder in the submissions
        graded = run_grade(submissions, out)
        assert graded.returncode == 0, graded.stderr[-3000:]
    rows = (out / "grades.csv").read_text().splitlines()
    assert [row.split(",")[0] for row in rows] == ["student", "student01", "student02", "(max)"]
    assert "skipped notes.txt: not a student's folder or .zip" in graded.stdout.replace("\n", " ")


def test_an_interrupted_batch_leaves_only_whole_files(tmp_path):
    submissions, out = tmp_path / "submissions", tmp_path / "out"
    for name in ("a", "b", "c"):
        _honest_folder(submissions / name)
    env = {k: v for k, v in os.environ.items() if not k.startswith("PYTEST_")}
    command = [sys.executable, "-m", "mlkata.cli", "grade", str(submissions), "--out", str(out)]
    process = subprocess.Popen(
        [*command, "--topics", "losses", "--jobs", "1"],
        cwd=ROOT,
        env=env,
        start_new_session=True,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    deadline = time.monotonic() + 300
    while not list(out.glob("*/results.json")) and time.monotonic() < deadline and process.poll() is None:
        time.sleep(0.05)
    os.killpg(process.pid, signal.SIGKILL)
    process.wait()
    finished = list(out.glob("*/results.json"))
    assert finished
    for path in finished:
        assert json.loads(path.read_text())["score"] > 0
    rerun = run_grade(submissions, out)
    assert rerun.returncode == 0, rerun.stderr[-3000:]
    assert len(list(out.glob("*/results.json"))) == 3
    assert not [p for p in out.rglob("*") if p.name.endswith(".tmp")]
