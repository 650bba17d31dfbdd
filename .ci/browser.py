#!/usr/bin/env python3
"""Drives the web desk in a real browser: headless Chromium through Selenium.

Starts `factdesk serve` on a fresh desk holding the sample articles, then, as people would:
the editor logs in, assigns a claim with a due date and logs out; the reviewer logs in,
finds it in the queue, starts it and verifies it with a note and an evidence URL; the claim
page then says verified and its history names both people. A note holding markup is shown
as text and opens no dialog. Screenshots of the queue and the claim page are written.

Run by the test suite; needs Debian's chromium, chromium-driver and python3-selenium.
"""
import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time

from selenium import webdriver
from selenium.common.exceptions import NoAlertPresentException, WebDriverException
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select, WebDriverWait

PASSWORDS = {"sara": "editor desk phrase 9", "layla": "correct horse battery"}
HOSTILE = "<script>alert(1)</script><img src=x onerror=alert(2)>"


def run(binary, folder, *args, user="sara", stdin=None):
    env = dict(os.environ, FACTDESK_DB=os.path.join(folder, "desk.db"), FACTDESK_USER=user)
    done = subprocess.run([binary, *args], env=env, input=stdin, capture_output=True, text=True, timeout=120)
    if done.returncode != 0:
        sys.exit(f"browser: `factdesk {' '.join(args)}` failed ({done.returncode}): {done.stderr.strip()}")
    return done.stdout


def start_server(binary, folder):
    env = dict(os.environ, FACTDESK_DB=os.path.join(folder, "desk.db"))
    log = open(os.path.join(folder, "serve.log"), "w+")
    server = subprocess.Popen([binary, "serve", "--port", "0"], env=env, stderr=log, stdout=log)
    for _ in range(200):
        log.seek(0)
        found = re.search(r"serving .* at (http://[0-9.]+:\d+)", log.read())
        if found:
            return server, found.group(1), log
        if server.poll() is not None:
            break
        time.sleep(0.05)
    log.seek(0)
    sys.exit("browser: factdesk serve did not start: " + log.read())


def browser(width, height):
    options = webdriver.ChromeOptions()
    for flag in ("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu", f"--window-size={width},{height}"):
        options.add_argument(flag)
    options.add_argument("--lang=ar")
    driver = shutil.which("chromedriver") or "/usr/bin/chromedriver"
    return webdriver.Chrome(service=Service(driver), options=options)


def submit(driver, form):
    """Sends a form and waits until the browser has left the page it was on."""
    form.find_element(By.CSS_SELECTOR, "button[type=submit]").click()

    def left(_driver):
        try:
            form.is_enabled()
            return False
        except WebDriverException:
            # Stale, or, while the page is being replaced, "node does not belong to the
            # document": either way the browser has left it.
            return True

    WebDriverWait(driver, 20).until(left)


def log_in(driver, base, handle):
    driver.get(base + "/login")
    driver.find_element(By.NAME, "handle").send_keys(handle)
    driver.find_element(By.NAME, "password").send_keys(PASSWORDS[handle])
    submit(driver, driver.find_element(By.CSS_SELECTOR, "form.login"))
    expect(driver.current_url.rstrip("/") == base, f"{handle} is not on the queue after logging in: {driver.current_url}")


def log_out(driver):
    submit(driver, driver.find_element(By.CSS_SELECTOR, "form.logout"))
    expect("/login" in driver.current_url, "logging out did not lead to the login page")


def transition_form(driver, name):
    return driver.find_element(By.CSS_SELECTOR, f"form.transition[action$='/transitions/{name}']")


def expect(condition, message):
    if not condition:
        raise AssertionError(message)


def no_dialog(driver):
    try:
        text = driver.switch_to.alert.text
    except NoAlertPresentException:
        return
    raise AssertionError(f"a dialog opened: {text}")


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--bin", required=True)
    parser.add_argument("--seeds", required=True)
    parser.add_argument("--screenshots", default=None, help="folder for queue.png, claim.png, claim-phone.png")
    args = parser.parse_args()
    folder = tempfile.mkdtemp(prefix="factdesk-browser-")
    shots = args.screenshots or folder
    os.makedirs(shots, exist_ok=True)
    run(args.bin, folder, "init", "--name", "Sara Haddad")
    run(args.bin, folder, "source", "add", args.seeds)
    run(args.bin, folder, "reviewer", "add", "layla", "--name", "ليلى ناصر")
    for handle, password in PASSWORDS.items():
        run(args.bin, folder, "reviewer", "password", handle, "--password-stdin", stdin=password + "\n")
    run(args.bin, folder, "service", "add", "web")
    server, base, log = start_server(args.bin, folder)
    driver = browser(1280, 1000)
    try:
        log_in(driver, base, "sara")
        first = driver.find_element(By.CSS_SELECTOR, "table.claims td a[href^='/claims/']")
        claim = first.get_attribute("href").rsplit("/", 1)[1]
        first.click()
        WebDriverWait(driver, 20).until(lambda d: d.current_url.endswith(f"/claims/{claim}"))
        form = transition_form(driver, "assign")
        Select(form.find_element(By.NAME, "to")).select_by_value("layla")
        form.find_element(By.NAME, "due").send_keys("2d")
        submit(driver, form)
        expect(driver.find_element(By.CSS_SELECTOR, "#claim-state .state").get_attribute("data-state") == "assigned", "the claim is not assigned")
        expect(driver.find_element(By.ID, "claim-assignee").text == "layla", "the claim is not layla's")
        log_out(driver)

        log_in(driver, base, "layla")
        link = driver.find_elements(By.CSS_SELECTOR, f"table.claims a[href='/claims/{claim}']")
        expect(link, f"claim {claim} is not in layla's queue")
        driver.save_screenshot(os.path.join(shots, "queue.png"))
        link[0].click()
        WebDriverWait(driver, 20).until(lambda d: d.current_url.endswith(f"/claims/{claim}"))
        submit(driver, transition_form(driver, "start"))
        form = transition_form(driver, "verify")
        form.find_element(By.NAME, "note").send_keys("بيان الخارجية يؤكد ذلك")
        form.find_element(By.NAME, "evidence").send_keys("https://example.org/statement")
        submit(driver, form)
        expect(driver.find_element(By.CSS_SELECTOR, "#claim-state .state").get_attribute("data-state") == "verified", "the claim page does not say verified")
        history = driver.find_element(By.CSS_SELECTOR, "section.history").text
        expect("sara" in history and "layla" in history, "the history does not name both people")
        expect("verify" in history.lower() and "assign" in history.lower(), "the history lacks the assignment or the verdict")

        note = driver.find_element(By.CSS_SELECTOR, "form[action$='/notes'] textarea[name=body]")
        note.send_keys(HOSTILE)
        submit(driver, driver.find_element(By.CSS_SELECTOR, "form[action$='/notes']"))
        no_dialog(driver)
        notes = driver.find_element(By.CSS_SELECTOR, "section.notes").text
        expect(HOSTILE in notes, "the note is not shown as the text it is")
        expect(not driver.find_elements(By.CSS_SELECTOR, "section.notes img, section.notes script"), "the note became markup")
        driver.save_screenshot(os.path.join(shots, "claim.png"))
        driver.set_window_size(390, 844)
        driver.get(base + f"/claims/{claim}")
        driver.save_screenshot(os.path.join(shots, "claim-phone.png"))
        no_dialog(driver)
        width = driver.execute_script("return document.documentElement.scrollWidth")
        expect(width <= 400, f"the claim page is {width}px wide on a 390px phone")
    finally:
        driver.quit()
        server.terminate()
        server.wait(timeout=20)
    log.seek(0)
    lines = log.read()
    expect(re.search(r"POST /claims/\d+/transitions/verify 303 [0-9.]+ms layla", lines), "the server log lacks the verify line")
    expect(server.returncode == 0, f"factdesk serve ended with {server.returncode} on SIGTERM")
    print(f"screenshots in {shots}")
    print("browser: ok")


if __name__ == "__main__":
    main()
