/// The formats `--format` accepts.
public enum ReportFormat: String, Sendable, CaseIterable {
    /// Blocks a person reads in a terminal.
    case text
    /// The versioned JSON format described in `docs/json-report.md`.
    case json
    /// SARIF 2.1.0 for code-scanning dashboards.
    case sarif

    /// Writes `input` in this format through `emit`, piece by piece, so that a large report
    /// is never held whole in memory; `colors` applies to text only.
    public func write(_ input: ReportInput, colors: Bool, to emit: (String) -> Void) {
        switch self {
        case .text: TextReport(input: input, colors: colors).write(to: emit)
        case .json: JSONReport(input: input).write(to: emit)
        case .sarif: SARIFReport(input: input).write(to: emit)
        }
    }

    /// The whole report as one string.
    public func render(_ input: ReportInput, colors: Bool) -> String {
        var text = ""
        write(input, colors: colors) { text += $0 }
        return text
    }
}
