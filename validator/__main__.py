"""``python -m validator``: the same as the ``report-validator`` command."""

from validator.cli import run

if __name__ == "__main__":
    run()
