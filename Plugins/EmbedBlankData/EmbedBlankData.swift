import Foundation
import PackagePlugin

/// Embeds every file of a target's `Blank/Data` folder in its code, so the library finds the
/// blank catalog, descriptions, editions and rule files by name without a resource bundle, and
/// adding a data file needs no change to Swift sources or to `Package.swift`.
@main
struct EmbedBlankData: BuildToolPlugin {
    func createBuildCommands(context: PluginContext, target: Target) throws -> [Command] {
        guard let target = target as? SourceModuleTarget else { return [] }
        let folder = target.directoryURL.appending(path: "Blank/Data")
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path(percentEncoded: false))) ?? []
        let inputs = names.filter { $0.hasSuffix(".json") }.sorted().map { folder.appending(path: $0) }
        let output = context.pluginWorkDirectoryURL.appending(path: "BundledBlankData.swift")
        return [
            .buildCommand(
                displayName: "Embedding \(inputs.count) blank data files",
                executable: try context.tool(named: "EmbedBlankDataTool").url,
                arguments: [output.path(percentEncoded: false)] + inputs.map { $0.path(percentEncoded: false) },
                inputFiles: inputs,
                outputFiles: [output]
            ),
        ]
    }
}
