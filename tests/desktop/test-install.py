#!/usr/bin/env python3
# test-install.py MESON BUILD_ROOT SOURCE_ROOT PREFIX BINDIR DATADIR LOCALEDIR
# `meson install --destdir` puts the binary, desktop file, metainfo, icons, schema, D-Bus service,
# knowledge base, drawings and translations in the right places, and the installed binary runs
# `talus --list conditions` from there. SPDX-License-Identifier: GPL-3.0-or-later
import glob
import os
import subprocess
import sys
import tempfile

from taptest import Tap

meson, build_root, source_root, prefix, bindir, datadir, localedir = sys.argv[1:8]
APP_ID = 'io.github.talusanatomy.Talus'
tap = Tap()
tmp = tempfile.TemporaryDirectory(prefix='talus-install-')
destdir = tmp.name


def staged(path):
    """@path (absolute, as configured) inside the destdir."""
    return os.path.join(destdir, os.path.relpath(path, '/'))


def linguas():
    with open(os.path.join(source_root, 'po', 'LINGUAS'), encoding='utf-8') as f:
        return [w for line in f if not line.startswith('#') for w in line.split()]


@tap.case('meson install --destdir succeeds')
def install():
    env = dict(os.environ, DESTDIR=destdir)
    result = subprocess.run([meson, 'install', '-C', build_root, '--no-rebuild', '--quiet',
                             '--destdir', destdir], capture_output=True, text=True, env=env)
    assert result.returncode == 0, f'exit {result.returncode}\n{result.stdout}{result.stderr}'


@tap.case('desktop integration files are installed')
def desktop_files():
    expected = [
        os.path.join(bindir, 'talus'),
        os.path.join(datadir, 'applications', APP_ID + '.desktop'),
        os.path.join(datadir, 'metainfo', APP_ID + '.metainfo.xml'),
        os.path.join(datadir, 'icons/hicolor/scalable/apps', APP_ID + '.svg'),
        os.path.join(datadir, 'icons/hicolor/symbolic/apps', APP_ID + '-symbolic.svg'),
        os.path.join(datadir, 'glib-2.0/schemas', APP_ID + '.gschema.xml'),
        os.path.join(datadir, 'dbus-1/services', APP_ID + '.service'),
        os.path.join(datadir, 'gettext/its/talus-kb.its'),
        os.path.join(datadir, 'gettext/its/talus-kb.loc'),
    ]
    missing = [p for p in expected if not os.path.isfile(staged(p))]
    assert not missing, 'not installed: ' + ', '.join(missing)
    assert os.access(staged(os.path.join(bindir, 'talus')), os.X_OK), 'talus is not executable'
    with open(staged(os.path.join(datadir, 'dbus-1/services', APP_ID + '.service'))) as f:
        service = f.read()
    assert f'Name={APP_ID}\n' in service, service
    assert f'Exec={os.path.join(bindir, "talus")} --gapplication-service' in service, service


@tap.case('every shipped KB file and drawing is installed to pkgdatadir')
def kb_and_drawings():
    pkgdatadir = os.path.join(datadir, 'talus')
    for sub, pattern in (('kb', '*.xml'), ('anatomy', '*.svg')):
        shipped = {os.path.basename(p)
                   for p in glob.glob(os.path.join(source_root, 'data', sub, pattern))}
        installed = {os.path.basename(p)
                     for p in glob.glob(staged(os.path.join(pkgdatadir, sub, pattern)))}
        assert installed, f'no {pattern} in {pkgdatadir}/{sub}'
        assert shipped == installed, \
            f'data/{sub}: not installed {sorted(shipped - installed)}, extra {sorted(installed - shipped)}'
    assert os.path.isfile(staged(os.path.join(pkgdatadir, 'kb', 'talus-kb.xsd'))), 'no talus-kb.xsd'


@tap.case('a compiled translation is installed for every language in po/LINGUAS')
def translations():
    languages = linguas()
    assert 'es' in languages, 'po/LINGUAS lacks es'
    missing = [l for l in languages
               if not os.path.isfile(staged(os.path.join(localedir, l, 'LC_MESSAGES', 'talus.mo')))]
    assert not missing, 'no talus.mo for: ' + ', '.join(missing)


@tap.case('the installed talus lists conditions')
def runs():
    binary = staged(os.path.join(bindir, 'talus'))
    with tempfile.TemporaryDirectory() as cwd:
        result = subprocess.run([binary, '--list', 'conditions'], capture_output=True, text=True,
                                cwd=cwd, timeout=60)
    assert result.returncode == 0, f'exit {result.returncode}\n{result.stderr}'
    lines = result.stdout.splitlines()
    assert lines, 'no output'
    for line in lines:
        fields = line.split('\t')
        assert len(fields) == 2 and all(fields), f'not "id<TAB>name": {line!r}'


status = tap.run()
tmp.cleanup()
sys.exit(status)
