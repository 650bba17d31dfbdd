#!/usr/bin/env python3
"""Crowd test: many factdesk processes at once on one desk.

    python3 .ci/stress.py [--procs 8] [--commands 500] [--bin PATH]
                          [--postgres OWNER_URL --socket DIR [--crash-cluster DIR]]
                          [--crash-own-cluster]

Each process runs a random mix of assign, start, verify, dispute, reopen, note, evidence,
list and show; every write carries a unique marker (its note, its evidence URL), and some
transitions name the claim's version read a moment before (--if-version), so that another
process's change in between makes them conflicts. Afterwards every acknowledged (exit 0)
write must be in the desk with its history event, every refused one must have left no
trace of its marker, every refusal must be one line saying a conflict, permission,
transition or busy wait, conflicts (68) must have occurred, and store-busy (75) is accepted
only from a write that waited the whole busy timeout. PRAGMA integrity_check must say ok
and `factdesk audit verify` must pass. It also checks that a writer holding the lock past
the busy timeout makes others fail cleanly with the store-busy exit code. Every command
has a timeout. Prints a summary; exits non-zero on any failure.

With --postgres the desk is a new database of that cluster, owned by the first editor;
each process logs in as its reviewer's own role over the cluster's socket (DIR), and the
checks read the database with psql. With --crash-cluster the server is stopped at once
(pg_ctl stop -m immediate) in the middle of the run and started again: commands caught by
the outage must fail cleanly (74 or 75), and every acknowledged write must be there after.
--crash-own-cluster does the same on a cluster of its own, started with .ci/postgres and
stopped at the end, so that no one else's work sees the outage.
"""
import argparse, collections, os, random, sqlite3, subprocess, sys, tempfile, threading, time, uuid, urllib.parse

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
ALLOWED_REFUSALS = {67: "transition not allowed", 68: "conflict", 75: "store busy", 77: "permission denied"}
TIMEOUT = 60  # seconds any one command may take before the run fails
BUSY_TIMEOUT = 5  # factdesk's default --busy-timeout
WRITES = {"assign", "start", "verify", "dispute", "note", "evidence", "reopen"}


class FileDesk:
    """A desk file, read with Python's sqlite3."""
    def __init__(self, folder):
        self.path = os.path.join(folder, "desk.db")

    def location(self, user):
        return self.path

    def rows(self, sql):
        db = sqlite3.connect(self.path)
        try:
            return db.execute(sql).fetchall()
        finally:
            db.close()

    def integrity(self):
        return self.rows("PRAGMA integrity_check")[0][0]

    event_notes = "SELECT json_extract(details, '$.note') FROM event WHERE claim_id IS NOT NULL"

    def hold_write_lock(self):
        holder = sqlite3.connect(self.path, timeout=0, isolation_level=None)
        holder.execute("BEGIN IMMEDIATE")
        return lambda: (holder.execute("ROLLBACK"), holder.close())


class PostgresDesk:
    """A new database of a PostgreSQL cluster, owned by the first editor `e0`; everyone
    logs in as their own role over the cluster's socket; read with psql."""
    def __init__(self, owner_url, socket):
        self.owner = urllib.parse.urlsplit(owner_url)
        self.socket = socket
        self.database = "stress_" + uuid.uuid4().hex[:12]
        self.psql(owner_url, "DO $$ BEGIN CREATE ROLE e0 LOGIN CREATEROLE; "
                             "EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL; END $$")
        self.psql(owner_url, f"CREATE DATABASE {self.database} OWNER e0")

    def location(self, user):
        return f"postgres://{user}@/{self.database}?host={self.socket}&port={self.owner.port}"

    event_notes = "SELECT details::jsonb ->> 'note' FROM event WHERE claim_id IS NOT NULL"

    @staticmethod
    def psql(url, sql):
        out = subprocess.run(["psql", url, "-v", "ON_ERROR_STOP=1", "-qAt", "-F", "\t", "-c", sql],
                             capture_output=True, text=True, check=True, timeout=TIMEOUT).stdout
        return [tuple(line.split("\t")) for line in out.splitlines() if line]

    def rows(self, sql):
        return [tuple(None if v == "" else v for v in row) for row in self.psql(self.location("e0"), sql)]

    def integrity(self):
        return "ok" if self.rows("SELECT count(*) FROM event")[0][0].isdigit() else "unreadable"

    def hold_write_lock(self):
        holder = subprocess.Popen(["psql", self.location("e0"), "-qAt"], stdin=subprocess.PIPE,
                                  stdout=subprocess.PIPE, text=True)
        holder.stdin.write("BEGIN;\nSELECT pg_advisory_xact_lock(1178891115);\n\\echo locked\n")
        holder.stdin.flush()
        deadline = time.monotonic() + TIMEOUT
        while holder.stdout.readline().strip() != "locked":
            if time.monotonic() > deadline or holder.poll() is not None:
                raise RuntimeError("psql did not take the desk's write lock")
        return lambda: (holder.stdin.write("ROLLBACK;\n\\q\n"), holder.stdin.close(), holder.wait(timeout=TIMEOUT))


def run(binary, desk, user, args, stdin=None):
    env = dict(os.environ, FACTDESK_DB=desk.location(user), FACTDESK_USER=user, NO_COLOR="1")
    started = time.monotonic()
    try:
        p = subprocess.run([binary] + args, env=env, capture_output=True, text=True, input=stdin, timeout=TIMEOUT)
    except subprocess.TimeoutExpired:
        return None, "", f"did not end within {TIMEOUT}s", time.monotonic() - started
    return p.returncode, p.stdout, p.stderr, time.monotonic() - started


def worker(binary, desk, index, commands, claims, results):
    rng = random.Random(index)
    me = f"r{index}"
    editor = f"e{index % 2}"
    for n in range(commands):
        claim = str(rng.choice(claims))
        kind = rng.choice(["assign", "start", "verify", "dispute", "note", "evidence", "list", "show", "reopen"])
        marker = f"m-{me}-{n}"
        if kind == "assign":
            user, args = editor, ["assign", claim, "--to", me, "--note", marker]
        elif kind == "start":
            user, args = me, ["start", claim, "--note", marker]
        elif kind in ("verify", "dispute"):
            user, args = me, [kind, claim, "--note", marker, "--evidence", f"https://example.org/{marker}"]
        elif kind == "note":
            user, args = me, ["note", claim, marker]
        elif kind == "evidence":
            user, args = me, ["evidence", "add", claim, f"https://example.org/{marker}"]
        elif kind == "reopen":
            user, args = editor, ["reopen", claim, "--note", marker]
        elif kind == "list":
            user, args, marker = me, ["claim", "list", "--mine", "--json"], None
        else:
            user, args, marker = me, ["claim", "show", claim, "--json"], None
        if kind in ("assign", "start", "verify", "dispute", "reopen") and rng.random() < 0.4:
            # The version this process saw of one of a few claims everyone works on; others
            # may change it before this process acts.
            claim = str(rng.choice(claims[:3]))
            args[1] = claim
            version = desk.rows(f"SELECT version FROM claim WHERE id = {int(claim)}")[0][0]
            time.sleep(rng.uniform(0.05, 0.2))
            args += ["--if-version", str(version)]
        code, out, err, seconds = run(binary, desk, user, args)
        results.append((kind, user, claim, args, code, err.strip(), seconds, marker))
        if os.environ.get("STRESS_TRACE"): print(code, err.strip()[:150], flush=True)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--procs", type=int, default=8)
    parser.add_argument("--commands", type=int, default=500)
    parser.add_argument("--bin", default=os.path.join(ROOT, ".build", "release", "factdesk"))
    parser.add_argument("--postgres", help="the owner URL of a PostgreSQL cluster to stress instead of a file")
    parser.add_argument("--socket", help="the folder of that cluster's socket")
    parser.add_argument("--crash-cluster", help="the .ci/postgres folder of the cluster, to crash it mid-run")
    parser.add_argument("--crash-own-cluster", action="store_true",
                        help="start a cluster of its own with .ci/postgres, crash it mid-run, stop it at the end")
    options = parser.parse_args()
    if options.crash_own_cluster:
        cluster = tempfile.mkdtemp(prefix="factdesk-crash-")
        script = os.path.join(ROOT, ".ci", "postgres")
        subprocess.run([script, "start", cluster], check=True, stdout=subprocess.DEVNULL)
        options.postgres = open(os.path.join(cluster, "url")).read().strip()
        options.socket = options.crash_cluster = cluster
        try:
            main_with(options)
        finally:
            subprocess.run([script, "stop", cluster], stdout=subprocess.DEVNULL)
    else:
        main_with(options)


def main_with(options):
    if not os.path.exists(options.bin):
        subprocess.run(["swift", "build", "-c", "release", "--package-path", ROOT], check=True)
    folder = tempfile.mkdtemp(prefix="factdesk-stress-")
    desk = PostgresDesk(options.postgres, options.socket) if options.postgres else FileDesk(folder)
    b = options.bin
    if options.crash_cluster:
        ALLOWED_REFUSALS.update({74: "server unreachable during the crash"})
    assert run(b, desk, "e0", ["init"])[0] == 0
    assert run(b, desk, "e0", ["reviewer", "add", "e1", "--role", "editor"])[0] == 0
    for i in range(options.procs):
        assert run(b, desk, "e0", ["reviewer", "add", f"r{i}"])[0] == 0
    assert run(b, desk, "e0", ["source", "add", os.path.join(ROOT, "seeds")])[0] == 0
    claims = list(range(1, 31))  # a few claims, so processes collide

    results = []
    threads = [threading.Thread(target=worker, args=(b, desk, i, options.commands, claims, results))
               for i in range(options.procs)]
    started = time.monotonic()
    for t in threads: t.start()
    crash = None
    if options.crash_cluster:
        time.sleep(2)
        crash = subprocess.run([os.path.join(ROOT, ".ci", "postgres"), "crash", options.crash_cluster],
                               capture_output=True, text=True)
    for t in threads: t.join()
    elapsed = time.monotonic() - started

    failures = []
    codes = collections.Counter(r[4] for r in results)
    outage = crash is not None
    for kind, user, claim, args, code, err, seconds, _ in results:
        if code == 0:
            continue
        if code not in ALLOWED_REFUSALS or err.count("\n") > 0 or not err.startswith("factdesk: error: "):
            failures.append(f"{' '.join(args)} as {user}: exit {code}: {err[:200]}")
        elif code == 75 and not outage and (kind not in WRITES or seconds < BUSY_TIMEOUT * 0.9):
            failures.append(f"{' '.join(args)} as {user}: store busy after {seconds:.1f}s, "
                            f"though only a write that waited {BUSY_TIMEOUT}s may say so: {err[:200]}")
    if not codes[68] and not outage:
        failures.append("no conflict (68) occurred: the run did not test what it says")

    if crash is not None and crash.returncode != 0:
        failures.append(f"the crash and restart of the server failed: {crash.stderr.strip()}")
    notes = collections.Counter(row[0] for row in desk.rows("SELECT body FROM note"))
    urls = collections.Counter(row[0].rsplit("/", 1)[-1] for row in desk.rows("SELECT url FROM evidence"))
    event_notes = collections.Counter(row[0] for row in desk.rows(desk.event_notes))
    events = collections.Counter((int(row[0]), row[1], row[2]) for row in desk.rows(
        "SELECT claim_id, action, actor FROM event WHERE action NOT LIKE '%.%'"))
    acked = collections.Counter()
    for kind, user, claim, args, code, err, _, marker in results:
        if marker is None:
            continue
        # Each write's marker is in a note, an evidence URL or both, and in its event.
        stored = (notes[marker] if kind != "evidence" else None,
                  urls[marker] if kind in ("verify", "dispute", "evidence") else None,
                  event_notes[marker] if kind != "evidence" else None)
        if code == 0:
            if 0 in stored or any(count not in (None, 1) for count in stored):
                failures.append(f"acknowledged {kind} {marker}: stored as (note, evidence, event) {stored}")
            if kind in ("assign", "start", "verify", "dispute", "reopen"):
                acked[(int(claim), kind, user)] += 1
        elif any(count for count in stored if count):
            failures.append(f"refused {kind} {marker} (exit {code}) left (note, evidence, event) {stored}")
    for key, count in acked.items():
        if events[key] != count:
            failures.append(f"transition {key}: {count} acknowledged, {events[key]} in the history")
    integrity = desk.integrity()
    if integrity != "ok":
        failures.append(f"integrity_check: {integrity}")
    audit = run(b, desk, "e0", ["audit", "verify"])
    if audit[0] != 0:
        failures.append(f"audit verify: exit {audit[0]}: {audit[1]} {audit[2]}")

    # A writer holding the lock past the busy timeout: others fail cleanly, quickly.
    release = desk.hold_write_lock()
    code, _, err, seconds = run(b, desk, "r0", ["note", "1", "blocked", "--busy-timeout", "0.5"])
    release()
    if code != 75 or "busy" not in err or seconds > 5:
        failures.append(f"busy writer: exit {code} after {seconds:.1f}s: {err.strip()}")

    latencies = sorted(r[6] for r in results)
    summary = ", ".join(f"{code}: {count}" for code, count in sorted(codes.items(), key=lambda c: (c[0] is None, c[0] or 0)))
    print(f"{options.procs} processes x {options.commands} commands = {len(results)} in {elapsed:.1f}s "
          f"({len(results) / elapsed:.0f}/s); median {latencies[len(latencies) // 2] * 1000:.0f} ms, "
          f"p99 {latencies[int(len(latencies) * 0.99)] * 1000:.0f} ms")
    print(f"exit codes: {summary}" + ("; the server was crashed and restarted mid-run" if crash else ""))
    print(f"integrity_check: {integrity}; audit verify: {'ok' if audit[0] == 0 else 'FAILED'}; busy writer: exit {code}")
    for failure in failures[:20]:
        print("FAIL " + failure)
    print("stress: " + ("ok" if not failures else f"{len(failures)} failures"))
    sys.exit(1 if failures else 0)


if __name__ == "__main__":
    main()
