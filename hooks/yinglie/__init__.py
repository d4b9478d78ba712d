"""yinglie: YAML records of martyrs, memorials, award notices and events, made into
a memorial website by MkDocs and Material for MkDocs.

Data flows one way: YAML (yamlsource) -> checked records (schema, martyrs) ->
catalogue (all records, ordered) -> generated pages (pages, opendata) -> templates
(theme/). `site.SiteBuild` holds one build's state for the MkDocs hooks.
"""
