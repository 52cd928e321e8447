"""The choices the library offers, in a module that imports nothing.

The command line builds its parser from these without importing the libraries behind them
(spaCy, rdflib, networkx, pyvis), so ``kg --help`` and every command start at once and each
command imports only what it runs.
"""

from kg.formats import NAMES as RDF_FORMAT_NAMES  # a table that imports nothing either

ROW_FORMATS = ("table", "csv", "tsv", "json")  # kg.query.format_rows
EXPORT_FORMATS = RDF_FORMAT_NAMES  # kg.export, from the one table in kg.formats
NETWORK_FORMATS = ("graphml", "gexf")  # kg.analysis.write_network
SIZE_BY = ("pagerank", "degree")  # kg.viz node sizes
SERVE_TIMEOUT = 30  # seconds a query may run before the server cancels it (kg.serve)
SERVE_WORKERS = 6  # query worker processes of kg serve (kg.serve)
QUERY_TIMEOUT = 30.0  # seconds a local kg query may run (kg.sandbox)
SPLITS = ("all", "tune", "holdout")  # kg.evaluate.split: a gold set's parts
