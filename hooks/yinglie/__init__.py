"""yinglie: YAML records of martyrs, memorials, award notices and events, made into
a memorial website by MkDocs and Material for MkDocs.

Data flows one way: YAML (yamlsource, recordfile) -> checked records (schema, one
module per kind: martyrs, events, honors, memorials, memorialwork) -> the catalogue
(all records, ordered) -> generated pages and files (pages, opendata, search, feeds)
-> templates (theme/). `kinds.KINDS` lists the record kinds; `siteplan` makes the
whole site from it; `sitebuild.SiteBuild` holds one build's state for the MkDocs
hooks, and `session.Session` what one process keeps between builds. The layers, and
how to add a record kind, are in the README.
"""
