#!/usr/bin/env python3
# test-metainfo.py APPSTREAMCLI METAINFO_FILE APP_ID SOURCE_ROOT
# The built (translated) AppStream metainfo validates with `appstreamcli validate --no-net`
# (no errors or warnings), has what software centres show, carries the Spanish translation, and
# its screenshots are files in docs/screenshots/. SPDX-License-Identifier: GPL-3.0-or-later
import os
import re
import subprocess
import sys
import xml.etree.ElementTree as ET

from taptest import Tap

appstreamcli, path, app_id, source_root = sys.argv[1:5]
XML_LANG = '{http://www.w3.org/XML/1998/namespace}lang'
RAW = 'https://raw.githubusercontent.com/talusanatomy/talus/main/'
tap = Tap()


def root():
    return ET.parse(path).getroot()


def untranslated(parent, tag):
    return [e for e in parent.findall(tag) if e.get(XML_LANG) is None]


@tap.case('appstreamcli validate --no-net --explain: no errors or warnings')
def validate():
    result = subprocess.run([appstreamcli, 'validate', '--no-net', '--explain', path],
                            capture_output=True, text=True)
    output = result.stdout + result.stderr
    bad = [line for line in output.splitlines() if re.match(r'^[EW]: ', line)]
    assert result.returncode == 0 and not bad, f'exit {result.returncode}\n{output}'


@tap.case('component: id, licences, launchable, binary, categories, developer, rating, release')
def component():
    r = root()
    assert r.tag == 'component' and r.get('type') == 'desktop-application', r.tag
    assert r.findtext('id') == app_id, r.findtext('id')
    assert r.findtext('metadata_license') == 'CC0-1.0'
    assert r.findtext('project_license') == 'GPL-3.0-or-later'
    assert untranslated(r, 'name')[0].text == 'Talus'
    launchable = r.find('launchable')
    assert launchable is not None and launchable.get('type') == 'desktop-id'
    assert launchable.text == app_id + '.desktop', launchable.text
    assert [b.text for b in r.findall('provides/binary')] == ['talus']
    categories = [c.text for c in r.findall('categories/category')]
    assert categories == ['Education', 'Science', 'MedicalSoftware'], categories
    developer = r.find('developer')
    assert developer is not None and developer.get('id') == 'io.github.talusanatomy'
    assert developer.findtext('name') == 'Talus contributors'
    urls = {u.get('type'): u.text for u in r.findall('url')}
    assert urls.get('homepage') == 'https://github.com/talusanatomy/talus', urls
    rating = r.find('content_rating')
    assert rating is not None and rating.get('type') == 'oars-1.1'
    releases = r.findall('releases/release')
    assert releases and releases[0].get('version') == '0.1.0', 'first release is not 0.1.0'
    assert releases[0].get('date') == '2026-11-25', releases[0].get('date')
    description = ' '.join(''.join(p.itertext()) for p in untranslated(r, 'description')[0].iter()
                           if p.get(XML_LANG) is None and p.tag == 'p')
    for claim in ('offline', 'does not make a diagnosis'):
        assert claim in description, f'description does not say "{claim}"'


@tap.case('screenshots: captions and raw GitHub URLs of files in docs/screenshots/')
def screenshots():
    shots = root().findall('screenshots/screenshot')
    assert len(shots) >= 2, f'{len(shots)} screenshots'
    assert shots[0].get('type') == 'default', 'the first screenshot is not the default'
    missing = []
    for shot in shots:
        assert untranslated(shot, 'caption'), 'a screenshot has no caption'
        url = shot.findtext('image')
        assert url.startswith(RAW + 'docs/screenshots/') and url.endswith('.png'), url
        local = os.path.join(source_root, url[len(RAW):])
        if not os.path.isfile(local):
            missing.append(url[len(RAW):])
    assert not missing, 'screenshots named in the metainfo are not in the tree: ' + ', '.join(missing)


@tap.case('translated: Spanish summary and description merged from po/es.po')
def translated():
    r = root()
    summaries = {s.get(XML_LANG): s.text for s in r.findall('summary')}
    assert summaries.get('es') and summaries['es'] != summaries[None], \
        'no Spanish summary: the translation was not merged'
    spanish_paragraphs = [p for p in r.iter('p') if p.get(XML_LANG) == 'es']
    assert spanish_paragraphs, 'no Spanish description paragraphs'
    # The developer name is a proper name: marked translate="no", so never merged.
    assert all(n.get(XML_LANG) is None for n in r.findall('developer/name'))


sys.exit(tap.run())
