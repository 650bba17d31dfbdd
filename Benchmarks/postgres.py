#!/usr/bin/env python3
"""FactDesk on PostgreSQL: the benchmark desks moved into a PostgreSQL cluster with
`factdesk backup`, and the same commands as Benchmarks/run.py timed on them, beside psql
running the same SQL (the floor).

    python3 Benchmarks/postgres.py --owner URL [--sizes 100000,1000000] [--runs 10]
                                   [--work Benchmarks/.work] [--bin-dir DIR] [--reuse]

URL is a role that may create databases, e.g. the owner URL `.ci/postgres start` prints.
Each size's desk file is made by `factdesk-bench generate` under --work if missing (as
run.py makes it), then copied into a database `bench_SIZE` (dropped first, unless --reuse
finds it there). Commands run as the desk's owner, acting for the generated reviewers.
Writes Benchmarks/RESULTS-postgres.md; no figure is ever asserted.
"""
import argparse, datetime, json, os, shlex, shutil, subprocess, sys, time, urllib.parse

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, os.path.join(ROOT, "Benchmarks"))
import run as suite  # noqa: E402  (the timer, the desks and the targets of the SQLite suite)

TARGET_MS = 30


def psql(url, sql):
    return subprocess.run(["psql", url, "-v", "ON_ERROR_STOP=1", "-qAt", "-c", sql],
                          check=True, capture_output=True, text=True).stdout.strip()


def database_url(owner, name):
    parts = urllib.parse.urlsplit(owner)
    return urllib.parse.urlunsplit(parts._replace(path="/" + name))


def move(args, desk, claims):
    """The desk file copied into its own database; seconds the copy took, or None when reused."""
    name = f"bench_{claims}"
    url = database_url(args.owner, name)
    exists = psql(args.owner, f"SELECT count(*) FROM pg_database WHERE datname = '{name}'") == "1"
    if exists and args.reuse:
        return url, None
    if exists:
        psql(args.owner, f"DROP DATABASE {name}")
    psql(args.owner, f"CREATE DATABASE {name}")
    fd = os.path.join(args.bin_dir, "factdesk")
    started = time.monotonic()
    subprocess.run([fd, "backup", url, "--db", desk], check=True, capture_output=True, text=True)
    seconds = time.monotonic() - started
    psql(url, "VACUUM ANALYZE")
    return url, seconds


def floors(t):
    """The SQL psql runs for each command: what the command reads, in PostgreSQL's words."""
    show = t["show"]
    return {
        "claim list": f"SELECT * FROM claim WHERE state = 'assigned' AND assignee = '{t['reviewer']}' ORDER BY id LIMIT 20",
        "claim search (common)": "SELECT claim.* FROM claim_search JOIN claim ON claim.id = claim_search.claim_id "
                                 "WHERE claim_search.terms @@ '''ايران'''::tsquery ORDER BY claim_search.claim_id DESC LIMIT 20",
        "claim search (rare)": "SELECT claim.* FROM claim_search JOIN claim ON claim.id = claim_search.claim_id "
                               f"WHERE claim_search.terms @@ '''{t['rare']}'''::tsquery "
                               "ORDER BY ts_rank(claim_search.terms, "
                               f"'''{t['rare']}'''::tsquery) DESC LIMIT 20",
        "claim show": f"SELECT * FROM claim WHERE id = {show}; SELECT * FROM source WHERE id = "
                      f"(SELECT source_id FROM claim WHERE id = {show}); SELECT * FROM note WHERE claim_id = {show}; "
                      f"SELECT * FROM evidence WHERE claim_id = {show}; SELECT * FROM event WHERE claim_id = {show} ORDER BY seq",
        "audit verify": "SELECT count(*), sum(length(details)), max(hash) FROM event; SELECT count(*) FROM claim",
    }


def measure(args, timer, url, claims, t):
    q = shlex.quote
    base = f"{q(os.path.join(args.bin_dir, 'factdesk'))} --db {q(url)}"
    verify_prepare = f"{base} --as sara reopen {t['verify']} --note again >/dev/null 2>&1 || true"
    ids = " ".join(map(str, t["assign"]))
    commands = [
        ("claim list", f"{base} --as sara claim list --status assigned --assignee {t['reviewer']} --limit 20", None),
        ("claim search (common)", f"{base} --as sara claim search {q(t['common'])} --limit 20", None),
        ("claim search (rare)", f"{base} --as sara claim search {q(t['rare'])} --limit 20", None),
        ("claim show", f"{base} --as sara claim show {t['show']}", None),
        ("verify (note + evidence)",
         f"{base} --as {t['verifier']} verify {t['verify']} --note {q(suite.NOTE)} --evidence https://evidence.example/bench",
         verify_prepare),
        ("assign 100 claims", f"{base} --as sara assign {ids} --to {t['reviewer']}", None),
        ("related", f"{base} --as sara related {t['show']}", None),
        ("audit verify", f"{base} audit verify", None),
    ]
    sql = floors(t)
    results = []
    for name, command, prepare in commands:
        runs = min(args.runs, 3) if name == "audit verify" and claims >= 500_000 else None
        suite.log(f"  {name}")
        result = {"name": name, "factdesk": timer.time(name, command, prepare, runs)}
        if name in sql:
            result["psql"] = timer.time(name + " (psql)", f"psql {q(url)} -qAt -c {q(sql[name])} >/dev/null", None, runs)
        results.append(result)
    return results


def report(args, sizes):
    version = psql(args.owner, "SHOW server_version")
    out = ["# FactDesk on PostgreSQL: benchmark results", "",
           f"- date: {args.date}", f"- commit: {suite.commit()}", f"- machine: {suite.machine()}",
           f"- PostgreSQL {version}, on the same machine, over TCP to 127.0.0.1; "
           f"hyperfine: {'yes' if args.hyperfine else 'no (monotonic timer)'}; runs per figure: {args.runs}",
           f"- command: `python3 Benchmarks/postgres.py {' '.join(a if 'postgres' not in a else 'URL' for a in sys.argv[1:])}`", "",
           "The desks of `Benchmarks/run.py`, moved into PostgreSQL with `factdesk backup`. Times are whole "
           "commands, end to end (process start, connecting and logging in, the work, printing), in milliseconds: "
           "median (min–max). `psql` is PostgreSQL's own client running the SQL the command reads, on the same "
           "database: the floor. Target: under 30 ms and within 2x of psql.", ""]
    for size in sizes:
        out += [f"## {size['claims']:,} claims", ""]
        if size["copy_seconds"] is not None:
            out += [f"Moved from the desk file by `factdesk backup` in {size['copy_seconds']:.0f} s.", ""]
        out += ["| command | factdesk ms | psql ms | ratio | target |", "| --- | ---: | ---: | ---: | --- |"]
        for r in size["results"]:
            floor = r.get("psql")
            ratio = r["factdesk"]["median"] / floor["median"] if floor else None
            met = r["factdesk"]["median"] < TARGET_MS and (ratio is None or ratio <= 2)
            target = "–" if r["name"] in ("audit verify", "related", "assign 100 claims") else ("met" if met else "missed")
            out.append(f"| {r['name']} | {suite.fmt(r['factdesk'])} | {suite.fmt(floor)} | "
                       f"{f'{ratio:.1f}x' if ratio else '–'} | {target} |")
        out.append("")
    return "\n".join(out) + "\n"


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--owner", required=True, help="the URL of a role that may create databases")
    parser.add_argument("--sizes", default="100000,1000000")
    parser.add_argument("--runs", type=int, default=10)
    parser.add_argument("--warmup", type=int, default=2)
    parser.add_argument("--work", default=os.path.join(ROOT, "Benchmarks", ".work"))
    parser.add_argument("--out", default=os.path.join(ROOT, "Benchmarks", "RESULTS-postgres.md"))
    parser.add_argument("--bin-dir", default=None)
    parser.add_argument("--reuse", action="store_true", help="keep desks and databases made by an earlier run")
    args = parser.parse_args()
    args.date = datetime.datetime.now(datetime.timezone.utc).strftime('%Y-%m-%d %H:%M UTC')
    if args.bin_dir is None:
        build = ["swift", "build", "-c", "release", "--static-swift-stdlib", "--package-path", ROOT]
        # The two programs only: building every product also tries GRDB's dynamic library,
        # which cannot link against the static Swift runtime.
        for product in ("factdesk", "factdesk-bench"):
            subprocess.run(build + ["--product", product], check=True)
        args.bin_dir = suite.sh(build + ["--show-bin-path"]).strip()
    args.hyperfine = suite.have("hyperfine")
    timer = suite.Timer(args.runs, args.warmup, args.hyperfine, args.work)
    os.makedirs(args.work, exist_ok=True)
    sizes = []
    for claims in [int(s) for s in args.sizes.split(",")]:
        desk = os.path.join(args.work, f"desk-{claims}.db")
        generated = suite.generate(os.path.join(args.bin_dir, "factdesk-bench"), desk, claims, True)
        targets = suite.pick_targets(desk)
        suite.log(f"moving {generated['claims']:,} claims into PostgreSQL")
        url, seconds = move(args, desk, claims)
        suite.log(f"measuring {generated['claims']:,} claims on PostgreSQL")
        sizes.append({"claims": generated["claims"], "copy_seconds": seconds,
                      "results": measure(args, timer, url, generated["claims"], targets)})
    text = report(args, sizes)
    with open(args.out, "w") as f:
        f.write(text)
    with open(os.path.splitext(args.out)[0] + ".json", "w") as f:
        json.dump(sizes, f, indent=2, ensure_ascii=False)
    print(text)


if __name__ == "__main__":
    main()
