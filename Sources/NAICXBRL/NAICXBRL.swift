// The library's public API: what an embedding program imports, and nothing else.
//
// Each declaration below is re-exported by name from the module that implements it; the rest of
// those modules (scanners, writers, the taxonomy's rules, the instance's numbering) is not part
// of the API and changes without notice. README ("Library API") and the DocC catalog list the
// same declarations.

// Reading a statement.
@_exported import enum NAICXBRLReading.StatementParser
@_exported import struct NAICXBRLReading.ParseResult

// Converting.
@_exported import enum NAICXBRLConversion.Converter
@_exported import struct NAICXBRLConversion.Conversion
@_exported import struct NAICXBRLConversion.InlineConversion
@_exported import struct NAICXBRLConversion.ConversionError
@_exported import struct NAICXBRLConversion.BatchConverter
@_exported import enum NAICXBRLInstance.ReportFormat

// Validating an instance.
@_exported import enum NAICXBRLConversion.TaxonomyRegistry
@_exported import class NAICXBRLXML.InstanceValidator
@_exported import struct NAICXBRLXML.SchemaCompileError
@_exported import enum NAICXBRLXML.InstanceBlank

// Importing an instance back into a statement.
@_exported import struct NAICXBRLInstance.FactImporter
@_exported import enum NAICXBRLInstance.TextRenderer
@_exported import enum NAICXBRLInstance.ReportImport

// Checking.
@_exported import struct NAICXBRLChecks.Checker
@_exported import struct NAICXBRLChecks.CheckReport
@_exported import struct NAICXBRLCore.CheckResult

// Writing the taxonomy.
@_exported import enum NAICXBRLTaxonomy.TaxonomyPackage
@_exported import enum NAICXBRLCore.ZipArchive

// The blank catalog.
@_exported import class NAICXBRLCore.BlankCatalog
@_exported import struct NAICXBRLCore.Blank

// The statement model.
@_exported import struct NAICXBRLCore.Statement
@_exported import struct NAICXBRLCore.Cover
@_exported import struct NAICXBRLCore.Page
@_exported import struct NAICXBRLCore.Row
@_exported import enum NAICXBRLCore.Cell
@_exported import struct NAICXBRLCore.Amount
@_exported import enum NAICXBRLCore.Scale
@_exported import struct NAICXBRLCore.Note
@_exported import struct NAICXBRLCore.Table
@_exported import struct NAICXBRLCore.TableRow
@_exported import struct NAICXBRLCore.Interrogatory
@_exported import enum NAICXBRLCore.Answer
@_exported import struct NAICXBRLCore.CalendarDate
@_exported import enum NAICXBRLCore.Period
@_exported import struct NAICXBRLCore.Fact

// Findings and limits.
@_exported import struct NAICXBRLCore.Diagnostic
@_exported import struct NAICXBRLCore.Findings
@_exported import struct NAICXBRLCore.Limits
