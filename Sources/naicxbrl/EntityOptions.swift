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

/// The NAIC codes of a statement that does not print them (`parse`, `convert`, `check`).
struct EntityOptions: ParsableArguments {
    @Option(help: "The NAIC company code (five digits), for a statement that does not print it. A printed code that differs is an error.")
    var companyCode: String?

    @Option(help: "The NAIC group code, for a statement that does not print it.")
    var groupCode: String?

    /// The codes, checked; exit code 2 for a malformed one.
    func codes() throws -> EntityCodes {
        do {
            return try EntityCodes(companyCode: companyCode, groupCode: groupCode)
        } catch {
            throw ValidationError(error.message)
        }
    }
}
