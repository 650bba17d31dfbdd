#!/usr/bin/env python3
"""Two-factor logins with a real authenticator: pyotp reads the otpauth:// URI that
`factdesk 2fa enable` prints and computes the codes a phone would.

Starts `factdesk serve --require-2fa editors` on a fresh desk, then over HTTP: the editor
sara, with a second factor, is refused without a code, with a wrong code and with a replayed
one, and let in with pyotp's code and once with a recovery code; the editor omar, without
one, is refused with the sentence that says how to turn it on; the reviewer layla, whom
`editors` does not cover, gets in with her password. `audit verify` passes, and the history
holds the enable event without the secret.

With --browser (Debian's python3, for python3-selenium), headless Chromium does the same as
a person: sara is refused without a code and with a used recovery code, logs in with
pyotp's code, renews her second factor on the Settings page and screenshots its QR code,
(read back by the test suite's own QR reader in QRCodeTests); pyotp's code from the URI
the page shows then opens her next login.

Run by the test suite; needs pyotp (PyPI), and for --browser chromium, chromium-driver,
and python3-selenium.
"""
import argparse
import http.client
import os
import re
import subprocess
import sys
import tempfile
import time
import urllib.parse

import pyotp

PASSWORDS = {"sara": "editor desk phrase 9", "layla": "correct horse battery", "omar": "second pair of eyes"}


def expect(condition, message):
    if not condition:
        raise AssertionError(message)


def run(binary, folder, *args, user="sara", stdin=None, check=True):
    env = dict(os.environ, FACTDESK_DB=os.path.join(folder, "desk.db"), FACTDESK_USER=user)
    done = subprocess.run([binary, *args], env=env, input=stdin, capture_output=True, text=True, timeout=120)
    if check and done.returncode != 0:
        sys.exit(f"twofa: `factdesk {' '.join(args)}` failed ({done.returncode}): {done.stderr.strip()}")
    return done


def start_server(binary, folder, *extra):
    env = dict(os.environ, FACTDESK_DB=os.path.join(folder, "desk.db"))
    log = open(os.path.join(folder, "serve.log"), "w+")
    server = subprocess.Popen([binary, "serve", "--port", "0", *extra], env=env, stderr=log, stdout=log)
    for _ in range(200):
        log.seek(0)
        found = re.search(r"serving .* at (http://[0-9.]+:\d+)", log.read())
        if found:
            return server, found.group(1)
        if server.poll() is not None:
            break
        time.sleep(0.05)
    log.seek(0)
    sys.exit("twofa: factdesk serve did not start: " + log.read())


def set_up(binary, seeds):
    """A desk with sara and omar (editors) and layla; sara turns on her second factor."""
    folder = tempfile.mkdtemp(prefix="factdesk-twofa-")
    run(binary, folder, "init", "--name", "Sara Haddad")
    run(binary, folder, "source", "add", seeds)
    run(binary, folder, "reviewer", "add", "layla", "--name", "ليلى ناصر")
    run(binary, folder, "reviewer", "add", "omar", "--name", "Omar Khalil", "--role", "editor")
    for handle, password in PASSWORDS.items():
        run(binary, folder, "reviewer", "password", handle, "--password-stdin", stdin=password + "\n")
    run(binary, folder, "service", "add", "web")
    printed = run(binary, folder, "2fa", "enable").stdout.split()
    uri, recovery = printed[0], printed[1:]
    expect(uri.startswith("otpauth://totp/FactDesk:sara"), f"2fa enable printed no otpauth URI first: {uri}")
    expect(len(recovery) == 10, f"2fa enable printed {len(recovery)} recovery codes, not 10")
    totp = pyotp.parse_uri(uri)
    expect(isinstance(totp, pyotp.TOTP) and totp.digits == 6 and totp.interval == 30, f"pyotp reads {uri} otherwise")
    expect(totp.issuer == "FactDesk" and totp.name.startswith("sara@"), f"issuer {totp.issuer}, name {totp.name}")
    return folder, totp, recovery


def fresh_code(totp, used):
    """The current code, waiting for the next step when this one was used already."""
    code = totp.now()
    while code in used:
        time.sleep(1)
        code = totp.now()
    used.add(code)
    return code


class Client:
    """Logs in through the form over HTTP, as a browser would, keeping the form's cookie."""

    def __init__(self, base):
        self.address = urllib.parse.urlparse(base).netloc

    def request(self, method, path, body=None, cookie=None):
        connection = http.client.HTTPConnection(self.address, timeout=30)
        headers = {"Content-Type": "application/x-www-form-urlencoded"} if body else {}
        if cookie:
            headers["Cookie"] = cookie
        connection.request(method, path, body=body, headers=headers)
        response = connection.getresponse()
        return response.status, response.getheader("Set-Cookie") or "", response.read().decode()

    def log_in(self, handle, code=None):
        _, cookie, page = self.request("GET", "/login")
        csrf = re.search(r'name="csrf" value="([^"]+)"', page).group(1)
        fields = {"csrf": csrf, "handle": handle, "password": PASSWORDS[handle], "next": "/"}
        if code is not None:
            fields["code"] = code
        status, set_cookie, page = self.request("POST", "/login", urllib.parse.urlencode(fields), cookie.split(";")[0])
        return status, "fd_session=" in set_cookie, re.sub(r"&#39;|&#x27;", "'", page)


def over_http(binary, seeds):
    folder, totp, recovery = set_up(binary, seeds)
    server, base = start_server(binary, folder, "--require-2fa", "editors")
    used = set()
    try:
        client = Client(base)
        # Five refusals from one address lock it: the last one below is the fifth.
        status, session, _ = client.log_in("layla")
        expect(status == 303 and session, f"layla, a reviewer, under --require-2fa editors: {status}")
        status, session, page = client.log_in("omar")
        expect(status == 403 and not session and "factdesk 2fa enable" in page, f"omar without a second factor: {status}")
        status, session, page = client.log_in("sara")
        expect(status == 401 and not session and "this login needs a code" in page, f"sara without a code: {status}")
        code = fresh_code(totp, used)
        wrong = next(c for c in ("123456", "654321", "111111") if not totp.verify(c, valid_window=1))
        status, session, _ = client.log_in("sara", wrong)
        expect(status == 401 and not session, f"sara with a wrong code: {status}")
        status, session, _ = client.log_in("sara", code)
        expect(status == 303 and session, f"sara with pyotp's code: {status}")
        status, session, page = client.log_in("sara", code)
        expect(status == 401 and not session and "already used" in page, f"sara with the same code again: {status}")
        status, session, _ = client.log_in("sara", recovery[0])
        expect(status == 303 and session, f"sara with a recovery code: {status}")
        status, session, _ = client.log_in("sara", recovery[0])
        expect(status == 401 and not session, f"sara with the used recovery code: {status}")
    finally:
        server.terminate()
        server.wait(timeout=20)
    verified = run(binary, folder, "audit", "verify", check=False)
    expect(verified.returncode == 0, f"audit verify: {verified.returncode} {verified.stdout} {verified.stderr}")
    history = run(binary, folder, "history", "--json").stdout
    expect("twofactor.enable" in history, "the history lacks the twofactor.enable event")
    expect(totp.secret not in history and recovery[1] not in history, "the history holds the secret or a recovery code")
    print("twofa http: ok")


def in_browser(binary, seeds, shots):
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service
    from selenium.webdriver.common.by import By

    folder, totp, recovery = set_up(binary, seeds)
    server, base = start_server(binary, folder)
    options = webdriver.ChromeOptions()
    for flag in ("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu", "--window-size=900,1300"):
        options.add_argument(flag)
    driver = webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=options)
    used = set()

    def log_in(code):
        driver.get(base + "/login")
        driver.find_element(By.NAME, "handle").send_keys("sara")
        driver.find_element(By.NAME, "password").send_keys(PASSWORDS["sara"])
        if code is not None:
            driver.find_element(By.NAME, "code").send_keys(code)
        driver.find_element(By.CSS_SELECTOR, "form.login button[type=submit]").click()
        time.sleep(0.3)
        return driver.find_elements(By.CSS_SELECTOR, "form.logout")

    def log_out():
        driver.find_element(By.CSS_SELECTOR, "form.logout button[type=submit]").click()
        time.sleep(0.3)

    try:
        expect(not log_in(None), "sara got in without a code")
        expect("this login needs a code" in driver.find_element(By.CSS_SELECTOR, "p.error").text, "no sentence asks for a code")
        expect(log_in(recovery[0]), "sara's recovery code did not let her in")
        log_out()
        expect(not log_in(recovery[0]), "sara's used recovery code let her in again")
        expect("already used" in driver.find_element(By.CSS_SELECTOR, "p.error").text, "no sentence says the code was used")
        expect(log_in(fresh_code(totp, used)), "pyotp's code did not let sara in")

        driver.get(base + "/settings")
        driver.find_element(By.CSS_SELECTOR, "form[action='/settings/2fa/enable'] button").click()
        time.sleep(0.5)
        qr = driver.find_element(By.CSS_SELECTOR, "div.qr svg")
        shot = os.path.join(shots, "settings-qr.png")
        driver.save_screenshot(shot)
        qr.screenshot(os.path.join(shots, "qr.png"))
        uri = driver.find_element(By.CSS_SELECTOR, "code.uri").text
        expect(uri.startswith("otpauth://totp/") and qr.size["width"] > 100, f"the page shows no QR code for {uri!r}")
        renewed = pyotp.parse_uri(uri)
        expect(renewed.secret != totp.secret, "renewing kept the old secret")
        expect(not log_in(fresh_code(totp, used)), "the old secret's code still opens a login")
        expect(log_in(fresh_code(renewed, used)), "pyotp's code from the renewed URI did not let sara in")
    finally:
        driver.quit()
        server.terminate()
        server.wait(timeout=20)
    print(f"screenshots in {shots}")
    print("twofa browser: ok")


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--bin", required=True)
    parser.add_argument("--seeds", required=True)
    parser.add_argument("--browser", action="store_true", help="drive headless Chromium instead of plain HTTP")
    parser.add_argument("--screenshots", default=None, help="folder for settings-qr.png and qr.png")
    args = parser.parse_args()
    if args.browser:
        shots = args.screenshots or tempfile.mkdtemp(prefix="factdesk-twofa-shots-")
        os.makedirs(shots, exist_ok=True)
        in_browser(args.bin, args.seeds, shots)
    else:
        over_http(args.bin, args.seeds)


if __name__ == "__main__":
    main()
