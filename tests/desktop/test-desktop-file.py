#!/usr/bin/env python3
# test-desktop-file.py DESKTOP_FILE_VALIDATE DESKTOP_FILE APP_ID
# The built (translated) desktop file validates with no errors or warnings, says what the issue
# asks for, and carries the Spanish translation. SPDX-License-Identifier: GPL-3.0-or-later
import configparser
import subprocess
import sys

from taptest import Tap

validator, path, app_id = sys.argv[1:4]
tap = Tap()


def entry():
    parser = configparser.RawConfigParser(strict=True, interpolation=None)
    parser.optionxform = str  # keys are case-sensitive
    with open(path, encoding='utf-8') as f:
        parser.read_file(f)
    return parser['Desktop Entry']


@tap.case('desktop-file-validate: no errors or warnings')
def validate():
    result = subprocess.run([validator, path], capture_output=True, text=True)
    output = result.stdout + result.stderr
    # Hints (e.g. two main categories, which the issue asks for) are fine; errors and warnings not.
    bad = [line for line in output.splitlines() if ': error: ' in line or ': warning: ' in line]
    assert result.returncode == 0 and not bad, f'exit {result.returncode}\n{output}'


@tap.case('keys: name, icon, exec, categories, D-Bus activation')
def keys():
    e = entry()
    expected = {
        'Type': 'Application',
        'Name': 'Talus',
        'GenericName': 'Ankle and Foot Anatomy',
        'Icon': app_id,
        'Exec': 'talus',
        'StartupNotify': 'true',
        'DBusActivatable': 'true',
        'Terminal': 'false',
    }
    for key, value in expected.items():
        assert e.get(key) == value, f'{key}={e.get(key)!r}, expected {value!r}'
    categories = e.get('Categories', '').split(';')
    for category in ('Education', 'Science', 'MedicalSoftware'):
        assert category in categories, f'Categories lacks {category}: {e.get("Categories")!r}'
    keywords = e.get('Keywords', '').split(';')
    for keyword in ('ankle', 'foot', 'anatomy', 'heel', 'sprain'):
        assert keyword in keywords, f'Keywords lacks {keyword}'
    assert e.get('Comment'), 'no Comment'


@tap.case('translated: Spanish name, comment and keywords merged from po/es.po')
def translated():
    e = entry()
    for key in ('GenericName[es]', 'Comment[es]', 'Keywords[es]'):
        assert e.get(key), f'{key} missing: the Spanish translation was not merged'
    assert e['GenericName[es]'] != e['GenericName'], 'GenericName[es] is the English text'
    assert e['Keywords[es]'].endswith(';'), 'Keywords[es] must end with a semicolon'
    assert 'tobillo' in e['Keywords[es]'].split(';'), 'Keywords[es] lacks "tobillo"'


sys.exit(tap.run())
