package main

// version is what `netpol-oracle version` reports; the bootstrap rebuilds when it differs
// from toolchain/tools.json (bump both when the source or the Cyclonus pin changes).
const version = "v0.2.0-cyclonus-v0.5.6"
