#!/usr/bin/env python3
"""FactDesk's benchmark suite: desks of 10k, 100k and 1M claims, measured side by side
with the sqlite3 command line on the same file and with Taskwarrior at 20k tasks.

    python3 Benchmarks/run.py                    # the whole suite; writes Benchmarks/RESULTS.md
    python3 Benchmarks/run.py --sizes 10000      # one size
    python3 Benchmarks/run.py --smoke --work DIR --out DIR/RESULTS.md   # a few thousand claims, one run each

Desks are made by `factdesk-bench generate` (FactDeskKit's own import and workflow code)
under --work, and kept there: --reuse measures an existing desk again without generating it.
Whole commands are timed with hyperfine (median of --runs runs, with the spread); peak
memory is GNU time's maximum resident set size. In --smoke mode, or where hyperfine is
missing, a plain monotonic timer runs each command instead; no figure is ever asserted.
"""
import argparse, datetime, json, os, platform, shlex, shutil, sqlite3, statistics, subprocess, sys, tempfile, time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
NOTE = "راجعنا البيان الرسمي ووجدنا ما يؤكده"
TARGETS_MS = 30


def log(message):
    print(message, file=sys.stderr, flush=True)


def sh(args, **kw):
    return subprocess.run(args, check=True, text=True, capture_output=True, **kw).stdout


def have(tool):
    return shutil.which(tool) is not None


# MARK: - Timing


class Timer:
    """Times whole commands: hyperfine when it is there and wanted, else a monotonic clock."""

    def __init__(self, runs, warmup, use_hyperfine, work):
        self.runs, self.warmup, self.use_hyperfine, self.work = runs, warmup, use_hyperfine, work

    def time(self, name, command, prepare=None, runs=None, warmup=None):
        runs = runs or self.runs
        warmup = self.warmup if warmup is None else warmup
        if self.use_hyperfine:
            export = os.path.join(self.work, "hyperfine.json")
            args = ["hyperfine", "--style", "none", "--warmup", str(warmup), "--runs", str(runs),
                    "--export-json", export, "--command-name", name]
            if prepare:
                args += ["--prepare", prepare]
            subprocess.run(args + [command], check=True, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
            with open(export) as f:
                times = json.load(f)["results"][0]["times"]
        else:
            times = []
            for index in range(warmup + runs):
                if prepare:
                    subprocess.run(prepare, shell=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
                start = time.monotonic()
                done = subprocess.run(command, shell=True, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
                elapsed = time.monotonic() - start
                if done.returncode != 0:
                    raise RuntimeError(f"{name}: exit {done.returncode}: {done.stderr.strip()}")
                if index >= warmup:
                    times.append(elapsed)
        return summary(times)


def summary(times):
    ms = sorted(t * 1000 for t in times)
    return {"median": statistics.median(ms), "min": ms[0], "max": ms[-1],
            "stdev": statistics.stdev(ms) if len(ms) > 1 else 0.0, "runs": len(ms)}


def peak_mib(command, prepare=None):
    """The command's peak resident memory in MiB (GNU time), or None without it."""
    if not os.path.exists("/usr/bin/time"):
        return None
    if prepare:
        subprocess.run(prepare, shell=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    done = subprocess.run(["/usr/bin/time", "-f", "%M", "sh", "-c", command + " >/dev/null"],
                          capture_output=True, text=True)
    try:
        return int(done.stderr.strip().splitlines()[-1]) / 1024
    except (ValueError, IndexError):
        return None


# MARK: - Desks


def generate(bench, desk, claims, reuse):
    info = desk + ".json"
    if reuse and os.path.exists(desk) and os.path.exists(info):
        log(f"reusing {desk}")
        with open(info) as f:
            return json.load(f)
    for suffix in ("", "-wal", "-shm", ".json"):
        if os.path.exists(desk + suffix):
            os.remove(desk + suffix)
    log(f"generating {claims} claims into {desk}")
    start = time.monotonic()
    command = [bench, "generate", "--db", desk, "--claims", str(claims), "--seeds", os.path.join(ROOT, "seeds")]
    if os.path.exists("/usr/bin/time"):
        command = ["/usr/bin/time", "-f", "peak-kib %M"] + command
    done = subprocess.run(command, capture_output=True, text=True)
    if done.returncode != 0:
        raise RuntimeError(f"generate failed: {done.stderr.strip()[-500:]}")
    report = json.loads(done.stdout)
    report["generate_seconds"] = time.monotonic() - start
    for line in done.stderr.splitlines():
        if line.startswith("peak-kib "):
            report["process_peak_mib"] = int(line.split()[1]) / 1024
    report["file_mib"] = sum(os.path.getsize(desk + s) for s in ("", "-wal") if os.path.exists(desk + s)) / 2**20
    with open(info, "w") as f:
        json.dump(report, f, indent=2)
    return report


def pick_targets(desk):
    """What to ask of a desk, found in it: a busy reviewer, claims in each state, terms."""
    db = sqlite3.connect(f"file:{desk}?mode=ro", uri=True)
    one = lambda sql, *a: db.execute(sql, a).fetchone()
    reviewer = one("SELECT assignee FROM claim WHERE state = 'assigned' AND assignee IS NOT NULL "
                   "GROUP BY assignee ORDER BY count(*) DESC LIMIT 1")[0]
    in_review = one("SELECT id, assignee FROM claim WHERE state = 'in_review' ORDER BY id DESC LIMIT 1")
    show = one("SELECT claim_id FROM evidence ORDER BY id DESC LIMIT 1")[0]
    new = [r[0] for r in db.execute("SELECT id FROM claim WHERE state = 'new' ORDER BY id DESC LIMIT 101")]
    single = new.pop()
    source = one("SELECT source_id, text FROM claim WHERE id = ?", single)
    common = "إيران"
    rare = None
    for (term,) in db.execute("SELECT term FROM claim_search_vocab WHERE doc BETWEEN 2 AND 5 "
                              "AND length(term) >= 6 AND term NOT GLOB '*[0-9a-z]*'"):
        rare = term
        break
    counts = {}
    for name, term in (("common", "ايران"), ("rare", rare)):
        counts[name] = one("SELECT count(*) FROM claim_search WHERE claim_search MATCH ?", '"' + term + '"')[0]
    db.close()
    return {"reviewer": reviewer, "verify": in_review[0], "verifier": in_review[1], "show": show,
            "assign": new, "single": single, "source": source[0], "phrase": " ".join(source[1].split()[:6]),
            "common": common, "rare": rare, "matches": counts}


# MARK: - The measurements of one desk


def measure(args, timer, desk, claims, targets):
    fd = shlex.quote(os.path.join(args.bin_dir, "factdesk"))
    q = shlex.quote
    base = f"{fd} --db {q(desk)}"
    t = targets
    verify_prepare = f"{base} --as sara reopen {t['verify']} --note again >/dev/null 2>&1 || true"
    ids = " ".join(map(str, t["assign"]))
    commands = [
        ("start (--version)", f"{fd} --version", None, "--version"),
        ("claim list", f"{base} claim list --status assigned --assignee {t['reviewer']} --limit 20", None,
         f"SELECT * FROM claim WHERE state = 'assigned' AND assignee = '{t['reviewer']}' ORDER BY id LIMIT 20;"),
        ("claim search (common)", f"{base} claim search {q(t['common'])} --limit 20", None,
         "SELECT claim.* FROM claim_search JOIN claim ON claim.id = claim_search.rowid "
         "WHERE claim_search MATCH '\"ايران\"' ORDER BY claim_search.rank LIMIT 20;"),
        ("claim search (rare)", f"{base} claim search {q(t['rare'])} --limit 20", None,
         "SELECT claim.* FROM claim_search JOIN claim ON claim.id = claim_search.rowid "
         f"WHERE claim_search MATCH '\"{t['rare']}\"' ORDER BY claim_search.rank LIMIT 20;"),
        ("claim show", f"{base} claim show {t['show']}", None,
         f"SELECT * FROM claim WHERE id = {t['show']}; SELECT * FROM source WHERE id = "
         f"(SELECT source_id FROM claim WHERE id = {t['show']}); SELECT * FROM note WHERE claim_id = {t['show']}; "
         f"SELECT * FROM evidence WHERE claim_id = {t['show']}; SELECT * FROM event WHERE claim_id = {t['show']} ORDER BY seq;"),
        ("history ID", f"{base} history {t['show']}", None,
         f"SELECT * FROM event WHERE claim_id = {t['show']} ORDER BY seq DESC;"),
        ("source show", f"{base} source show {t['source']}", None,
         f"SELECT * FROM source WHERE id = {t['source']}; SELECT id, state, text FROM claim WHERE source_id = {t['source']} ORDER BY id;"),
        ("verify (note + evidence)",
         f"{base} --as {t['verifier']} verify {t['verify']} --note {q(NOTE)} --evidence https://evidence.example/bench",
         verify_prepare, None),
        ("assign 100 claims", f"{base} --as sara assign {ids} --to {t['reviewer']}", None, None),
        ("related", f"{base} related {t['show']}", None, None),
        ("audit verify", f"{base} audit verify", None,
         "SELECT count(*), sum(length(details)), max(hash) FROM event; SELECT count(*) FROM claim;"),
    ]
    results = []
    for name, command, prepare, floor_sql in commands:
        # A signed history of two million events takes minutes to check: once, without warming up.
        long = name == "audit verify" and claims >= 500_000
        runs, warmup = (1, 0) if long else (None, None)
        log(f"  {name}")
        result = {"name": name, "factdesk": timer.time(name, command, prepare, runs, warmup),
                  "peak_mib": peak_mib(command, prepare)}
        if floor_sql == "--version":
            result["sqlite3"] = timer.time(name + " (sqlite3)", "sqlite3 --version", None, runs)
        elif floor_sql:
            result["sqlite3"] = timer.time(name + " (sqlite3)", f"sqlite3 {q(desk)} {q(floor_sql)}", None, runs)
        results.append(result)
    results += write_floors(args, timer, desk, targets)
    return results


def write_floors(args, timer, desk, t):
    """The writes done by the sqlite3 command line, on a copy of the desk (they break its chain)."""
    copy = os.path.join(args.work, "floor-copy.db")
    for suffix in ("", "-wal", "-shm"):
        if os.path.exists(copy + suffix):
            os.remove(copy + suffix)
    src = sqlite3.connect(f"file:{desk}?mode=ro", uri=True)
    dst = sqlite3.connect(copy)
    src.backup(dst)
    src.close()
    dst.execute("PRAGMA journal_mode = WAL")
    dst.close()
    q = shlex.quote
    event = ("INSERT INTO event (seq, at, actor, claim_id, action, from_state, to_state, details, prev_hash, hash) "
             "SELECT (SELECT max(seq) FROM event) + 1, strftime('%Y-%m-%dT%H:%M:%fZ'), '{actor}', {id}, '{action}', "
             "'{frm}', '{to}', '{{}}', (SELECT hash FROM event ORDER BY seq DESC LIMIT 1), lower(hex(randomblob(32)));")
    verify = (f"PRAGMA foreign_keys = ON; BEGIN IMMEDIATE; "
              f"UPDATE claim SET state = 'verified', version = version + 1, updated_at = strftime('%Y-%m-%dT%H:%M:%fZ') "
              f"WHERE id = {t['verify']}; "
              f"INSERT INTO note (claim_id, author, body, created_at) VALUES ({t['verify']}, '{t['verifier']}', "
              f"'{NOTE}', strftime('%Y-%m-%dT%H:%M:%fZ')); "
              f"INSERT INTO evidence (claim_id, url, stance, added_by, added_at) VALUES ({t['verify']}, "
              f"'https://evidence.example/bench', 'supports', '{t['verifier']}', strftime('%Y-%m-%dT%H:%M:%fZ')); "
              + event.format(actor=t["verifier"], id=t["verify"], action="verify", frm="in_review", to="verified")
              + " COMMIT;")
    assign = (f"PRAGMA foreign_keys = ON; BEGIN IMMEDIATE; "
              f"UPDATE claim SET state = 'assigned', assignee = '{t['reviewer']}', version = version + 1 "
              f"WHERE id IN ({','.join(map(str, t['assign']))}); "
              + " ".join(event.format(actor="sara", id=i, action="assign", frm="new", to="assigned") for i in t["assign"])
              + " COMMIT;")
    floors = []
    for name, sql in (("verify (note + evidence)", verify), ("assign 100 claims", assign)):
        floors.append((name, timer.time(name + " (sqlite3)", f"sqlite3 {q(copy)} {q(sql)}")))
    for suffix in ("", "-wal", "-shm"):
        if os.path.exists(copy + suffix):
            os.remove(copy + suffix)
    return [{"name": name, "sqlite3_only": result} for name, result in floors]


def merge_floors(results):
    by_name = {r["name"]: r for r in results if "factdesk" in r}
    for r in results:
        if "sqlite3_only" in r and r["name"] in by_name:
            by_name[r["name"]]["sqlite3"] = r["sqlite3_only"]
    return list(by_name.values())


# MARK: - Taskwarrior


def taskwarrior(args, timer, sentences):
    if not have("task"):
        log("Taskwarrior is not installed (apt-get install taskwarrior); skipping it")
        return None
    home = os.path.join(args.work, "taskwarrior")
    shutil.rmtree(home, ignore_errors=True)
    os.makedirs(home)
    rc = os.path.join(home, "taskrc")
    with open(rc, "w") as f:
        f.write(f"data.location={home}/data\nconfirmation=off\nverbose=nothing\nhooks=off\nnews.version=2.6.2\n")
    env = f"TASKRC={shlex.quote(rc)}"
    tasks = [{"description": sentences[i % len(sentences)][:120], "status": "pending",
              "uuid": f"00000000-0000-4000-8000-{i:012d}", "entry": "20250101T000000Z",
              "project": f"desk{i % 12}", "tags": [f"rev{i % 24:02d}"]} for i in range(args.tasks)]
    dump = os.path.join(home, "tasks.json")
    with open(dump, "w") as f:
        json.dump(tasks, f, ensure_ascii=False)
    log(f"Taskwarrior: importing {args.tasks} tasks")
    subprocess.run(f"{env} task import {shlex.quote(dump)}", shell=True, check=True,
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    results = {}
    for name, command in (("list", "task list"), ("add", "task add 'تحقق من تصريح جديد' project:desk1"),
                          ("modify", "task 100 modify priority:H")):
        log(f"  task {name}")
        results[name] = timer.time("task " + name, f"{env} {command}")
        results[name]["peak_mib"] = peak_mib(f"{env} {command}")
    return results


# MARK: - Report


def fmt(r):
    if not r:
        return "–"
    return f"{r['median']:.1f} ({r['min']:.1f}–{r['max']:.1f})"


def machine():
    cpu = "unknown"
    try:
        with open("/proc/cpuinfo") as f:
            cpu = next(line.split(":", 1)[1].strip() for line in f if line.startswith("model name"))
    except (OSError, StopIteration):
        pass
    mem = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2**30
    return f"{platform.system()} {platform.release()}, {cpu}, {os.cpu_count()} cores, {mem:.0f} GiB"


def commit():
    try:
        head = sh(["git", "-C", ROOT, "rev-parse", "--short", "HEAD"]).strip()
        dirty = sh(["git", "-C", ROOT, "status", "--porcelain", "--untracked-files=no"]).strip()
        return head + (" (with uncommitted changes)" if dirty else "")
    except (subprocess.CalledProcessError, FileNotFoundError):
        return "unknown"


def report(args, sizes, task, extraction):
    out = ["# FactDesk benchmark results", "",
           f"- date: {args.date}", f"- commit: {args.commit}", f"- machine: {machine()}",
           f"- sqlite3: {sh(['sqlite3', '--version']).split()[0] if have('sqlite3') else 'missing'}; "
           f"hyperfine: {'yes' if args.hyperfine else 'no (monotonic timer)'}; "
           f"runs per figure: {args.runs} after {args.warmup} warm-up",
           f"- command: `python3 Benchmarks/run.py{' ' + ' '.join(args.argv) if args.argv else ''}`", "",
           "Times are whole commands, end to end (process start, opening the desk, the work, printing), "
           "in milliseconds: median (min–max). `sqlite3` is the sqlite3 command line running the "
           "equivalent SQL on the same desk file (writes on a copy, since they cannot extend the hash chain): the floor. "
           "Peak memory is the maximum resident set size of one run.", ""]
    out += ["## Building the desks (in-process import)", "",
            "| claims | sources | events | import claims/s | import peak MiB | workflow commands | workflow s | generator peak MiB | desk file MiB |",
            "| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |"]
    for size in sizes:
        g = size["generated"]
        out.append(f"| {g['claims']:,} | {g['sources']:,} | {g['events']:,} | {g['import_claims_per_second']:,.0f} | "
                   f"{g['import_peak_mib']:.0f} | {g['workflow_commands']:,} | {g['workflow_seconds']:.1f} | "
                   f"{g.get('process_peak_mib', g['peak_mib']):.0f} | {g['file_mib']:,.0f} |")
    if extraction:
        out += ["", f"Extraction and stemming alone, one core, no desk (`factdesk-bench extract`): {extraction}."]
    out += ["", "States: " + "; ".join(
        f"{s['generated']['claims']:,} claims: " + ", ".join(f"{k} {v:,}" for k, v in sorted(s['generated']['states'].items()))
        for s in sizes), ""]
    for size in sizes:
        g, t = size["generated"], size["targets"]
        out += [f"## {g['claims']:,} claims", "",
                f"Search terms: common `{t['common']}` ({t['matches']['common']:,} claims), rare `{t['rare']}` "
                f"({t['matches']['rare']:,} claims).", "",
                "| command | factdesk ms | sqlite3 ms | ratio | peak MiB |", "| --- | ---: | ---: | ---: | ---: |"]
        for r in size["results"]:
            floor = r.get("sqlite3")
            ratio = f"{r['factdesk']['median'] / floor['median']:.1f}x" if floor else "–"
            peak = f"{r['peak_mib']:.0f}" if r.get("peak_mib") else "–"
            out.append(f"| {r['name']} | {fmt(r['factdesk'])} | {fmt(floor)} | {ratio} | {peak} |")
        out.append("")
    if task:
        biggest = sizes[-1]
        fd = {r["name"]: r["factdesk"] for r in biggest["results"]}
        out += [f"## Taskwarrior {sh(['task', '--version']).strip()} at {args.tasks:,} pending tasks", "",
                f"Side by side with FactDesk at {biggest['generated']['claims']:,} claims.", "",
                "| operation | task ms | peak MiB | factdesk ms | factdesk is |", "| --- | ---: | ---: | ---: | ---: |"]
        for name, ours in (("list", "claim list"), ("modify", "verify (note + evidence)"), ("add", None)):
            mine = fd.get(ours) if ours else None
            faster = f"{task[name]['median'] / mine['median']:.0f}x faster" if mine else "–"
            out.append(f"| {name} | {fmt(task[name])} | {task[name]['peak_mib'] or 0:.0f} | "
                       f"{fmt(mine) + ' (' + ours + ')' if mine else '–'} | {faster} |")
        out.append("")
    out += targets_table(sizes, task, args.bin_dir)
    notes = os.path.join(ROOT, "Benchmarks", "PROFILE.md")
    if os.path.exists(notes):
        with open(notes) as f:
            out += ["", f.read().rstrip()]
    return "\n".join(out) + "\n"


def targets_table(sizes, task, bin_dir):
    biggest = sizes[-1]
    g = biggest["generated"]
    fd = {r["name"]: r for r in biggest["results"]}
    rows = []

    def row(what, value, goal, ok):
        rows.append(f"| {what} | {value} | {goal} | {'met' if ok else 'missed'} |")

    start = fd["start (--version)"]
    ratio = start["factdesk"]["median"] / start["sqlite3"]["median"]
    row("`--version`: vs `sqlite3 --version`", f"{start['factdesk']['median']:.1f} ms, {ratio:.1f}x", "≤ 1.5x", ratio <= 1.5)
    binary = os.path.join(bin_dir or "", "factdesk")
    if os.path.exists(binary):
        size = os.path.getsize(binary) / 1e6
        row("the `factdesk` binary", f"{size:.0f} MB", "< 30 MB", size < 30)
    for name in ("claim list", "claim search (common)", "claim search (rare)", "claim show", "history ID", "source show",
                 "related", "verify (note + evidence)"):
        r = fd[name]
        median = r["factdesk"]["median"]
        goal = 10 if name.startswith("verify") else 50 if name == "related" else TARGETS_MS
        row(f"{name}: time", f"{median:.1f} ms", f"< {goal} ms", median < goal)
        if r.get("sqlite3") and not name.startswith("verify"):
            ratio = median / r["sqlite3"]["median"]
            row(f"{name}: vs sqlite3", f"{ratio:.1f}x", "≤ 2x", ratio <= 2)
    if task:
        for name, ours in (("list", "claim list"), ("modify", "verify (note + evidence)")):
            ratio = task[name]["median"] / fd[ours]["factdesk"]["median"]
            row(f"{name}: vs Taskwarrior", f"{ratio:.0f}x faster", "≥ 20x faster", ratio >= 20)
    row("import, extraction included", f"{g['import_claims_per_second']:,.0f} claims/s", "≥ 10,000 claims/s",
        g["import_claims_per_second"] >= 10_000)
    peaks = [(r["name"], r["peak_mib"]) for r in biggest["results"] if r.get("peak_mib")]
    peaks.append(("import", g["import_peak_mib"]))
    name, peak = max(peaks, key=lambda p: p[1])
    row("peak memory of any command", f"{peak:.0f} MiB ({name})", "< 150 MB (143 MiB)", peak * 2**20 < 150e6)
    audit = fd["audit verify"]["factdesk"]["median"]
    per_million = audit / 1000 / (g["events"] / 1e6)
    row(f"audit verify: {g['events']:,} events in {audit / 1000:.2f} s", f"{per_million:.2f} s per million events",
        "< 3 s for a million events", per_million < 3)
    return [f"## Targets at {g['claims']:,} claims", "", "| target | measured | goal | |", "| --- | ---: | ---: | --- |"] + rows


# MARK: - Main


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", default="10000,100000,1000000", help="claims per desk, comma-separated")
    parser.add_argument("--runs", type=int, default=10)
    parser.add_argument("--warmup", type=int, default=2)
    parser.add_argument("--tasks", type=int, default=20_000, help="Taskwarrior's pending tasks")
    parser.add_argument("--work", default=os.path.join(ROOT, "Benchmarks", ".work"), help="where desks are made")
    parser.add_argument("--out", default=os.path.join(ROOT, "Benchmarks", "RESULTS.md"))
    parser.add_argument("--bin-dir", default=None, help="folder holding factdesk and factdesk-bench (else a release build)")
    parser.add_argument("--reuse", action="store_true", help="measure desks already generated under --work")
    parser.add_argument("--smoke", action="store_true", help="3,000 claims, one run each, 1,000 tasks")
    parser.add_argument("--report-only", action="store_true",
                        help="write RESULTS.md again from the figures of the last run (RESULTS.json), measuring nothing")
    args = parser.parse_args()
    args.argv = sys.argv[1:]
    args.date = datetime.datetime.now(datetime.timezone.utc).strftime('%Y-%m-%d %H:%M UTC')
    args.commit = commit()
    if args.report_only:
        with open(os.path.splitext(args.out)[0] + ".json") as f:
            saved = json.load(f)
        args.__dict__.update(saved["args"])
        with open(args.out, "w") as f:
            f.write(report(args, saved["sizes"], saved["taskwarrior"], saved.get("extraction")))
        return
    if args.smoke:
        args.sizes, args.runs, args.warmup, args.tasks = "3000", 1, 0, 1000
    os.makedirs(args.work, exist_ok=True)
    if args.bin_dir is None:
        log("building release binaries (as the README installs them)")
        build = ["swift", "build", "-c", "release", "--static-swift-stdlib", "--package-path", ROOT]
        # The two programs only: building every product also tries GRDB's dynamic library,
        # which cannot link against the static Swift runtime.
        for product in ("factdesk", "factdesk-bench"):
            subprocess.run(build + ["--product", product], check=True)
        args.bin_dir = sh(build + ["--show-bin-path"]).strip()
    args.hyperfine = have("hyperfine") and not args.smoke
    if not args.smoke and not args.hyperfine:
        log("hyperfine is not installed (apt-get install hyperfine); timing with a monotonic clock instead")
    timer = Timer(args.runs, args.warmup, args.hyperfine, args.work)
    bench = os.path.join(args.bin_dir, "factdesk-bench")
    sizes = []
    for claims in [int(s) for s in args.sizes.split(",")]:
        desk = os.path.join(args.work, f"desk-{claims}.db")
        generated = generate(bench, desk, claims, args.reuse)
        targets = pick_targets(desk)
        log(f"measuring {generated['claims']} claims")
        results = merge_floors(measure(args, timer, desk, generated["claims"], targets))
        sizes.append({"generated": generated, "targets": targets, "results": results})
    extraction = None
    if not args.smoke:
        log("extraction alone, in-process")
        done = subprocess.run([bench, "extract", "--articles", "1000", "--seeds", os.path.join(ROOT, "seeds")],
                              capture_output=True, text=True)
        extraction = done.stdout.strip() if done.returncode == 0 else None
    sentences = []
    for name in sorted(os.listdir(os.path.join(ROOT, "seeds"))):
        with open(os.path.join(ROOT, "seeds", name), encoding="utf-8") as f:
            sentences += [line.strip() for line in f if len(line.split()) > 6]
    task = taskwarrior(args, timer, sentences)
    text = report(args, sizes, task, extraction)
    with open(args.out, "w") as f:
        f.write(text)
    with open(os.path.splitext(args.out)[0] + ".json", "w") as f:
        kept = {key: getattr(args, key) for key in ("argv", "runs", "warmup", "tasks", "hyperfine", "date", "commit")}
        json.dump({"sizes": sizes, "taskwarrior": task, "extraction": extraction, "args": kept}, f,
                  indent=2, ensure_ascii=False)
    print(text)


if __name__ == "__main__":
    main()
