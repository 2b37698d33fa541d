#!/usr/bin/python3
"""Drives `selaras review`'s page in headless Chromium: the header, the save hint, correcting a
sentence's text and splitting a bead where the reviewer chooses.

    review_edits.py URL FILES SENTENCE TEXT BEAD

Opens the page and checks that its header names FILES. Clicks "Save to memory" before anything
is accepted and waits for the hint saying why nothing was saved. Opens the editor on the
current bead's first target sentence with the key e and leaves it with Escape, unchanged.
Double-clicks target sentence SENTENCE, types TEXT in its place and presses Enter, and waits
for the sentence to read TEXT, marked corrected. Then picks bead BEAD (three sentences a side),
clicks the ✂ after its second source sentence, checks that the split bar proposes two target
sentences too, and splits; waits for the two beads. Saves (the Save button), then clicks
"Save to memory" again and waits for the count and the store. Prints {"files": …, "hint": …,
"memory": …} on stdout; any failure exits non-zero.
"""
import json
import sys

from headless import chromium
from selenium.webdriver.common.action_chains import ActionChains
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support.ui import WebDriverWait

url, files, sentence, text, split_bead = sys.argv[1], sys.argv[2], sys.argv[3], sys.argv[4], sys.argv[5]
driver = chromium()
try:
    wait = WebDriverWait(driver, 15, poll_frequency=0.02)
    count = lambda: driver.execute_script("return document.querySelectorAll('#beads tr').length")
    message = lambda: driver.find_element(By.ID, "message")
    editors = lambda: driver.find_elements(By.CSS_SELECTOR, "#beads span.editor textarea")
    # A sentence's span, and how many sentences one side of a bead shows.
    span = lambda side, number: driver.find_element(
        By.CSS_SELECTOR, f"#beads span.sentence[data-side='{side}'][data-sentence='{number}']")
    shown = lambda bead, side: len(driver.find_elements(
        By.CSS_SELECTOR, f"#beads tr[data-bead='{bead}'] span.sentence[data-side='{side}']"))
    driver.get(url)
    wait.until(lambda _: driver.execute_script("return window.selarasRendered"))
    header = driver.find_element(By.ID, "files").text
    if files not in header:
        sys.exit(f"the header names {header!r}, not {files!r}")

    # Nothing accepted yet: saving to the memory says so, visibly.
    driver.find_element(By.ID, "memory").click()
    wait.until(lambda _: "nothing accepted yet" in message().text)
    hint = message().text
    if "hint" not in message().get_attribute("class") or not message().is_displayed():
        sys.exit("the hint is not shown as one")

    # e opens the editor on the current bead's first sentence of its side; Escape leaves it as it was.
    body = driver.find_element(By.TAG_NAME, "body")
    body.send_keys("l")
    body.send_keys("e")
    wait.until(lambda _: len(editors()) == 1)
    editors()[0].send_keys(" nothing kept", Keys.ESCAPE)
    wait.until(lambda _: len(editors()) == 0)
    if driver.find_elements(By.CSS_SELECTOR, "#beads span.sentence.changed"):
        sys.exit("Escape kept the text typed in the editor")

    # Double-click a target sentence, correct it, Enter.
    original = span("target", sentence).text
    ActionChains(driver).double_click(span("target", sentence)).perform()
    wait.until(lambda _: len(editors()) == 1)
    area = editors()[0]
    if area.get_attribute("value") != original:
        sys.exit(f"the editor holds {area.get_attribute('value')!r}, not the sentence")
    area.clear()
    area.send_keys(text, Keys.ENTER)
    wait.until(lambda _: len(editors()) == 0 and span("target", sentence).text == text)
    if "changed" not in span("target", sentence).get_attribute("class"):
        sys.exit("the corrected sentence is not marked")

    # Split a bead of three sentences a side after its second: its ✂, then the split bar.
    before = count()
    driver.find_element(By.CSS_SELECTOR, f"#beads tr[data-bead='{split_bead}'] td.score").click()
    driver.find_element(
        By.CSS_SELECTOR, f"#beads tr[data-bead='{split_bead}'] td:nth-child(1) button.cut[data-after='2']").click()
    wait.until(lambda _: driver.find_element(By.ID, "splitter").is_displayed())
    kept = (driver.find_element(By.ID, "split-source").get_attribute("value"),
            driver.find_element(By.ID, "split-target").get_attribute("value"))
    if kept != ("2", "2"):
        sys.exit(f"the split bar proposes {kept}, not 2 and 2")
    driver.find_element(By.ID, "split-go").click()
    after = int(split_bead) + 1
    wait.until(lambda _: count() == before + 1 and shown(split_bead, "source") == 2 and shown(after, "source") == 1)
    if driver.find_element(By.ID, "splitter").is_displayed():
        sys.exit("the split bar stayed open")

    driver.find_element(By.ID, "save").click()
    wait.until(lambda _: message().text.startswith("saved to "))
    driver.find_element(By.ID, "memory").click()
    wait.until(lambda _: "saved to the memory" in message().text)
    print(json.dumps({"files": header, "hint": hint, "memory": message().text}))
finally:
    driver.quit()
