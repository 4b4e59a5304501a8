import ArgumentParser
import Foundation
import NAICXBRL
import NAICXBRLCore
import NAICXBRLXML
import NAICXBRLReading
import NAICXBRLTaxonomy
import NAICXBRLChecks
import NAICXBRLInstance
import NAICXBRLConversion

/// How a statement is read (`parse`, `convert`, `check`): the NAIC codes of a statement that
/// does not print them, and OCR for pages whose text cannot be read.
struct EntityOptions: ParsableArguments {
    @Option(help: "The NAIC company code (five digits), for a statement that does not print it. A printed code that differs is an error.")
    var companyCode: String?

    @Option(help: "The NAIC group code, for a statement that does not print it.")
    var groupCode: String?

    @Flag(help: "Read a PDF's pages whose text layer is not text (fonts without a Unicode map) by OCR, with Tesseract (apt-get install tesseract-ocr). Each value so read is marked, and one the statement's arithmetic does not confirm is reported on its cell.")
    var ocr = false

    /// Fails with exit code 2 when `--ocr` is given and Tesseract or pdftoppm is missing.
    func checkOCRTools() throws {
        guard ocr else { return }
        do throws(PageOCR.Failure) {
            try PageOCR.checkTools()
        } catch {
            Output.report(.error, .arguments, file: nil, error.description)
            throw ToolExit.unusable.code
        }
    }

    /// The codes, checked; exit code 2 for a malformed one.
    func codes() throws -> EntityCodes {
        do {
            return try EntityCodes(companyCode: companyCode, groupCode: groupCode)
        } catch {
            throw ValidationError(error.message)
        }
    }
}
