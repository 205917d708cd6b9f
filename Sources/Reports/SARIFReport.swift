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

    /// Writes the log piece by piece through `emit`, one result at a time, so memory does not
    /// grow with the report. Keys are in sorted order, as in every pasbyscan JSON document.
    func write(to emit: (String) -> Void) {
        let rules = input.rules.descriptors
        var ruleIndex: [String: Int] = [:]
        for (index, rule) in rules.enumerated() { ruleIndex[rule.id] = index }
        let baseIDs = [
            "SRCROOT": SARIFLog.ArtifactLocationDescription(
                description: .init(text: "The folder the scan was run from"))
        ]
        emit("{\n  \"$schema\" : \"\(SARIFLog.schema)\",\n  \"runs\" : [\n    {\n")
        emit("      \"columnKind\" : \"\(SARIFLog.columnKind)\",\n")
        emit("      \"invocations\" : " + JSONText.encode([invocation()], indent: 6) + ",\n")
        emit("      \"originalUriBaseIds\" : " + JSONText.encode(baseIDs, indent: 6) + ",\n")
        emit("      \"results\" : [")
        for (index, finding) in input.findings.enumerated() {
            emit(index == 0 ? "\n        " : ",\n        ")
            let entry = result(finding, ruleIndex: ruleIndex[finding.ruleID] ?? 0)
            emit(JSONText.encode(entry, indent: 8))
        }
        emit(input.findings.isEmpty ? "],\n" : "\n      ],\n")
        let tool = SARIFLog.Tool(
            driver: .init(
                name: ToolInfo.name, version: ToolInfo.version,
                semanticVersion: ToolInfo.version, informationUri: ToolInfo.informationURI,
                rules: rules.map(descriptor)))
        emit("      \"tool\" : " + JSONText.encode(tool, indent: 6) + "\n    }\n  ],\n")
        emit("  \"version\" : \"\(SARIFLog.version)\"\n}\n")
    }

    /// Whether the scan read everything it was asked to. An incomplete scan says so, so that a
    /// dashboard does not take missing results for fixed ones.
    private func invocation() -> SARIFLog.Invocation {
        let summary = input.summary
        guard summary.isIncomplete else {
            return SARIFLog.Invocation(executionSuccessful: true, toolExecutionNotifications: nil)
        }
        var reasons = summary.skipped.filter { $0.key.makesScanIncomplete && $0.value > 0 }
            .sorted { $0.key < $1.key }.map { "\($0.key.rawValue): \($0.value)" }
        if summary.matchLimitHits > 0 {
            reasons.append("candidates at a rule's match limit: \(summary.matchLimitHits)")
        }
        let text =
            "the scan was incomplete (\(reasons.joined(separator: ", "))); "
            + "what was not read may hold secrets"
        return SARIFLog.Invocation(
            executionSuccessful: false,
            toolExecutionNotifications: [.init(level: "error", message: .init(text: text))])
    }

    private func descriptor(_ rule: Rules.Rule) -> SARIFLog.ReportingDescriptor {
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

    private func result(_ finding: Finding, ruleIndex: Int) -> SARIFLog.Result {
        let location = finding.location
        let name = input.rule(for: finding)?.name ?? finding.ruleID
        var message =
            "\(name): \(finding.severity.rawValue) severity, "
            + "\(finding.environment.rawValue) environment"
        if let evidence = finding.evidence {
            message +=
                finding.ruleID == Rule.environmentMixID
                ? "; beside a sandbox credential (\(evidence.ruleID) at "
                    + "\(evidence.path):\(evidence.line))"
                : "; environment decided by \(evidence.ruleID) at \(evidence.path):\(evidence.line)"
        }
        if let commit = finding.gitOrigin?.commit {
            message += "; introduced in commit \(commit)"
        }
        if finding.exposure == .historyOnly {
            message += "; only in history, no longer in the work tree"
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
                evidence: finding.evidence.map { "\($0.ruleID) at \($0.path):\($0.line)" },
                commit: finding.gitOrigin?.commit, authorTime: finding.gitOrigin?.authorDate,
                blob: finding.gitOrigin?.blob, exposure: finding.exposure?.rawValue))
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
