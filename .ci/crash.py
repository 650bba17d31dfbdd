#!/usr/bin/env python3
"""Crash test: kill -9 factdesk across its whole write path, while others keep writing.

    python3 .ci/crash.py [--kills 1000] [--workers 3] [--import-rounds 10] [--articles 200] [--bin PATH]

Two phases on one desk file:

1. Imports. A large `source add` is killed part-way, again and again; at the end it runs to
   completion and must leave exactly one source per article and the claims a clean import
   extracts.
2. The workflow. Several workers run at once, each on claims of its own, moving them round
   the standard workflow (assign, start, verify or dispute, reopen) with notes and
   evidence; most of their commands are killed at a random moment while the others keep
   writing. Every command carries a unique marker (its note, its evidence URL).

The binary must be built with FACTDESK_WRITE_TRACE=1, which compiles in its write trace (the
script builds one apart, in .build/trace, when --bin names none). Each command runs with
FACTDESK_TEST_WRITE_TRACE, so the script knows where each kill
landed: before the write transaction, inside it, at its commit, or after it; a short
FACTDESK_TEST_WRITE_PAUSE before the commit widens the window inside. After every round
and at the end: the desk opens, PRAGMA integrity_check says ok, `audit verify` passes, every
acknowledged (exit 0) change is present, a command killed before its commit left nothing,
one killed after it left everything, and no change was half-written (a transition's note
without its event, or the reverse). The number of kills, and of kills inside a
transaction, are asserted. Prints a summary; exits non-zero on any failure.
"""
import argparse, collections, os, random, signal, sqlite3, subprocess, sys, tempfile, threading, time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
TIMEOUT = 60  # seconds any one command may take before the run fails


class Desk:
    def __init__(self, binary, path, traces):
        self.binary, self.path, self.traces = binary, path, traces
        self.serial = 0
        self.lock = threading.Lock()
        self.durations = []

    def typical_duration(self, fallback):
        """How long the commands that ended lately took, without their pause: under load
        it grows, and kills aimed at a fixed time would all land before the transaction."""
        with self.lock:
            recent = sorted(self.durations[-30:])
        return recent[len(recent) // 2] if len(recent) >= 5 else fallback

    def env(self, user, trace=None, pause=0.0):
        env = dict(os.environ, FACTDESK_DB=self.path, FACTDESK_USER=user, NO_COLOR="1",
                   FACTDESK_KEYS=os.path.join(os.path.dirname(self.path), "keys"))
        if trace:
            env["FACTDESK_TEST_WRITE_TRACE"] = trace
        if pause:
            env["FACTDESK_TEST_WRITE_PAUSE"] = f"{pause:.4f}"
        return env

    def run(self, user, args):
        p = subprocess.run([self.binary] + args, env=self.env(user), capture_output=True, text=True, timeout=TIMEOUT)
        return p.returncode, p.stdout, p.stderr

    def killed_after(self, user, args, delay, pause=0.0):
        """Runs a command and kills it with SIGKILL `delay` seconds after it started, unless
        it ended first. Returns (exit code or None when killed, where the kill landed); the
        time of each command that ended is kept, to aim later kills."""
        with self.lock:
            self.serial += 1
            trace = os.path.join(self.traces, f"{self.serial}.trace")
        started = time.monotonic()
        p = subprocess.Popen([self.binary] + args, env=self.env(user, trace, pause),
                             stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        try:
            p.wait(timeout=delay)
            code = p.returncode
            with self.lock:
                self.durations.append(time.monotonic() - started - pause)
        except subprocess.TimeoutExpired:
            p.send_signal(signal.SIGKILL)
            p.wait(timeout=TIMEOUT)
            code = None
        p.stderr.close()
        marks = open(trace).read().split() if os.path.exists(trace) else []
        return code, landing(marks)

    def rows(self, sql, args=()):
        db = sqlite3.connect(f"file:{self.path}?mode=ro", uri=True, timeout=30)
        try:
            return db.execute(sql, args).fetchall()
        finally:
            db.close()


def landing(marks):
    """Where a kill landed, from the write-path marks of the killed process."""
    if not marks:
        return "before"
    last = marks[-1]
    return {"begin": "inside", "commit": "commit", "done": "after"}[last]


def articles(folder, count, parts, rng):
    """Articles made of the sample articles' sentences, in `parts` folders; their paths."""
    seeds = []
    for name in sorted(os.listdir(os.path.join(ROOT, "seeds"))):
        with open(os.path.join(ROOT, "seeds", name), encoding="utf-8") as f:
            seeds += [line.strip() for line in f if len(line.split()) > 6]
    folders = [os.path.join(folder, f"part{p:03d}") for p in range(parts)]
    for part in folders:
        os.makedirs(part)
    for i in range(count):
        lines = [rng.choice(seeds) for _ in range(12)]
        with open(os.path.join(folders[i % parts], f"a{i:05d}.txt"), "w", encoding="utf-8") as f:
            f.write("\n".join(lines) + f"\nهذا هو المقال رقم {i} في الاختبار.\n")
    return folders


class Ledger:
    """Every command that carried a marker, with what became of it."""
    def __init__(self):
        self.lock = threading.Lock()
        self.commands = []  # (marker, claim, action, outcome) with outcome acked/refused/before/inside/commit/after
        self.kills = collections.Counter()
        self.codes = collections.Counter()

    def add(self, marker, claim, action, code, where):
        with self.lock:
            if code is None:
                self.kills[where] += 1
                outcome = where
            else:
                self.codes[code] += 1
                outcome = "acked" if code == 0 else "refused"
            self.commands.append((marker, claim, action, outcome))


def worker(desk, ledger, round_, index, claims, kills_wanted, span, share, longest_pause, rng, failures):
    editor, me = f"e{index % 2}", f"r{index}"
    n = 0
    while sum(ledger.kills.values()) < kills_wanted and not failures:
        claim = rng.choice(claims)
        state = desk.rows("SELECT state FROM claim WHERE id = ?", (claim,))[0][0]
        n += 1
        marker = f"m{round_}.{index}.{n}"
        if rng.random() < 0.2:
            user, action, args = me, "note.add", ["note", str(claim), marker]
        elif state == "new":
            user, action, args = editor, "assign", ["assign", str(claim), "--to", me, "--note", marker]
        elif state == "assigned":
            user, action, args = me, "start", ["start", str(claim), "--note", marker]
        elif state == "in_review":
            action = rng.choice(["verify", "dispute"])
            user, args = me, [action, str(claim), "--note", marker, "--evidence", f"https://example.org/{marker}"]
        else:
            user, action, args = editor, "reopen", ["reopen", str(claim), "--note", marker]
        if rng.random() < share:
            pause = rng.uniform(0, longest_pause)
            code, where = desk.killed_after(user, args, rng.uniform(0, desk.typical_duration(span) + pause), pause)
        else:
            code, where = desk.killed_after(user, args, TIMEOUT)
            if code is None:
                failures.append(f"{' '.join(args)} did not end within {TIMEOUT}s")
        ledger.add(marker, claim, action, code, where)


def check(desk, ledger, failures, label):
    """The desk opens and verifies, and every marked command left all or nothing, as it should."""
    code, out, err = desk.run("e0", ["audit", "verify"])
    if code != 0:
        failures.append(f"{label}: audit verify exit {code}: {out.strip()[-300:]} {err.strip()}")
    code, _, err = desk.run("e0", ["claim", "list", "--limit", "1"])
    if code != 0:
        failures.append(f"{label}: the desk does not open: exit {code}: {err.strip()}")
    integrity = desk.rows("PRAGMA integrity_check")[0][0]
    if integrity != "ok":
        failures.append(f"{label}: integrity_check {integrity}")
    notes = collections.Counter(row[0] for row in desk.rows("SELECT body FROM note"))
    events = collections.Counter(row[0] for row in desk.rows(
        "SELECT json_extract(details, '$.note') FROM event WHERE claim_id IS NOT NULL"))
    with ledger.lock:
        commands = list(ledger.commands)
    for marker, claim, action, outcome in commands:
        note, event = notes[marker], events[marker]
        if note > 1 or event > 1:
            failures.append(f"{label}: {marker} ({action}) stored {note} notes and {event} events")
        elif note != event:
            failures.append(f"{label}: {marker} ({action}) half-written: {note} note, {event} event")
        elif outcome in ("acked", "after") and not note:
            failures.append(f"{label}: {marker} ({action}, {outcome}) lost")
        elif outcome in ("refused", "before", "inside") and note:
            failures.append(f"{label}: {marker} ({action}, {outcome}) was kept though it never committed")


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--kills", type=int, default=1000, help="kills in the workflow phase")
    parser.add_argument("--workers", type=int, default=3)
    parser.add_argument("--kill-share", type=float, default=0.75, help="the share of workflow commands killed")
    parser.add_argument("--pause", type=float, default=0.03, help="the longest pause before a commit, in seconds")
    parser.add_argument("--import-rounds", type=int, default=10)
    parser.add_argument("--articles", type=int, default=200)
    parser.add_argument("--rounds", type=int, default=5, help="checks of the whole desk during the workflow phase")
    parser.add_argument("--bin", default=os.path.join(ROOT, ".build", "trace", "release", "factdesk"),
                        help="a factdesk built with FACTDESK_WRITE_TRACE=1 (built here, apart, when missing)")
    options = parser.parse_args()
    if not os.path.exists(options.bin):
        subprocess.run(["swift", "build", "-c", "release", "--package-path", ROOT,
                        "--scratch-path", os.path.join(ROOT, ".build", "trace")],
                       env=dict(os.environ, FACTDESK_WRITE_TRACE="1"), check=True)
    rng = random.Random(42)
    folder = tempfile.mkdtemp(prefix="factdesk-crash-")
    traces = os.path.join(folder, "traces")
    os.makedirs(traces)
    desk = Desk(options.bin, os.path.join(folder, "desk.db"), traces)
    corpus = os.path.join(folder, "articles")
    parts = articles(corpus, options.articles, max(1, options.import_rounds), rng)
    assert desk.run("e0", ["init"])[0] == 0
    # Without its write trace, the binary cannot say where a kill landed: say how to build one.
    code, where = desk.killed_after("e0", ["reviewer", "add", "e1", "--role", "editor"], TIMEOUT)
    if code != 0 or where != "after":
        sys.exit(f"crash: {options.bin} reports no write transaction (exit {code}, trace: {where}); "
                 "build it with FACTDESK_WRITE_TRACE=1 (swift build -c release with that variable set)")
    for i in range(options.workers):
        assert desk.run("e0", ["reviewer", "add", f"r{i}"])[0] == 0
    assert desk.run("e0", ["source", "add", os.path.join(ROOT, "seeds")])[0] == 0
    seed_claims = desk.rows("SELECT max(id) FROM claim")[0][0]

    failures = []
    # Phase 1: imports, each of a new part of the articles, killed part-way; how long a
    # part's import takes aims the kills.
    probe = Desk(options.bin, os.path.join(folder, "probe.db"), traces)
    probe.run("e0", ["init"])
    started = time.monotonic()
    probe.run("e0", ["source", "add", parts[0]])
    full = time.monotonic() - started
    probe.run("e0", ["source", "add"] + parts[1:])
    import_kills = collections.Counter()
    for round_ in range(options.import_rounds):
        code, where = desk.killed_after("e0", ["source", "add", parts[round_]], rng.uniform(0.0, full))
        if code is None:
            import_kills[where] += 1
        elif code != 0:
            failures.append(f"import round {round_}: exit {code}")
        check(desk, Ledger(), failures, f"import round {round_}")
    code, _, err = desk.run("e0", ["source", "add"] + parts)
    sources = desk.rows("SELECT count(*) FROM source")[0][0]
    duplicates = desk.rows("SELECT count(*) FROM (SELECT sha256 FROM source GROUP BY sha256 HAVING count(*) > 1)")[0][0]
    claims = desk.rows("SELECT count(*) FROM claim WHERE source_id > 5")[0][0]
    probe_claims = probe.rows("SELECT count(*) FROM claim")[0][0]
    if code != 0:
        failures.append(f"final import: exit {code}: {err.strip()}")
    if sources != options.articles + 5 or duplicates:
        failures.append(f"final import: {sources} sources for {options.articles} articles and 5 seeds, {duplicates} duplicated")
    if claims != probe_claims:
        failures.append(f"final import: {claims} claims extracted, a clean import extracts {probe_claims}")

    # Phase 2: the workflow, several workers at once, most commands killed.
    started = time.monotonic()
    desk.run("e0", ["note", "1", "timing"])
    span = time.monotonic() - started
    ledger = Ledger()
    # A few claims per worker, so that each goes round the workflow many times.
    owned = list(range(1, min(seed_claims, 4 * options.workers) + 1))
    per_round = -(-options.kills // options.rounds)
    for round_ in range(options.rounds):
        wanted = min(options.kills, per_round * (round_ + 1))
        threads = [threading.Thread(target=worker, args=(desk, ledger, round_, i, owned[i::options.workers], wanted, span, options.kill_share, options.pause,
                                                         random.Random(round_ * 100 + i), failures))
                   for i in range(options.workers)]
        for t in threads: t.start()
        for t in threads: t.join()
        check(desk, ledger, failures, f"workflow round {round_}")

    kills = sum(ledger.kills.values())
    # Verdicts reopened, acknowledged or killed after their commit: the history holds them.
    finals = desk.rows("SELECT count(*) FROM event WHERE action = 'reopen'")[0][0]
    if kills < options.kills:
        failures.append(f"only {kills} kills, {options.kills} asked for")
    if ledger.kills["inside"] + ledger.kills["commit"] < max(1, kills // 10):
        failures.append(f"only {ledger.kills['inside'] + ledger.kills['commit']} of {kills} kills landed inside a write transaction")
    if finals == 0:
        failures.append("no claim reached a verdict and was reopened")

    where = lambda c: ", ".join(f"{k} {c[k]}" for k in ("before", "inside", "commit", "after"))
    print(f"imports: {sum(import_kills.values())} of {options.import_rounds} killed ({where(import_kills)}); "
          f"an uninterrupted import of a part takes {full:.2f}s; after the final one: {sources} sources, {claims} claims "
          f"from the articles (a clean import: {probe_claims})")
    print(f"workflow: {options.workers} workers, {len(ledger.commands)} commands, {kills} killed with SIGKILL "
          f"(the kill landed: {where(ledger.kills)}); finished: "
          + ", ".join(f"exit {code}: {count}" for code, count in sorted(ledger.codes.items()))
          + f"; {finals} verdicts reopened")
    print(f"{kills + sum(import_kills.values())} processes killed with SIGKILL; "
          f"every check after {options.import_rounds + options.rounds} rounds and at the end: "
          + ("passed" if not failures else "FAILED"))
    for failure in failures[:20]:
        print("FAIL " + failure)
    print("crash: " + ("ok" if not failures else f"{len(failures)} failures"))
    sys.exit(1 if failures else 0)


if __name__ == "__main__":
    main()
