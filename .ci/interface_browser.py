#!/usr/bin/env python3
"""The web desk's interface in both languages, in headless Chromium, against a running desk.

Three checks, run by Debian's /usr/bin/python3 (python3-selenium, axe-selenium-python):

1. axe-core on every page, in Arabic and in English: the login page, the public tip form and a
   receipt, the queue, /claims with a filter, a claim, /sources and a source's page, /reviewers,
   /tips, /stats, /audit (and verified), /workflow, /settings, /inbox, /webhooks and a webhook's
   deliveries, and a missing claim's 404. The WCAG A and AA rules are run; every violation
   whose impact is serious or critical is listed, and makes the run fail. The full results
   are written to axe.json.
2. A keyboard walk, with keys only: Tab, Shift+Tab, Enter, Space and typing. The skip link is
   the first thing Tab reaches and moves focus to <main>; the reviewer logs in, opens their
   assigned claim from the queue, starts it if it is only assigned, verifies it with a note
   and an evidence URL, sees it verified, and logs out. Every element that takes focus must
   show it (an outline or a shadow). Done in Arabic, then in English, each on a claim of its
   own where the reviewer has two.
3. Screenshots of the login page, the queue, a claim and the stats, in both languages, 1280
   and 390 px wide and as tall as the page: `claim-ar-1280.png` and so on. Nothing may
   overflow sideways; in Arabic the page is right to left and its header mirrored.

Usage: interface_browser.py --base http://127.0.0.1:8080 --editor sara --editor-password ...
       --reviewer layla --reviewer-password ... --out .ci/screenshots [--send-tip]
`--send-tip` sends one tip through the public form so that there is a receipt to check.
The keyboard walk changes the desk: it verifies the reviewer's assigned claims.
"""
import argparse
import json
import os
import shutil
import sys
import time

from selenium import webdriver
from selenium.common.exceptions import TimeoutException, WebDriverException
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.action_chains import ActionChains
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support.ui import WebDriverWait

AXE = "/usr/lib/python3/dist-packages/axe_selenium_python/node_modules/axe-core/axe.min.js"
TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa"]
LANGUAGES = ["ar", "en"]
WIDTHS = [1280, 390]
NOTE = {"ar": "بيان الوزارة المنشور يؤكد الرقم", "en": "The ministry's published statement confirms the figure"}
EVIDENCE = "https://example.org/statement"
TIP = "قال المتحدث إن أسعار الخبز انخفضت بنسبة 40 في المئة الشهر الماضي"


class Findings:
    """What went wrong, said once each, so that one failure does not hide the others."""

    def __init__(self):
        self.problems = []

    def add(self, message):
        print("problem: " + message)
        self.problems.append(message)

    def expect(self, condition, message):
        if not condition:
            self.add(message)
        return condition


def axe_source():
    try:
        from axe_selenium_python import axe as module
        path = os.path.join(os.path.dirname(module.__file__), "node_modules", "axe-core", "axe.min.js")
    except ImportError:
        path = AXE
    with open(path, encoding="utf8") as script:
        return script.read()


def start_browser():
    options = webdriver.ChromeOptions()
    for flag in ("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                 "--window-size=1280,1000", "--hide-scrollbars", "--force-device-scale-factor=1"):
        options.add_argument(flag)
    driver = shutil.which("chromedriver") or "/usr/bin/chromedriver"
    browser = webdriver.Chrome(service=Service(driver), options=options)
    browser.set_script_timeout(60)
    return browser


def viewport(driver, width, height):
    driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride",
                           {"width": width, "height": height, "deviceScaleFactor": 1, "mobile": False})


def wait_loaded(driver):
    WebDriverWait(driver, 20).until(lambda d: d.execute_script("return document.readyState") == "complete")


def leave(driver, action):
    """Does something that loads another page and waits until it has."""
    old = driver.find_element(By.TAG_NAME, "html")
    action()

    def gone(_driver):
        try:
            old.is_enabled()
            return False
        except WebDriverException:
            return True

    WebDriverWait(driver, 20).until(gone)
    wait_loaded(driver)


def language(driver):
    return driver.execute_script("return document.documentElement.lang")


def switch_to(driver, wanted):
    """The header's switch, followed until the page is in `wanted`."""
    if language(driver) == wanted:
        return
    switch = driver.find_elements(By.CSS_SELECTOR, "form.language button, a.language")
    if not switch:
        raise AssertionError(f"{driver.current_url} has no language switch")
    leave(driver, switch[0].click)
    if language(driver) != wanted:
        raise AssertionError(f"the switch left {driver.current_url} in {language(driver)!r}, not {wanted!r}")


def log_in(driver, base, handle, password):
    driver.get(base + "/login")
    wait_loaded(driver)
    driver.find_element(By.NAME, "handle").send_keys(handle)
    driver.find_element(By.NAME, "password").send_keys(password)
    leave(driver, driver.find_element(By.CSS_SELECTOR, "form.login button[type=submit]").click)
    if driver.current_url.rstrip("/") != base:
        raise AssertionError(f"{handle} did not reach the queue after logging in: {driver.current_url}")


def log_out(driver):
    leave(driver, driver.find_element(By.CSS_SELECTOR, "form.logout button[type=submit]").click)


def first_href(driver, selector):
    links = driver.find_elements(By.CSS_SELECTOR, selector)
    return links[0].get_attribute("href") if links else None


# MARK: - axe-core

class Audit:
    """axe-core's results for every page, and its serious and critical violations."""

    def __init__(self, driver, source):
        self.driver = driver
        self.source = source
        self.results = []
        self.violations = []

    def check(self, name, lang, desk_page=True):
        """Runs axe on the page shown. `desk_page` is false for the annotated article, a page of
        its own whose language follows the article's: its language is recorded, not required."""
        wait_loaded(self.driver)
        actual = language(self.driver)
        self.driver.execute_script(self.source)
        # axe-core 3.1 predates HTML's `one-time-code` token (the login's code field), which
        # later versions know: its list is brought up to the standard's.
        self.driver.execute_script("""
            var terms = axe.commons && axe.commons.text.autocomplete && axe.commons.text.autocomplete.standaloneTerms;
            if (terms && terms.indexOf('one-time-code') < 0) terms.push('one-time-code');""")
        # An older axe-core knows fewer of the tags (3.1 has no WCAG 2.2 rules): the ones it knows.
        known = self.driver.execute_script(
            "var t = {}; axe.getRules().forEach(function (r) { r.tags.forEach(function (g) { t[g] = true; }); });"
            "return Object.keys(t);")
        self.tags = [tag for tag in TAGS if tag in known]
        options = json.dumps({"runOnly": {"type": "tag", "values": self.tags}, "resultTypes": ["violations"]})
        result = self.driver.execute_async_script(
            "var done = arguments[arguments.length - 1];"
            f"axe.run(document, {options}).then(function (r) {{ done(r); }}, function (e) {{ done({{error: String(e)}}); }});")
        if result.get("error"):
            raise AssertionError(f"axe failed on {name} ({lang}): {result['error']}")
        found = [{"id": v["id"], "impact": v.get("impact"), "help": v.get("help"),
                  "targets": [", ".join(map(str, node.get("target", []))) for node in v.get("nodes", [])],
                  "summaries": [node.get("failureSummary", "") for node in v.get("nodes", [])][:3]}
                 for v in result.get("violations", [])]
        self.results.append({"page": name, "language": lang, "page_language": actual, "url": self.driver.current_url,
                             "axe": result.get("testEngine", {}).get("version"), "violations": found})
        if actual != lang and desk_page:
            self.violations.append((name, lang, "page-language", f"the page is in {actual!r}"))
        for violation in found:
            if violation["impact"] in ("serious", "critical"):
                for target in violation["targets"]:
                    self.violations.append((name, lang, violation["id"], target))
        print(f"axe {name} ({lang}): {len(found)} violations, "
              f"{sum(1 for v in found if v['impact'] in ('serious', 'critical'))} serious or critical")


def audit_language(driver, base, args, audit, lang, shots, findings, receipt):
    """Every page in one language: the public ones logged out, the rest as the editor."""
    driver.delete_all_cookies()
    driver.get(base + "/login")
    switch_to(driver, lang)
    audit.check("login", lang)
    screenshots(driver, base + "/login", "login", lang, shots, findings, nav=False)
    driver.get(base + "/tip")
    audit.check("tip form", lang)
    if args.send_tip and receipt is None:
        driver.find_element(By.NAME, "text").send_keys(TIP)
        leave(driver, driver.find_element(By.CSS_SELECTOR, "form[action='/tip'] button[type=submit]").click)
        receipt = driver.current_url[len(base):]
    if receipt:
        driver.get(base + receipt)
        audit.check("tip receipt", lang)

    log_in(driver, base, args.editor, args.editor_password)
    switch_to(driver, lang)
    audit.check("queue", lang)
    claim = first_href(driver, "table.claims td a[href^='/claims/']") or base + "/claims/1"
    driver.get(base + "/claims?status=assigned&sort=score&q=")
    audit.check("claims filtered", lang)
    driver.get(claim)
    audit.check("claim", lang)
    driver.get(base + "/sources")
    audit.check("sources", lang)
    source = first_href(driver, "table a[href^='/sources/']")
    if findings.expect(source, "/sources lists no source"):
        driver.get(source)
        audit.check("source", lang, desk_page=False)
    for name, path in [("reviewers", "/reviewers"), ("tips", "/tips"), ("stats", "/stats"), ("audit", "/audit"),
                       ("audit verified", "/audit?verify=1"), ("workflow", "/workflow"), ("settings", "/settings"),
                       ("inbox", "/inbox"), ("webhooks", "/webhooks")]:
        driver.get(base + path)
        audit.check(name, lang)
        if path == "/webhooks":
            hook = first_href(driver, "table a[href^='/webhooks/']")
            if hook:
                driver.get(hook)
                audit.check("webhook deliveries", lang)
    driver.get(base + "/claims/999999")
    audit.check("missing claim (404)", lang)

    screenshots(driver, base + "/", "queue", lang, shots, findings)
    screenshots(driver, claim, "claim", lang, shots, findings)
    screenshots(driver, base + "/stats", "stats", lang, shots, findings)
    log_out(driver)
    return receipt


# MARK: - Screenshots

def screenshots(driver, url, name, lang, shots, findings, nav=True):
    """The page at each width, as tall as it is, with its overflow and direction checked."""
    for width in WIDTHS:
        viewport(driver, width, 900)
        driver.get(url)
        wait_loaded(driver)
        driver.execute_script("return document.fonts ? document.fonts.ready : null")
        where = f"{name} ({lang}, {width} px)"
        scroll, inner = driver.execute_script(
            "return [document.documentElement.scrollWidth, window.innerWidth]")
        findings.expect(scroll <= inner + 1, f"{where} overflows sideways: {scroll} px wide in a {inner} px window")
        if lang == "ar":
            direction = driver.execute_script("return getComputedStyle(document.documentElement).direction")
            findings.expect(direction == "rtl", f"{where} runs {direction}, not right to left")
            if width == 1280:
                mirrored = driver.execute_script("""
                    var links = document.querySelectorAll(arguments[0] ? '.bar nav a' : '.bar > a');
                    if (links.length < 2) return null;
                    var first = links[0].getBoundingClientRect(), last = links[links.length - 1].getBoundingClientRect();
                    return first.left > last.left;""", nav)
                findings.expect(mirrored is True, f"{where}: the header's first link is not to the right of its last")
        height = driver.execute_script("return Math.min(document.documentElement.scrollHeight, 12000)")
        viewport(driver, width, max(height, 300))
        driver.save_screenshot(os.path.join(shots, f"{name}-{lang}-{width}.png"))
    viewport(driver, 1280, 1000)


# MARK: - The keyboard walk

class Keyboard:
    """Keys only: every move is a key press, and every element focused must show its focus."""

    FOCUS = """
        var e = document.activeElement;
        if (!e || e === document.body) return null;
        var s = getComputedStyle(e);
        var outline = s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) > 0;
        var shadow = s.boxShadow && s.boxShadow !== 'none';
        var name = e.tagName.toLowerCase() + (e.id ? '#' + e.id : '') +
            (e.getAttribute('name') ? '[name=' + e.getAttribute('name') + ']' : '') +
            (e.getAttribute('href') ? '[href=' + e.getAttribute('href') + ']' : '') +
            (e.value && e.tagName === 'BUTTON' ? '[value=' + e.value + ']' : '');
        return {name: name, visible: outline || shadow, outline: s.outlineStyle + ' ' + s.outlineWidth,
                shadow: s.boxShadow};"""

    def __init__(self, driver, findings, lang):
        self.driver = driver
        self.findings = findings
        self.lang = lang
        self.unseen = set()
        self.stops = 0

    def press(self, *keys):
        chain = ActionChains(self.driver)
        for key in keys:
            chain.send_keys(key)
        chain.perform()

    def shift_tab(self):
        ActionChains(self.driver).key_down(Keys.SHIFT).send_keys(Keys.TAB).key_up(Keys.SHIFT).perform()
        return self.focused()

    def tab(self):
        self.press(Keys.TAB)
        return self.focused()

    def focused(self):
        focus = self.driver.execute_script(self.FOCUS)
        self.stops += 1 if focus else 0
        if focus and not focus["visible"] and focus["name"] not in self.unseen:
            self.unseen.add(focus["name"])
            self.findings.add(f"keyboard ({self.lang}): {focus['name']} shows no focus "
                              f"(outline {focus['outline']}, shadow {focus['shadow']}) on {self.driver.current_url}")
        return focus

    def matches(self, selector):
        return self.driver.execute_script("return !!document.activeElement && document.activeElement.matches(arguments[0])",
                                          selector)

    def tab_to(self, selector, limit=250):
        for _ in range(limit):
            self.tab()
            if self.matches(selector):
                return True
        raise AssertionError(f"keyboard ({self.lang}): Tab never reached {selector} on {self.driver.current_url}")

    def type(self, text):
        ActionChains(self.driver).send_keys(text).perform()

    def submit(self, key):
        """Presses `key` on the focused button or field and waits for the next page."""
        leave(self.driver, lambda: self.press(key))


def walk(driver, base, args, lang, findings):
    """The reviewer's day with the keyboard alone, in one language."""
    keys = Keyboard(driver, findings, lang)
    driver.delete_all_cookies()
    viewport(driver, 1280, 1000)
    driver.get(base + f"/language?to={lang}&next=/login")  # the one page load by address
    wait_loaded(driver)
    findings.expect(language(driver) == lang, f"keyboard ({lang}): the login page is in {language(driver)!r}")
    first = keys.tab()
    findings.expect(keys.matches("a.skip"), f"keyboard ({lang}): Tab first reaches {first and first['name']}, not the skip link")
    findings.expect(driver.execute_script(
        "var r = document.activeElement.getBoundingClientRect(); return r.bottom > 0 && r.top < innerHeight"),
        f"keyboard ({lang}): the focused skip link is not on the screen")
    keys.press(Keys.ENTER)
    findings.expect(driver.execute_script("return document.activeElement && document.activeElement.id") == "main",
                    f"keyboard ({lang}): the skip link does not move focus to <main>")
    keys.tab_to("input[name=handle]")
    keys.type(args.reviewer)
    keys.tab_to("input[name=password]")
    keys.type(args.reviewer_password)
    keys.submit(Keys.ENTER)
    if not findings.expect(driver.current_url.rstrip("/") == base, f"keyboard ({lang}): logging in led to {driver.current_url}"):
        return
    # Back and forth once: Shift+Tab returns to where Tab came from.
    keys.tab()
    keys.tab()
    ahead = keys.focused()
    keys.tab()
    back = keys.shift_tab()
    findings.expect(back == ahead, f"keyboard ({lang}): Shift+Tab did not return to {ahead and ahead['name']}")

    claim = driver.execute_script("""
        var rows = document.querySelectorAll('table.claims tbody tr');
        for (var i = 0; i < rows.length; i++) {
          var state = rows[i].querySelector('[data-state]');
          if (state && ['assigned', 'in_review'].indexOf(state.getAttribute('data-state')) >= 0)
            return rows[i].querySelector('a[href^="/claims/"]').getAttribute('href');
        }
        return null;""")
    if not findings.expect(claim, f"keyboard ({lang}): the reviewer's queue holds no claim assigned or in review"):
        return
    keys.tab_to(f"a[href='{claim}']")
    keys.submit(Keys.ENTER)
    findings.expect(driver.current_url.endswith(claim), f"keyboard ({lang}): Enter on the claim's link led to {driver.current_url}")

    state = driver.find_element(By.CSS_SELECTOR, "#claim-state [data-state]").get_attribute("data-state")
    if state == "assigned":
        keys.tab_to("form.transition[action$='/transitions/start'] button[type=submit]")
        keys.submit(Keys.SPACE)
    keys.tab_to("form.transition[action$='/transitions/verify'] textarea[name=note]")
    keys.type(NOTE[lang])
    keys.tab_to("form.transition[action$='/transitions/verify'] input[name=evidence]")
    keys.type(EVIDENCE)
    keys.tab_to("form.transition[action$='/transitions/verify'] button[type=submit]")
    keys.submit(Keys.SPACE)
    errors = driver.find_elements(By.ID, "page-error")
    findings.expect(not errors, f"keyboard ({lang}): verifying said {errors[0].text if errors else ''!r}")
    state = driver.find_element(By.CSS_SELECTOR, "#claim-state [data-state]").get_attribute("data-state")
    findings.expect(state == "verified", f"keyboard ({lang}): the claim's state is {state!r} after verifying, not verified")
    keys.tab_to("form.logout button[type=submit]")
    keys.submit(Keys.ENTER)
    findings.expect("/login" in driver.current_url, f"keyboard ({lang}): logging out led to {driver.current_url}")
    print(f"keyboard walk ({lang}): {claim} verified with keys only; {keys.stops} focus stops checked, "
          f"{len(keys.unseen)} elements without a visible focus")


def set_language(driver, base, handle, password, lang):
    """Setup, not the walk: the reviewer's own language stored through /settings."""
    log_in(driver, base, handle, password)
    driver.get(base + "/settings")
    driver.execute_script("""
        var form = document.querySelector("form[action='/settings/interface']");
        form.querySelector("input[name=language][value='" + arguments[0] + "']").checked = true;""", lang)
    leave(driver, driver.find_element(By.CSS_SELECTOR, "form[action='/settings/interface'] button[type=submit]").click)
    log_out(driver)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--base", required=True, help="the running desk, http://127.0.0.1:PORT")
    parser.add_argument("--editor", required=True)
    parser.add_argument("--editor-password", required=True)
    parser.add_argument("--reviewer", required=True, help="who has a claim assigned or in review")
    parser.add_argument("--reviewer-password", required=True)
    parser.add_argument("--out", required=True, help="where the screenshots and axe.json go")
    parser.add_argument("--send-tip", action="store_true", help="send a tip through /tip to check its receipt")
    parser.add_argument("--receipt", default=None, help="a tip receipt's path, /tips/CODE")
    args = parser.parse_args()
    base = args.base.rstrip("/")
    os.makedirs(args.out, exist_ok=True)
    findings = Findings()
    driver = start_browser()
    audit = Audit(driver, axe_source())
    started = time.time()
    try:
        receipt = args.receipt
        for lang in LANGUAGES:
            receipt = audit_language(driver, base, args, audit, lang, args.out, findings, receipt)
        for lang in LANGUAGES:
            set_language(driver, base, args.reviewer, args.reviewer_password, lang)
            try:
                walk(driver, base, args, lang, findings)
            except (AssertionError, TimeoutException) as failure:
                findings.add(f"keyboard ({lang}): {failure}")
    finally:
        driver.quit()
        with open(os.path.join(args.out, "axe.json"), "w", encoding="utf8") as out:
            json.dump({"tags": getattr(audit, "tags", TAGS), "pages": audit.results,
                       "serious_or_critical": [dict(zip(("page", "language", "rule", "target"), v)) for v in audit.violations]},
                      out, ensure_ascii=False, indent=1)
    print(f"{len(audit.results)} pages checked in {time.time() - started:.0f} s; results in {os.path.join(args.out, 'axe.json')}")
    for page, lang, rule, target in audit.violations:
        findings.add(f"axe: {page} ({lang}): {rule} at {target}")
    if findings.problems:
        sys.exit(f"interface browser: {len(findings.problems)} problems")
    print("interface browser: ok")


if __name__ == "__main__":
    main()
