#!/usr/bin/python3
"""The page of `followup-lint serve` in a real headless Chromium.

Needs Debian's chromium, chromium-driver and python3-selenium (run with
/usr/bin/python3), and axe-core installed once, offline afterwards:

    npm install --no-save --no-package-lock --prefix tests/serve axe-core@4

Which server to test, by argument or environment variable:

    --binary PATH       FOLLOWUP_LINT_BINARY   runs `PATH serve --port 0`
    --server-cmd CMD    FOLLOWUP_SERVE_CMD     runs CMD (it must print the URL)
    --url URL           FOLLOWUP_SERVE_URL     a server that is already running

    /usr/bin/python3 tests/serve/page_test.py --binary build/followup-lint
    /usr/bin/python3 tests/serve/page_test.py \
        --server-cmd 'build-dev/followup-serve-dev --binary /path/to/followup-lint --port 0'

--screenshot FILE saves a picture of the page with findings. Only loopback
addresses are used; the browser is started with every other host unreachable.
"""

import argparse
import os
import re
import shlex
import subprocess
import sys
import time
import unittest

from selenium import webdriver
from selenium.common.exceptions import TimeoutException
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.action_chains import ActionChains
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support.ui import WebDriverWait

HERE = os.path.dirname(os.path.abspath(__file__))
DEFAULT_AXE = os.path.join(HERE, "node_modules", "axe-core", "axe.min.js")

COMBINED_DRAFT = (
    "Dear Mr. Jones and Ms. Smith,\n\n"
    "Thank you for speaking with me today about the Customer Service Associate role. "
    "I enjoyed hearing how your team handles difficult calls.\n\n"
    "Thank you again for your time.\n\n"
    "Cheers,\nAna Ruiz\n(555) 010-4477\n"
)

# As Thunderbird saves a reply: headers, the writer's text, then the quoted
# message it answers, full of things a rule would flag in the writer's text.
CLIENT_SAVED_EML = (
    "From: Ana Ruiz <ana.ruiz@example.com>\r\n"
    "To: Sam Jones <sam.jones@example.com>\r\n"
    "Subject: Re: Customer Service Associate interview\r\n"
    "Date: Tue, 01 Dec 2026 17:05:00 -0500\r\n"
    "Message-ID: <5f0c1b2e@example.com>\r\n"
    "MIME-Version: 1.0\r\n"
    "Content-Type: text/plain; charset=UTF-8; format=flowed\r\n"
    "Content-Transfer-Encoding: 7bit\r\n"
    "User-Agent: Mozilla Thunderbird\r\n"
    "\r\n"
    "Dear Mr. Jones,\r\n"
    "\r\n"
    "Thank you for meeting with me today about the Customer Service Associate\r\n"
    "role. I enjoyed hearing how your team handles difficult calls. I am a team player.\r\n"
    "\r\n"
    "Sincerely,\r\n"
    "Ana Ruiz\r\n"
    "(555) 010-4477\r\n"
    "\r\n"
    "On 12/1/2026 9:00 AM, Sam Jones wrote:\r\n"
    "> Hi Ana, thx for coming in!!! We are gonna decide ASAP.\r\n"
    "> Cheers,\r\n"
    "> Sam\r\n"
)
EML_WRITER_LINES = range(11, 19)  # 1-based lines of the writer's own text


class Env:
    url = None
    server = None
    axe = DEFAULT_AXE
    screenshot = None


def start_server(cmd):
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, text=True)
    deadline = time.time() + 30
    while time.time() < deadline:
        line = proc.stdout.readline()
        if not line:
            break
        m = re.search(r"http://(127\.0\.0\.1|localhost|\[::1\]):\d+/", line)
        if m:
            return proc, m.group(0)
    proc.kill()
    raise RuntimeError(f"no URL from {cmd!r}")


def make_driver():
    opts = webdriver.ChromeOptions()
    opts.binary_location = "/usr/bin/chromium"
    for arg in ("--headless=new", "--no-sandbox", "--disable-dev-shm-usage",
                "--window-size=1280,1000",
                # The network is off for the page: any host but loopback is
                # unresolvable, and any proxied request goes nowhere.
                "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1, EXCLUDE localhost",
                "--proxy-server=http://127.0.0.1:9",
                "--disable-background-networking", "--disable-component-update",
                "--no-first-run", "--disable-sync"):
        opts.add_argument(arg)
    opts.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    return webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=opts)


class PageTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.driver = make_driver()

    @classmethod
    def tearDownClass(cls):
        cls.driver.quit()

    def setUp(self):
        self.driver.get(Env.url)
        self.driver.execute_script("localStorage.clear()")
        self.driver.get(Env.url)
        self.wait = WebDriverWait(self.driver, 15)
        self.wait.until(lambda d: d.execute_script("return document.body.dataset.linted"))

    # -- helpers ----------------------------------------------------------

    def draft(self):
        return self.driver.find_element(By.ID, "draft")

    def type_draft(self, text):
        self.draft().send_keys(text)

    def set_draft(self, text):
        """For text ChromeDriver cannot type (characters outside the BMP)."""
        self.driver.execute_script(
            "const t = document.getElementById('draft'); t.value = arguments[0];"
            "t.dispatchEvent(new Event('input', {bubbles: true}));", text)

    def finding(self, rule):
        return self.wait.until(
            lambda d: d.find_element(By.CSS_SELECTOR, f'#findings li[data-rule="{rule}"]'),
            message=f"no {rule} finding")

    def rules_shown(self):
        return [li.get_attribute("data-rule")
                for li in self.driver.find_elements(By.CSS_SELECTOR, "#findings li.finding")]

    def underlined(self, rule):
        return self.driver.execute_script(
            "return [...document.querySelectorAll('#mirror mark')]"
            ".filter(m => m.dataset.rules.split(' ').includes(arguments[0]))"
            ".map(m => m.textContent).join('')", rule)

    def settle(self):
        """Waits until the last edit has been linted."""
        time.sleep(0.4)
        self.wait.until(lambda d: d.execute_script(
            "return !document.getElementById('lint-status').textContent"))
        seq = self.driver.execute_script("return document.body.dataset.linted")
        time.sleep(0.4)
        self.wait.until(lambda d: d.execute_script("return document.body.dataset.linted") == seq)

    # -- tests ------------------------------------------------------------

    def test_page_loads_with_the_network_off(self):
        d = self.driver
        self.assertIn("followup-lint", d.title)
        self.assertTrue(d.find_element(By.ID, "draft").is_displayed())
        origin = Env.url.rstrip("/")
        loaded = d.execute_script(
            "return performance.getEntriesByType('resource').map(e => e.name)"
            ".concat([location.href])")
        self.assertTrue(loaded)
        for url in loaded:
            self.assertTrue(url.startswith(origin), f"{url} is not from {origin}")
        self.assertTrue(d.execute_script("return getComputedStyle(document.body).fontSize === '16px'"),
                        "the style sheet did not load")
        errors = [e for e in d.get_log("browser") if e["level"] == "SEVERE"]
        self.assertEqual(errors, [])

    def test_typing_underlines_a_combined_salutation(self):
        self.type_draft(COMBINED_DRAFT)
        item = self.finding("salutation.combined")
        self.assertIn("Warning", item.text.split("\n")[0] + item.get_attribute("innerHTML"))
        self.wait.until(lambda d: self.underlined("salutation.combined"))
        self.assertEqual(self.underlined("salutation.combined"), "Dear Mr. Jones and Ms. Smith,")
        style = self.driver.execute_script(
            "const m = [...document.querySelectorAll('#mirror mark')]"
            ".find(m => m.dataset.rules.includes('salutation.combined'));"
            "const s = getComputedStyle(m); return [s.textDecorationLine, s.textDecorationStyle];")
        self.assertEqual(style[0], "underline")
        self.assertIn(style[1], ("wavy", "solid", "dotted"))
        self.assertTrue(item.find_element(By.CSS_SELECTOR, ".icon svg"))
        counts = " ".join(self.driver.find_element(By.ID, "summary").text.split())
        self.assertRegex(counts, r"[1-9]\d* warnings?")

    def test_a_fix_click_changes_the_text(self):
        self.type_draft(COMBINED_DRAFT)
        item = self.finding("closing.unprofessional")
        item.find_element(By.CSS_SELECTOR, "button.fix").click()
        self.wait.until(lambda d: "Sincerely," in self.draft().get_attribute("value"))
        self.assertNotIn("Cheers,", self.draft().get_attribute("value"))
        self.wait.until(lambda d: "closing.unprofessional" not in self.rules_shown())

    def test_positions_after_an_emoji_use_code_points(self):
        self.set_draft("Dear Ms. Rivera,\n\nThank you 👋 for the the interview on Monday.\n\n"
                       "Sincerely,\nAna Ruiz\n(555) 010-4477\n")
        item = self.finding("style.repeated-word")
        self.assertEqual(self.underlined("style.repeated-word").strip(), "the the")
        item.find_element(By.CSS_SELECTOR, "button.fix").click()
        self.wait.until(lambda d: "the the" not in self.draft().get_attribute("value"))
        self.assertIn("👋 for the interview on Monday.", self.draft().get_attribute("value"))

    def test_dropping_a_saved_eml_lints_the_writers_text_only(self):
        self.driver.execute_script(
            "const dt = new DataTransfer();"
            "dt.items.add(new File([arguments[1]], arguments[0], {type: 'message/rfc822'}));"
            "const target = document.getElementById('draft');"
            "for (const type of ['dragenter', 'dragover', 'drop'])"
            "  target.dispatchEvent(new DragEvent(type, {bubbles: true, cancelable: true, dataTransfer: dt}));",
            "thanks.eml", CLIENT_SAVED_EML)
        self.wait.until(lambda d: d.find_element(By.ID, "format").get_attribute("value") == "eml")
        self.assertIn("Dear Mr. Jones,", self.draft().get_attribute("value"))
        self.finding("cliche.soft-skill")
        self.settle()
        for li in self.driver.find_elements(By.CSS_SELECTOR, "#findings li.finding"):
            line = int(re.search(r"line (\d+)", li.find_element(By.CSS_SELECTOR, ".meta").text).group(1))
            self.assertIn(line, EML_WRITER_LINES, f"{li.get_attribute('data-rule')} on line {line}")
        for quoted in ("style.informal", "style.exclamation", "closing.unprofessional"):
            self.assertNotIn(quoted, self.rules_shown())
        # The To: line fills the form.
        self.assertEqual(self.driver.find_element(By.ID, "ctx-interviewers").get_attribute("value"),
                         "Sam Jones")

    def test_the_interviewer_in_the_form_brings_name_mismatch(self):
        self.type_draft(COMBINED_DRAFT)
        self.finding("salutation.combined")
        self.assertNotIn("salutation.name-mismatch", self.rules_shown())
        self.driver.find_element(By.ID, "ctx-interviewers").send_keys("Mr. Brown")
        self.finding("salutation.name-mismatch")
        # Remembered in this browser.
        self.driver.refresh()
        self.assertEqual(self.driver.find_element(By.ID, "ctx-interviewers").get_attribute("value"),
                         "Mr. Brown")

    def test_keyboard_alone_reaches_and_applies_a_fix(self):
        actions = ActionChains(self.driver)
        active = lambda: self.driver.switch_to.active_element
        for _ in range(10):
            if active().get_attribute("id") == "draft":
                break
            actions.send_keys(Keys.TAB).perform()
        self.assertEqual(active().get_attribute("id"), "draft")
        ActionChains(self.driver).send_keys(COMBINED_DRAFT).perform()
        self.finding("closing.unprofessional")
        self.settle()
        for _ in range(80):
            ActionChains(self.driver).send_keys(Keys.TAB).perform()
            if "fix" in (active().get_attribute("class") or "").split():
                break
        self.assertIn("fix", active().get_attribute("class").split(), "Tab never reached a fix")
        before = self.draft().get_attribute("value")
        ActionChains(self.driver).send_keys(Keys.ENTER).perform()
        self.wait.until(lambda d: self.draft().get_attribute("value") != before)
        # The keyboard stays in the findings list, not thrown back to the top.
        self.settle()
        self.assertNotEqual(active().tag_name, "body")

    def test_axe_finds_no_serious_violation(self):
        self.type_draft(COMBINED_DRAFT)
        item = self.finding("closing.unprofessional")
        item.find_element(By.CSS_SELECTOR, "details.explain summary").click()
        self.settle()
        with open(Env.axe, encoding="utf-8") as f:
            self.driver.execute_script(f.read())
        violations = self.driver.execute_async_script(
            "const done = arguments[arguments.length - 1];"
            "axe.run(document, {runOnly: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']})"
            "  .then(r => done(r.violations.map(v => ({id: v.id, impact: v.impact, nodes: v.nodes.length,"
            "                                         target: v.nodes.map(n => n.target.join(' '))}))))"
            "  .catch(e => done([{id: 'axe-error', impact: 'critical', target: [String(e)]}]));")
        for v in violations:
            print(f"axe: {v['impact']}: {v['id']} {v['target'][:3]}", file=sys.stderr)
        serious = [v for v in violations if v["impact"] in ("serious", "critical")]
        self.assertEqual(serious, [])

    def test_zz_screenshot(self):
        if not Env.screenshot:
            self.skipTest("no --screenshot")
        self.driver.set_window_size(1280, 1060)
        self.driver.find_element(By.ID, "ctx-interviewers").send_keys("Mr. Jones")
        self.driver.find_element(By.ID, "ctx-position").send_keys("Customer Service Associate")
        self.set_draft(
            "Subject: Thank you\n\nDear Mr. Jones and Ms. Smith,\n\n"
            "Thank you for speaking with me yesterday about the Customer Service Associate role. "
            "I enjoyed our conversation about how your team handles difficult calls.\n\n"
            "I am a team player with strong communication skills, and I would welcome the chance "
            "to help. Please email me at if you have questions.\n\nCheers,\nAna Ruiz\n")
        self.finding("closing.unprofessional")
        self.settle()
        self.driver.execute_script("window.scrollTo(0, 0); document.activeElement.blur()")
        self.driver.save_screenshot(Env.screenshot)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--binary", default=os.environ.get("FOLLOWUP_LINT_BINARY"))
    parser.add_argument("--server-cmd", default=os.environ.get("FOLLOWUP_SERVE_CMD"))
    parser.add_argument("--url", default=os.environ.get("FOLLOWUP_SERVE_URL"))
    parser.add_argument("--axe", default=os.environ.get("FOLLOWUP_AXE_JS", DEFAULT_AXE))
    parser.add_argument("--screenshot")
    args, rest = parser.parse_known_args()
    Env.axe, Env.screenshot = args.axe, args.screenshot
    if args.url:
        Env.url = args.url
    elif args.server_cmd or args.binary:
        cmd = shlex.split(args.server_cmd) if args.server_cmd else [args.binary, "serve", "--port", "0"]
        Env.server, Env.url = start_server(cmd)
    else:
        parser.error("give --binary, --server-cmd or --url")
    try:
        result = unittest.main(argv=[sys.argv[0]] + rest, exit=False, verbosity=2).result
    finally:
        if Env.server:
            Env.server.terminate()
            Env.server.wait(timeout=10)
    sys.exit(0 if result.wasSuccessful() else 1)


if __name__ == "__main__":
    main()
