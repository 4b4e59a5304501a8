import Foundation
import FuzzSupport
@_spi(Stages) import NAICXBRLStages

/// A folder of this process's own for the files the fuzzer names.
let folder: String = {
    let path = NSTemporaryDirectory() + "naicxbrl-fuzz-input-\(getpid())"
    mkdir(path, 0o700)
    return path
}()

/// libFuzzer entry point for the command line's input handling.
///
/// The first byte chooses how the rest is used; the rest is split at its first NUL into a file
/// name and contents. For any bytes:
/// - the name (made a single path component) is a file `InputFile` reads back exactly as
///   written, from a regular file or a named pipe;
/// - the contents, as UTF-8 and re-encoded as UTF-16 with either byte order mark, go through
///   blank recognition (`InstanceBlank`, an XML parse held to the markup limits);
/// - the name and contents as text are made safe for a terminal (no control character but
///   tab and line feed is left) and written into an instance (as the company's name), which
///   must be well-formed XML whatever they hold.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let bytes = fuzzBytes(data, size)
    guard let mode = bytes.first else { return 0 }
    let rest = bytes.dropFirst()
    let split = rest.firstIndex(of: 0) ?? rest.endIndex
    let nameBytes = Array(rest[..<split].prefix(200))
    let contents = Array(rest[split...].dropFirst())

    // A file name: one path component, never `.` or `..`, never empty.
    var component = String(decoding: nameBytes.map { $0 == UInt8(ascii: "/") ? UInt8(ascii: "_") : $0 }, as: UTF8.self)
    if component.isEmpty || component == "." || component == ".." { component = "_" + component }
    while component.utf8.count > 200 { component.removeLast() }
    let path = folder + "/" + component
    unlink(path)
    if mode & 0x03 == 0 {
        // A named pipe, filled by another thread as it is read.
        guard mkfifo(path, 0o600) == 0 else { return 0 }
        let writer = Thread {
            let descriptor = open(path, O_WRONLY)
            guard descriptor >= 0 else { return }
            contents.withUnsafeBytes { _ = write(descriptor, $0.baseAddress, $0.count) }
            close(descriptor)
        }
        writer.start()
    } else {
        guard FileManager.default.createFile(atPath: path, contents: Data(contents)) else { return 0 }
    }
    do {
        let read = try InputFile.read(path)
        if read != contents { fatalError("InputFile read \(read.count) bytes of \(contents.count)") }
    } catch {
        fatalError("InputFile could not read what was written: \(error)")
    }
    unlink(path)

    // Encodings.
    _ = InstanceBlank.recognize(contents)
    let text = String(decoding: contents, as: UTF8.self)
    if mode & 0x04 != 0 {
        _ = InstanceBlank.recognize([0xFF, 0xFE] + text.utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] })
        _ = InstanceBlank.recognize([0xFE, 0xFF] + text.utf16.flatMap { [UInt8($0 >> 8), UInt8($0 & 0xFF)] })
    }

    // Text to the terminal, and into XML.
    for shown in [component, text] {
        let safe = TerminalText.safe(shown)
        if safe.unicodeScalars.contains(where: { ($0.value < 0x20 && $0.value != 0x0A && $0.value != 0x09) || (0x7F...0x9F).contains($0.value) }) {
            fatalError("a control character reached the terminal")
        }
    }
    if mode & 0x08 != 0 {
        var cover = Cover()
        cover.companyName = text
        cover.companyCode = component
        cover.statementDate = CalendarDate(year: 2011, month: 6, day: 30)
        let statement = Statement(blank: referenceBlank.id, edition: referenceBlank.year, cover: cover)
        if let conversion = try? Converter.convert(statement, validate: false) {
            let imported = importer.importInstance(conversion.instance, name: "fuzz.xbrl")
            if imported.diagnostics.contains(where: { $0.code == .invalidXML }) {
                fatalError("convert wrote XML that is not well-formed: \(imported.diagnostics.prefix(3))")
            }
        }
    }
    return 0
}

/// The importer of the reference blank's instances, which the fuzzer writes and reads.
let importer = FactImporter(blank: referenceBlank)

/// libFuzzer's driver over the entry point (see Package.swift for why not libFuzzer's `main`).
@main
enum FuzzInputMain {
    static func main() { runFuzzerDriver(fuzzInput) }
}
