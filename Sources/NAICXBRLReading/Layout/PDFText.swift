import Foundation
@_spi(Stages) import NAICXBRLCore

/// Reads the words of a PDF, with their boxes, through poppler's `pdftotext`.
///
/// The PDF is handed to `pdftotext -bbox` on standard input and its word boxes are read back
/// from standard output; nothing is written to disk. The program is found on `PATH`, or at
/// the path in `NAICXBRL_PDFTOTEXT`. Debian and Ubuntu ship it in `poppler-utils`.
package enum PDFText {
    package enum Failure: Error, CustomStringConvertible, Equatable {
        /// `pdftotext` is not installed.
        case toolMissing
        /// `pdftotext` could not read the file.
        case unreadable(String)

        package var description: String {
            switch self {
            case .toolMissing:
                return "reading a PDF needs pdftotext from poppler (Debian/Ubuntu: apt-get install poppler-utils; or set NAICXBRL_PDFTOTEXT to its path)"
            case .unreadable(let reason):
                return "pdftotext could not read the PDF: \(reason)"
            }
        }
    }

    /// Whether the bytes are a PDF file.
    package static func isPDF(_ bytes: [UInt8]) -> Bool {
        // The header may follow a few bytes of junk; readers look in the first kilobyte.
        let head = bytes.prefix(1024)
        let magic: [UInt8] = Array("%PDF-".utf8)
        guard head.count >= magic.count else { return false }
        for start in head.indices where start + magic.count <= head.endIndex {
            if head[start..<start + magic.count].elementsEqual(magic) { return true }
        }
        return false
    }


    /// The path of `pdftotext`, or nil when it is not installed.
    package static func toolPath() -> String? {
        let environment = ProcessInfo.processInfo.environment
        if let path = environment["NAICXBRL_PDFTOTEXT"], !path.isEmpty {
            return FileManager.default.isExecutableFile(atPath: path) ? path : nil
        }
        return ChildProcess.find("pdftotext")
    }

    /// The positioned words of each page of the PDF.
    ///
    /// At most ``Limits/pdfPages`` pages are read: `pdftotext` is asked for one more, and a
    /// PDF that has it is refused. Its text is read up to ``Limits/pdfTextBytes``; past that
    /// `pdftotext` is stopped and the PDF refused, so a small PDF whose pages share one large
    /// text stream costs no more than the limit.
    ///
    /// With `parts` above 1 (a single conversion on a machine with several cores), the pages are
    /// split into that many ranges, each read by a `pdftotext` of its own at the same time:
    /// extraction, nearly all of a PDF's conversion time, then takes about 1/`parts` as long. A
    /// batch converts one PDF per job and reads each in one part. The page count comes from
    /// poppler's `pdfinfo`; without it, or for a short PDF, the file is read in one part.
    ///
    /// Every `pdftotext` (and `pdfinfo`) is stopped at `deadline` when one is given (a server
    /// passes the instant its request's time limit ends); without one, each is stopped
    /// `NAICXBRL_PDFTOTEXT_TIMEOUT` seconds (default 120) after it starts.
    package static func document(pdf bytes: [UInt8], name: String, limits: Limits = .current, parts: Int = 1,
                                deadline: DispatchTime? = nil) throws(Failure) -> PositionedDocument {
        if parts > 1, let count = pageCount(bytes, deadline: deadline), count >= 8 * parts {
            if count > limits.pdfPages {
                throw .unreadable("the PDF has more than \(limits.pdfPages) pages (NAICXBRL_MAX_PDF_PAGES sets the limit)")
            }
            let ranges = (0..<parts).map { part in (count * part / parts + 1)...(count * (part + 1) / parts) }
            return try document(pdf: bytes, name: name, ranges: ranges, limits: limits, concurrently: parts, deadline: deadline)
        }
        let output = try run(bytes, limits: limits, deadline: deadline)
        let pages = pages(fromBoundingBoxes: output)
        if pages.count > limits.pdfPages {
            throw .unreadable("the PDF has more than \(limits.pdfPages) pages (NAICXBRL_MAX_PDF_PAGES sets the limit)")
        }
        return PositionedDocument(name: name, source: .pdf, pages: pages)
    }

    /// The positioned words of the pages in `ranges` (ascending, not overlapping), each range read
    /// by a `pdftotext` of its own, `concurrently` at once; each may write its share of
    /// ``Limits/pdfTextBytes``.
    package static func document(pdf bytes: [UInt8], name: String, ranges: [ClosedRange<Int>], limits: Limits = .current,
                                 concurrently: Int, deadline: DispatchTime? = nil) throws(Failure) -> PositionedDocument {
        let ranges = balanced(ranges, parts: concurrently)
        var divided = limits
        divided.pdfTextBytes = max(1, limits.pdfTextBytes / max(1, min(ranges.count, concurrently)))
        let partLimits = divided
        let results = ranges.map { _ in PartResult() }
        // Threads of their own: each waits on its pdftotext, and the time limit's watchdog and
        // the pipe readers need the shared dispatch queues free.
        let slots = DispatchSemaphore(value: max(1, concurrently))
        let done = DispatchSemaphore(value: 0)
        for part in ranges.indices {
            slots.wait()
            let thread = Thread {
                do throws(Failure) {
                    results[part].output = try run(bytes, limits: partLimits, pages: ranges[part], deadline: deadline)
                } catch {
                    results[part].failure = error
                }
                slots.signal()
                done.signal()
            }
            thread.start()
        }
        for _ in ranges { done.wait() }
        var pages: [PositionedPage] = []
        for (part, result) in results.enumerated() {
            if let failure = result.failure { throw failure }
            pages += self.pages(fromBoundingBoxes: result.output, firstPage: ranges[part].lowerBound)
        }
        return PositionedDocument(name: name, source: .pdf, pages: pages)
    }

    /// `ranges` with each cut into pieces of at most an even share of their pages, so that
    /// `parts` readers at once finish together: the pages an outline names run mostly in one range
    /// (1 to 140 and 149 to 156 of Forethought 2025's 156), which one reader alone would take.
    static func balanced(_ ranges: [ClosedRange<Int>], parts: Int) -> [ClosedRange<Int>] {
        guard parts > 1 else { return ranges }
        let total = ranges.reduce(0) { $0 + $1.count }
        let share = max(1, (total + parts - 1) / parts)
        return ranges.flatMap { range in
            stride(from: range.lowerBound, through: range.upperBound, by: share).map { $0...min($0 + share - 1, range.upperBound) }
        }
    }

    private final class PartResult: @unchecked Sendable {
        var output: [UInt8] = []
        var failure: Failure?
    }

    /// The PDF's page count from poppler's `pdfinfo` (beside `pdftotext`), or nil. `pdfinfo` is
    /// stopped after 10 s, or at `deadline` if that comes first.
    static func pageCount(_ input: [UInt8], deadline: DispatchTime? = nil) -> Int? {
        guard let tool = toolPath() else { return nil }
        let info = (tool as NSString).deletingLastPathComponent + "/pdfinfo"
        guard FileManager.default.isExecutableFile(atPath: info),
              let outcome = try? ChildProcess.run(info, ["-"], input: input, deadline: min(.now() + 10, deadline ?? .distantFuture),
                                                  outputLimit: 1 << 20),
              outcome.status == 0, !outcome.timedOut else { return nil }
        let output = outcome.output
        for line in String(decoding: output, as: UTF8.self).split(separator: "\n") where line.hasPrefix("Pages:") {
            return Int(line.dropFirst(6).trimmingCharacters(in: .whitespaces))
        }
        return nil
    }

    private static func run(_ input: [UInt8], limits: Limits, pages: ClosedRange<Int>? = nil, deadline: DispatchTime? = nil) throws(Failure) -> [UInt8] {
        guard let tool = toolPath() else { throw .toolMissing }
        let limit: String
        if let deadline {
            limit = "by the time limit"
            if deadline <= .now() { throw .unreadable("the time limit ended before pdftotext started") }
        } else {
            limit = "within \(String(format: "%g", timeoutSeconds)) s (NAICXBRL_PDFTOTEXT_TIMEOUT sets the limit)"
        }
        let range = pages.map { ["-f", String($0.lowerBound), "-l", String($0.upperBound)] } ?? ["-l", String(limits.pdfPages + 1)]
        // A PDF that makes pdftotext run on is stopped, so a batch never hangs on one file.
        let outcome: ChildProcess.Outcome
        do {
            outcome = try ChildProcess.run(tool, ["-bbox", "-enc", "UTF-8", "-q"] + range + ["-", "-"], input: input,
                                           deadline: deadline ?? .now() + timeoutSeconds, outputLimit: limits.pdfTextBytes)
        } catch {
            throw .unreadable("could not start \(tool): \(error.localizedDescription)")
        }
        if outcome.tooLong {
            throw .unreadable("the PDF's text is longer than \(limits.pdfTextBytes) bytes (NAICXBRL_MAX_PDF_TEXT_BYTES sets the limit)")
        }
        if outcome.timedOut {
            throw .unreadable("pdftotext did not finish \(limit)")
        }
        guard outcome.status == 0 else {
            // pdftotext's exit codes: 1 the PDF cannot be opened, 3 its permissions forbid
            // copying text, 99 any other error (a damaged file).
            let reasons: [Int32: String] = [1: "the PDF cannot be opened (damaged, or not a PDF)", 3: "the PDF's permissions forbid copying its text",
                                            99: "the PDF is damaged"]
            var reason = reasons[outcome.status] ?? "exit status \(outcome.status)"
            if outcome.status == 1, isEncrypted(input) { reason = "the PDF is protected by a password" }
            throw .unreadable(outcome.errors.isEmpty ? reason : String(outcome.errors.prefix(200)))
        }
        return outcome.output
    }

    /// Seconds a `pdftotext` may run when no deadline is given: `NAICXBRL_PDFTOTEXT_TIMEOUT`.
    private static var timeoutSeconds: Double {
        ProcessInfo.processInfo.environment["NAICXBRL_PDFTOTEXT_TIMEOUT"].flatMap(Double.init) ?? 120
    }

    /// Whether the PDF's trailer names an encryption dictionary (`/Encrypt`): a PDF that
    /// cannot be opened without a password.
    static func isEncrypted(_ bytes: [UInt8]) -> Bool {
        let key = Array("/Encrypt".utf8)
        return bytes.withUnsafeBufferPointer { buffer in key.withUnsafeBufferPointer { Text.contains(buffer, $0) } }
    }

    /// The largest coordinate a word may have, in points: PDF pages are at most 14,400 points a
    /// side, and a scale of 1 to 10 is left for user units.
    static let maximumCoordinate = 144_000.0

    /// Reads the XHTML `pdftotext -bbox` writes: `<page>` elements holding
    /// `<word xMin= yMin= xMax= yMax=>text</word>`. A byte scanner: the output of a 150-page
    /// statement is about 11 MB.
    static func pages(fromBoundingBoxes output: [UInt8], firstPage: Int = 1) -> [PositionedPage] {
        var pages: [PositionedPage] = []
        var words: [PositionedWord] = []
        var inPage = false
        output.withUnsafeBufferPointer { bytes in
            let count = bytes.count
            var i = 0
            func startsWith(_ literal: StaticString, at index: Int) -> Bool {
                let length = literal.utf8CodeUnitCount
                guard index + length <= count else { return false }
                let pointer = literal.utf8Start
                for k in 0..<length where bytes[index + k] != pointer[k] { return false }
                return true
            }
            /// The number after `name="` within the tag that ends at `end`.
            func number(_ name: StaticString, from start: Int, to end: Int) -> Double? {
                var j = start
                while j < end {
                    if startsWith(name, at: j) {
                        var k = j + name.utf8CodeUnitCount
                        var text = ""
                        while k < end, bytes[k] != UInt8(ascii: "\"") {
                            text.unicodeScalars.append(Unicode.Scalar(bytes[k]))
                            k += 1
                        }
                        // A coordinate is a finite number within the largest page PDF allows
                        // (a degenerate matrix prints "nan" or "inf").
                        guard let value = Double(text), value.isFinite, abs(value) <= maximumCoordinate else { return nil }
                        return value
                    }
                    j += 1
                }
                return nil
            }
            while i < count {
                guard bytes[i] == UInt8(ascii: "<") else { i += 1; continue }
                if startsWith("<word ", at: i), inPage {
                    var close = i
                    while close < count, bytes[close] != UInt8(ascii: ">") { close += 1 }
                    var end = close + 1
                    while end < count, bytes[end] != UInt8(ascii: "<") { end += 1 }
                    let content = unescape(String(decoding: UnsafeBufferPointer(rebasing: bytes[min(close + 1, count)..<end]), as: UTF8.self)[...])
                    if let x0 = number("xMin=\"", from: i, to: close), let y0 = number("yMin=\"", from: i, to: close),
                       let x1 = number("xMax=\"", from: i, to: close), let y1 = number("yMax=\"", from: i, to: close), !content.isEmpty {
                        words.append(PositionedWord(text: content, x0: x0, x1: x1, y0: y0, y1: y1))
                    }
                    i = end
                } else if startsWith("<page", at: i), i + 5 < count, bytes[i + 5] == UInt8(ascii: " ") || bytes[i + 5] == UInt8(ascii: ">") {
                    inPage = true
                    words = []
                    i += 5
                } else if startsWith("</page>", at: i) {
                    if inPage {
                        pages.append(PositionedPage(number: firstPage + pages.count, lines: PositionedDocument.lines(of: words)))
                    }
                    inPage = false
                    i += 7
                } else {
                    i += 1
                }
            }
        }
        return pages
    }

    private static func unescape(_ text: Substring) -> String {
        guard text.contains("&") else { return String(text) }
        return text.replacingOccurrences(of: "&lt;", with: "<")
            .replacingOccurrences(of: "&gt;", with: ">")
            .replacingOccurrences(of: "&quot;", with: "\"")
            .replacingOccurrences(of: "&apos;", with: "'")
            .replacingOccurrences(of: "&#39;", with: "'")
            .replacingOccurrences(of: "&amp;", with: "&")
    }
}
