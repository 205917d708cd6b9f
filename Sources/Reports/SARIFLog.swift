/// The parts of the SARIF 2.1.0 object model pasbyscan writes, as `Codable` structs.
///
/// Property names follow the specification (OASIS SARIF 2.1.0, §3); optional properties that
/// are nil are left out. The log and its one run are written around these by `SARIFReport`,
/// which streams the results.
enum SARIFLog {
    static let schema = "https://json.schemastore.org/sarif-2.1.0.json"
    static let version = "2.1.0"
    static let columnKind = "unicodeCodePoints"

    struct Invocation: Encodable {
        let executionSuccessful: Bool
        let toolExecutionNotifications: [Notification]?
    }

    struct Notification: Encodable {
        let level: String
        let message: Message
    }

    struct ArtifactLocationDescription: Encodable {
        let description: Message
    }

    struct Tool: Encodable {
        let driver: Driver
    }

    struct Driver: Encodable {
        let name: String
        let version: String
        let semanticVersion: String
        let informationUri: String
        let rules: [ReportingDescriptor]
    }

    struct ReportingDescriptor: Encodable {
        let id: String
        let name: String
        let shortDescription: Message
        let fullDescription: Message
        let help: MultiformatMessage
        let defaultConfiguration: Configuration
        let properties: RuleProperties
    }

    struct Configuration: Encodable {
        let level: String
    }

    struct RuleProperties: Encodable {
        let securitySeverity: String
        let tags: [String]
        let precision: String

        enum CodingKeys: String, CodingKey {
            case securitySeverity = "security-severity"
            case tags, precision
        }
    }

    struct Message: Encodable {
        let text: String
    }

    struct MultiformatMessage: Encodable {
        let text: String
        let markdown: String
    }

    struct Result: Encodable {
        let ruleId: String
        let ruleIndex: Int
        let level: String
        let message: Message
        let locations: [Location]
        let partialFingerprints: [String: String]
        let properties: ResultProperties
    }

    struct Location: Encodable {
        let physicalLocation: PhysicalLocation
    }

    struct PhysicalLocation: Encodable {
        let artifactLocation: ArtifactLocation
        let region: Region
    }

    struct ArtifactLocation: Encodable {
        let uri: String
        let uriBaseId: String?
    }

    struct Region: Encodable {
        let startLine: Int
        let startColumn: Int
        let endLine: Int
        let endColumn: Int
        let byteOffset: Int
        let byteLength: Int
        let snippet: Message
    }

    struct ResultProperties: Encodable {
        let environment: String
        let severity: String
        let securitySeverity: String
        let encoding: String
        let evidence: String?
        /// For findings from git history: the introducing commit, its author time, the blob.
        var commit: String?
        var authorTime: String?
        var blob: String?
        /// From `git` and `staged`: `worktree`, `history-only` or `staged`.
        var exposure: String?

        enum CodingKeys: String, CodingKey {
            case environment, severity, encoding, evidence, commit, authorTime, blob, exposure
            case securitySeverity = "security-severity"
        }
    }
}
