"""Fixes: apply the corrections rules attach to their findings.

A rule proposes (``validator.model.Fix``); this package disposes. ``text``
applies fixes to decoded text in a defined order over as many passes as needed;
``files`` writes a ``.txt``/``.md`` back in its own encoding and line endings,
atomically and only when something changed; ``docx`` writes a reviewed copy of
a Word report in which findings are comments and fixes tracked changes;
``command`` is what ``check --fix``, ``--diff`` and ``--annotate`` call.
"""
