import Foundation
import NAICXBRLCore

/// Reads the words of a page whose text layer is not text by optical character recognition:
/// the page is rendered by poppler's `pdftoppm` and each word is read by Tesseract.
///
/// The text layer still says where every word is (its glyphs have their widths; only their
/// characters are wrong), so nothing is read from the page as a whole: each word's box is cut
/// out of the rendering and recognized on its own, and the page keeps the text layer's geometry.
/// The layout reader then reads the page as it reads any other, under its column headings and
/// line numbers, with its captions checked against the blank's.
///
/// Dot leaders (a word of one character repeated five times or more) are not read: the layout reader drops them
/// anyway, and a whole-page reading runs them into the amounts beside them. Every word is read
/// once as text; a word read with a digit in it, or read as nothing, and that is not an amount
/// as read, is read again with only the characters of an amount allowed (`0`-`9` `,` `.` `(` `)`
/// `-` `$`), which keeps `0` from being read as `O` and leader dots out of the amount. An amount's commas are put back where its digits say (a comma Tesseract drops
/// or doubles changes no digit); its digits are as read, and the page's arithmetic decides
/// whether they are right (``OCRReview``).
///
/// Word images are stacked one per row into a few tall images, each read by one `tesseract`
/// (one per core at once), so a page costs a few program starts, not one per word.
///
/// What OCR reads then teaches the page's own cipher (``GlyphMap``): a font without a Unicode
/// map still writes each glyph as one and the same character, so the characters of the words OCR
/// read whole say what each of the font's characters is, and every word whose characters are all
/// known that way is decoded exactly, whatever OCR made of it.
package enum PageOCR {
    package enum Failure: Error, CustomStringConvertible, Equatable {
        /// `tesseract` or `pdftoppm` is not installed.
        case toolMissing(String)
        /// A tool failed on the page.
        case failed(page: Int, String)

        package var description: String {
            switch self {
            case .toolMissing(let tool):
                return "--ocr needs \(tool) (Debian/Ubuntu: apt-get install \(tool == "tesseract" ? "tesseract-ocr tesseract-ocr-eng" : "poppler-utils")\(tool == "tesseract" ? "; or set NAICXBRL_TESSERACT to its path" : ""))"
            case .failed(let page, let reason):
                return "page \(page) could not be read by OCR: \(reason)"
            }
        }
    }

    /// Dots per inch of the rendering: 8-point digits are about 30 pixels high.
    static let resolution = 400.0
    /// Pixels of white around each word's box, and between stacked words.
    static let padding = 1
    static let gap = 24
    /// Tesseract refuses images taller than 32,767 pixels; a stack stays well under.
    static let stackHeight = 24_000
    static let stackWords = 160
    static let amountCharacters = "0123456789,.()-$"

    /// The path of `tesseract`: `NAICXBRL_TESSERACT`, or `PATH`.
    package static func tesseractPath() -> String? {
        if let path = ProcessInfo.processInfo.environment["NAICXBRL_TESSERACT"], !path.isEmpty {
            return FileManager.default.isExecutableFile(atPath: path) ? path : nil
        }
        return ChildProcess.find("tesseract")
    }

    /// The path of `pdftoppm`: beside `pdftotext`, or on `PATH`.
    static func pdftoppmPath() -> String? {
        if let text = PDFText.toolPath() {
            let beside = (text as NSString).deletingLastPathComponent + "/pdftoppm"
            if FileManager.default.isExecutableFile(atPath: beside) { return beside }
        }
        return ChildProcess.find("pdftoppm")
    }

    /// Fails when a tool OCR needs is missing.
    package static func checkTools() throws(Failure) {
        guard tesseractPath() != nil else { throw .toolMissing("tesseract") }
        guard pdftoppmPath() != nil else { throw .toolMissing("pdftoppm") }
    }

    /// The page's rendering, for ``read(_:image:lines:deadline:)``.
    package static func image(of page: PositionedPage, pdf: [UInt8], deadline: DispatchTime) throws(Failure) -> GrayImage {
        guard let pdftoppm = pdftoppmPath() else { throw .toolMissing("pdftoppm") }
        return try render(page.number, pdf: pdf, tool: pdftoppm, deadline: deadline)
    }

    /// The page's first `lines` lines (all without a number) read from its rendering, each word's
    /// text as recognized; words read as nothing are left out.
    package static func read(_ page: PositionedPage, image: GrayImage, lines: Int? = nil, deadline: DispatchTime) throws(Failure) -> PositionedPage {
        guard let tesseract = tesseractPath() else { throw .toolMissing("tesseract") }
        var page = page
        if let lines { page.lines = Array(page.lines.prefix(lines)) }
        return try read(page, image: image, tool: tesseract, deadline: deadline)
    }

    private static func read(_ page: PositionedPage, image: GrayImage, tool tesseract: String, deadline: DispatchTime) throws(Failure) -> PositionedPage {
        let words = page.lines.flatMap(\.words).filter { !isLeader($0.text) }
        let scale = resolution / 72
        let boxes = words.map { word in
            Box(x0: max(0, Int(word.x0 * scale) - padding), x1: min(image.width, Int((word.x1 * scale).rounded(.up)) + padding),
                y0: max(0, Int(word.y0 * scale) - padding), y1: min(image.height, Int((word.y1 * scale).rounded(.up)) + padding))
        }
        let asText = try recognize(boxes, in: image, page: page.number, tool: tesseract, allowed: nil, deadline: deadline)
        var texts = asText
        for index in texts.indices { if let number = amount(texts[index]) { texts[index] = number } }
        let again = asText.indices.filter { (asText[$0].isEmpty || asText[$0].contains(where: \.isNumber)) && amount(asText[$0]) == nil }
        let asAmounts = try recognize(again.map { boxes[$0] }, in: image, page: page.number, tool: tesseract,
                                      allowed: amountCharacters, deadline: deadline)
        // Read as text, a small period survives ("4.1", "3."); read as an amount, a `0` is never
        // an `O`. The text reading stands when it is an amount as it is.
        for (position, index) in again.enumerated() {
            if let number = amount(asAmounts[position]) { texts[index] = number }
        }
        texts = GlyphMap.decode(words.map(\.text), read: texts)
        var read: [PositionedWord] = []
        for (index, word) in words.enumerated() where !texts[index].isEmpty {
            var word = word
            word.text = texts[index]
            read.append(word)
        }
        return PositionedPage(number: page.number, lines: PositionedDocument.lines(of: read))
    }

    /// A dot leader: one character printed five times or more, whatever the font maps it to (an
    /// amount never prints one digit five times without a comma; "111" is an amount).
    static func isLeader(_ text: String) -> Bool {
        guard let first = text.unicodeScalars.first else { return true }
        return text.unicodeScalars.count >= leaderRun && text.unicodeScalars.allSatisfy { $0 == first }
    }

    static let leaderRun = 5

    /// An amount or line number as read with amount characters only, tidied: rules and leader
    /// dots at its ends dropped, commas put where its digits say, a parenthesis closed. Nil when
    /// the text is not an amount.
    static func amount(_ raw: String) -> String? {
        var text = Substring(raw)
        while let first = text.first, ".,|'".contains(first) { text = text.dropFirst() }
        while let last = text.last, "|',".contains(last) { text = text.dropLast() }
        guard !text.isEmpty else { return nil }
        let scalars = Array(text.unicodeScalars)
        // A line number or a plain number: "4.1", "24.01", "1.", "2501".
        if scalars.allSatisfy({ ("0"..."9").contains($0) || $0 == "." }), scalars.first != ".",
           !text.contains("..") {
            return String(text)
        }
        var rest = text
        var open = false
        var minus = false
        var dollar = false
        if rest.first == "(" { open = true; rest = rest.dropFirst() } else if rest.first == "-" { minus = true; rest = rest.dropFirst() }
        if rest.first == "$" { dollar = true; rest = rest.dropFirst() }
        // A closing parenthesis alone ends a cross-reference ("Line 10)"), not an amount.
        if rest.last == ")" {
            guard open else { return nil }
            rest = rest.dropLast()
        }
        var fraction = Substring("")
        if let dot = rest.lastIndex(of: "."), rest[rest.index(after: dot)...].allSatisfy(\.isNumber), rest.distance(from: dot, to: rest.endIndex) <= 3 {
            fraction = rest[dot...]
            rest = rest[..<dot]
        }
        guard let first = rest.first, first.isNumber, rest.allSatisfy({ $0.isNumber || $0 == "," }) else { return nil }
        var integer = rest.filter(\.isNumber)
        if rest.contains(",") {
            var grouped = ""
            for (offset, digit) in integer.enumerated() {
                if offset > 0, (integer.count - offset) % 3 == 0 { grouped.append(",") }
                grouped.append(digit)
            }
            integer = grouped
        }
        let body = (dollar ? "$" : "") + integer + fraction
        if open { return "(" + body + ")" }
        return (minus ? "-" : "") + body
    }

    struct Box {
        var x0: Int, x1: Int, y0: Int, y1: Int
        var width: Int { max(0, x1 - x0) }
        var height: Int { max(0, y1 - y0) }
    }

    package struct GrayImage: Sendable {
        var width: Int
        var height: Int
        var pixels: [UInt8]
    }

    /// The page as `pdftoppm -gray` writes it: a binary PGM (`P5`).
    static func render(_ number: Int, pdf: [UInt8], tool: String, deadline: DispatchTime) throws(Failure) -> GrayImage {
        let dpi = String(Int(resolution))
        let outcome: ChildProcess.Outcome
        do {
            outcome = try ChildProcess.run(tool, ["-f", String(number), "-l", String(number), "-r", dpi, "-gray", "-"],
                                           input: pdf, deadline: deadline, outputLimit: 400 << 20)
        } catch {
            throw .failed(page: number, "could not start \(tool): \(error.localizedDescription)")
        }
        if outcome.timedOut { throw .failed(page: number, "pdftoppm did not finish by the time limit") }
        if outcome.tooLong { throw .failed(page: number, "the page's image is larger than 400 MB") }
        guard outcome.status == 0 else { throw .failed(page: number, "pdftoppm: \(outcome.errors.isEmpty ? "exit status \(outcome.status)" : String(outcome.errors.prefix(200)))") }
        guard let image = pgm(outcome.output) else { throw .failed(page: number, "pdftoppm did not write a grayscale image") }
        return image
    }

    /// Reads a binary PGM: `P5`, width, height, maximum value 255, then the pixels.
    static func pgm(_ bytes: [UInt8]) -> GrayImage? {
        var index = 0
        func token() -> Int? {
            while index < bytes.count {
                if bytes[index] == UInt8(ascii: "#") {
                    while index < bytes.count, bytes[index] != 0x0A { index += 1 }
                } else if bytes[index] == 0x20 || bytes[index] == 0x0A || bytes[index] == 0x0D || bytes[index] == 0x09 {
                    index += 1
                } else {
                    break
                }
            }
            var value = 0
            var digits = 0
            while index < bytes.count, (0x30...0x39).contains(bytes[index]), digits < 9 {
                value = value * 10 + Int(bytes[index] - 0x30)
                index += 1
                digits += 1
            }
            return digits > 0 ? value : nil
        }
        guard bytes.count > 2, bytes[0] == UInt8(ascii: "P"), bytes[1] == UInt8(ascii: "5") else { return nil }
        index = 2
        guard let width = token(), let height = token(), let maximum = token(), maximum == 255, width > 0, height > 0 else { return nil }
        index += 1
        guard bytes.count - index >= width * height else { return nil }
        return GrayImage(width: width, height: height, pixels: Array(bytes[index..<(index + width * height)]))
    }

    /// The text Tesseract reads in each box ("" where it reads nothing).
    static func recognize(_ boxes: [Box], in image: GrayImage, page: Int, tool: String, allowed: String?,
                          deadline: DispatchTime) throws(Failure) -> [String] {
        guard !boxes.isEmpty else { return [] }
        // Stacks of words, each read by one tesseract.
        var stacks: [Range<Int>] = []
        var start = 0
        var height = gap
        for (index, box) in boxes.enumerated() {
            if index > start, height + box.height + gap > stackHeight || index - start >= stackWords {
                stacks.append(start..<index)
                start = index
                height = gap
            }
            height += box.height + gap
        }
        stacks.append(start..<boxes.count)
        let results = stacks.map { _ in StackResult() }
        let ranges = stacks
        DispatchQueue.concurrentPerform(iterations: stacks.count) { stack in
            do throws(StackFailure) {
                results[stack].texts = try read(stack: ranges[stack], boxes: boxes, image: image, tool: tool, allowed: allowed, deadline: deadline)
            } catch {
                results[stack].failure = error.description
            }
        }
        var texts: [String] = []
        for result in results {
            if let failure = result.failure { throw .failed(page: page, failure) }
            texts += result.texts
        }
        return texts
    }

    private final class StackResult: @unchecked Sendable {
        var texts: [String] = []
        var failure: String?
    }

    private struct StackFailure: Error {
        var description: String
    }

    private static func read(stack: Range<Int>, boxes: [Box], image: GrayImage, tool: String, allowed: String?,
                             deadline: DispatchTime) throws(StackFailure) -> [String] {
        let width = (boxes[stack].map(\.width).max() ?? 1) + 2 * gap
        var rows: [Range<Int>] = []
        var height = gap
        for box in boxes[stack] {
            rows.append(height..<(height + box.height))
            height += box.height + gap
        }
        var pixels = [UInt8](repeating: 255, count: width * height)
        for (position, box) in boxes[stack].enumerated() {
            for y in 0..<box.height {
                let from = (box.y0 + y) * image.width + box.x0
                let to = (rows[position].lowerBound + y) * width + gap
                pixels.replaceSubrange(to..<(to + box.width), with: image.pixels[from..<(from + box.width)])
            }
        }
        let input = Array("P5\n\(width) \(height)\n255\n".utf8) + pixels
        var arguments = ["stdin", "stdout", "--psm", "6"]
        if let allowed { arguments += ["-c", "tessedit_char_whitelist=\(allowed)"] }
        arguments.append("tsv")
        let outcome: ChildProcess.Outcome
        do {
            outcome = try ChildProcess.run(tool, arguments, input: input, environment: ["OMP_THREAD_LIMIT": "1"],
                                           deadline: deadline, outputLimit: 64 << 20)
        } catch {
            throw StackFailure(description: "could not start \(tool): \(error.localizedDescription)")
        }
        if outcome.timedOut { throw StackFailure(description: "tesseract did not finish by the time limit") }
        guard outcome.status == 0, !outcome.tooLong else {
            throw StackFailure(description: "tesseract: \(outcome.errors.isEmpty ? "exit status \(outcome.status)" : String(outcome.errors.prefix(200)))")
        }
        // TSV: level, page, block, paragraph, line, word, left, top, width, height, confidence, text.
        var texts = [String](repeating: "", count: stack.count)
        for line in String(decoding: outcome.output, as: UTF8.self).split(separator: "\n").dropFirst() {
            let fields = line.split(separator: "\t", omittingEmptySubsequences: false)
            guard fields.count >= 12, fields[0] == "5", let top = Int(fields[7]), let tall = Int(fields[9]) else { continue }
            let text = fields[11].trimmingCharacters(in: .whitespaces)
            guard !text.isEmpty else { continue }
            let center = top + tall / 2
            if let row = rows.firstIndex(where: { $0.lowerBound - gap / 2 <= center && center < $0.upperBound + gap / 2 }) {
                texts[row] += text
            }
        }
        return texts
    }
}

/// The characters a font without a Unicode map writes, learned from what OCR reads.
///
/// Such a font extracts each glyph as one and the same character ("Continued" as "'SRXMRYIH",
/// each digit as one control character), so it is a substitution: where OCR reads a word with as
/// many characters as its text layer has, each pair (extracted, read) is a vote. A character
/// whose votes agree (at least three, four in five the same) is known; a word whose characters
/// are all known is decoded, which corrects what OCR misread in it (an 8 for a 3 on one amount is
/// outvoted by the same glyph read right on every other). A character with split votes (two fonts
/// of the page using it for different letters) stays unknown, and its words keep their OCR text.
/// A word OCR reads as its text layer has it (the running header, in a font with a map) neither
/// votes nor is decoded.
enum GlyphMap {
    static func decode(_ extracted: [String], read: [String]) -> [String] {
        var votes: [Unicode.Scalar: [Character: Int]] = [:]
        for (text, recognized) in zip(extracted, read) {
            // A word OCR reads as its text layer has it is in a font with a map: not the cipher's.
            guard text != recognized else { continue }
            let scalars = core(Array(text.unicodeScalars)), characters = Array(recognized)
            // A dot leader glued to the amount is not read as such: the amount is compared
            // with the end of what OCR read, a stray sign in front of it aside.
            let aligned = scalars.count < text.unicodeScalars.count ? characters.suffix(scalars.count) : characters[...]
            guard scalars.count == aligned.count, scalars.count >= 2 else { continue }
            for (scalar, character) in zip(scalars, aligned) { votes[scalar, default: [:]][character, default: 0] += 1 }
        }
        var known: [Unicode.Scalar: Character] = [:]
        for (scalar, counts) in votes {
            let total = counts.values.reduce(0, +)
            if let best = counts.max(by: { ($0.value, $1.key) < ($1.value, $0.key) }), best.value >= 3, best.value * 5 >= total * 4 {
                known[scalar] = best.key
            }
        }
        return zip(extracted, read).map { text, recognized in
            if text == recognized { return recognized }
            let scalars = Array(text.unicodeScalars)
            let rest = core(scalars)
            // The leader glued before an amount is written as dots, as many as it has: the reader
            // drops them, and places the amount by where it stands in the word.
            var decoded = String(repeating: ".", count: scalars.count - rest.count)
            for scalar in rest {
                guard let character = known[scalar] else { return recognized }
                decoded.append(character)
            }
            return rest.isEmpty ? recognized : decoded
        }
    }

    /// A word without the dot leader glued before it: a run of five or more of one character
    /// (``PageOCR/isLeader(_:)``; "111,263" keeps its 1s).
    static func core(_ scalars: [Unicode.Scalar]) -> ArraySlice<Unicode.Scalar> {
        guard let first = scalars.first else { return [] }
        var run = 0
        while run < scalars.count, scalars[run] == first { run += 1 }
        return run >= PageOCR.leaderRun && run < scalars.count ? scalars[run...] : scalars[...]
    }
}
