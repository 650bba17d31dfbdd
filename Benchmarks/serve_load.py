#!/usr/bin/env python3
"""Load on the web desk: `factdesk serve` on a benchmark desk, driven by wrk and by API clients.

    python3 Benchmarks/serve_load.py --desk Benchmarks/.work/desk-1000000.db --bin-dir .build-release/release

On a copy of the desk (the original is left as it was):
- wrk, 32 connections on loopback, times the claim page and a reviewer's queue with a
  logged-in session: requests per second and the 50th/99th percentile latency;
- 20 API clients, each with its own token, run 200 transitions each (assign, then skip, on
  100 claims of their own) at the same time: every answer counted, 5xx and lost changes
  reported, and `audit verify` run on the desk afterwards.
With --postgres OWNER_URL the copy is a new database of that cluster, made with
`factdesk backup`, and the server runs on it (as the database's owner, acting for whoever
logs in); the section written is then "Web desk on PostgreSQL".

Figures go to stdout as Markdown and to --json; the section "Web desk" of RESULTS.md is
written with --results. Nothing is asserted: these are measurements.
"""
import argparse, json, os, re, shutil, sqlite3, subprocess, sys, tempfile, threading, time, urllib.error, urllib.parse, urllib.request

PASSWORD = "benchmark pass phrase 1"


def log(message):
    print(message, file=sys.stderr, flush=True)


def factdesk(args, desk, *words, actor, stdin=None):
    env = dict(os.environ, FACTDESK_DB=desk, FACTDESK_USER=actor)
    done = subprocess.run([os.path.join(args.bin_dir, "factdesk"), *words, "--as", actor], env=env, input=stdin,
                          capture_output=True, text=True, timeout=600)
    if done.returncode != 0:
        raise RuntimeError(f"factdesk {' '.join(words)}: {done.stderr.strip()}")
    return done.stdout


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *a, **k):
        return None


def log_in(base, handle):
    """Logs in through the form; returns the session cookie."""
    opener = urllib.request.build_opener(NoRedirect)
    page = opener.open(base + "/login")
    login_cookie = re.search(r"fd_login=([^;]+)", page.headers.get("Set-Cookie", "")).group(1)
    token = re.search(r'name="csrf" value="([^"]+)"', page.read().decode()).group(1)
    body = urllib.parse.urlencode({"csrf": token, "handle": handle, "password": PASSWORD}).encode()
    request = urllib.request.Request(base + "/login", data=body, headers={
        "Cookie": f"fd_login={login_cookie}", "Origin": base, "Content-Type": "application/x-www-form-urlencoded"})
    try:
        opener.open(request)
    except urllib.error.HTTPError as answer:
        if answer.code != 303:
            raise
        return re.search(r"fd_session=([^;]+)", answer.headers.get("Set-Cookie", "")).group(1)
    raise RuntimeError("login did not redirect")


def first_load(url, cookie):
    """Milliseconds for one request that nothing cached: the page worked out from the desk."""
    start = time.monotonic()
    with urllib.request.urlopen(urllib.request.Request(url, headers={"Cookie": f"fd_session={cookie}"})) as answer:
        answer.read()
    return (time.monotonic() - start) * 1000


def wrk(args, url, cookie):
    done = subprocess.run(["wrk", "-t", "2", "-c", str(args.connections), "-d", f"{args.seconds}s", "--latency",
                           "-H", f"Cookie: fd_session={cookie}", url], capture_output=True, text=True, check=True)
    text = done.stdout
    def latency(percent):
        found = re.search(rf"\s{percent}%\s+([0-9.]+)(us|ms|s)\b", text)
        value, unit = float(found.group(1)), found.group(2)
        return value / 1000 if unit == "us" else value * 1000 if unit == "s" else value
    non2xx = re.search(r"Non-2xx or 3xx responses: (\d+)", text)
    return {"rps": float(re.search(r"Requests/sec:\s+([0-9.]+)", text).group(1)),
            "requests": int(re.search(r"(\d+) requests in", text).group(1)),
            "p50_ms": latency(50), "p99_ms": latency(99), "non_2xx": int(non2xx.group(1)) if non2xx else 0}


def api_clients(args, base, tokens, claims, assignee):
    counts, lock, failures = {}, threading.Lock(), []

    def client(token, ids):
        for claim in ids:
            for name, body in (("assign", {"to": assignee}), ("skip", {"note": "benchmark: not worth checking"})):
                request = urllib.request.Request(
                    f"{base}/api/claims/{claim}/transitions/{name}", data=json.dumps(body).encode(), method="POST",
                    headers={"Authorization": f"Bearer {token}", "Content-Type": "application/json"})
                try:
                    with urllib.request.urlopen(request, timeout=60) as answer:
                        status = answer.status
                except urllib.error.HTTPError as answer:
                    status = answer.code
                    if len(failures) < 10:
                        failures.append(f"{name} {claim}: {status} {answer.read().decode()[:200]}")
                with lock:
                    counts[status] = counts.get(status, 0) + 1

    per = args.transitions // 2
    threads = [threading.Thread(target=client, args=(tokens[i], claims[i * per:(i + 1) * per])) for i in range(args.clients)]
    start = time.monotonic()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return {"seconds": time.monotonic() - start, "statuses": counts, "failures": failures}


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--desk", required=True)
    parser.add_argument("--bin-dir", required=True)
    parser.add_argument("--connections", type=int, default=32)
    parser.add_argument("--seconds", type=int, default=20)
    parser.add_argument("--clients", type=int, default=20)
    parser.add_argument("--transitions", type=int, default=200, help="per API client")
    parser.add_argument("--json", default=None)
    parser.add_argument("--results", default=None, help="RESULTS.md whose web desk section to write")
    parser.add_argument("--postgres", default=None, help="a PostgreSQL owner URL: serve a copy of the desk there")
    args = parser.parse_args()
    work = tempfile.mkdtemp(prefix="factdesk-serve-", dir=os.path.dirname(os.path.abspath(args.desk)))
    if args.postgres:
        name = "serve_load_" + os.path.basename(work).replace("factdesk-serve-", "").lower().replace("-", "_")
        parts = urllib.parse.urlsplit(args.postgres)
        desk = urllib.parse.urlunsplit(parts._replace(path="/" + name))
        subprocess.run(["psql", args.postgres, "-qc", f"CREATE DATABASE {name}"], check=True)
        log(f"moving {args.desk} into PostgreSQL")
        subprocess.run([os.path.join(args.bin_dir, "factdesk"), "backup", desk, "--db", args.desk], check=True)
        ro = PsqlReader(desk)
    else:
        desk = os.path.join(work, "desk.db")
        log(f"copying {args.desk}")
        source, target = sqlite3.connect(args.desk), sqlite3.connect(desk)
        source.backup(target)
        source.close()
        target.close()
        ro = sqlite3.connect(desk)
    editor = ro.execute("SELECT handle FROM reviewer WHERE role = 'editor' AND active ORDER BY id LIMIT 1").fetchone()[0]
    busy = ro.execute("SELECT assignee FROM claim WHERE state IN ('assigned', 'in_review') AND assignee IS NOT NULL "
                      "GROUP BY assignee ORDER BY count(*) DESC LIMIT 1").fetchone()[0]
    shown = ro.execute("SELECT claim_id FROM evidence ORDER BY id DESC LIMIT 1").fetchone()[0]
    total_claims = ro.execute("SELECT max(id) FROM claim").fetchone()[0]
    fresh = [row[0] for row in ro.execute("SELECT id FROM claim WHERE state = 'new' ORDER BY id DESC LIMIT ?",
                                          (args.clients * args.transitions // 2,))]
    ro.close()
    for handle in (editor, busy):
        factdesk(args, desk, "reviewer", "password", handle, "--password-stdin", actor=editor, stdin=PASSWORD + "\n")
    tokens = [factdesk(args, desk, "token", "create", "--name", f"load {i}", actor=editor).strip() for i in range(args.clients)]
    factdesk(args, desk, "service", "add", "web", actor=editor)
    log_file = open(os.path.join(work, "serve.log"), "w+")
    server = subprocess.Popen([os.path.join(args.bin_dir, "factdesk"), "serve", "--port", "0", "--db", desk],
                              stdout=log_file, stderr=log_file)
    base = None
    for _ in range(600):
        log_file.seek(0)
        found = re.search(r"serving .* at (http://[0-9.]+:\d+)", log_file.read())
        if found:
            base = found.group(1)
            break
        time.sleep(0.05)
    results = {"claims": total_claims, "connections": args.connections, "seconds": args.seconds}
    try:
        session_editor = log_in(base, editor)
        session_busy = log_in(base, busy)
        log(f"wrk: claim page {shown}")
        first = first_load(f"{base}/claims/{shown}", session_editor)
        results["claim_page"] = wrk(args, f"{base}/claims/{shown}", session_editor)
        results["claim_page"]["first_ms"] = first
        log(f"wrk: {busy}'s queue")
        first = first_load(f"{base}/", session_busy)
        results["queue"] = wrk(args, f"{base}/", session_busy)
        results["queue"]["first_ms"] = first
        log(f"{args.clients} API clients x {args.transitions} transitions")
        results["api"] = api_clients(args, base, tokens, fresh, busy)
    finally:
        server.terminate()
        server.wait(timeout=60)
    log_file.seek(0)
    served = log_file.read()
    results["server_5xx"] = len(re.findall(r" 5\d\d [0-9.]+ms", served))
    ro = PsqlReader(desk) if args.postgres else sqlite3.connect(desk)
    skipped = ro.execute(f"SELECT count(*) FROM claim WHERE state = 'skipped' AND id IN ({','.join(map(str, fresh))})").fetchone()[0]
    ro.close()
    results["api"]["claims_skipped"] = skipped
    results["api"]["claims_expected"] = len(fresh)
    done = subprocess.run([os.path.join(args.bin_dir, "factdesk"), "audit", "verify", "--db", desk], capture_output=True, text=True)
    results["audit_verify"] = done.stdout.strip().splitlines()[-1] if done.returncode == 0 else f"exit {done.returncode}: {done.stderr.strip()}"
    text = markdown(results, on_postgres=bool(args.postgres))
    print(text)
    if args.json:
        with open(args.json, "w") as f:
            json.dump(results, f, indent=2)
    if args.results:
        write_section(args.results, text)
    shutil.rmtree(work, ignore_errors=True)


class PsqlReader:
    """Just enough of sqlite3's connection to read a PostgreSQL desk through psql."""
    def __init__(self, url):
        self.url = url

    def execute(self, sql, parameters=()):
        for value in parameters:
            sql = sql.replace("?", str(int(value)), 1)
        out = subprocess.run(["psql", self.url, "-qAt", "-F", "\t", "-c", sql], check=True, capture_output=True, text=True).stdout
        rows = [tuple(int(v) if v.lstrip("-").isdigit() else v for v in line.split("\t")) for line in out.splitlines() if line]
        return Rows(rows)

    def close(self):
        pass


class Rows(list):
    def fetchone(self):
        return self[0] if self else None


def markdown(r, on_postgres=False):
    api = r["api"]
    ok = api["statuses"].get(200, 0)
    rows = [
        "## Web desk on PostgreSQL (`factdesk serve --db postgres://...`)\n" if on_postgres else f"## Web desk (`factdesk serve`)\n",
        f"A copy of the desk of {r['claims']:,} claims{' in a PostgreSQL database on the same machine' if on_postgres else ''}, on loopback; wrk with {r['connections']} connections for "
        f"{r['seconds']} s, logged in with a session cookie (`python3 Benchmarks/serve_load.py`).\n",
        "Pages are kept until the history's head moves (any change, from the web or the command line), so "
        "the figures under load are for a page read again; the first load works it out from the desk.\n",
        "| page | first load | requests/s | p50 | p99 | non-2xx |", "| --- | ---: | ---: | ---: | ---: | ---: |",
    ]
    for name, key in (("claim page `/claims/{id}`", "claim_page"), ("a reviewer's queue `/`", "queue")):
        x = r[key]
        rows.append(f"| {name} | {x['first_ms']:.0f} ms | {x['rps']:,.0f} | {x['p50_ms']:.1f} ms | {x['p99_ms']:.1f} ms | {x['non_2xx']} |")
    statuses = ", ".join(f"{k}: {v}" for k, v in sorted(api["statuses"].items()))
    rows += ["", f"{sum(api['statuses'].values()):,} API transitions from 20 clients at once "
             f"in {api['seconds']:.1f} s ({statuses}); {api['claims_skipped']} of {api['claims_expected']} claims "
             f"reached `skipped` ({ok} acknowledged); 5xx answers in the server's log: {r['server_5xx']}; "
             f"`audit verify` afterwards: {r['audit_verify']}", ""]
    return "\n".join(rows)


def write_section(path, text):
    with open(path) as f:
        content = f.read()
    start = content.find(text.split("\n")[0])
    if start >= 0:
        end = content.find("\n## ", start + 5)
        content = content[:start] + text.rstrip() + "\n" + (content[end:] if end >= 0 else "")
    else:
        content = content.rstrip() + "\n\n" + text.rstrip() + "\n"
    with open(path, "w") as f:
        f.write(content)


if __name__ == "__main__":
    main()
