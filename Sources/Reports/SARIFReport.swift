import Rules
import ScanModel

/// SARIF 2.1.0 that validates against the OASIS schema and that GitHub code scanning accepts.
///
/// One run; one reporting descriptor per rule, with help that says how to rotate the
/// credential; results in report order with relative, percent-encoded URIs against `%SRCROOT%`
/// (absolute paths become `file://` URIs), and the fingerprint as a partial fingerprint.
struct SARIFReport {
    static let sourceRoot = "%SRCROOT%"
    static let fingerprintKey = "pasbyscan/v1"

    let input: ReportInput

    func render() -> String {
        let rules = input.rules.rules
        var ruleIndex: [String: Int] = [:]
        for (index, rule) in rules.enumerated() { ruleIndex[rule.id] = index }
        let descriptors = rules.map { rule in
            SARIFLog.ReportingDescriptor(
                id: rule.id, name: SARIFReport.pascalName(rule.id),
                shortDescription: .init(text: rule.name),
                fullDescription: .init(text: rule.description),
                help: .init(
                    text: rule.remediation,
                    markdown: "**\(rule.name)**\n\n\(rule.description)\n\n**What to do:** "
                        + rule.remediation),
                defaultConfiguration: .init(level: SARIFReport.level(rule.defaultSeverity)),
                properties: .init(
                    securitySeverity: rule.defaultSeverity.securityScore,
                    tags: ["security", "secret", "cwe-798", environmentTag(rule)],
                    precision: "high"))
        }
        let results = input.findings.map { finding in
            result(finding, ruleIndex: ruleIndex[finding.ruleID] ?? 0)
        }
        let log = SARIFLog(runs: [
            SARIFLog.Run(
                tool: .init(
                    driver: .init(
                        name: ToolInfo.name, version: ToolInfo.version,
                        semanticVersion: ToolInfo.version, informationUri: ToolInfo.informationURI,
                        rules: descriptors)),
                results: results,
                originalUriBaseIds: [
                    "SRCROOT": .init(description: .init(text: "The folder the scan was run from"))
                ])
        ])
        return JSONText.encode(log)
    }

    private func result(_ finding: Finding, ruleIndex: Int) -> SARIFLog.Result {
        let location = finding.location
        let name = input.rule(for: finding)?.name ?? finding.ruleID
        var message =
            "\(name): \(finding.severity.rawValue) severity, "
            + "\(finding.environment.rawValue) environment"
        if let evidence = finding.evidence {
            message += ": environment decided by \(evidence.ruleID) at line \(evidence.line)"
        }
        let isAbsolute = location.path.hasPrefix("/")
        return SARIFLog.Result(
            ruleId: finding.ruleID, ruleIndex: ruleIndex,
            level: SARIFReport.level(finding.severity), message: .init(text: message),
            locations: [
                .init(
                    physicalLocation: .init(
                        artifactLocation: .init(
                            uri: isAbsolute
                                ? "file://" + URIEncoding.encodePath(location.pathBytes)
                                : URIEncoding.encodePath(location.pathBytes),
                            uriBaseId: isAbsolute ? nil : SARIFReport.sourceRoot),
                        region: .init(
                            startLine: location.startLine, startColumn: location.startColumn,
                            endLine: location.endLine, endColumn: location.endColumn,
                            byteOffset: location.byteOffset, byteLength: location.byteLength,
                            snippet: .init(text: input.shownSecret(finding)))))
            ],
            partialFingerprints: [SARIFReport.fingerprintKey: finding.fingerprint],
            properties: .init(
                environment: finding.environment.rawValue, severity: finding.severity.rawValue,
                securitySeverity: finding.severity.securityScore,
                encoding: finding.encoding.rawValue,
                evidence: finding.evidence.map { "\($0.ruleID) at \($0.path):\($0.line)" }))
    }

    private func environmentTag(_ rule: Rules.Rule) -> String {
        switch rule.environmentSource {
        case .fixed(let environment): environment.rawValue
        case .inferred: "inferred"
        case .capture: "captured"
        }
    }

    /// SARIF result level: critical and high are errors, medium warnings, low notes.
    static func level(_ severity: Severity) -> String {
        switch severity {
        case .critical, .high: "error"
        case .medium: "warning"
        case .low: "note"
        }
    }

    /// `pasby.api-key.live` becomes `PasbyApiKeyLive`, the form SARIF viewers show as a name.
    static func pascalName(_ id: String) -> String {
        id.split { $0 == "." || $0 == "-" }
            .map { $0.prefix(1).uppercased() + $0.dropFirst() }
            .joined()
    }
}
