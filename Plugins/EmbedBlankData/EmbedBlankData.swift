import Foundation
import PackagePlugin

/// Embeds every file of a target's `Blank/Data` folder in its code, so the library finds the
/// blank catalog, descriptions, editions and rule files by name without a resource bundle, and
/// adding a data file needs no change to Swift sources or to `Package.swift`.
///
/// The files are written as base-64 string literals (which the compiler reads far faster than
/// array literals of the same size) by the system's shell and `base64`, so no executable of the
/// package has to be built for the host first, whatever flags the build passes its targets.
@main
struct EmbedBlankData: BuildToolPlugin {
    static let script = #"""
    out="$1"; shift
    {
        printf '// Generated from the files of Blank/Data at build time; do not edit.\n'
        printf 'enum BundledBlankData {\n    /// Each data file'"'"'s bytes, base-64 encoded, by file name.\n'
        printf '    static let files: [String: String] = [\n'
        for file in "$@"; do
            printf '        "%s": "' "${file##*/}"
            base64 < "$file" | tr -d '\n'
            printf '",\n'
        done
        printf '    ]\n}\n'
    } > "$out.tmp" && mv "$out.tmp" "$out"
    """#

    func createBuildCommands(context: PluginContext, target: Target) throws -> [Command] {
        guard let target = target as? SourceModuleTarget else { return [] }
        let folder = target.directoryURL.appending(path: "Blank/Data")
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path(percentEncoded: false))) ?? []
        let inputs = names.filter { $0.hasSuffix(".json") }.sorted().map { folder.appending(path: $0) }
        let output = context.pluginWorkDirectoryURL.appending(path: "BundledBlankData.swift")
        return [
            .buildCommand(
                displayName: "Embedding \(inputs.count) blank data files",
                executable: URL(fileURLWithPath: "/bin/sh"),
                arguments: ["-c", Self.script, "embed-blank-data", output.path(percentEncoded: false)] + inputs.map { $0.path(percentEncoded: false) },
                inputFiles: inputs,
                outputFiles: [output]
            ),
        ]
    }
}
