import Foundation
import ScanModel

/// The JSON report: `docs/json-report.md` documents it, `docs/json-report.schema.json` checks it.
///
/// Keys are sorted and the scan's duration is left out, so the same input gives the same bytes.
struct JSONReport {
    static let formatVersion = 1

    let input: ReportInput

    struct Tool: Encodable {
        let name = ToolInfo.name
        let version = ToolInfo.version
    }

    struct Item: Encodable {
        let rule: String
        let name: String
        let family: String
        let environment: String
        let severity: String
        let path: String
        let startLine: Int
        let startColumn: Int
        let endLine: Int
        let endColumn: Int
        let byteOffset: Int
        let byteLength: Int
        let binaryFile: Bool
        let secret: String
        let secretRedacted: Bool
        let fingerprint: String
        let encoding: String
        let evidence: Evidence?
        let git: Git?
        let exposure: String?

        enum CodingKeys: String, CodingKey {
            case rule, name, family, environment, severity, path, secret, fingerprint, encoding
            case evidence, git, exposure
            case startLine = "start_line"
            case startColumn = "start_column"
            case endLine = "end_line"
            case endColumn = "end_column"
            case byteOffset = "byte_offset"
            case byteLength = "byte_length"
            case binaryFile = "binary_file"
            case secretRedacted = "secret_redacted"
        }
    }

    struct Evidence: Encodable {
        let rule: String
        let path: String
        let line: Int
    }

    /// Where in history a finding from `pasbyscan git` comes from.
    struct Git: Encodable {
        let blob: String
        let commit: String?
        let authorTime: String?

        enum CodingKeys: String, CodingKey {
            case blob, commit
            case authorTime = "author_time"
        }
    }

    struct Summary: Encodable {
        let filesScanned: Int
        let bytesScanned: Int
        let filesSkipped: Int
        let skipped: [String: Int]
        let allowedFindings: Int
        let baselineFindings: Int
        let matchLimitHits: Int
        let findingsTotal: Int
        let findings: [String: Int]
        let incomplete: Bool

        enum CodingKeys: String, CodingKey {
            case skipped, findings, incomplete
            case filesScanned = "files_scanned"
            case bytesScanned = "bytes_scanned"
            case filesSkipped = "files_skipped"
            case allowedFindings = "allowed_findings"
            case baselineFindings = "baseline_findings"
            case matchLimitHits = "match_limit_hits"
            case findingsTotal = "findings_total"
        }
    }

    /// Writes the report piece by piece through `emit`, one finding at a time, so memory does
    /// not grow with the report.
    func write(to emit: (String) -> Void) {
        emit("{\n  \"findings\" : [")
        for (index, finding) in input.findings.enumerated() {
            emit(index == 0 ? "\n    " : ",\n    ")
            emit(JSONText.encode(item(finding), indent: 4))
        }
        emit(input.findings.isEmpty ? "],\n" : "\n  ],\n")
        emit("  \"format\" : \"pasbyscan-report\",\n")
        emit("  \"format_version\" : \(Self.formatVersion),\n")
        emit("  \"summary\" : " + JSONText.encode(summary(), indent: 2) + ",\n")
        emit("  \"tool\" : " + JSONText.encode(Tool(), indent: 2) + "\n}\n")
    }

    private func item(_ finding: Finding) -> Item {
        let location = finding.location
        return Item(
            rule: finding.ruleID, name: input.rule(for: finding)?.name ?? finding.ruleID,
            family: finding.family, environment: finding.environment.rawValue,
            severity: finding.severity.rawValue, path: location.path,
            startLine: location.startLine, startColumn: location.startColumn,
            endLine: location.endLine, endColumn: location.endColumn,
            byteOffset: location.byteOffset, byteLength: location.byteLength,
            binaryFile: finding.isInBinaryFile, secret: input.shownSecret(finding),
            secretRedacted: !input.showsSecrets, fingerprint: finding.fingerprint,
            encoding: finding.encoding.rawValue,
            evidence: finding.evidence.map {
                Evidence(rule: $0.ruleID, path: $0.path, line: $0.line)
            },
            git: finding.gitOrigin.map {
                Git(blob: $0.blob, commit: $0.commit, authorTime: $0.authorDate)
            }, exposure: finding.exposure?.rawValue)
    }

    private func summary() -> Summary {
        let summary = input.summary
        var skipped: [String: Int] = [:]
        for (reason, count) in summary.skipped { skipped[reason.rawValue] = count }
        var counts: [String: Int] = [:]
        for (environment, count) in input.countsByEnvironment {
            counts[environment.rawValue] = count
        }
        return Summary(
            filesScanned: summary.filesScanned, bytesScanned: summary.bytesScanned,
            filesSkipped: summary.skippedCount, skipped: skipped,
            allowedFindings: summary.allowedFindings, baselineFindings: summary.baselineFindings,
            matchLimitHits: summary.matchLimitHits,
            findingsTotal: input.findings.count, findings: counts,
            incomplete: summary.isIncomplete)
    }
}

/// JSON text with sorted keys, two-space indentation and unescaped slashes.
enum JSONText {
    /// `value` as JSON whose lines after the first are indented by `indent` spaces, to stand
    /// inside an enclosing document at that depth; no trailing newline.
    static func encode(_ value: some Encodable, indent: Int) -> String {
        let data = encoded(value)
        var bytes: [UInt8] = []
        bytes.reserveCapacity(data.count + data.count / 8)
        for byte in data {
            bytes.append(byte)
            if byte == 0x0A {
                bytes.append(contentsOf: repeatElement(UInt8(ascii: " "), count: indent))
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// `value` as a whole JSON document ending in a newline.
    static func encode(_ value: some Encodable) -> String {
        String(decoding: encoded(value), as: UTF8.self) + "\n"
    }

    private static func encoded(_ value: some Encodable) -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        guard let data = try? encoder.encode(value) else {
            fatalError("report structs always encode")
        }
        return data
    }
}
