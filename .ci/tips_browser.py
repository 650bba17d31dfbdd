#!/usr/bin/env python3
"""A reader's tip from the public form to a verdict, in headless Chromium.

Starts `factdesk serve` on a fresh desk. A reader, not logged in, opens /tip, writes a claim
in Arabic with a contact, and sends it; the browser lands on the tip's receipt page, which
says "received" and shows nothing else of the desk. The editor accepts the tip on the command
line (`tip accept --json` gives the claim), assigns the claim, and the reviewer disputes it
with a note and evidence. The receipt page then says "checked", with the verdict and the note,
and still not the reader's contact. Needs what browser.py needs.
"""
import argparse
import json
import os
import re
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from browser import PASSWORDS, browser, expect, run, start_server, submit  # noqa: E402

from selenium.webdriver.common.by import By  # noqa: E402

CLAIM = "قال المتحدث إن الحكومة خفضت أسعار الخبز بنسبة 40 في المئة الشهر الماضي"
CONTACT = "reader@example.org"
NOTE = "الأسعار الرسمية لم تتغير منذ عامين"


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--bin", required=True)
    parser.add_argument("--screenshots", default=None)
    args = parser.parse_args()
    folder = tempfile.mkdtemp(prefix="factdesk-tips-")
    shots = args.screenshots or folder
    os.makedirs(shots, exist_ok=True)
    run(args.bin, folder, "init", "--name", "Sara Haddad")
    run(args.bin, folder, "reviewer", "add", "layla", "--name", "ليلى ناصر")
    for handle, password in PASSWORDS.items():
        run(args.bin, folder, "reviewer", "password", handle, "--password-stdin", stdin=password + "\n")
    run(args.bin, folder, "service", "add", "web")
    server, base, log = start_server(args.bin, folder)
    driver = browser(1000, 1000)
    try:
        driver.get(base + "/tip")
        form = driver.find_element(By.CSS_SELECTOR, "form[action='/tip']")
        form.find_element(By.NAME, "text").send_keys(CLAIM)
        form.find_element(By.NAME, "contact").send_keys(CONTACT)
        expect(not form.find_element(By.NAME, "website").is_displayed(), "the honeypot field is visible")
        submit(driver, form)
        receipt = driver.current_url
        expect(re.search(r"/tips/[A-Z0-9]{16}$", receipt), f"the form did not lead to a receipt: {receipt}")
        body = driver.find_element(By.TAG_NAME, "main").text
        expect("received" in body, "the receipt does not say received")
        expect(CONTACT not in driver.page_source, "the receipt shows the reader's contact")
        expect(not driver.find_elements(By.CSS_SELECTOR, "a[href='/claims'], form.logout"), "the receipt shows the desk")
        driver.save_screenshot(os.path.join(shots, "tip-received.png"))

        tips = json.loads(run(args.bin, folder, "tip", "list", "--json"))
        expect(len(tips) == 1 and tips[0]["text"] == CLAIM and tips[0]["count"] == 1, f"tip list: {tips}")
        expect(set(tips[0]) >= {"id", "code", "status", "text", "url", "count", "received_at"}, f"tip list keys: {tips[0]}")
        expect(receipt.endswith(tips[0]["code"]), "the receipt's code is not the tip's")
        accepted = json.loads(run(args.bin, folder, "tip", "accept", str(tips[0]["id"]), "--json"))
        claim = str(accepted["claim_id"])
        driver.refresh()
        expect("being checked" in driver.find_element(By.TAG_NAME, "main").text, "the receipt does not say being checked")

        run(args.bin, folder, "assign", claim, "--to", "layla")
        run(args.bin, folder, "dispute", claim, "--note", NOTE, "--evidence", "https://example.org/prices", user="layla")
        driver.refresh()
        main_text = driver.find_element(By.TAG_NAME, "main").text
        expect("checked" in main_text and "being checked" not in main_text, f"the receipt does not say checked: {main_text}")
        expect(driver.find_element(By.CSS_SELECTOR, ".verdict").text.lower() == "disputed", "the receipt does not give the verdict")
        expect(NOTE in driver.find_element(By.CSS_SELECTOR, ".published-note").text, "the receipt does not give the note")
        expect(CONTACT not in driver.page_source, "the receipt shows the reader's contact")
        driver.save_screenshot(os.path.join(shots, "tip-checked.png"))
        run(args.bin, folder, "audit", "verify")
        run(args.bin, folder, "tip", "forget", str(tips[0]["id"]))
        run(args.bin, folder, "audit", "verify")
        expect(CONTACT not in run(args.bin, folder, "tip", "show", str(tips[0]["id"])), "tip forget left the contact")
    finally:
        driver.quit()
        server.terminate()
        server.wait(timeout=20)
    log.seek(0)
    lines = log.read()
    expect(re.search(r"POST /tip 303 [0-9.]+ms -", lines), "the server log lacks the tip's line")
    print("tips browser: ok")


if __name__ == "__main__":
    main()
