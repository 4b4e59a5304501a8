import CLibXML2
import NAICXBRLCore

/// A thin wrapper over libxml2's streaming writer (`xmlTextWriter`) into memory.
///
/// libxml2 escapes text and attribute values; the output is deterministic for the same calls.
package final class XMLStreamWriter {
    private let buffer: xmlBufferPtr
    private let writer: xmlTextWriterPtr
    private var open = 0

    package init?(indent: Bool = true) {
        _ = XMLStreamWriter.initialized
        guard let buffer = xmlBufferCreate() else { return nil }
        guard let writer = xmlNewTextWriterMemory(buffer, 0) else {
            xmlBufferFree(buffer)
            return nil
        }
        self.buffer = buffer
        self.writer = writer
        if indent {
            xmlTextWriterSetIndent(writer, 1)
            xmlTextWriterSetIndentString(writer, "  ")
        }
        xmlTextWriterStartDocument(writer, "1.0", "UTF-8", nil)
    }

    private static let initialized: Bool = {
        xmlInitParser()
        return true
    }()

    deinit {
        xmlFreeTextWriter(writer)
        xmlBufferFree(buffer)
    }

    package func start(_ name: String) {
        xmlTextWriterStartElement(writer, name)
        open += 1
    }

    package func attribute(_ name: String, _ value: String) {
        xmlTextWriterWriteAttribute(writer, name, value)
    }

    func text(_ value: String) {
        xmlTextWriterWriteString(writer, value)
    }

    package func end() {
        xmlTextWriterEndElement(writer)
        open -= 1
    }

    /// `<name a="b">text</name>`, or an empty element when `text` is nil.
    func element(_ name: String, _ attributes: KeyValuePairs<String, String> = [:], text: String? = nil) {
        start(name)
        for (key, value) in attributes { attribute(key, value) }
        if let text { self.text(text) }
        end()
    }

    package func element(_ name: String, attributes: [(String, String)], text: String? = nil) {
        start(name)
        for (key, value) in attributes { attribute(key, value) }
        if let text { self.text(text) }
        end()
    }

    func comment(_ text: String) {
        xmlTextWriterWriteComment(writer, text)
    }

    /// Closes the document and returns its bytes.
    package func finish() -> [UInt8] {
        xmlTextWriterEndDocument(writer)
        xmlTextWriterFlush(writer)
        guard let content = xmlBufferContent(buffer) else { return [] }
        let length = Int(xmlBufferLength(buffer))
        return Array(UnsafeBufferPointer(start: content, count: length))
    }
}
