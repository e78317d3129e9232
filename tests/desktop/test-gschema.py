#!/usr/bin/env python3
# test-gschema.py GLIB_COMPILE_SCHEMAS GSETTINGS SCHEMA_FILE SCHEMAS_DIR
# The GSettings schema compiles with --strict, has the keys and defaults the app relies on, every
# key is documented, and the schema compiled in the build directory (schemas_dir) is the one
# GSETTINGS_SCHEMA_DIR users get. SPDX-License-Identifier: GPL-3.0-or-later
import os
import shutil
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET

from taptest import Tap

compiler, gsettings, schema_file, schemas_dir = sys.argv[1:5]
SCHEMA_ID = 'io.github.talusanatomy.Talus'
tap = Tap()

EXPECTED = {
    # key: (type, default as gsettings prints it, choices or None)
    'window-width': ('i', '1200', None),
    'window-height': ('i', '800', None),
    'window-maximized': ('b', 'false', None),
    'last-view': ('s', "'lateral'", {'lateral', 'medial', 'posterior', 'plantar'}),
    'audience': ('s', "'clinician'", {'clinician', 'patient'}),
    'clinic-name': ('s', "''", None),
    'paper-size': ('s', "'a4'", {'a4', 'letter'}),
    'handout-language': ('s', "''", None),
}


@tap.case('glib-compile-schemas --strict --dry-run accepts the schema')
def strict():
    with tempfile.TemporaryDirectory() as tmp:
        shutil.copy(schema_file, tmp)
        result = subprocess.run([compiler, '--strict', '--dry-run', tmp],
                                capture_output=True, text=True)
        assert result.returncode == 0 and not result.stderr.strip(), \
            f'exit {result.returncode}\n{result.stdout}{result.stderr}'


@tap.case('schema: id, path, keys, types, choices, summaries and descriptions')
def keys():
    root = ET.parse(schema_file).getroot()
    assert root.get('gettext-domain') == 'talus', 'schemalist needs gettext-domain="talus"'
    schemas = root.findall('schema')
    assert len(schemas) == 1, f'{len(schemas)} schemas'
    schema = schemas[0]
    assert schema.get('id') == SCHEMA_ID, schema.get('id')
    assert schema.get('path') == '/io/github/talusanatomy/Talus/', schema.get('path')
    found = {key.get('name'): key for key in schema.findall('key')}
    assert set(found) == set(EXPECTED), f'keys differ: {sorted(set(found) ^ set(EXPECTED))}'
    for name, (type_, _default, choices) in EXPECTED.items():
        key = found[name]
        assert key.get('type') == type_, f'{name}: type {key.get("type")}, expected {type_}'
        for tag in ('summary', 'description'):
            text = (key.findtext(tag) or '').strip()
            assert text, f'{name} has no {tag}'
        if choices is not None:
            got = {c.get('value') for c in key.findall('choices/choice')}
            assert got == choices, f'{name}: choices {sorted(got)}, expected {sorted(choices)}'


@tap.case('compiled schema in schemas_dir gives the expected defaults')
def compiled():
    assert os.path.isfile(os.path.join(schemas_dir, 'gschemas.compiled')), \
        f'no gschemas.compiled in {schemas_dir}'
    env = dict(os.environ, GSETTINGS_SCHEMA_DIR=schemas_dir, GSETTINGS_BACKEND='memory')
    result = subprocess.run([gsettings, 'list-recursively', SCHEMA_ID],
                            capture_output=True, text=True, env=env)
    assert result.returncode == 0, result.stderr
    values = {}
    for line in result.stdout.splitlines():
        schema, key, value = line.split(' ', 2)
        values[key] = value
    for name, (_type, default, _choices) in EXPECTED.items():
        assert values.get(name) == default, f'{name} = {values.get(name)!r}, expected {default!r}'
    for name, (_type, _default, choices) in EXPECTED.items():
        if choices:
            r = subprocess.run([gsettings, 'range', SCHEMA_ID, name],
                               capture_output=True, text=True, env=env)
            assert r.returncode == 0 and r.stdout.startswith('enum'), f'{name}: {r.stdout}'


sys.exit(tap.run())
