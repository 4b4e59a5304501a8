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
/// What OCR reads then teaches the fonts' cipher (``GlyphMap``), over every page of the document
/// read so: a font without a Unicode map still writes each glyph as one and the same character,
/// so the characters of the words OCR read whole say what each of the font's characters is, and
/// every word whose characters are all known that way is decoded exactly, whatever OCR made of it
/// (``Recognition/page(decodedBy:)``). Glyphs whose character the text extraction takes for white
/// space are found as ink beside the words and read on their own (``lostGlyphs(_:words:image:)``).
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

    /// What OCR reads of a page's words: each word of the text layer (dot leaders aside) with
    /// the text Tesseract reads in its box, its words separated by spaces.
    package struct Recognition: Sendable {
        var number: Int
        var words: [PositionedWord]
        /// Each word as read, an amount's characters tidied.
        var read: [String]
        /// Each word as read as text, for the glyph map.
        var taught: [String]
        /// Ink beside words where the text layer has no word: glyphs it lost.
        var lost: [LostGlyph] = []
        /// What each lost glyph is (``PageOCR/readLost(_:map:deadline:)``): nil where it is not
        /// read, "" where the ink is no lost glyph.
        var lostReadings: [String?] = []
        /// The dot leaders of the text layer, which OCR does not read.
        var leaders: [PositionedWord] = []

        /// The pairs the glyph map learns from.
        var pairs: [(extracted: String, read: String)] { zip(words, taught).map { ($0.text, $1) } }

        /// The page, each word's text the text layer's own where it is plain, decoded by `map`
        /// where it is in a font without a map and every character of it is known, else as OCR
        /// read it; `undecoded` names the words left as OCR read them (and those beside a glyph
        /// the text layer lost that could not be read). A decoded word that holds spaces is
        /// parted into words at them, each given its share of the word's width. The dot leaders
        /// stand where they are printed, as dots where the font has no map (as ``GlyphMap/decode(_:)``
        /// writes a leader glued before a word): they tell where a table's cells end.
        ///
        /// `marking`: a word of a font without a map with a character no page teaches is
        /// decoded but for that character, written U+FFFD (the replacement character), and a
        /// glyph the text layer lost that could not be read is a word "\u{FFFD}" of its own
        /// between the words beside it: nothing is OCR's guess. `undecoded` then names only the
        /// words that cannot be so marked (a word of a font with a map that OCR reads otherwise).
        func page(decodedBy map: GlyphMap, marking: Bool = false) -> (page: PositionedPage, undecoded: [String]) {
            var kept: [PositionedWord] = leaders.map { leader in
                var dots = leader
                if UnreadableText.isGarbled(leader.text) { dots.text = String(repeating: ".", count: leader.text.unicodeScalars.count) }
                return dots
            }
            var undecoded: [String] = []
            let readings = words.indices.map { map.reading(words[$0].text, read: taught[$0]) }
            // A glyph the text layer lost beside a word of a font without a map: an opening
            // parenthesis goes with the word after it, anything else with the word before.
            var before = [String](repeating: "", count: words.count)
            var after = [String](repeating: "", count: words.count)
            var unread = Set<Int>()
            let lostCharacters = map.lostCharacters
            func ciphered(_ index: Int?) -> Int? {
                guard let index, readings[index] != .plain else { return nil }
                return index
            }
            for (position, glyph) in lost.enumerated() {
                let previous = ciphered(glyph.previous), next = ciphered(glyph.next)
                guard previous != nil || next != nil else { continue }
                let reading = lostReadings.indices.contains(position) ? lostReadings[position] : nil
                if reading == "" { continue }
                guard let reading, reading.unicodeScalars.allSatisfy(lostCharacters.contains) else {
                    if marking {
                        kept.append(Self.replacement(between: glyph.previous.map { words[$0] }, glyph.next.map { words[$0] }))
                        continue
                    }
                    if let previous { unread.insert(previous) }
                    if let next { unread.insert(next) }
                    continue
                }
                if let next, reading.first == "(" || previous == nil { before[next] += reading } else if let previous { after[previous] += reading }
            }
            for (index, word) in words.enumerated() {
                var text = read[index]
                switch readings[index] {
                case .plain: text = word.text
                case .decoded(let decoded): text = before[index] + decoded + after[index]
                case .unknown:
                    if marking, UnreadableText.isGarbled(word.text), let marked = map.decode(word.text, marking: true) {
                        text = before[index] + marked + after[index]
                    } else {
                        undecoded.append("\"\(read[index])\"")
                    }
                }
                if unread.contains(index) { undecoded.append("a mark beside \"\(text)\"") }
                guard !text.isEmpty else { continue }
                let characters = Array(text)
                let width = (word.x1 - word.x0) / Double(characters.count)
                var start = 0
                for piece in text.split(separator: " ", omittingEmptySubsequences: false) {
                    defer { start += piece.count + 1 }
                    guard !piece.isEmpty else { continue }
                    var part = word
                    part.text = String(piece)
                    part.x0 = word.x0 + Double(start) * width
                    part.x1 = word.x0 + Double(start + piece.count) * width
                    kept.append(part)
                }
            }
            return (PositionedPage(number: number, lines: PositionedDocument.lines(of: kept)), undecoded)
        }

        /// A word "\u{FFFD}" where a lost glyph that could not be read stands: between the words
        /// beside it, or half a line's height after the word before it (or before the word after).
        static func replacement(between previous: PositionedWord?, _ next: PositionedWord?) -> PositionedWord {
            let beside = previous ?? next!
            let height = beside.y1 - beside.y0
            let x0: Double, x1: Double
            if let previous, let next, next.x0 > previous.x1, abs(next.y0 - previous.y0) < height / 2 {
                (x0, x1) = (previous.x1, next.x0)
            } else if let previous {
                (x0, x1) = (previous.x1, previous.x1 + height / 2)
            } else {
                (x0, x1) = (beside.x0 - height / 2, beside.x0)
            }
            return PositionedWord(text: "\u{FFFD}", x0: x0, x1: x1, y0: beside.y0, y1: beside.y1)
        }
    }

    /// The page's first `lines` lines (all without a number) read from its rendering, each word's
    /// text as recognized; words read as nothing are left out.
    package static func read(_ page: PositionedPage, image: GrayImage, lines: Int? = nil, deadline: DispatchTime) throws(Failure) -> PositionedPage {
        var recognition = try recognize(page, image: image, lines: lines, deadline: deadline)
        let map = GlyphMap.learn(recognition.pairs)
        try readLost(&recognition, map: map, deadline: deadline)
        return recognition.page(decodedBy: map).page
    }

    /// Whether the box's ink is one horizontal bar in the middle of its height, at least three
    /// times as wide as it is thick and no thicker than a fifth of the box.
    static func isDash(_ box: Box, in image: GrayImage) -> Bool {
        guard let (top, bottom, left, right, _) = ink(in: box, of: image) else { return false }
        let thick = bottom - top + 1, wide = right - left + 1, middle = (top + bottom) / 2 - box.y0
        // Every column of the bar's span inked: one stroke, not a dotted rule.
        for x in left...right where !(top...bottom).contains(where: { image.pixels[$0 * image.width + x] < 128 }) { return false }
        return wide >= 3 * thick && thick * 5 <= box.height && middle * 10 >= box.height * 3 && middle * 10 <= box.height * 8
    }

    /// The rows and columns the dark pixels of `box` stand in (inclusive), and how many there are;
    /// nil where the box holds none or lies outside the image.
    static func ink(in box: Box, of image: GrayImage) -> (top: Int, bottom: Int, left: Int, right: Int, dark: Int)? {
        guard box.x0 >= 0, box.y0 >= 0, box.x1 <= image.width, box.y1 <= image.height, box.x1 > box.x0, box.y1 > box.y0 else { return nil }
        var top = box.y1, bottom = box.y0 - 1, left = box.x1, right = box.x0 - 1, dark = 0
        for y in box.y0..<box.y1 {
            for x in box.x0..<box.x1 where image.pixels[y * image.width + x] < 128 {
                top = min(top, y); bottom = max(bottom, y); left = min(left, x); right = max(right, x); dark += 1
            }
        }
        return dark > 0 ? (top, bottom, left, right, dark) : nil
    }

    /// Ink printed beside a word where the text layer has none: a glyph whose character the
    /// text extraction takes for white space (a font without a map may write a parenthesis as a
    /// line feed), between the words `previous` and `next` of ``Recognition/words``.
    package struct LostGlyph: Sendable {
        var previous: Int?
        var next: Int?
        var image: GrayImage
    }

    /// Pixels left out beside a word's box (a glyph may reach a little past its advance).
    static let inkMargin = 3
    /// Dark pixels that make ink.
    static let inkPixels = 4

    /// The lost glyphs beside each word of `lines`: in the gap between two words of a line, where
    /// it is narrower than two of their heights, or within one height before the first or after
    /// the last word of a run, wherever the rendering holds ink and the text layer no word.
    static func lostGlyphs(_ lines: [PositionedLine], words: [PositionedWord], image: GrayImage) -> [LostGlyph] {
        let scale = resolution / 72
        var index: [Int] = []
        var found: [LostGlyph] = []
        var position = 0
        for line in lines {
            // Dot leaders aside: some printers draw them under an amount.
            let all = line.words.filter { !isLeader($0.text) }.sorted { $0.x0 < $1.x0 }
            index = all.map { word in
                if let at = words[position...].firstIndex(where: { $0 == word }) { return at }
                return -1
            }
            position = max(position, (index.max() ?? -1) + 1)
            func region(_ x0: Double, _ x1: Double, _ word: PositionedWord) -> GrayImage? {
                // Ink in the upper part of the line: every lost character reaches it, dot leaders
                // (drawn under an amount by some printers) do not.
                let height = word.y1 - word.y0
                let top = Int((word.y0 + height * 0.15) * scale), bottom = Int((word.y0 + height * 0.6) * scale)
                let left = max(0, Int(x0 * scale) + inkMargin), right = min(image.width, Int(x1 * scale) - inkMargin)
                guard right > left, bottom > top, top >= 0, bottom <= image.height else { return nil }
                var dark = 0
                var first = right, last = left
                for y in top..<bottom {
                    let row = y * image.width
                    for x in left..<right where image.pixels[row + x] < 128 {
                        dark += 1
                        first = min(first, x)
                        last = max(last, x)
                    }
                }
                guard dark >= inkPixels else { return nil }
                // A rule drawn across the line (a table's vertical line) goes on above and below it.
                func inked(_ rows: Range<Int>) -> Bool {
                    rows.contains { y in y >= 0 && y < image.height && (first...last).contains { image.pixels[y * image.width + $0] < 128 } }
                }
                let above = Int(word.y0 * scale), below = Int((word.y1 * scale).rounded(.up))
                if inked((above - 6)..<(above - 2)) && inked((below + 2)..<(below + 6)) { return nil }
                // The glyph is read from the columns its ink stands in, its edges included.
                let from = max(max(0, Int(x0 * scale)), first - inkMargin - 2), to = min(min(image.width, Int((x1 * scale).rounded(.up))), last + inkMargin + 3)
                let padTop = max(0, Int(word.y0 * scale)), padBottom = min(image.height, Int((word.y1 * scale).rounded(.up)))
                guard to > from, padBottom > padTop else { return nil }
                var pixels: [UInt8] = []
                pixels.reserveCapacity((to - from) * (padBottom - padTop))
                for y in padTop..<padBottom { pixels += image.pixels[(y * image.width + from)..<(y * image.width + to)] }
                return GrayImage(width: to - from, height: padBottom - padTop, pixels: pixels)
            }
            for (k, word) in all.enumerated() {
                let height = word.y1 - word.y0
                let previous = k > 0 ? all[k - 1] : nil
                let own = index[k] >= 0 ? index[k] : nil
                if let previous, word.x0 - previous.x1 < 2 * height {
                    if let image = region(previous.x1, word.x0, word) {
                        found.append(LostGlyph(previous: index[k - 1] >= 0 ? index[k - 1] : nil, next: own, image: image))
                    } else if previous.x1 >= word.x1, previous.x0 < word.x0 - height, endsInLeader(previous.text),
                              let image = region(word.x0 - height / 2, word.x0, word) {
                        // The word is printed over the one before (a dollar sign and its leader,
                        // "$......", running under the whole amount): ink just before it, nearer
                        // than that dollar sign stands, is its own.
                        found.append(LostGlyph(previous: nil, next: own, image: image))
                    }
                    continue
                }
                if let previous, let image = region(previous.x1, previous.x1 + height, previous) {
                    found.append(LostGlyph(previous: index[k - 1] >= 0 ? index[k - 1] : nil, next: nil, image: image))
                }
                if let image = region(word.x0 - height, word.x0, word) {
                    found.append(LostGlyph(previous: nil, next: own, image: image))
                }
            }
            if let last = all.last, let image = region(last.x1, last.x1 + (last.y1 - last.y0), last) {
                found.append(LostGlyph(previous: index.last.flatMap { $0 >= 0 ? $0 : nil }, next: nil, image: image))
            }
        }
        return found
    }

    /// Reads the lost glyphs beside words of fonts without a map, with only the characters the
    /// text extraction takes for white space allowed (``GlyphMap/lostCharacters``).
    static func readLost(_ recognition: inout Recognition, map: GlyphMap, deadline: DispatchTime) throws(Failure) {
        recognition.lostReadings = [String?](repeating: nil, count: recognition.lost.count)
        let allowed = String(String.UnicodeScalarView(map.lostCharacters.sorted { $0.value < $1.value }))
        guard !recognition.lost.isEmpty, !allowed.isEmpty, let tesseract = tesseractPath() else { return }
        // The glyphs' images stacked into one, each read in its box.
        let width = recognition.lost.map(\.image.width).max() ?? 1
        let height = recognition.lost.map(\.image.height).reduce(0, +)
        var pixels = [UInt8](repeating: 255, count: width * height)
        var boxes: [Box] = []
        var top = 0
        for glyph in recognition.lost {
            for y in 0..<glyph.image.height {
                let from = y * glyph.image.width
                pixels.replaceSubrange(((top + y) * width)..<((top + y) * width + glyph.image.width), with: glyph.image.pixels[from..<(from + glyph.image.width)])
            }
            boxes.append(Box(x0: 0, x1: glyph.image.width, y0: top, y1: top + glyph.image.height))
            top += glyph.image.height
        }
        let stack = GrayImage(width: width, height: height, pixels: pixels)
        let texts = try recognize(boxes, in: stack, page: recognition.number, tool: tesseract, allowed: allowed, deadline: deadline)
        recognition.lostReadings = texts.map { text in
            let glyphs = text.filter { $0 != " " }
            return glyphs.isEmpty ? nil : glyphs
        }
        // Ink none of those characters reads: read with every character allowed, it is another
        // glyph (a dollar sign the text layer sets apart, leader dots) when only those are read
        // in it; it is then no glyph of the words beside it. Anything else leaves them unread.
        let unread = recognition.lostReadings.indices.filter { recognition.lostReadings[$0] == nil }
        let again = try recognize(unread.map { boxes[$0] }, in: stack, page: recognition.number, tool: tesseract, allowed: nil, deadline: deadline)
        let lost = map.lostCharacters
        for (position, index) in unread.enumerated() {
            let glyphs = again[position].filter { $0 != " " }
            if !glyphs.isEmpty, !glyphs.unicodeScalars.contains(where: lost.contains), glyphs.allSatisfy({ "$.\u{B7}\u{2022}".contains($0) }) {
                recognition.lostReadings[index] = ""
            }
        }
        // Still unread: each glyph alone, its ink's rows only, with a wide white margin, read as one
        // character; then by its shape.
        let left = recognition.lostReadings.indices.filter { recognition.lostReadings[$0] == nil }
        let single = try readSingle(left.map { recognition.lost[$0].image }, page: recognition.number, tool: tesseract,
                                    allowed: allowed, deadline: deadline)
        for (position, index) in left.enumerated() {
            let glyph = single[position].filter { $0 != " " }
            if !glyph.isEmpty, glyph.unicodeScalars.allSatisfy(lost.contains) {
                recognition.lostReadings[index] = glyph
            } else if let shape = shape(of: recognition.lost[index].image), shape.isEmpty || lost.contains(Unicode.Scalar(shape)!) {
                recognition.lostReadings[index] = shape
            }
        }
    }

    /// A lost glyph told by its shape: a mark in the upper part of the line alone is an
    /// apostrophe; a round blob in its middle is a bullet, no character of the words beside it ("").
    static func shape(of image: GrayImage) -> String? {
        guard let (top, bottom, left, right, dark) = ink(in: Box(x0: 0, x1: image.width, y0: 0, y1: image.height), of: image) else { return nil }
        let tall = bottom - top + 1, wide = right - left + 1
        if bottom * 100 <= image.height * 45, tall * 100 <= image.height * 30, wide <= tall { return "'" }
        let middle = (top + bottom) * 50 / image.height
        if (40...75).contains(middle), abs(tall - wide) * 4 <= max(tall, wide), dark * 10 >= tall * wide * 6,
           tall * 100 <= image.height * 40 { return "" }
        return nil
    }

    /// Each image read alone as one character, its rows of ink only (a mark of the line above cut
    /// off), in a white margin.
    static func readSingle(_ images: [GrayImage], page: Int, tool: String, allowed: String, deadline: DispatchTime) throws(Failure) -> [String] {
        let results = images.map { _ in StackResult() }
        DispatchQueue.concurrentPerform(iterations: images.count) { index in
            let image = inkRows(images[index])
            let margin = 30
            let width = image.width + 2 * margin, height = image.height + 2 * margin
            var pixels = [UInt8](repeating: 255, count: width * height)
            for y in 0..<image.height {
                pixels.replaceSubrange(((y + margin) * width + margin)..<((y + margin) * width + margin + image.width),
                                       with: image.pixels[(y * image.width)..<((y + 1) * image.width)])
            }
            do throws(StackFailure) {
                let output = try tesseract(tool, GrayImage(width: width, height: height, pixels: pixels),
                                           arguments: ["--psm", "10", "-c", "tessedit_char_whitelist=\(allowed)"], deadline: deadline, outputLimit: 1 << 16)
                results[index].texts = [String(decoding: output, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)]
            } catch {
                results[index].failure = error.description
            }
        }
        var texts: [String] = []
        for result in results {
            if let failure = result.failure { throw .failed(page: page, failure) }
            texts.append(result.texts.first ?? "")
        }
        return texts
    }

    /// The image's tallest run of rows holding ink (rows of white apart from others' ink).
    static func inkRows(_ image: GrayImage) -> GrayImage {
        var runs: [Range<Int>] = []
        var start: Int?
        for y in 0...image.height {
            let inked = y < image.height && (0..<image.width).contains { image.pixels[y * image.width + $0] < 128 }
            if inked, start == nil { start = y }
            if !inked, let first = start { runs.append(first..<y); start = nil }
        }
        guard let tallest = runs.max(by: { $0.count < $1.count }), runs.count > 1 else { return image }
        let from = max(0, tallest.lowerBound - 2), to = min(image.height, tallest.upperBound + 2)
        return GrayImage(width: image.width, height: to - from, pixels: Array(image.pixels[(from * image.width)..<(to * image.width)]))
    }

    /// What OCR reads of the page's first `lines` lines (all without a number), to be decoded
    /// with the glyph map of the document (``Recognition/page(decodedBy:)``).
    package static func recognize(_ page: PositionedPage, image: GrayImage, lines: Int? = nil, deadline: DispatchTime) throws(Failure) -> Recognition {
        guard let tesseract = tesseractPath() else { throw .toolMissing("tesseract") }
        var page = page
        if let lines { page.lines = Array(page.lines.prefix(lines)) }
        return try recognize(page, image: image, tool: tesseract, deadline: deadline)
    }

    private static func recognize(_ page: PositionedPage, image: GrayImage, tool tesseract: String, deadline: DispatchTime) throws(Failure) -> Recognition {
        let words = page.lines.flatMap(\.words).filter { !isLeader($0.text) }
        let scale = resolution / 72
        let boxes = words.map { word in
            Box(x0: max(0, Int(word.x0 * scale) - padding), x1: min(image.width, Int((word.x1 * scale).rounded(.up)) + padding),
                y0: max(0, Int(word.y0 * scale) - padding), y1: min(image.height, Int((word.y1 * scale).rounded(.up)) + padding))
        }
        let asText = try recognize(boxes, in: image, page: page.number, tool: tesseract, allowed: nil, deadline: deadline)
        var texts = asText
        // An amount OCR reads in pieces is one word.
        for index in texts.indices { if let number = amount(texts[index].filter { $0 != " " }) { texts[index] = number } }
        let again = asText.indices.filter { (asText[$0].isEmpty || asText[$0].contains(where: \.isNumber)) && amount(asText[$0].filter { $0 != " " }) == nil }
        let asAmounts = try recognize(again.map { boxes[$0] }, in: image, page: page.number, tool: tesseract,
                                      allowed: amountCharacters, deadline: deadline)
        // Read as text, a small period survives ("4.1", "3."); read as an amount, a `0` is never
        // an `O`. The text reading stands when it is an amount as it is.
        // The glyph map learns from the text reading: an amount's reading turns a "+" into a digit.
        // A word read as nothing as text (a dash alone) teaches what its amount reading sees.
        var taught = asText
        for (position, index) in again.enumerated() {
            let reading = asAmounts[position].filter { $0 != " " }
            if let number = amount(reading) { texts[index] = number }
            if taught[index].isEmpty { taught[index] = reading }
        }
        // A glyph alone that OCR reads as nothing either way and that prints one bar across the
        // middle of the line is a dash (a table's "nothing"): that is what it teaches.
        for index in words.indices where taught[index].isEmpty && words[index].text.unicodeScalars.count == 1 && isDash(boxes[index], in: image) {
            taught[index] = "\u{2013}"
        }
        return Recognition(number: page.number, words: words, read: texts, taught: taught,
                           lost: lostGlyphs(page.lines, words: words, image: image),
                           leaders: page.lines.flatMap(\.words).filter { isLeader($0.text) })
    }

    /// A dot leader: one character printed five times or more, whatever the font maps it to (an
    /// amount never prints one digit five times without a comma; "111" is an amount).
    static func isLeader(_ text: String) -> Bool {
        guard let first = text.unicodeScalars.first else { return true }
        return text.unicodeScalars.count >= leaderRun && text.unicodeScalars.allSatisfy { $0 == first }
    }

    static let leaderRun = 5

    /// Whether the word ends in a dot leader (``isLeader(_:)``): "$......".
    static func endsInLeader(_ text: String) -> Bool {
        guard let last = text.unicodeScalars.last else { return false }
        return text.unicodeScalars.reversed().prefix { $0 == last }.count >= leaderRun
    }

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
        var arguments = ["--psm", "6"]
        if let allowed { arguments += ["-c", "tessedit_char_whitelist=\(allowed)"] }
        arguments.append("tsv")
        let output = try tesseract(tool, GrayImage(width: width, height: height, pixels: pixels), arguments: arguments,
                                   deadline: deadline, outputLimit: 64 << 20)
        // TSV: level, page, block, paragraph, line, word, left, top, width, height, confidence, text.
        var texts = [String](repeating: "", count: stack.count)
        for line in String(decoding: output, as: UTF8.self).split(separator: "\n").dropFirst() {
            let fields = line.split(separator: "\t", omittingEmptySubsequences: false)
            guard fields.count >= 12, fields[0] == "5", let top = Int(fields[7]), let tall = Int(fields[9]) else { continue }
            let text = fields[11].trimmingCharacters(in: .whitespaces)
            guard !text.isEmpty else { continue }
            let center = top + tall / 2
            if let row = rows.firstIndex(where: { $0.lowerBound - gap / 2 <= center && center < $0.upperBound + gap / 2 }) {
                texts[row] += texts[row].isEmpty ? text : " " + text
            }
        }
        return texts
    }

    /// What `tesseract` writes for `image` (a binary PGM on its standard input), one thread, with
    /// `arguments` after its input and output.
    private static func tesseract(_ tool: String, _ image: GrayImage, arguments: [String], deadline: DispatchTime,
                                  outputLimit: Int) throws(StackFailure) -> [UInt8] {
        let input = Array("P5\n\(image.width) \(image.height)\n255\n".utf8) + image.pixels
        let outcome: ChildProcess.Outcome
        do {
            outcome = try ChildProcess.run(tool, ["stdin", "stdout"] + arguments, input: input, environment: ["OMP_THREAD_LIMIT": "1"],
                                           deadline: deadline, outputLimit: outputLimit)
        } catch {
            throw StackFailure(description: "could not start \(tool): \(error.localizedDescription)")
        }
        if outcome.timedOut { throw StackFailure(description: "tesseract did not finish by the time limit") }
        guard outcome.status == 0, !outcome.tooLong else {
            throw StackFailure(description: "tesseract: \(outcome.errors.isEmpty ? "exit status \(outcome.status)" : String(outcome.errors.prefix(200)))")
        }
        return outcome.output
    }
}

/// The characters a font without a Unicode map writes, learned from what OCR reads.
///
/// Such a font extracts each glyph as one and the same character ("Continued" as "'SRXMRYIH",
/// each digit as one control character, its space as another), so it is a substitution: where OCR
/// reads a word with as many characters as its text layer has, each pair (extracted, read) is a
/// vote. A character whose votes agree (at least three, four in five the same) is known; a word
/// whose characters are all known is decoded, which corrects what OCR misread in it (an 8 for a 3
/// on one amount is outvoted by the same glyph read right on every other). A character with split
/// votes (two fonts using it for different letters) stays unknown, and its words keep their OCR
/// text.
///
/// - **Spaces.** A font whose space is a glyph sets a whole printed line as one word of the text
///   layer. The character that splits the most such words into as many pieces as OCR reads words
///   there is the space; each piece is then paired with OCR's word.
/// - **Ligatures.** A glyph that prints several letters ("fi", "ffl") or none that OCR sees is
///   learned in the one piece where it is the only unknown character: what OCR reads between the
///   decoded characters before and after it is its vote.
/// - **A font with a map.** A word that is no cipher (its characters read as text, and OCR reads it
///   with at most one character in four otherwise) is the text layer's own: it neither votes nor
///   is decoded, and it is kept as extracted.
///
/// Votes are pooled over the pages of a document, so a glyph printed once on a page is known from
/// the others.
struct GlyphMap: Equatable {
    /// The character the fonts write for a space, where their spaces are glyphs.
    var space: Unicode.Scalar?
    /// What each known character prints.
    var known: [Unicode.Scalar: String] = [:]
    /// The offset of the fonts' characters from the ASCII they print, where one holds
    /// (``shift(of:)``).
    var shift: Int?

    /// The characters the text extraction loses: those the fonts write as a tab, line feed,
    /// vertical tab, form feed, carriage return or space, by ``shift``. Their glyphs print ink
    /// where the text layer has white space (``PageOCR/lostGlyphs(_:words:image:)``). None
    /// without a shift: such ink then leaves its word unread.
    var lostCharacters: Set<Unicode.Scalar> {
        guard let shift else { return [] }
        return Set([0x09, 0x0A, 0x0B, 0x0C, 0x0D, 0x20].compactMap { code -> Unicode.Scalar? in
            guard let printed = Unicode.Scalar(UInt32(max(0, code + shift))), (0x21...0x7E).contains(printed.value) else { return nil }
            return printed
        })
    }

    static let minimumVotes = 3

    /// Learns the cipher from pairs of a word's text layer and what OCR reads of it (OCR's words
    /// separated by spaces).
    static func learn(_ pairs: [(extracted: String, read: String)]) -> GlyphMap {
        let ciphered = pairs.filter { !isPlain($0.extracted, read: $0.read) && !$0.read.isEmpty }
        var map = GlyphMap()
        map.space = space(in: ciphered)
        var votes: [Unicode.Scalar: [String: Int]] = [:]
        var unequal: [(ArraySlice<Unicode.Scalar>, Substring)] = []
        for (extracted, read) in ciphered {
            for (pieces, words) in map.pieces(extracted, read: read) {
                guard pieces.count == words.count else { unequal.append((pieces, words)); continue }
                for (scalar, character) in zip(pieces, words) { votes[scalar, default: [:]][String(character), default: 0] += 1 }
            }
        }
        // The ligature pass leans on characters known by three votes or more: two that agree
        // may be two misreadings of a ligature as long as its piece.
        map.known = agreed(votes, pairs: false)
        map.shift = shift(of: agreed(votes, pairs: true))
        // A ligature or an unseen glyph: the one unknown character of a piece.
        var more: [Unicode.Scalar: [String: Int]] = [:]
        for (pieces, words) in unequal {
            let unknown = pieces.indices.filter { map.character(pieces[$0]) == nil }
            guard unknown.count == 1, let at = unknown.first else { continue }
            let before = pieces[..<at].compactMap(map.character).joined()
            let after = pieces[(at + 1)...].compactMap(map.character).joined()
            let read = Array(words)
            guard read.count >= before.count + after.count, read.count - before.count - after.count <= 3,
                  String(read.prefix(before.count)) == before, String(read.suffix(after.count)) == after else { continue }
            more[pieces[at], default: [:]][String(read[before.count..<(read.count - after.count)]), default: 0] += 1
        }
        // Every character by all its votes.
        for (scalar, counts) in more { for (text, count) in counts { votes[scalar, default: [:]][text, default: 0] += count } }
        map.known = agreed(votes, pairs: true)
        return map
    }

    /// Characters OCR does not tell apart: their votes count together, for the one read most.
    static let lookAlike: [[String]] = [["'", "\u{2019}", "\u{2018}"], ["\"", "\u{201C}", "\u{201D}"], ["-", "\u{2013}", "\u{2014}"]]

    /// The offset from the characters the fonts write to the letters, digits and punctuation they
    /// print, where the font's glyphs follow Unicode's order (a subset font that keeps the glyph
    /// numbers of its whole font): one offset for nine in ten of at least twenty known
    /// characters. A character no word teaches, in that range, is then known by it.
    private static func shift(of known: [Unicode.Scalar: String]) -> Int? {
        var offsets: [Int: Int] = [:]
        var total = 0
        for (scalar, text) in known {
            guard text.unicodeScalars.count == 1, let printed = text.unicodeScalars.first, (0x21...0x7E).contains(printed.value) else { continue }
            total += 1
            offsets[Int(printed.value) - Int(scalar.value), default: 0] += 1
        }
        guard let best = offsets.max(by: { ($0.value, $1.key) < ($1.value, $0.key) }), best.key != 0, best.value >= 20, best.value * 10 >= total * 9 else { return nil }
        return best.key
    }

    /// The characters whose votes agree: at least three, four in five the same; with `pairs`,
    /// also two and no other.
    private static func agreed(_ votes: [Unicode.Scalar: [String: Int]], pairs: Bool) -> [Unicode.Scalar: String] {
        var known: [Unicode.Scalar: String] = [:]
        for (scalar, counts) in votes {
            let total = counts.values.reduce(0, +)
            var grouped: [String: Int] = [:]
            for (text, count) in counts { grouped[lookAlike.first { $0.contains(text) }?.first ?? text, default: 0] += count }
            guard let best = grouped.max(by: { ($0.value, $1.key) < ($1.value, $0.key) }),
                  best.value >= minimumVotes && best.value * 5 >= total * 4 || pairs && best.value == total && total >= 2 else { continue }
            let members = lookAlike.first { $0.first == best.key } ?? [best.key]
            known[scalar] = members.max { (counts[$0] ?? 0, $1) < (counts[$1] ?? 0, $0) } ?? best.key
        }
        return known
    }

    /// The font's space: the character that splits words into as many pieces as OCR reads words
    /// in them, on at least three words and twice as many as any other character.
    private static func space(in pairs: [(extracted: String, read: String)]) -> Unicode.Scalar? {
        var votes: [Unicode.Scalar: Int] = [:]
        for (extracted, read) in pairs {
            let words = read.split(separator: " ").count
            guard words >= 2 else { continue }
            let scalars = core(Array(extracted.unicodeScalars))
            for scalar in Set(scalars) where scalars.split(separator: scalar, omittingEmptySubsequences: false).count == words {
                votes[scalar, default: 0] += 1
            }
        }
        let ranked = votes.sorted { ($0.value, $1.key.value) > ($1.value, $0.key.value) }
        guard let best = ranked.first, best.value >= minimumVotes, best.value >= 2 * (ranked.dropFirst().first?.value ?? 0) else { return nil }
        return best.key
    }

    /// A word's pieces (split at the space) paired with OCR's words; none where they do not pair.
    private func pieces(_ extracted: String, read: String) -> [(ArraySlice<Unicode.Scalar>, Substring)] {
        let scalars = Array(extracted.unicodeScalars)
        let rest = GlyphMap.core(scalars)
        let pieces = space.map { rest.split(separator: $0, omittingEmptySubsequences: false) } ?? [rest]
        if pieces.count == 1 {
            // One piece: OCR's reading whole; a dot leader glued to the amount is not read as such,
            // so the amount is compared with the end of what OCR read, a stray sign before it aside.
            let characters = read.filter { $0 != " " }
            guard !rest.isEmpty else { return [] }
            let aligned = rest.count < scalars.count ? String(characters.suffix(rest.count)) : characters
            return [(rest, Substring(aligned))]
        }
        let words = read.split(separator: " ", omittingEmptySubsequences: false)
        guard words.count == pieces.count else { return [] }
        return Array(zip(pieces, words))
    }

    /// What the character prints: as learned, or by the shift (letters, digits and punctuation).
    func character(_ scalar: Unicode.Scalar) -> String? {
        if let text = known[scalar] { return text }
        guard let shift, let printed = Unicode.Scalar(UInt32(max(0, Int(scalar.value) + shift))), (0x21...0x7E).contains(printed.value) else { return nil }
        return String(printed)
    }

    /// The word decoded, a dot leader glued before it written as as many dots; nil when one of
    /// its characters is not known (or, `marking`, that character written U+FFFD).
    func decode(_ text: String, marking: Bool = false) -> String? {
        let scalars = Array(text.unicodeScalars)
        let rest = GlyphMap.core(scalars)
        guard !rest.isEmpty else { return nil }
        var decoded = String(repeating: ".", count: scalars.count - rest.count)
        for scalar in rest {
            if scalar == space { decoded.append(" "); continue }
            if let text = character(scalar) {
                decoded.append(text)
            } else if marking {
                decoded.append("\u{FFFD}")
            } else {
                return nil
            }
        }
        return decoded
    }

    /// How a word is read.
    enum Reading: Equatable {
        /// The text layer's own text is the word's.
        case plain
        /// Decoded from the text layer.
        case decoded(String)
        /// Neither: a character of it is not known.
        case unknown
    }

    /// How the word whose text layer is `extracted`, and which OCR reads as `read`, is read: plain
    /// where it reads as text and OCR reads it so, or reads nothing there (a mark OCR does not
    /// see); decoded where its decoding is nearer what OCR reads than its text layer is.
    func reading(_ extracted: String, read: String) -> Reading {
        if extracted == read { return .plain }
        let decoded = decode(extracted)
        guard !UnreadableText.isGarbled(extracted) else { return decoded.map(Reading.decoded) ?? .unknown }
        if read.isEmpty { return .plain }
        let plain = GlyphMap.distance(Array(extracted), Array(read))
        // Nearer OCR decoded; or as near, where OCR reads none of the text layer's characters.
        if let decoded {
            let near = GlyphMap.distance(Array(decoded), Array(read))
            if near < plain || near == plain && plain >= extracted.count { return .decoded(decoded) }
        }
        return plain * 4 <= max(extracted.count, 1) ? .plain : .unknown
    }

    /// Whether the word is the text layer's own: no cipher's (it reads as text) and OCR reads it
    /// with at most one character in four otherwise.
    static func isPlain(_ extracted: String, read: String) -> Bool {
        if extracted == read { return true }
        guard !UnreadableText.isGarbled(extracted) else { return false }
        let a = Array(extracted), b = Array(read)
        return distance(a, b) * 4 <= max(a.count, 1)
    }

    /// Levenshtein distance.
    static func distance(_ a: [Character], _ b: [Character]) -> Int {
        guard !a.isEmpty else { return b.count }
        guard !b.isEmpty else { return a.count }
        var previous = Array(0...b.count)
        var current = previous
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
            }
            swap(&previous, &current)
        }
        return previous[b.count]
    }

    /// Each word's text: the text layer's where it is plain, decoded where every character is
    /// known, else what OCR read.
    static func decode(_ extracted: [String], read: [String]) -> [String] {
        let map = learn(Array(zip(extracted, read)))
        return zip(extracted, read).map { text, recognized in
            switch map.reading(text, read: recognized) {
            case .plain: return text
            case .decoded(let decoded): return decoded
            case .unknown: return recognized
            }
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
