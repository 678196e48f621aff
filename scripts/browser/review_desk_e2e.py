#!/usr/bin/env python3
"""The review desk in a real headless Chromium (Debian's chromium and chromium-driver, driven by
selenium): a reviewer takes a sample run from first open to an exported buyer file in the browser
alone, then the command line and openpyxl check that the store and the filled file hold exactly
those decisions. A questionnaire with <script> and <img onerror> in its text must render as text.
Screenshots of each page go to .build/desk-screenshots/.

    review_desk_e2e.py PATH/TO/responder
"""
import json
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import zipfile

import openpyxl
from selenium import webdriver
from selenium.common.exceptions import NoAlertPresentException, NoSuchElementException, StaleElementReferenceException
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support.ui import Select, WebDriverWait

# A page being replaced while a wait reads it (a form post, a redirect) is a reason to look again,
# not a failure.
NAVIGATING = (StaleElementReferenceException, NoSuchElementException)


def wait(driver, seconds=20):
    return WebDriverWait(driver, seconds, ignored_exceptions=NAVIGATING)

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
SHOTS = os.path.join(ROOT, ".build", "desk-screenshots")
SAMPLE = "globex-ai-vendor-assessment.xlsx"
REVIEWER = "Erin Browser"
EDITED_TEXT = "Yes. Edited in the browser: every AI system is inventoried and reviewed quarterly."
HOSTILE = ('Ref,Question,Answer\n'
           'H-01,"Do you encrypt data at rest? <script>alert(1)</script>",\n'
           'H-02,"Describe your AI risk assessment <img src=x onerror=alert(2)>",\n')


def fail(message):
    sys.exit(f"review desk browser test FAILED: {message}")


# The commands that load the catalogues take --mappings; the others (runs, audit) refuse it.
LOADS_CATALOGUES = {"draft", "export", "serve", "search"}


def cli(binary, work, *args):
    mappings = ["--mappings", os.path.join(ROOT, "Mappings")] if args[0] in LOADS_CATALOGUES else []
    result = subprocess.run([binary, *args, "--kb", "kb", "--store", "store.sqlite", *mappings],
                            cwd=work, capture_output=True, text=True)
    if result.returncode != 0:
        fail(f"responder {' '.join(args)} exited {result.returncode}:\n{result.stderr}")
    return result.stdout


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def start_desk(binary, work, port):
    desk = subprocess.Popen([binary, "serve", "--port", str(port), "--kb", "kb", "--store", "store.sqlite",
                             "--mappings", os.path.join(ROOT, "Mappings"), "--as-of", "2026-11-30"],
                            cwd=work, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    deadline = time.time() + 60
    while time.time() < deadline:
        line = desk.stdout.readline()
        if not line:
            fail(f"responder serve ended before printing its URL:\n{desk.stderr.read()}")
        if "http://" in line:
            return desk, line[line.index("http://"):].strip()
    fail("responder serve printed no URL within 60 s")


def browser(downloads):
    options = webdriver.ChromeOptions()
    options.binary_location = shutil.which("chromium") or fail("chromium is not installed (scripts/install-deps.sh installs it)")
    for argument in ["--headless=new", "--no-sandbox", "--disable-gpu", "--window-size=1400,1000", "--disable-dev-shm-usage"]:
        options.add_argument(argument)
    options.add_experimental_option("prefs", {"download.default_directory": downloads, "download.prompt_for_download": False})
    driver_path = shutil.which("chromedriver") or fail("chromedriver is not installed (package chromium-driver)")
    driver = webdriver.Chrome(service=Service(executable_path=driver_path), options=options)
    driver.execute_cdp_cmd("Page.setDownloadBehavior", {"behavior": "allow", "downloadPath": downloads})
    return driver


def shoot(driver, name):
    driver.save_screenshot(os.path.join(SHOTS, name + ".png"))


def no_alert(driver):
    try:
        driver.switch_to.alert
    except NoAlertPresentException:
        return
    fail(f"an alert opened on {driver.current_url}")


def wait_url(driver, fragment):
    wait(driver).until(lambda d: fragment in d.current_url)


def question_key(driver):
    return driver.find_element(By.CSS_SELECTOR, "#approve-form input[name=key]").get_attribute("value")


def moved_on(driver, key):
    """True once the page shows the next question, or (at the last one) this one approved."""
    try:
        return question_key(driver) != key or "approved" in driver.find_element(By.ID, "current").text
    except Exception:  # the page is being replaced
        return False


def main():
    binary = os.path.abspath(sys.argv[1])
    os.makedirs(SHOTS, exist_ok=True)
    work = tempfile.mkdtemp(prefix="desk-e2e-")
    downloads = os.path.join(work, "downloads")
    os.makedirs(downloads)
    shutil.copytree(os.path.join(ROOT, "Samples", "org"), os.path.join(work, "kb"))
    shutil.copy(os.path.join(ROOT, "Samples", "questionnaires", SAMPLE), work)
    with open(os.path.join(work, "hostile.csv"), "w") as handle:
        handle.write(HOSTILE)
    cli(binary, work, "draft", SAMPLE, "hostile.csv", "--out", "out", "--as-of", "2026-11-30")
    runs = {os.path.basename(run["path"]): run["id"] for run in json.loads(cli(binary, work, "runs", "--format", "json"))["runs"]}
    run = runs[SAMPLE]

    desk, url = start_desk(binary, work, free_port())
    driver = browser(downloads)
    try:
        # First open: the one-time URL, then the reviewer's name.
        driver.get(url)
        wait_url(driver, "/who")
        driver.find_element(By.ID, "reviewer").send_keys(REVIEWER)
        driver.find_element(By.CSS_SELECTOR, "form button[type=submit]").click()
        wait_url(driver, "/runs")
        shoot(driver, "runs")
        driver.find_element(By.LINK_TEXT, SAMPLE).click()
        wait_url(driver, f"/runs/{run}")
        shoot(driver, "review")

        # Low confidence only; edit the first, approve the next two with the keyboard.
        Select(driver.find_element(By.ID, "filter-confidence")).select_by_value("low")
        wait_url(driver, "confidence=low")
        low = [box.get_attribute("value").split(":", 2)[2] for box in driver.find_elements(By.CSS_SELECTOR, "input[name=pick]")]
        if len(low) < 3:
            fail(f"the sample has {len(low)} low-confidence questions; the test needs 3")
        shoot(driver, "review-low")
        body = driver.find_element(By.TAG_NAME, "body")
        body.send_keys("j")
        body.send_keys("o")
        wait(driver).until(lambda d: "/question" in d.current_url)
        edited = question_key(driver)
        shoot(driver, "question")
        driver.find_element(By.TAG_NAME, "body").send_keys("e")
        text = driver.switch_to.active_element
        if text.get_attribute("id") != "edit-text":
            fail("the e key did not focus the answer text")
        text.clear()
        text.send_keys(EDITED_TEXT)
        text.send_keys(Keys.CONTROL, Keys.ENTER)
        wait(driver).until(lambda d: moved_on(d, edited))
        keyboard = []
        for _ in range(2):
            current = question_key(driver)
            keyboard.append(current)
            driver.find_element(By.TAG_NAME, "body").send_keys("a")
            wait(driver).until(lambda d: moved_on(d, current))
        if [edited] + keyboard != low[:3]:
            fail(f"expected to move through the low questions {low[:3]} in order, went {[edited] + keyboard}")

        # High confidence, still open: select all and approve at once.
        driver.get(url.split("/?")[0] + f"/runs/{run}?confidence=high&decision=open")
        high = [box.get_attribute("value").split(":", 2)[2] for box in driver.find_elements(By.CSS_SELECTOR, "input[name=pick]")]
        if not high:
            fail("no high-confidence questions to bulk-approve")
        driver.find_element(By.ID, "select-all").click()
        driver.find_element(By.ID, "approve-selected").click()
        wait(driver).until(lambda d: "Approved" in d.find_element(By.TAG_NAME, "main").text)
        if f"Approved {len(high)} question" not in driver.find_element(By.TAG_NAME, "main").text:
            fail("the bulk approval did not report every selected question")
        shoot(driver, "review-approved")

        # Export: the filled buyer file and the evidence pack, downloaded by the browser.
        driver.get(url.split("/?")[0] + f"/runs/{run}")
        driver.find_element(By.LINK_TEXT, "Export…").click()
        wait_url(driver, "/export")
        shoot(driver, "export")
        driver.find_element(By.ID, "download-answers").click()
        driver.find_element(By.ID, "download-pack").click()
        filled = os.path.join(downloads, SAMPLE.replace(".xlsx", "-answered.xlsx"))
        pack = os.path.join(downloads, SAMPLE.replace(".xlsx", "-evidence-pack.html"))
        deadline = time.time() + 30
        while not (os.path.exists(filled) and os.path.exists(pack)) and time.time() < deadline:
            time.sleep(0.2)
        if not os.path.exists(filled):
            fail("the filled buyer file was not downloaded")

        driver.get(url.split("/?")[0] + "/library?q=encryption")
        shoot(driver, "library")

        # Hostile text renders as text: no alert, no element.
        driver.get(url.split("/?")[0] + f"/runs/{runs['hostile.csv']}")
        no_alert(driver)
        table = driver.find_element(By.ID, "questions")
        if table.find_elements(By.TAG_NAME, "script") or table.find_elements(By.TAG_NAME, "img"):
            fail("markup from the questionnaire became elements on the run page")
        if "<script>alert(1)</script>" not in table.text or "<img src=x onerror=alert(2)>" not in table.text:
            fail("the questionnaire's markup is not shown as text on the run page")
        driver.find_element(By.PARTIAL_LINK_TEXT, "H-02").click()
        wait_url(driver, "/question")
        no_alert(driver)
        shown = driver.find_element(By.ID, "question-text")
        if shown.find_elements(By.XPATH, ".//*") or "<img src=x onerror=alert(2)>" not in shown.text:
            fail("the question page did not show the markup as text")
        if driver.find_elements(By.CSS_SELECTOR, "main script, main img"):
            fail("an element from the questionnaire reached the question page")
        shoot(driver, "hostile")
    finally:
        driver.quit()
        desk.terminate()
        desk.wait(timeout=30)

    # The command line sees exactly those decisions, all by the browser's reviewer.
    audit = json.loads(cli(binary, work, "audit", run, "--format", "json"))
    entries = audit["entries"] if isinstance(audit, dict) else audit
    decided = {entry["key"]: entry for entry in entries}
    expected = {edited: "edited", **{key: "approved" for key in keyboard + high}}
    if len(entries) != len(expected) or {key: entry["action"] for key, entry in decided.items()} != expected:
        fail(f"the audit log holds {[(e['key'], e['action']) for e in entries]}, expected {expected}")
    if {entry["reviewer"] for entry in entries} != {REVIEWER}:
        fail(f"decisions were recorded as {sorted({e['reviewer'] for e in entries})}, not {REVIEWER}")

    # The filled file: every changed cell holds one of the decided answers, and the edit is there.
    answers = []
    for entry in entries:
        after = json.loads(entry["after"])
        answers += [value for value in (after.get("text"), after.get("choice")) if value]
    original = openpyxl.load_workbook(os.path.join(work, SAMPLE))
    result = openpyxl.load_workbook(filled)
    changed = []
    for sheet in original.sheetnames:
        for row in result[sheet].iter_rows():
            for cell in row:
                before = original[sheet][cell.coordinate].value
                if cell.value != before:
                    changed.append(str(cell.value))
    stray = [value for value in changed if not any(answer in value or value in answer for answer in answers)]
    if stray:
        fail(f"cells changed that no decision accounts for: {stray[:3]}")
    if not any(EDITED_TEXT in value for value in changed):
        fail("the edited answer is not in the filled file")
    if len(changed) < len(expected):
        fail(f"only {len(changed)} cells changed for {len(expected)} decisions")
    with open(pack) as handle:
        if "EV-021" in handle.read():
            fail("internal evidence reached the evidence pack")
    shutil.copy(os.path.join(SHOTS, "review-low.png"), os.path.join(SHOTS, "review-desk.png"))
    shutil.rmtree(work)
    print(f"review desk browser test: 1 edited, {len(keyboard)} approved by keyboard, {len(high)} bulk-approved; "
          f"{len(changed)} cells filled; screenshots in {os.path.relpath(SHOTS, ROOT)}")


if __name__ == "__main__":
    main()
