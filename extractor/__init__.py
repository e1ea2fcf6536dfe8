"""plangraph: policy documents to a provenance-tracked RDF knowledge graph."""
__version__ = "0.1.0"
