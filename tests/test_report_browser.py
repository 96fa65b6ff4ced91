"""The HTML report in a real browser: headless Chromium renders it, charts show, hostile copy stays text.

Needs Debian's ``chromium`` at /usr/bin/chromium; the set-up installs it with
apt-get when missing (CI runs as root) and skips, saying why, only when it
cannot be installed.
"""
from __future__ import annotations

import os
import shutil
import subprocess
from html.parser import HTMLParser
from pathlib import Path

import pandas as pd
import pytest

import copytag
from copytag.report import render_html

CHROMIUM = "/usr/bin/chromium"
EXAMPLES = Path(__file__).resolve().parents[1] / "examples" / "creatives.csv"
HOSTILE = ["<script>alert(1)</script>", "<img src=x onerror=alert(1)>"]
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
         "--disable-component-update", "--no-first-run", "--disable-sync"]


def apt_install(package: str) -> bool:
    """``apt-get install -y package``, with ``apt-get update`` first if the plain install fails."""
    def install() -> bool:
        return subprocess.run(["apt-get", "install", "-y", package], capture_output=True, timeout=900).returncode == 0

    return install() or (
        subprocess.run(["apt-get", "update"], capture_output=True, timeout=900).returncode == 0 and install())


@pytest.fixture(scope="module")
def chromium() -> str:
    if not os.path.exists(CHROMIUM):
        if shutil.which("apt-get") is None or os.geteuid() != 0:
            pytest.skip(f"{CHROMIUM} is missing and cannot be installed here (needs root and apt-get); "
                        "install it with: apt-get install -y chromium")
        if not apt_install("chromium") or not os.path.exists(CHROMIUM):
            pytest.skip("apt-get install -y chromium failed (no package index or no network); "
                        "install chromium to run the browser test")
    return CHROMIUM


def run_chromium(binary: str, profile: Path, *args: str) -> str:
    """Run headless Chromium with the test's flags; its standard output."""
    command = [binary, *FLAGS, f"--user-data-dir={profile}", *args]
    done = subprocess.run(command, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr[-2000:]
    return done.stdout


@pytest.fixture(scope="module")
def pages(tmp_path_factory) -> dict[str, Path]:
    """The example report, and a report whose copy, keywords and groups are hostile."""
    folder = tmp_path_factory.mktemp("report")
    examples = copytag.tag_frame(pd.read_csv(EXAMPLES, dtype=str, keep_default_na=False), column="ad_copy")
    (folder / "report.html").write_text(render_html(copytag.summarize(examples)), encoding="utf-8")
    bad = pd.DataFrame({"creative_id": ["x1", "x2", "x3", "x4"], "app": ["A"] * 4, "market": HOSTILE * 2,
                        "ad_copy": [f"{h} Watch now!" for h in HOSTILE] * 2})
    bad = copytag.tag_frame(bad, column="ad_copy")
    hostile = copytag.summarize(pd.concat([examples, bad], ignore_index=True), by="market")
    (folder / "hostile.html").write_text(render_html(hostile, title=HOSTILE[0]), encoding="utf-8")
    return {"report": folder / "report.html", "hostile": folder / "hostile.html", "folder": folder}


class DomCollector(HTMLParser):
    """The elements of a dumped DOM and its visible text."""

    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict]] = []
        self.text: list[str] = []
        self.skip = 0

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))
        self.skip += tag in ("style", "title")

    def handle_endtag(self, tag):
        self.skip -= tag in ("style", "title")

    def handle_data(self, data):
        if not self.skip:
            self.text.append(data)


def dump_dom(binary: str, page: Path, profile: Path) -> DomCollector:
    collector = DomCollector()
    collector.feed(run_chromium(binary, profile, "--dump-dom", page.as_uri()))
    return collector


def test_screenshot_is_not_blank(chromium, pages):
    from matplotlib.image import imread

    shot = pages["folder"] / "report.png"
    run_chromium(chromium, pages["folder"] / "profile", f"--screenshot={shot}", "--window-size=1280,2000",
                 pages["report"].as_uri())
    pixels = imread(shot)[..., :3]
    colours = {tuple(p) for p in (pixels.reshape(-1, 3) * 255).astype(int)[::7].tolist()}
    background = (pixels.reshape(-1, 3) == pixels[0, 0]).all(axis=1).mean()
    assert len(colours) > 200, f"only {len(colours)} colours: the page looks blank"
    assert background < 0.9, f"{background:.0%} of the screenshot is background"


def test_every_section_has_a_chart(chromium, pages):
    dom = dump_dom(chromium, pages["report"], pages["folder"] / "profile")
    images = [attrs for tag, attrs in dom.tags if tag == "img"]
    assert len(images) == 4
    assert all(attrs["src"].startswith("data:image/png;base64,") for attrs in images)
    sections = [attrs.get("id") for tag, attrs in dom.tags if tag == "section"]
    assert sections == ["languages", "phrases", "actions", "tones", "methods"]


def test_hostile_copy_is_text_not_markup(chromium, pages):
    dom = dump_dom(chromium, pages["hostile"], pages["folder"] / "profile")
    assert not [tag for tag, _ in dom.tags if tag == "script"]
    images = [attrs for tag, attrs in dom.tags if tag == "img"]
    assert len(images) == 4 and all(a["src"].startswith("data:image/png") for a in images)
    assert not [name for _, attrs in dom.tags for name in attrs if name.startswith("on")]
    text = "".join(dom.text)
    for bad in HOSTILE:
        assert bad in text, f"{bad!r} is not shown as text"
