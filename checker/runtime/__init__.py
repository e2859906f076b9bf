"""The run's machinery, beneath every stage: errors and exit codes, atomic writes, the
content-hash cache, work shared with forked workers, and what a large run keeps to its exit.

Takes nothing of the stages above it; gives them the means to run. Imports nothing of checker's
but :data:`checker.__version__`.
"""
