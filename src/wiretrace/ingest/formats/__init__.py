"""One module per input format; ``wiretrace.ingest.readers`` picks the format and walks folders."""
