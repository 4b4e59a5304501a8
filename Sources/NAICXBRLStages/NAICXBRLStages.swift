// The implementation modules with their stage entry points (`@_spi(Stages)`), re-exported in one
// place for the project's own benchmarks and fuzzers: `@_spi(Stages) import
// NAICXBRLStages`. Nothing here is stable API; an embedding program imports `NAICXBRL`.
@_exported @_spi(Stages) import NAICXBRLCore
@_exported @_spi(Stages) import NAICXBRLXML
@_exported @_spi(Stages) import NAICXBRLReading
@_exported @_spi(Stages) import NAICXBRLTaxonomy
@_exported @_spi(Stages) import NAICXBRLChecks
@_exported @_spi(Stages) import NAICXBRLInstance
@_exported @_spi(Stages) import NAICXBRLConversion
