#!/usr/bin/env python3
# test-spanish.py TALUS SOURCE_ROOT BUILD_ROOT PDFTOTEXT
# Spanish end to end: with LANGUAGE=es the CLI lists conditions with the names from po/es.po
# (English per string where a translation is missing) and writes a handout PDF with Spanish text.
# The app finds the uninstalled catalogues through TALUS_LOCALEDIR=BUILD_ROOT/po (main.c binds
# the text domain there when it is set). SPDX-License-Identifier: GPL-3.0-or-later
import os
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET

from pofile import parse_po
from taptest import Tap

talus, source_root, build_root, pdftotext = sys.argv[1:5]
tap = Tap()

SPANISH = {}
for e in parse_po(os.path.join(source_root, 'po', 'es.po')):
    if not e['obsolete'] and e['msgid'] and 'fuzzy' not in e['flags'] and all(e['msgstr']):
        SPANISH[(e['msgctxt'], e['msgid'])] = e
KB = 'talus-kb'


def spanish(text, context=KB):
    entry = SPANISH.get((context, text))
    return entry['msgstr'][0] if entry else text


def run(language, *args):
    env = dict(os.environ, TALUS_LOCALEDIR=os.path.join(build_root, 'po'))
    env.pop('LANGUAGE', None)
    if language:
        env['LANGUAGE'] = language
    env.setdefault('LC_ALL', 'C.UTF-8')
    return subprocess.run([talus, *args], capture_output=True, text=True, env=env, timeout=120)


def conditions(language):
    result = run(language, '--list', 'conditions')
    assert result.returncode == 0, f'--list conditions failed ({language}): {result.stderr}'
    rows = [line.split('\t') for line in result.stdout.splitlines()]
    assert rows and all(len(r) == 2 for r in rows), f'not "id<TAB>name":\n{result.stdout}'
    return dict(rows)


def kb_condition(condition_id):
    for path in sorted(os.listdir(os.path.join(source_root, 'data', 'kb'))):
        if path.endswith('.xml'):
            root = ET.parse(os.path.join(source_root, 'data', 'kb', path)).getroot()
            for c in root.findall('condition'):
                if c.get('id') == condition_id:
                    return c
    raise AssertionError(f'condition {condition_id} not in data/kb')


def normalise(text):
    return ' '.join(text.split())


@tap.case('--list conditions with LANGUAGE=es shows the names from es.po')
def list_conditions():
    english = conditions(None)
    spanish_rows = conditions('es')
    assert set(english) == set(spanish_rows), 'different condition ids in Spanish'
    wrong = [f'{cid}: {spanish_rows[cid]!r}, expected {spanish(name)!r}'
             for cid, name in english.items() if spanish_rows[cid] != spanish(normalise(name))]
    assert not wrong, '\n'.join(wrong)
    translated = [cid for cid, name in english.items() if spanish_rows[cid] != name]
    assert translated, 'no condition name is translated: is main.c binding TALUS_LOCALEDIR?'


@tap.case('a handout exported with LANGUAGE=es is in Spanish')
def handout():
    assert pdftotext and os.path.exists(pdftotext), 'pdftotext not found: install poppler-utils'
    ids = sorted(conditions(None))
    condition_id = 'ankle-sprain' if 'ankle-sprain' in ids else ids[0]
    with tempfile.TemporaryDirectory() as tmp:
        pdf = os.path.join(tmp, 'handout.pdf')
        result = run('es', f'--export-handout={condition_id}', f'--output={pdf}')
        assert result.returncode == 0, f'export failed: {result.stderr}'
        text = subprocess.run([pdftotext, '-enc', 'UTF-8', pdf, '-'], capture_output=True,
                              text=True, check=True).stdout
    text = normalise(text)
    condition = kb_condition(condition_id)
    names = [normalise(condition.findtext(tag)) for tag in ('patient-name', 'name')]
    wanted = [spanish(n) for n in names if spanish(n) != n]
    assert wanted, f'es.po does not translate the name of {condition_id}'
    assert any(w in text for w in wanted), f'none of {wanted} in the handout:\n{text[:600]}'
    headings = [e['msgstr'][0] for (ctx, _), e in SPANISH.items()
                if ctx != KB and any(r.startswith('src/handout/') for r in e['refs'])
                and e['msgstr'][0] != e['msgid'] and '%' not in e['msgid'] and len(e['msgid']) > 6]
    assert headings, 'es.po translates no handout string from src/handout/'
    found = [h for h in headings if normalise(h) in text]
    assert found, f'no translated handout heading in the PDF; looked for {headings[:8]}'


sys.exit(tap.run())
