"""Reading articles and drafts as prose: Markdown masked, sentences and quotations located,
speakers attributed, dates, numbers and yes/no statements read, and a draft's quotations looked
up in the case's source texts; the pre-publication check built on them.

Takes a draft's text and a validated case; gives a :class:`~checker.compare.report.Report` of
where the draft departs from its sources.
"""
