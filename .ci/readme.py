#!/usr/bin/env python3
"""The README as a test: run what it shows and compare.

    python3 .ci/readme.py [--bin DIR] [--update] [--keep]

In a fresh folder (with the sample articles as `seeds/` and the shipped workflows as
`Workflows/`), runs the desk steps of the set-up command (the `factdesk` commands of the
first `sh` block, as the login user), then every command of every `console` block of the
README, in order, with the tour's environment (FACTDESK_DB=tour.db, FACTDESK_USER=sara,
NO_COLOR=1, a key folder of its own, a wide terminal), and compares each command's output
(stdout and stderr) with the lines the README shows under it. Times, dates, hashes, keys and
durations are masked on both sides. `factdesk serve`, which does not end, is not run.

Prints each difference and a summary; exits non-zero when the README is not true.
--update writes the actual output of every command that differs into README.md instead
(the way to regenerate the README's blocks after a change), and --keep leaves the folder.
"""
import argparse, difflib, os, re, shutil, subprocess, sys, tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
MASKS = [
    (re.compile(r"\d{4}-\d\d-\d\d[T ]\d\d:\d\d(:\d\d(\.\d+)?)?Z?"), "<time>"),
    (re.compile(r"\b\d{4}-\d\d-\d\d\b"), "<date>"),
    (re.compile(r"\b\d\d-\d\d \d+\b"), "<day>"),
    (re.compile(r"ed25519:[A-Za-z0-9+/]+=*"), "<key>"),
    (re.compile(r"whsec_[A-Za-z0-9+/]+=*"), "<secret>"),
    (re.compile(r"\b[0-9a-f]{12,64}\b"), "<hash>"),
    (re.compile(r"\b\d+(\.\d+)? ?(ms|s)\b"), "<duration>"),
]


def mask(lines):
    out = []
    for line in lines:
        for pattern, replacement in MASKS:
            line = pattern.sub(replacement, line)
        out.append(line.rstrip())
    return out


def blocks(text):
    """Each console block: its position in the text and its commands with their output."""
    for match in re.finditer(r"```console\n(.*?)```", text, re.S):
        commands = []
        for line in match.group(1).split("\n"):
            if line.startswith("$ "):
                commands.append([line[2:], []])
            elif commands:
                commands[-1][1].append(line)
        for command in commands:
            while command[1] and command[1][-1] == "":
                command[1].pop()
        yield match, commands


def setup_steps(text):
    """The factdesk commands of the set-up command (the first sh block)."""
    first = re.search(r"```sh\n(.*?)```", text, re.S).group(1)
    return [part.strip() for part in first.split("&&") if part.strip().startswith("factdesk ")]


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--bin", default=os.path.join(ROOT, ".build", "debug"), help="the folder holding factdesk")
    parser.add_argument("--update", action="store_true", help="write the actual outputs into README.md")
    parser.add_argument("--keep", action="store_true", help="keep the folder the commands ran in")
    parser.add_argument("--readme", default=os.path.join(ROOT, "README.md"))
    options = parser.parse_args()
    text = open(options.readme, encoding="utf-8").read()
    work = tempfile.mkdtemp(prefix="factdesk-readme-")
    os.symlink(os.path.join(ROOT, "seeds"), os.path.join(work, "seeds"))
    os.symlink(os.path.join(ROOT, "Workflows"), os.path.join(work, "Workflows"))
    base = dict(os.environ, NO_COLOR="1", COLUMNS="200", FACTDESK_KEYS=os.path.join(work, "keys"),
                PATH=os.path.abspath(options.bin) + os.pathsep + os.environ["PATH"])
    for name in ("FACTDESK_DB", "FACTDESK_USER", "PGPASSWORD"):
        base.pop(name, None)

    def run(command, env):
        try:
            p = subprocess.run(command, shell=True, cwd=work, env=env, capture_output=True, text=True, timeout=300)
            output = p.stdout + p.stderr
        except subprocess.TimeoutExpired:
            output = "(did not end within 300 s)"
        return output.rstrip("\n").split("\n") if output.strip() else []

    failures = []
    for step in setup_steps(text):
        p = subprocess.run(step, shell=True, cwd=work, env=base, capture_output=True, text=True, timeout=300)
        if p.returncode != 0:
            failures.append(f"the set-up command's step `{step}` failed: {p.stderr.strip()}")

    tour = dict(base, FACTDESK_DB="tour.db", FACTDESK_USER="sara")
    total, differing, replacements = 0, 0, []
    for match, commands in blocks(text):
        for command, expected in commands:
            if re.match(r"(\S+=\S+ )*factdesk serve\b", command):
                continue
            actual = run(command, tour)
            total += 1
            if mask(actual) == mask(expected):
                continue
            differing += 1
            replacements.append((match, command, expected, actual))
            print(f"=== $ {command}")
            for line in difflib.unified_diff(mask(expected), mask(actual), "README", "actual", lineterm="", n=1):
                print(line)
    if options.update and replacements:
        for _, command, expected, actual in replacements:
            old = "$ " + command + "\n" + "".join(line + "\n" for line in expected)
            new = "$ " + command + "\n" + "".join(line + "\n" for line in actual)
            if text.count(old) != 1:
                failures.append(f"cannot update `{command}`: its block is not found once")
                continue
            text = text.replace(old, new)
        open(options.readme, "w", encoding="utf-8").write(text)
        print(f"readme: wrote the actual output of {len(replacements)} commands into {options.readme}")
    for failure in failures:
        print("FAIL " + failure)
    if options.keep:
        print(f"readme: the commands ran in {work}")
    else:
        shutil.rmtree(work, ignore_errors=True)
    print(f"readme: {total - differing} of {total} commands print what the README shows")
    sys.exit(1 if failures or (differing and not options.update) else 0)


if __name__ == "__main__":
    main()
