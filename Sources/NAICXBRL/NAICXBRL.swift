// The library as one import: every module's public declarations.
@_exported import NAICXBRLCore
@_exported import NAICXBRLXML
@_exported import NAICXBRLReading
@_exported import NAICXBRLTaxonomy
@_exported import NAICXBRLChecks
@_exported import NAICXBRLInstance
@_exported import NAICXBRLConversion
