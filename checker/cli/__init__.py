"""The command line, the only place that imports typer, prints or picks an exit code: one
module per command (validate, compare, report, check-draft, baseline, schema), the options and
output targets they share, the project configuration, and the console script's launcher.

Takes argv; gives outputs and an exit code. Imports the stages a command needs when it runs, so
``checker --help`` stays fast.
"""
