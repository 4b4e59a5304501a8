import ArgumentParser

/// `--findings FILE`: every finding the command prints (and the info ones it does not), in the
/// project's one findings form, written whatever the outcome.
struct FindingsOption: ParsableArguments {
    @Option(help: "Write every finding (with info ones, and a check's rule, expected and actual sides and cells) as JSON to this file.")
    var findings: String?

    /// Records the command's findings about `input` from here on.
    func record(about input: String) {
        Output.recordFindings(to: findings, about: input)
    }
}
