// The public API by name, for the documentation: each declaration re-exported in NAICXBRL.swift
// also has a type alias here, so the DocC catalog (whose symbol graph does not follow scoped
// re-exports) has a page for it. Both name the same type; nothing else is declared.

import struct NAICXBRLCore.Amount
import enum NAICXBRLCore.Answer
import struct NAICXBRLCore.Blank
import class NAICXBRLCore.BlankCatalog
import struct NAICXBRLCore.CalendarDate
import enum NAICXBRLCore.Cell
import struct NAICXBRLCore.CheckResult
import struct NAICXBRLCore.Cover
import struct NAICXBRLCore.Diagnostic
import struct NAICXBRLCore.Fact
import struct NAICXBRLCore.Findings
import struct NAICXBRLCore.Interrogatory
import struct NAICXBRLCore.Limits
import struct NAICXBRLCore.Note
import struct NAICXBRLCore.Page
import enum NAICXBRLCore.Period
import struct NAICXBRLCore.Row
import enum NAICXBRLCore.Scale
import struct NAICXBRLCore.Statement
import struct NAICXBRLCore.Table
import struct NAICXBRLCore.TableRow
import enum NAICXBRLCore.ZipArchive
import class NAICXBRLXML.InstanceValidator
import struct NAICXBRLXML.SchemaCompileError
import enum NAICXBRLXML.InstanceBlank
import enum NAICXBRLReading.StatementParser
import struct NAICXBRLReading.ParseResult
import enum NAICXBRLTaxonomy.TaxonomyPackage
import struct NAICXBRLChecks.Checker
import struct NAICXBRLChecks.CheckReport
import struct NAICXBRLInstance.FactImporter
import enum NAICXBRLInstance.TextRenderer
import enum NAICXBRLInstance.ReportImport
import enum NAICXBRLInstance.ReportFormat
import enum NAICXBRLConversion.Converter
import struct NAICXBRLConversion.Conversion
import struct NAICXBRLConversion.InlineConversion
import struct NAICXBRLConversion.ConversionError
import struct NAICXBRLConversion.BatchConverter
import enum NAICXBRLConversion.TaxonomyRegistry

// MARK: Reading a statement

/// Reads a statement (the tab-separated text rendering, `pdftotext -layout` text, or a filed
/// PDF) by its blank's description: `parse(fileAt:)`, `parse(bytes:name:)`, `parse(text:)`.
public typealias StatementParser = NAICXBRLReading.StatementParser

/// The outcome of reading a statement: the model, its diagnostics, where each row was printed
/// (`origins`), and whether the input could be read at all (`isUsable`).
public typealias ParseResult = NAICXBRLReading.ParseResult

// MARK: Converting

/// Converts a statement to an XBRL 2.1 instance (`convert`) or an Inline XBRL document
/// (`convertInline`), validating it against the blank's taxonomy.
public typealias Converter = NAICXBRLConversion.Converter

/// A statement converted to an XBRL instance: the bytes, the facts, the diagnostics of the
/// mapping and the validation's issues.
public typealias Conversion = NAICXBRLConversion.Conversion

/// A statement converted to Inline XBRL: the document, its diagnostics and validation.
public typealias InlineConversion = NAICXBRLConversion.InlineConversion

/// Converts many statements at once, one worker per job; a bad input is reported in its
/// summary line and the batch goes on.
public typealias BatchConverter = NAICXBRLConversion.BatchConverter

/// The Open Information Model's reports: xBRL-JSON, or xBRL-CSV in a report package.
public typealias ReportFormat = NAICXBRLInstance.ReportFormat

/// A statement that cannot be converted (an unknown blank, an unwritable instance).
public typealias ConversionError = NAICXBRLConversion.ConversionError

// MARK: Validating an instance

/// Each blank edition's taxonomy, generated once per process and loadable offline;
/// `validator(for:)` gives the instance validator of an edition.
public typealias TaxonomyRegistry = NAICXBRLConversion.TaxonomyRegistry

/// Validates instances against a compiled taxonomy, offline (`validate(_:documentName:)`).
public typealias InstanceValidator = NAICXBRLXML.InstanceValidator

/// The blank edition an instance names through its schema reference (`of(_:)`).
public typealias InstanceBlank = NAICXBRLXML.InstanceBlank

/// A schema set that could not be compiled; its issues say which document and line.
public typealias SchemaCompileError = NAICXBRLXML.SchemaCompileError

// MARK: Importing an instance

/// Reads an XBRL instance of a blank back into a statement (`importInstance(_:name:)`).
public typealias FactImporter = NAICXBRLInstance.FactImporter

/// Writes a statement as the tab-separated text rendering the reader reads.
public typealias TextRenderer = NAICXBRLInstance.TextRenderer

/// Imports a report in any form `convert` writes (XML instance, xBRL-JSON, xBRL-CSV package, or
/// loose xBRL-CSV metadata with its tables), told apart by its bytes (`read(_:name:beside:)`).
public typealias ReportImport = NAICXBRLInstance.ReportImport

// MARK: Checking

/// Evaluates a blank's crosschecks on a statement (`bundled(for:)`, then `check`).
public typealias Checker = NAICXBRLChecks.Checker

/// Everything a check run found: a summary and each rule's results.
public typealias CheckReport = NAICXBRLChecks.CheckReport

/// The outcome of one rule on one row or table, or of the rule as a whole.
public typealias CheckResult = NAICXBRLCore.CheckResult

// MARK: Writing the taxonomy

/// The taxonomy package of several blanks: `files(of:)`, `bundledBlanks`.
public typealias TaxonomyPackage = NAICXBRLTaxonomy.TaxonomyPackage

/// Writes a zip archive of stored entries, with a fixed timestamp (the taxonomy package's form).
public typealias ZipArchive = NAICXBRLCore.ZipArchive

// MARK: The blank catalog

/// The blanks and editions the library knows, bundled with it (`bundled`).
public typealias BlankCatalog = NAICXBRLCore.BlankCatalog

/// One edition of a blank: its pages, lines, columns, cover, notes and interrogatories; the one
/// description every stage reads. `named(_:year:)` finds one in the catalog.
public typealias Blank = NAICXBRLCore.Blank

// MARK: The statement model

/// A statement as printed: its cover, tabular pages, notes and interrogatories (values only;
/// `Codable`, `Sendable`).
public typealias Statement = NAICXBRLCore.Statement

/// The statement's cover page and jurat.
public typealias Cover = NAICXBRLCore.Cover

/// One tabular page or schedule of the blank.
public typealias Page = NAICXBRLCore.Page

/// One printed line of a tabular page.
public typealias Row = NAICXBRLCore.Row

/// One printed value: a table cell, an amount inside a caption, or an answer.
public typealias Cell = NAICXBRLCore.Cell

/// An exact decimal amount, in integer units and fraction digits; never floating point.
public typealias Amount = NAICXBRLCore.Amount

/// The scale a table's amounts are printed in.
public typealias Scale = NAICXBRLCore.Scale

/// A note to the financial statements.
public typealias Note = NAICXBRLCore.Note

/// A table inside a note or an interrogatory: printed headings and labelled rows.
public typealias Table = NAICXBRLCore.Table

/// A labelled row of a table; a row with no cells is a sub-heading.
public typealias TableRow = NAICXBRLCore.TableRow

/// One question of the general or supplemental interrogatories.
public typealias Interrogatory = NAICXBRLCore.Interrogatory

/// An interrogatory's answer as printed.
public typealias Answer = NAICXBRLCore.Answer

/// A calendar date as printed (no time zone, no time).
public typealias CalendarDate = NAICXBRLCore.CalendarDate

/// An XBRL period: an instant or a duration of whole days.
public typealias Period = NAICXBRLCore.Period

/// One XBRL fact: what it reports, when, along which dimensions.
public typealias Fact = NAICXBRLCore.Fact

// MARK: Findings and limits

/// A finding about the input (severity, code, file, line, message).
public typealias Diagnostic = NAICXBRLCore.Diagnostic

/// Everything found about one statement, each a diagnostic; what `convert --findings` writes.
public typealias Findings = NAICXBRLCore.Findings

/// The limits on resources that grow with the input, each set by an environment variable.
public typealias Limits = NAICXBRLCore.Limits
