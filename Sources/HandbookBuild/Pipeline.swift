/// Placeholder removed when the pipeline lands.
