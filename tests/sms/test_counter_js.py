"""The admin's live counter (JavaScript) counts exactly as sms/segments.py."""

import json
import shutil
import subprocess

import pytest
from django.contrib.staticfiles import finders

from sms import segments

TEXTS = [
    "",
    "a" * 160,
    "a" * 161,
    "a" * 306,
    "a" * 307,
    "€" * 80,
    "€" * 81,
    "a" * 152 + "€" + "a" * 152,
    "ł" * 70,
    "ł" * 71,
    "ł" * 134,
    "ł" * 135,
    "🙂" * 35,
    "🙂" * 35 + "a",
    "Ketamine can damage the bladder. [See GP] ~ {now} | ^ \\",
]


def test_js_counter_matches_python():
    node = shutil.which("node")
    if not node:
        pytest.skip("node is not installed: cannot run the admin counter script")
    basic, extension = segments._alphabets()
    script = finders.find("sms/js/sms_counter.js")
    program = (
        f"const {{analyse}} = require({json.dumps(script)});"
        f"const basic = new Set(Array.from({json.dumps(''.join(basic))}));"
        f"const extension = new Set(Array.from({json.dumps(''.join(extension))}));"
        f"const texts = {json.dumps(TEXTS)};"
        "console.log(JSON.stringify(texts.map(t => analyse(t, basic, extension))));"
    )

    result = subprocess.run([node, "-e", program], capture_output=True, text=True, check=True, timeout=30)

    for text, js in zip(TEXTS, json.loads(result.stdout), strict=True):
        py = segments.analyse(text)
        assert (js["encoding"], js["units"], js["segments"]) == (py.encoding, py.units, py.segments), text[
            :20
        ]
