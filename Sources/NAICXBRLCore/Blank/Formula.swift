/// Arithmetic printed in a caption or column heading, over line or column numbers.
///
/// The grammar is the blank's own, written compactly: terms joined by `+` and `-`, each term a
/// number (`8.3`, or `A.4` where the blank numbers lines within lettered sections) or an inclusive
/// range in printed order (`1..11`). `Lines 1 to 11` is `1..11`;
/// `Line 12.8 minus Line 13.7 and Line 14` is `12.8-13.7-14`.
public struct Formula: Hashable, Sendable, CustomStringConvertible {
    public enum Reference: Hashable, Sendable {
        case single(String)
        case range(String, String)
    }

    public struct Term: Hashable, Sendable {
        /// +1 or -1.
        public var sign: Int
        public var reference: Reference
    }

    public var terms: [Term]

    public init?(_ text: String) {
        var terms: [Term] = []
        var sign = 1
        var current = ""
        func flush() -> Bool {
            guard !current.isEmpty else { return false }
            let parts = current.components(separatedBy: "..")
            switch parts.count {
            case 1: terms.append(Term(sign: sign, reference: .single(parts[0])))
            case 2 where !parts[0].isEmpty && !parts[1].isEmpty:
                terms.append(Term(sign: sign, reference: .range(parts[0], parts[1])))
            default: return false
            }
            current = ""
            return true
        }
        for ch in text where ch != " " {
            if ch == "+" || ch == "-" {
                guard flush() else { return nil }
                sign = ch == "+" ? 1 : -1
            } else if ch.isNumber || ch == "." || (ch.isASCII && ch.isUppercase) {
                // A line number, in a lettered section's form where the blank numbers lines so ("A.4").
                current.append(ch)
            } else {
                return nil
            }
        }
        guard flush() else { return nil }
        self.terms = terms
    }

    public var description: String {
        var out = ""
        for (i, term) in terms.enumerated() {
            if i > 0 || term.sign < 0 { out += term.sign < 0 ? "-" : "+" }
            switch term.reference {
            case .single(let n): out += n
            case .range(let a, let b): out += "\(a)..\(b)"
            }
        }
        return out
    }
}

extension PageDescription {
    /// The value-bearing lines a formula adds up, each with its sign, in printed order.
    ///
    /// A range takes every line printed from its first to its last line; a heading line ("36.
    /// Less treasury stock, at cost:") stands for the lines under it. Returns `nil` when the
    /// formula names a line the page does not have.
    public func expand(_ formula: Formula) -> [(sign: Int, line: String)]? {
        var result: [(Int, String)] = []
        for term in formula.terms {
            switch term.reference {
            case .single(let number):
                guard let index = lineIndex(number) else { return nil }
                if lines[index].isHeading {
                    for child in children(ofHeadingAt: index) { result.append((term.sign, child)) }
                } else {
                    result.append((term.sign, number))
                }
            case .range(let first, let last):
                guard let a = lineIndex(first), let b = lineIndex(last), a <= b else { return nil }
                for line in lines[a...b] where !line.isHeading { result.append((term.sign, line.line)) }
            }
        }
        return result
    }

    /// Finds a line by number, tolerating a leading zero written or omitted (`8.3` and `08.3`).
    package func lineIndex(_ number: String) -> Int? {
        if let i = lines.firstIndex(where: { $0.line == number }) { return i }
        let trimmed = number.hasPrefix("0") ? String(number.dropFirst()) : "0" + number
        return lines.firstIndex { $0.line == trimmed }
    }

    func children(ofHeadingAt index: Int) -> [String] {
        let prefix = lines[index].line + "."
        return lines[(index + 1)...].prefix { $0.line.hasPrefix(prefix) }.filter { !$0.isHeading }.map(\.line)
    }
}
