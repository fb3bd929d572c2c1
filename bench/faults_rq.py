"""Faults on RQ: a worker (and its work horse) SIGKILLed in the middle of a leased task;
a worker of another slot takes the work over. Prints figures; exits 1 if a step is lost
or done twice.

    .venv/bin/python bench/faults_rq.py

RQ does not queue a killed job again (it lands in no registry but the started one), so
only the lease's sweep (pendel/core/leases.py, run by `pendel_worker`) can finish it. It
runs a Redis server of its own (`redis-server`, on a free port) and a throwaway SQLite
database; a task of twelve steps, half a second each, one OutboxMessage per step, skipping
the steps done already (as every real task carries on from what is committed).
"""

import collections
import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.stdout.reconfigure(line_buffering=True)
ROOT = Path(__file__).resolve().parent.parent
TEMP = Path(tempfile.mkdtemp(prefix="pendel-faults-rq-"))
STEPS = 12
TASK = """
import time

from pendel.core.leases import lease_renew, leased
from pendel.core.models import OutboxMessage
from pendel.core.tasks import retrying


@retrying
@leased(OutboxMessage, "anchor_id")
def slow_task(*, anchor_id: int) -> None:
    steps = OutboxMessage.objects.filter(to=f"step-{anchor_id}")
    done = set(steps.values_list("subject", flat=True))
    for step in range(STEPS):
        lease_renew(force=True)
        if str(step) not in done:
            OutboxMessage.objects.create(
                from_email="x@example.com", to=f"step-{anchor_id}", subject=str(step), body=""
            )
            time.sleep(0.5)
""".replace("STEPS", str(STEPS))


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


if not shutil.which("redis-server"):
    print("redis-server is not installed: nothing to measure")
    sys.exit(0)
PORT = free_port()
(TEMP / "faults_rq_task.py").write_text(TASK)
os.environ.pop("DATABASE_URL", None)  # SQLite of its own
ENV = {
    **os.environ,
    "TASKS_BACKEND": "rq",
    "REDIS_URL": f"redis://127.0.0.1:{PORT}/0",
    "PENDEL_VAR_DIR": str(TEMP),
    "MEDIA_ROOT": str(TEMP / "media"),
    "DEBUG": "1",
    "LEASE_SECONDS": "3",
    "LEASE_SWEEP_SECONDS": "1",
    "PYTHONPATH": f"{TEMP}{os.pathsep}{ROOT}",
    "LOG_LEVEL": "WARNING",
}
os.environ.update(ENV)
sys.path[:0] = [str(TEMP), str(ROOT)]
REDIS = subprocess.Popen(
    ["redis-server", "--port", str(PORT), "--save", "", "--appendonly", "no"],
    stdout=subprocess.DEVNULL,
)

import django  # noqa: E402

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
django.setup()

from django.core.management import call_command  # noqa: E402

from pendel.core.models import Lease, OutboxMessage  # noqa: E402


def worker(slot: str) -> subprocess.Popen:
    log = open(TEMP / f"{slot}.log", "w")  # noqa: SIM115
    command = [sys.executable, "manage.py", "pendel_worker", "--worker-id", slot]
    return subprocess.Popen(
        command, cwd=ROOT, env=ENV, stdout=log, stderr=log, start_new_session=True
    )


def kill(process: subprocess.Popen) -> int:
    """SIGKILL the worker and its work horses (RQ gives each its own session)."""
    found = subprocess.run(["pgrep", "-P", str(process.pid)], capture_output=True, text=True)
    horses = [int(pid) for pid in found.stdout.split()]
    for pid in horses:
        os.kill(pid, signal.SIGKILL)
    os.killpg(process.pid, signal.SIGKILL)
    process.wait()
    return len(horses)


def wait_for(condition, timeout: float) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.05)
    return False


def main() -> int:
    import faults_rq_task

    call_command("migrate", verbosity=0)
    anchor = OutboxMessage.objects.create(from_email="a@example.com", to="x", subject="", body="")
    steps = OutboxMessage.objects.filter(to=f"step-{anchor.pk}")
    lease = Lease.objects.filter(object_id=anchor.pk)
    first = worker("rq-1")
    faults_rq_task.slow_task.enqueue(anchor_id=anchor.pk)
    wait_for(lambda: steps.count() >= 4, timeout=60)
    horses = kill(first)
    print(f"SIGKILL worker rq-1 and its {horses} work horse(s) at {steps.count()} of {STEPS}")
    second = worker("rq-2")
    seen = []

    def finished() -> bool:
        state = lease.values_list("status", "resumed_count").first()
        if state and (not seen or seen[-1] != state):
            seen.append(state)
        return steps.count() >= STEPS and state and state[0] == Lease.Status.RELEASED

    started = time.monotonic()
    done = wait_for(finished, timeout=120)
    print(f"worker rq-2 finished it: {done}, {time.monotonic() - started:.1f} s after the kill")
    print("the lease went through:", " → ".join(f"{s} ({n} resumes)" for s, n in seen))
    second.send_signal(signal.SIGTERM)
    second.wait(timeout=30)
    counts = collections.Counter(steps.values_list("subject", flat=True))
    lost = STEPS - len(counts)
    twice = sum(count - 1 for count in counts.values())
    print(f"lost: {lost}   done twice: {twice}")
    return 0 if lost == twice == 0 else 1


if __name__ == "__main__":
    try:
        code = main()
    finally:
        REDIS.terminate()
        REDIS.wait()
        shutil.rmtree(TEMP, ignore_errors=True)
    sys.exit(code)
