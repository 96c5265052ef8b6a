"""The core: loading, the schema, the rules, validation. Knows no reader."""
