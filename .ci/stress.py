#!/usr/bin/env python3
"""Crowd test: many factdesk processes at once on one desk.

    python3 .ci/stress.py [--procs 8] [--commands 500] [--bin PATH]

Each process runs a random mix of assign, start, verify, dispute, note, evidence, list
and show. Afterwards every acknowledged (exit 0) note, evidence item and transition must
be in the desk, every refusal must be a clear conflict, permission, transition or busy
message, PRAGMA integrity_check must say ok and `factdesk audit verify` must pass. It also
checks that a writer holding the lock past the busy timeout makes others fail cleanly with
the store-busy exit code. Prints a summary; exits non-zero on any failure.
"""
import argparse, collections, os, random, sqlite3, subprocess, sys, tempfile, threading, time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
ALLOWED_REFUSALS = {67: "transition not allowed", 68: "conflict", 75: "store busy", 77: "permission denied"}


def run(binary, desk, user, args, stdin=None):
    env = dict(os.environ, FACTDESK_DB=desk, FACTDESK_USER=user, NO_COLOR="1")
    started = time.monotonic()
    p = subprocess.run([binary] + args, env=env, capture_output=True, text=True, input=stdin)
    return p.returncode, p.stdout, p.stderr, time.monotonic() - started


def worker(binary, desk, index, commands, claims, results):
    rng = random.Random(index)
    me = f"r{index}"
    editor = f"e{index % 2}"
    for n in range(commands):
        claim = str(rng.choice(claims))
        kind = rng.choice(["assign", "start", "verify", "dispute", "note", "evidence", "list", "show", "reopen"])
        if kind == "assign":
            user, args = editor, ["assign", claim, "--to", me]
        elif kind == "start":
            user, args = me, ["start", claim]
        elif kind in ("verify", "dispute"):
            user, args = me, [kind, claim, "--note", f"{kind} {me} {n}", "--evidence", f"https://example.org/{me}/{n}"]
        elif kind == "note":
            user, args = me, ["note", claim, f"ack-{me}-{n}"]
        elif kind == "evidence":
            user, args = me, ["evidence", "add", claim, f"https://example.org/ack/{me}/{n}"]
        elif kind == "reopen":
            user, args = editor, ["reopen", claim, "--note", f"reopen {me} {n}"]
        elif kind == "list":
            user, args = me, ["claim", "list", "--mine", "--json"]
        else:
            user, args = me, ["claim", "show", claim, "--json"]
        code, out, err, seconds = run(binary, desk, user, args)
        results.append((kind, user, claim, args, code, err.strip(), seconds))


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--procs", type=int, default=8)
    parser.add_argument("--commands", type=int, default=500)
    parser.add_argument("--bin", default=os.path.join(ROOT, ".build", "release", "factdesk"))
    options = parser.parse_args()
    if not os.path.exists(options.bin):
        subprocess.run(["swift", "build", "-c", "release", "--package-path", ROOT], check=True)
    folder = tempfile.mkdtemp(prefix="factdesk-stress-")
    desk = os.path.join(folder, "desk.db")
    b = options.bin
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
    for t in threads: t.join()
    elapsed = time.monotonic() - started

    failures = []
    codes = collections.Counter(r[4] for r in results)
    for kind, user, claim, args, code, err, _ in results:
        if code == 0:
            continue
        if code not in ALLOWED_REFUSALS or err.count("\n") > 0 or not err.startswith("factdesk: error: "):
            failures.append(f"{' '.join(args)} as {user}: exit {code}: {err[:200]}")

    db = sqlite3.connect(desk)
    notes = {row[0] for row in db.execute("SELECT body FROM note")}
    urls = {row[0] for row in db.execute("SELECT url FROM evidence")}
    events = collections.Counter((row[0], row[1], row[2]) for row in db.execute(
        "SELECT claim_id, action, actor FROM event WHERE action NOT LIKE '%.%'"))
    acked = collections.Counter()
    for kind, user, claim, args, code, err, _ in results:
        if code != 0:
            continue
        if kind == "note" and args[2] not in notes:
            failures.append(f"acknowledged note lost: {args[2]}")
        if kind == "evidence" and args[3] not in urls:
            failures.append(f"acknowledged evidence lost: {args[3]}")
        if kind in ("assign", "start", "verify", "dispute", "reopen"):
            acked[(int(claim), kind, user)] += 1
    for key, count in acked.items():
        if events[key] != count:
            failures.append(f"transition {key}: {count} acknowledged, {events[key]} in the history")
    integrity = db.execute("PRAGMA integrity_check").fetchone()[0]
    db.close()
    if integrity != "ok":
        failures.append(f"integrity_check: {integrity}")
    audit = run(b, desk, "e0", ["audit", "verify"])
    if audit[0] != 0:
        failures.append(f"audit verify: exit {audit[0]}: {audit[1]} {audit[2]}")

    # A writer holding the lock past the busy timeout: others fail cleanly, quickly.
    holder = sqlite3.connect(desk, timeout=0, isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")
    code, _, err, seconds = run(b, desk, "r0", ["note", "1", "blocked", "--busy-timeout", "0.5"])
    holder.execute("ROLLBACK")
    holder.close()
    if code != 75 or "busy" not in err or seconds > 5:
        failures.append(f"busy writer: exit {code} after {seconds:.1f}s: {err.strip()}")

    latencies = sorted(r[6] for r in results)
    summary = ", ".join(f"{code}: {count}" for code, count in sorted(codes.items()))
    print(f"{options.procs} processes x {options.commands} commands = {len(results)} in {elapsed:.1f}s "
          f"({len(results) / elapsed:.0f}/s); median {latencies[len(latencies) // 2] * 1000:.0f} ms, "
          f"p99 {latencies[int(len(latencies) * 0.99)] * 1000:.0f} ms")
    print(f"exit codes: {summary}")
    print(f"integrity_check: {integrity}; audit verify: {'ok' if audit[0] == 0 else 'FAILED'}; busy writer: exit {code}")
    for failure in failures[:20]:
        print("FAIL " + failure)
    print("stress: " + ("ok" if not failures else f"{len(failures)} failures"))
    sys.exit(1 if failures else 0)


if __name__ == "__main__":
    main()
