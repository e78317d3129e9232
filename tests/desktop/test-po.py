#!/usr/bin/env python3
# test-po.py SOURCE_ROOT BUILD_ROOT XGETTEXT MSGMERGE MSGFMT
# po/POTFILES.in names every file with translatable text (and nothing that does not exist); every
# po file in po/LINGUAS compiles with msgfmt --check; against the strings in the sources today,
# no interface string (C, ui, desktop file, metainfo, schema) is missing or fuzzy, and neither is
# any knowledge-base string. SPDX-License-Identifier: GPL-3.0-or-later
import glob
import os
import re
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET

from pofile import parse_po
from taptest import Tap

source_root, build_root, xgettext, msgmerge, msgfmt = sys.argv[1:6]
po_dir = os.path.join(source_root, 'po')
tap = Tap()
# The arguments of meson's i18n.gettext(preset: 'glib') in po/meson.build.
XGETTEXT_ARGS = [
    '--from-code=UTF-8', '--add-comments', '-k_', '--keyword=_', '--keyword=N_',
    '--keyword=C_:1c,2', '--keyword=NC_:1c,2', '--keyword=g_dcgettext:2',
    '--keyword=g_dngettext:2,3', '--keyword=g_dpgettext2:2c,3',
    '--flag=N_:1:pass-c-format', '--flag=C_:2:pass-c-format', '--flag=NC_:2:pass-c-format',
    '--flag=g_dngettext:2:pass-c-format', '--flag=g_strdup_printf:1:c-format',
    '--flag=g_string_printf:2:c-format', '--flag=g_string_append_printf:2:c-format',
    '--flag=g_error_new:3:c-format', '--flag=g_set_error:4:c-format',
    '--flag=g_markup_printf_escaped:1:c-format', '--flag=g_log:3:c-format',
    '--flag=g_print:1:c-format', '--flag=g_printerr:1:c-format',
    '--flag=g_printf:1:c-format', '--flag=g_fprintf:2:c-format', '--flag=g_sprintf:2:c-format',
    '--flag=g_snprintf:3:c-format',
]
# A gettext call with a literal message, the only kind xgettext can extract.
C_MARK = re.compile(r'(?<![\w])(?:(?:_|N_|ngettext)\s*\(\s*"'
                    r'|(?:C_|NC_)\s*\(\s*"[^"]*"\s*,\s*"'
                    r'|(?:g_dgettext|g_dngettext|g_dcgettext)\s*\(\s*[^,()]+,\s*"'
                    r'|g_dpgettext2\s*\(\s*[^,()]+,\s*"[^"]*"\s*,\s*")')
UI_MARK = re.compile(r'translatable\s*=\s*"(?:yes|true|1)"')


def potfiles():
    with open(os.path.join(po_dir, 'POTFILES.in'), encoding='utf-8') as f:
        return [line.strip() for line in f if line.strip() and not line.startswith('#')]


def linguas():
    with open(os.path.join(po_dir, 'LINGUAS'), encoding='utf-8') as f:
        return [w for line in f if not line.startswith('#') for w in line.split()]


def merged(language, tmp):
    """po/LANG.po merged with a template freshly extracted from today's sources."""
    pot = os.path.join(tmp, 'talus.pot')
    env = dict(os.environ, GETTEXTDATADIRS=po_dir)
    result = subprocess.run([xgettext, '--package-name=talus', '-f', os.path.join(po_dir, 'POTFILES.in'),
                             '-D', source_root, '-o', pot] + XGETTEXT_ARGS,
                            capture_output=True, text=True, env=env)
    assert result.returncode == 0, f'xgettext failed:\n{result.stderr}'
    out = os.path.join(tmp, language + '.po')
    result = subprocess.run([msgmerge, '--quiet', '-o', out, os.path.join(po_dir, language + '.po'), pot],
                            capture_output=True, text=True)
    assert result.returncode == 0, f'msgmerge failed:\n{result.stderr}'
    return parse_po(out)


def is_kb(entry):
    return entry['msgctxt'] == 'talus-kb'


def unfinished(language, want_kb):
    with tempfile.TemporaryDirectory() as tmp:
        entries = merged(language, tmp)
    bad = []
    for e in entries:
        if e['obsolete'] or e['msgid'] == '' or is_kb(e) != want_kb:
            continue
        if 'fuzzy' in e['flags']:
            bad.append(('fuzzy', e))
        elif not all(e['msgstr']):
            bad.append(('missing', e))
    return bad


def report(language, bad):
    lines = [f'{language}.po: {len(bad)} strings not translated']
    for kind, e in bad[:40]:
        where = e['refs'][0] if e['refs'] else '?'
        lines.append(f'{kind}: {where}: {e["msgid"][:70]!r}')
    if len(bad) > 40:
        lines.append(f'... and {len(bad) - 40} more')
    return '\n'.join(lines)


@tap.case('POTFILES.in lists only files that exist')
def listed_exist():
    missing = [p for p in potfiles() if not os.path.isfile(os.path.join(source_root, p))]
    assert not missing, 'listed in po/POTFILES.in but missing: ' + ', '.join(missing)


@tap.case('POTFILES.in lists every file with translatable strings')
def all_listed():
    listed = set(potfiles())
    candidates = []
    for pattern, mark in (('src/**/*.c', C_MARK), ('src/**/*.h', C_MARK), ('ui/**/*.ui', UI_MARK),
                          ('src/**/*.ui', UI_MARK)):
        for path in glob.glob(os.path.join(source_root, pattern), recursive=True):
            with open(path, encoding='utf-8', errors='replace') as f:
                if mark.search(f.read()):
                    candidates.append(os.path.relpath(path, source_root))
    for path in glob.glob(os.path.join(source_root, 'data', 'kb', '*.xml')):
        candidates.append(os.path.relpath(path, source_root))
    for path in glob.glob(os.path.join(source_root, 'data', '*.in')):
        if not path.endswith('.service.in'):
            candidates.append(os.path.relpath(path, source_root))
    candidates += [os.path.relpath(p, source_root)
                   for p in glob.glob(os.path.join(source_root, 'data', '*.gschema.xml'))]
    unlisted = sorted(set(candidates) - listed)
    assert not unlisted, 'add to po/POTFILES.in: ' + ', '.join(unlisted)


def kb_texts():
    """The translatable text of the shipped KB as the app sees it: whitespace folded, trimmed."""
    wanted, untranslatable = set(), set()
    for path in sorted(glob.glob(os.path.join(source_root, 'data', 'kb', '*.xml'))):
        root = ET.parse(path).getroot()
        if root.tag != 'kb':
            continue
        for entry in root:
            for child in entry:
                text = ' '.join(''.join(child.itertext()).split())
                if not text:
                    continue
                if child.tag in ('name', 'patient-name', 'summary', 'patient-summary', 'synonym') \
                   or (entry.tag == 'diagnostic' and child.tag == 'accuracy') \
                   or (entry.tag == 'condition' and child.tag in ('diagnostic', 'care')):
                    wanted.add(text)
                else:
                    untranslatable.add(text)
    return wanted, untranslatable - wanted


@tap.case('the KB ITS rules extract every translatable KB text, as the app looks it up')
def kb_its():
    wanted, untranslatable = kb_texts()
    assert len(wanted) > 100, f'only {len(wanted)} KB texts found'
    with tempfile.TemporaryDirectory() as tmp:
        pot = os.path.join(tmp, 'kb.pot')
        files = sorted(glob.glob(os.path.join(source_root, 'data', 'kb', '*.xml')))
        result = subprocess.run([xgettext, '--package-name=talus', '-o', pot] + files,
                                capture_output=True, text=True,
                                env=dict(os.environ, GETTEXTDATADIRS=po_dir))
        assert result.returncode == 0, result.stderr
        entries = [e for e in parse_po(pot) if e['msgid']]
    contexts = {e['msgctxt'] for e in entries}
    assert contexts == {'talus-kb'}, f'KB messages must all have the context talus-kb: {contexts}'
    extracted = {e['msgid'] for e in entries}
    missing = sorted(wanted - extracted)
    extra = sorted(extracted - wanted)
    leaked = sorted(extracted & untranslatable)
    assert not missing, f'{len(missing)} KB texts not extracted, e.g. {missing[:3]}'
    assert not extra, f'{len(extra)} extracted texts are not KB text as the app reads it, e.g. {extra[:3]}'
    assert not leaked, f'citations, DOIs or abbreviations extracted: {leaked[:3]}'


for language in linguas():
    @tap.case(f'{language}.po compiles with msgfmt --check')
    def compiles(language=language):
        result = subprocess.run([msgfmt, '--check', '--statistics', '-o', os.devnull,
                                 os.path.join(po_dir, language + '.po')],
                                capture_output=True, text=True)
        assert result.returncode == 0, result.stderr

    @tap.case(f'{language}.po: every interface string is translated, none fuzzy')
    def interface(language=language):
        bad = unfinished(language, want_kb=False)
        assert not bad, report(language, bad)

    @tap.case(f'{language}.po: every knowledge-base string is translated, none fuzzy')
    def knowledge_base(language=language):
        bad = unfinished(language, want_kb=True)
        assert not bad, report(language, bad)

    @tap.case(f'the build compiled po/{language}/LC_MESSAGES/talus.mo')
    def built(language=language):
        mo = os.path.join(build_root, 'po', language, 'LC_MESSAGES', 'talus.mo')
        assert os.path.isfile(mo), f'{mo} missing'


sys.exit(tap.run())
