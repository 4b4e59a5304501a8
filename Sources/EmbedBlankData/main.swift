import Foundation

// Writes a Swift file that holds each given file's bytes by its file name:
// `EmbedBlankDataTool OUTPUT.swift FILE...`. The bytes are written as a base-64 string literal,
// which the compiler reads far faster than an array literal of the same size.
let arguments = CommandLine.arguments.dropFirst()
guard let output = arguments.first else {
    FileHandle.standardError.write(Data("usage: EmbedBlankDataTool OUTPUT.swift FILE...\n".utf8))
    exit(2)
}
var source = """
// Generated from the files of Blank/Data at build time; do not edit.
import Foundation

enum BundledBlankData {
    /// Each data file's bytes, by file name.
    static let files: [String: String] = [

"""
for path in arguments.dropFirst() {
    let url = URL(fileURLWithPath: path)
    guard let data = FileManager.default.contents(atPath: path) else {
        FileHandle.standardError.write(Data("EmbedBlankDataTool: cannot read \(path)\n".utf8))
        exit(2)
    }
    source += "        \"\(url.lastPathComponent)\": \"\(data.base64EncodedString())\",\n"
}
source += """
    ]
}

"""
do {
    try Data(source.utf8).write(to: URL(fileURLWithPath: output), options: .atomic)
} catch {
    FileHandle.standardError.write(Data("EmbedBlankDataTool: cannot write \(output): \(error)\n".utf8))
    exit(2)
}
