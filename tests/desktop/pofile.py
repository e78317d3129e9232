# pofile.py: a small reader for the po files of po/, shared by the tests in tests/desktop/.
# SPDX-License-Identifier: GPL-3.0-or-later
import ast


def parse_po(path):
    """Entries of a po file as dicts: refs, flags, msgctxt, msgid, msgstr (list), obsolete."""
    entries, entry, field = [], None, None

    def flush():
        if entry is not None and 'msgid' in entry:
            entries.append(entry)

    with open(path, encoding='utf-8') as f:
        lines = f.read().splitlines()
    for line in lines + ['']:
        if not line.strip():
            flush()
            entry, field = None, None
            continue
        if entry is None:
            entry = {'refs': [], 'flags': set(), 'msgctxt': None, 'msgstr': [], 'obsolete': False}
        if line.startswith('#~'):
            entry['obsolete'] = True
            line = line[2:].strip()
            if not line:
                continue
        if line.startswith('#:'):
            entry['refs'] += [r.rsplit(':', 1)[0] for r in line[2:].split()]
        elif line.startswith('#,'):
            entry['flags'] |= {f.strip() for f in line[2:].split(',')}
        elif line.startswith('#'):
            continue
        elif line.startswith('"'):
            value = ast.literal_eval(line)  # a C-style string literal, as xgettext writes it
            if field == 'msgstr':
                entry['msgstr'][-1] += value
            else:
                entry[field] += value
        else:
            keyword, _, rest = line.partition(' ')
            value = ast.literal_eval(rest)
            if keyword.startswith('msgstr'):
                field = 'msgstr'
                entry['msgstr'].append(value)
            else:
                field = keyword
                entry[field] = value
    return entries
