"""Load mlkata's grading plugin for every pytest run in this checkout."""

pytest_plugins = ["mlkata.pytest_plugin"]
