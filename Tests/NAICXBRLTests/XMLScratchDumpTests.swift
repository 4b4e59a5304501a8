import Foundation
@testable import NAICXBRL
import XCTest

final class XMLScratchDumpTests: XCTestCase {
    func testDump() throws {
        let url = "http://example.com/naicxbrl-tests/imports-passwd2.xsd"
        try XMLEnvironment.register(url: url, text: #"""
        <schema xmlns="http://www.w3.org/2001/XMLSchema" targetNamespace="http://example.com/a">
          <import namespace="http://example.com/b" schemaLocation="file:///etc/passwd"/>
          <import namespace="http://example.com/c" schemaLocation="c.xsd"/>
        </schema>
        """#)
        do { _ = try SchemaValidator(entryURL: url) } catch { print("MINE \(error)") }
        do { _ = try InstanceValidator(taxonomyEntryURL: url) } catch { print("MINE \(error)") }
        do { _ = try SchemaValidator(entryURL: "file:///etc/passwd") } catch { print("MINE \(error)") }
    }
}
