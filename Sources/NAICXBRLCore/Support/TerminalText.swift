/// Text for a terminal: control characters other than line feed and tab, which an input can
/// carry into a diagnostic (a caption, a file name), are shown as `\u{1B}` escapes rather than
/// sent raw, so an input cannot move the cursor, retitle the window or ring the bell.
@_spi(Stages) public enum TerminalText {
    @_spi(Stages) public static func safe(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: isControl) else { return text }
        var out = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            if isControl(scalar) {
                out.append(contentsOf: "\\u{\(String(scalar.value, radix: 16, uppercase: true))}".unicodeScalars)
            } else {
                out.append(scalar)
            }
        }
        return String(out)
    }

    private static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        let v = scalar.value
        return (v < 0x20 && v != 0x0A && v != 0x09) || (0x7F...0x9F).contains(v)
    }
}
