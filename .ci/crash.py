#!/usr/bin/env python3
"""Crash test: kill -9 factdesk at random moments, many rounds, and check the desk.

    python3 .ci/crash.py [--rounds 20] [--articles 200] [--bin PATH]

Each round kills a large import part-way and a run of transitions and notes mid-command.
After every kill the desk must open, PRAGMA integrity_check must say ok, `audit verify`
must pass, and every acknowledged (exit 0) command must be present. At the end the import
is run again to completion and must leave exactly one source per article. Prints a
summary; exits non-zero on any failure.
"""
import argparse, os, random, signal, sqlite3, subprocess, sys, tempfile, time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def env(desk, user="e0"):
    return dict(os.environ, FACTDESK_DB=desk, FACTDESK_USER=user, NO_COLOR="1")


def run(binary, desk, args, user="e0"):
    p = subprocess.run([binary] + args, env=env(desk, user), capture_output=True, text=True)
    return p.returncode, p.stdout, p.stderr


def killed_after(binary, desk, args, delay, user="e0"):
    """Starts a command and kills it with SIGKILL after `delay` seconds, unless it ended first."""
    p = subprocess.Popen([binary] + args, env=env(desk, user), stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    try:
        p.wait(timeout=delay)
        return p.returncode
    except subprocess.TimeoutExpired:
        p.send_signal(signal.SIGKILL)
        p.wait()
        return None


def articles(folder, count, rng):
    seeds = []
    for name in sorted(os.listdir(os.path.join(ROOT, "seeds"))):
        with open(os.path.join(ROOT, "seeds", name), encoding="utf-8") as f:
            seeds += [line.strip() for line in f if len(line.split()) > 6]
    os.makedirs(folder)
    for i in range(count):
        lines = [rng.choice(seeds) for _ in range(12)]
        with open(os.path.join(folder, f"a{i:05d}.txt"), "w", encoding="utf-8") as f:
            f.write("\n".join(lines) + f"\nهذا هو المقال رقم {i} في الاختبار.\n")


def check(binary, desk, acked_notes, failures, label):
    code, out, err = run(binary, desk, ["audit", "verify"])
    if code != 0:
        failures.append(f"{label}: audit verify exit {code}: {out.strip()[-300:]} {err.strip()}")
    db = sqlite3.connect(desk)
    integrity = db.execute("PRAGMA integrity_check").fetchone()[0]
    notes = {row[0] for row in db.execute("SELECT body FROM note")}
    db.close()
    if integrity != "ok":
        failures.append(f"{label}: integrity_check {integrity}")
    lost = [n for n in acked_notes if n not in notes]
    if lost:
        failures.append(f"{label}: {len(lost)} acknowledged notes lost, e.g. {lost[0]}")


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--rounds", type=int, default=20)
    parser.add_argument("--articles", type=int, default=200)
    parser.add_argument("--bin", default=os.path.join(ROOT, ".build", "release", "factdesk"))
    options = parser.parse_args()
    if not os.path.exists(options.bin):
        subprocess.run(["swift", "build", "-c", "release", "--package-path", ROOT], check=True)
    b = options.bin
    rng = random.Random(42)
    folder = tempfile.mkdtemp(prefix="factdesk-crash-")
    desk = os.path.join(folder, "desk.db")
    corpus = os.path.join(folder, "articles")
    articles(corpus, options.articles, rng)
    assert run(b, desk, ["init"])[0] == 0
    assert run(b, desk, ["reviewer", "add", "r0"])[0] == 0
    assert run(b, desk, ["source", "add", os.path.join(ROOT, "seeds")])[0] == 0

    failures, acked_notes, kills = [], [], 0
    # How long a whole import takes, to aim the kills inside it.
    started = time.monotonic()
    probe = os.path.join(folder, "probe.db")
    run(b, probe, ["init"])
    run(b, probe, ["source", "add", corpus])
    full = time.monotonic() - started

    for round_ in range(options.rounds):
        if killed_after(b, desk, ["source", "add", corpus], rng.uniform(0.02, full)) is None:
            kills += 1
        check(b, desk, acked_notes, failures, f"round {round_} import")
        # Transitions and notes, each command killed at a random moment or left to finish.
        for n in range(10):
            claim = str(rng.randint(1, 60))
            commands = [["assign", claim, "--to", "r0"], ["note", claim, f"ack-{round_}-{n}"],
                        ["reopen", claim, "--note", "again"]]
            args = rng.choice(commands)
            code = killed_after(b, desk, args, rng.uniform(0.0, 0.08))
            if code is None:
                kills += 1
            elif code == 0 and args[0] == "note":
                acked_notes.append(args[2])
        check(b, desk, acked_notes, failures, f"round {round_} transitions")

    code, _, err = run(b, desk, ["source", "add", corpus])
    db = sqlite3.connect(desk)
    sources = db.execute("SELECT count(*) FROM source").fetchone()[0]
    duplicates = db.execute("SELECT count(*) FROM (SELECT sha256 FROM source GROUP BY sha256 HAVING count(*) > 1)").fetchone()[0]
    claims = db.execute("SELECT count(*) FROM claim WHERE source_id > 5").fetchone()[0]
    db.close()
    probe_claims = sqlite3.connect(probe).execute("SELECT count(*) FROM claim").fetchone()[0]
    if code != 0:
        failures.append(f"final import: exit {code}: {err.strip()}")
    if sources != options.articles + 5 or duplicates:
        failures.append(f"final import: {sources} sources for {options.articles} articles and 5 seeds, {duplicates} duplicated")
    if claims != probe_claims:
        failures.append(f"final import: {claims} claims extracted, a clean import extracts {probe_claims}")
    check(b, desk, acked_notes, failures, "final")
    print(f"{options.rounds} rounds, {kills} processes killed with SIGKILL; an uninterrupted import takes {full:.2f}s")
    print(f"after the final import: {sources} sources, {claims} claims from the articles (a clean import: {probe_claims}); "
          f"{len(acked_notes)} acknowledged notes all present: {not any('notes lost' in f for f in failures)}")
    for failure in failures[:20]:
        print("FAIL " + failure)
    print("crash: " + ("ok" if not failures else f"{len(failures)} failures"))
    sys.exit(1 if failures else 0)


if __name__ == "__main__":
    main()
