/// The formats `--format` accepts.
public enum ReportFormat: String, Sendable, CaseIterable {
    /// Blocks a person reads in a terminal.
    case text
    /// The versioned JSON format described in `docs/json-report.md`.
    case json
    /// SARIF 2.1.0 for code-scanning dashboards.
    case sarif

    /// Renders `input` in this format; `colors` applies to text only.
    public func render(_ input: ReportInput, colors: Bool) -> String {
        switch self {
        case .text: TextReport(input: input, colors: colors).render()
        case .json: JSONReport(input: input).render()
        case .sarif: SARIFReport(input: input).render()
        }
    }
}
