import PCRE2Kit
import ScanModel

/// One detection rule, loaded from a file in `rules/` and compiled.
///
/// Immutable and `Sendable`: every worker shares the same rules; per-thread state lives in a
/// `Matcher`. A class, so that the scan's hot path passes a reference rather than copying a
/// struct of a dozen counted fields per candidate.
public final class Rule: Sendable {
    /// How the rule decides the environment of what it finds.
    public enum EnvironmentSource: Sendable, Equatable {
        /// Always this environment.
        case fixed(Environment)
        /// From the text of a named capture, mapped through a table.
        case capture(name: String, values: [String: Environment])
        /// From the pasby credentials beside it (private keys); `unknown` when none decide.
        case inferred
    }

    /// Stable, lowercase, dotted or kebab-case id, used by every report and baseline.
    public let id: String
    /// The credential family: the rule file's `family`, part of every fingerprint.
    public let family: String
    public let name: String
    public let description: String
    /// How to make the credential harmless once leaked (rotate it in pasby Console).
    public let remediation: String
    public let pattern: CompiledPattern
    /// Literals at which a match starts; the prefilter looks for these.
    public let keywords: [String]
    public let environmentSource: EnvironmentSource
    /// Severity per environment the rule can report.
    public let severities: [Environment: Severity]
    /// The capture group holding the secret; 0 is the whole match.
    public let secretGroup: Int
    /// The capture group whose text the entropy and placeholder checks read; 0 is the secret.
    public let tokenGroup: Int
    /// The least Shannon entropy, in bits per byte, the token must have; nil for no check.
    public let minimumEntropy: Double?
    /// The most bytes a match can span; the engine gives the pattern this window.
    public let maximumLength: Int
    public let examples: [String]
    public let negativeExamples: [String]
    /// Where the rule was read from, for messages: `rules/pasby-api-key.yaml`.
    public let origin: String

    init(
        id: String, family: String, name: String, description: String, remediation: String,
        pattern: CompiledPattern, keywords: [String], environmentSource: EnvironmentSource,
        severities: [Environment: Severity], secretGroup: Int, tokenGroup: Int,
        minimumEntropy: Double?, maximumLength: Int, examples: [String],
        negativeExamples: [String], origin: String
    ) {
        self.id = id
        self.family = family
        self.name = name
        self.description = description
        self.remediation = remediation
        self.pattern = pattern
        self.keywords = keywords
        self.environmentSource = environmentSource
        self.severities = severities
        self.secretGroup = secretGroup
        self.tokenGroup = tokenGroup
        self.minimumEntropy = minimumEntropy
        self.maximumLength = maximumLength
        self.examples = examples
        self.negativeExamples = negativeExamples
        self.origin = origin
    }

    /// The severity the rule reports when nothing is inferred: its `unknown` or only entry.
    public var defaultSeverity: Severity {
        switch environmentSource {
        case .fixed(let environment): severities[environment] ?? .high
        case .inferred: severities[.unknown] ?? .high
        case .capture: severities.values.max() ?? .high
        }
    }

    /// The environment reported when nothing beside the match decides it.
    public var defaultEnvironment: Environment {
        if case .fixed(let environment) = environmentSource { return environment }
        return .unknown
    }
}
