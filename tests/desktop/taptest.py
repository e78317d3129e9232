# taptest.py: a tiny TAP producer shared by the tests in tests/desktop/.
# SPDX-License-Identifier: GPL-3.0-or-later
import sys
import traceback


class Tap:
    """Collects named checks and prints them as TAP; exit status 1 when any failed."""

    def __init__(self):
        self.cases = []

    def case(self, name):
        """Decorator: register fn() as a check; it fails by raising (AssertionError or any other)."""
        def register(fn):
            self.cases.append((name, fn))
            return fn
        return register

    def run(self):
        print(f'1..{len(self.cases)}', flush=True)
        failed = 0
        for number, (name, fn) in enumerate(self.cases, 1):
            try:
                fn()
            except AssertionError as error:
                failed += 1
                print(f'not ok {number} {name}')
                for line in str(error).splitlines() or ['assertion failed']:
                    print(f'# {line}')
            except Exception:
                failed += 1
                print(f'not ok {number} {name}')
                for line in traceback.format_exc().splitlines():
                    print(f'# {line}')
            else:
                print(f'ok {number} {name}')
            sys.stdout.flush()
        return 1 if failed else 0
