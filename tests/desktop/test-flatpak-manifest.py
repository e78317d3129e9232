#!/usr/bin/env python3
# test-flatpak-manifest.py MANIFEST SOURCE_ROOT
# The Flatpak manifest builds Talus from this tree with meson on a current GNOME runtime, runs the
# tests, and keeps the sandbox tight: only wayland, fallback-x11, ipc and dri. Any other
# permission (network, home or host files, plain x11, the Flatpak portal that escapes the sandbox,
# a bus name...) fails this test, so nobody widens the sandbox by accident. The first cases check
# that the checker itself rejects such manifests. SPDX-License-Identifier: GPL-3.0-or-later
import copy
import json
import os
import re
import sys

from taptest import Tap

manifest_path, source_root = sys.argv[1:3]
APP_ID = 'io.github.talusanatomy.Talus'
MIN_RUNTIME = 47
REQUIRED = ['--socket=wayland', '--socket=fallback-x11', '--share=ipc', '--device=dri']
# Patterns with the reason each is refused; anything not in REQUIRED is refused anyway.
FORBIDDEN = [
    (r'--share=network', 'Talus works offline'),
    (r'--filesystem=.*', 'files go through the portal (GtkFileChooserNative)'),
    (r'--socket=x11', 'X11 only as fallback-x11'),
    (r'--socket=(session-bus|system-bus|cups|pulseaudio|ssh-auth|pcsc|gpg-agent)', 'not needed'),
    (r'--talk-name=org\.freedesktop\.Flatpak', 'escapes the sandbox'),
    (r'--(talk|own|system-talk|system-own)-name=.*', 'no D-Bus names beyond the portals'),
    (r'--device=(all|shm|kvm|input)', 'only dri is needed'),
    (r'--allow=.*', 'no extra features'),
    (r'--(persist|env|unset-env|add-policy)=.*', 'no sandbox tweaks'),
]
tap = Tap()


def problems(manifest, root=source_root, base=os.path.dirname(os.path.abspath(manifest_path))):
    """Every way @manifest falls short, as a list of strings (empty when it is fine)."""
    found = []
    if manifest.get('id', manifest.get('app-id')) != APP_ID:
        found.append(f'id is {manifest.get("id")!r}, expected {APP_ID}')
    if manifest.get('runtime') != 'org.gnome.Platform':
        found.append(f'runtime is {manifest.get("runtime")!r}, expected org.gnome.Platform')
    if manifest.get('sdk') != 'org.gnome.Sdk':
        found.append(f'sdk is {manifest.get("sdk")!r}, expected org.gnome.Sdk')
    version = str(manifest.get('runtime-version', ''))
    if not re.fullmatch(r'\d+', version) or int(version) < MIN_RUNTIME:
        found.append(f'runtime-version {version!r} is not a current GNOME runtime (>= {MIN_RUNTIME})')
    if manifest.get('command') != 'talus':
        found.append(f'command is {manifest.get("command")!r}, expected talus')

    args = manifest.get('finish-args', [])
    for arg in REQUIRED:
        if arg not in args:
            found.append(f'finish-args lack {arg}')
    for arg in args:
        if arg in REQUIRED:
            continue
        reasons = [why for pattern, why in FORBIDDEN if re.fullmatch(pattern, arg)]
        found.append(f'finish-args must not contain {arg}: {reasons[0] if reasons else "not allowed"}')
    if len(args) != len(set(args)):
        found.append('finish-args repeat a permission')

    modules = manifest.get('modules', [])
    talus = [m for m in modules if isinstance(m, dict) and m.get('name') == 'talus']
    if len(talus) != 1:
        found.append(f'{len(talus)} modules named talus, expected 1')
        return found
    module = talus[0]
    if modules[-1] is not module:
        found.append('the talus module is not the last module')
    if module.get('buildsystem') != 'meson':
        found.append(f'talus buildsystem is {module.get("buildsystem")!r}, expected meson')
    if module.get('run-tests') is not True:
        found.append('talus module does not set "run-tests": true')
    if '-Dtests=true' not in module.get('config-opts', []):
        found.append('talus config-opts lack -Dtests=true')
    sources = module.get('sources', [])
    dirs = [s for s in sources if isinstance(s, dict) and s.get('type') == 'dir']
    if len(sources) != 1 or len(dirs) != 1:
        found.append('talus must build from exactly one local "dir" source')
    else:
        path = os.path.realpath(os.path.join(base, dirs[0].get('path', '')))
        if path != os.path.realpath(root):
            found.append(f'dir source {dirs[0].get("path")!r} is {path}, not the source tree {root}')
    test_args = module.get('build-options', {}).get('test-args', [])
    for arg in test_args:
        if arg.startswith('--share=network') or arg.startswith('--filesystem'):
            found.append(f'tests must not need {arg}')
    return found


with open(manifest_path, encoding='utf-8') as f:
    MANIFEST = json.load(f)


def mutated(change):
    m = copy.deepcopy(MANIFEST)
    change(m)
    return m


def expect_rejected(name, change, needle):
    @tap.case(f'checker rejects {name}')
    def check():
        found = problems(mutated(change))
        assert any(needle in p for p in found), f'not rejected; problems found: {found}'


for arg in ['--share=network', '--filesystem=home', '--filesystem=host', '--filesystem=/srv/kb',
            '--filesystem=xdg-documents:ro', '--socket=x11', '--talk-name=org.freedesktop.Flatpak',
            '--socket=session-bus', '--device=all', '--socket=cups']:
    expect_rejected(f'an added {arg}', lambda m, arg=arg: m['finish-args'].append(arg), arg)
for arg in REQUIRED:
    expect_rejected(f'a missing {arg}', lambda m, arg=arg: m['finish-args'].remove(arg), arg)
expect_rejected('an old runtime', lambda m: m.update({'runtime-version': '44'}), 'runtime-version')
expect_rejected('another runtime', lambda m: m.update({'runtime': 'org.kde.Platform'}), 'runtime')
expect_rejected('tests switched off', lambda m: m['modules'][-1].update({'run-tests': False}),
                'run-tests')
expect_rejected('a git source', lambda m: m['modules'][-1].update(
    {'sources': [{'type': 'git', 'url': 'https://example.org/talus.git'}]}), 'dir')
expect_rejected('another build system', lambda m: m['modules'][-1].update(
    {'buildsystem': 'cmake-ninja'}), 'buildsystem')


@tap.case('the manifest: GNOME runtime, meson build of this tree with tests, tight sandbox')
def manifest():
    found = problems(MANIFEST)
    assert not found, '\n'.join(found)


sys.exit(tap.run())
