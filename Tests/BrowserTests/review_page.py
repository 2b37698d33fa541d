#!/usr/bin/python3
"""Drives `selaras review`'s page in headless Chromium, as a reviewer would with the keyboard.

    review_page.py URL SCREENSHOT.png

Opens the page, waits for the beads, merges the first two (m), goes to the next bead's target
side (j, l), moves its sentence down to the bead below (d), undoes that with the toolbar's Undo
button, moves it up into the merged bead instead (u), accepts the bead left (a), goes back up (k),
splits the merged bead (s) and makes its first part null (n), undoes both (z, z), saves (the
Save button), writes a screenshot and checks it is not blank. Prints
{"load_seconds": …, "rows": …, "rows_after_merge": …} on stdout; any failure exits non-zero.
"""
import json
import sys
import zlib

from headless import chromium
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait


def distinct_pixels(png):
    """How many distinct bytes the decompressed image data holds: 1 or 2 for a blank page."""
    data, position = b"", 8
    while position < len(png):
        length = int.from_bytes(png[position:position + 4], "big")
        kind = png[position + 4:position + 8]
        if kind == b"IDAT":
            data += png[position + 8:position + 8 + length]
        position += 12 + length
    return len(set(zlib.decompress(data)))


url, screenshot = sys.argv[1], sys.argv[2]
driver = chromium()
try:
    wait = WebDriverWait(driver, 15, poll_frequency=0.02)
    # Read through the page's script: the table is rebuilt after every edit.
    count = lambda: driver.execute_script("return document.querySelectorAll('#beads tr').length")
    row_class = lambda index: driver.execute_script(
        "const row = document.querySelectorAll('#beads tr')[arguments[0]]; return row ? row.className : ''", index)
    target_text = lambda index: driver.execute_script(
        "const row = document.querySelectorAll('#beads tr')[arguments[0]]; return row ? row.children[1].textContent : null",
        index)
    driver.get(url)
    # The page notes when its first rendering was done, in milliseconds since it was asked for.
    rendered = wait.until(lambda _: driver.execute_script("return window.selarasRendered"))
    load = rendered / 1000
    before = count()
    body = driver.find_element(By.TAG_NAME, "body")
    body.send_keys("m")
    wait.until(lambda _: count() == before - 1)
    body.send_keys("j")
    body.send_keys("l")
    body.send_keys("d")
    wait.until(lambda _: target_text(1) == "")
    driver.find_element(By.CSS_SELECTOR, "#tools button[data-key='z']").click()
    wait.until(lambda _: target_text(1) not in ("", None))
    body.send_keys("u")
    wait.until(lambda _: target_text(1) == "")
    body.send_keys("a")
    wait.until(lambda _: "accepted" in row_class(1))
    merged = count()
    body.send_keys("k")
    body.send_keys("s")
    wait.until(lambda _: count() == merged + 1)
    body.send_keys("n")
    wait.until(lambda _: count() == merged + 2 and "null" in row_class(0))
    body.send_keys("z")
    wait.until(lambda _: count() == merged + 1)
    body.send_keys("z")
    wait.until(lambda _: count() == merged and "accepted" in row_class(1))
    driver.find_element(By.ID, "save").click()
    wait.until(lambda _: "saved to" in driver.find_element(By.ID, "message").text)
    driver.save_screenshot(screenshot)
    with open(screenshot, "rb") as file:
        if distinct_pixels(file.read()) < 8:
            sys.exit("the screenshot is blank")
    print(json.dumps({"load_seconds": load, "rows": before, "rows_after_merge": count()}))
finally:
    driver.quit()
