/// One credential found in one place.
///
/// Findings sort by path, line, column and rule id, the order every report uses.
public struct Finding: Sendable, Hashable {
    public var ruleID: String
    /// The credential family (one rule file), the first part of the fingerprint.
    public var family: String
    public var environment: Environment
    public var severity: Severity
    public var location: Location
    /// The matched secret, unredacted. Reports redact it unless told otherwise.
    public var secret: String
    public var encoding: SecretEncoding
    /// Set when a neighbouring credential decided `environment`.
    public var evidence: EnvironmentEvidence?
    /// True when the file holding it looks binary (it has a NUL byte near its start).
    public var isInBinaryFile: Bool
    /// The blob and commit, for findings read from git history (`pasbyscan git`).
    public var gitOrigin: GitOrigin?
    /// Set by the git-aware commands: whether the secret is also in the work tree, only in
    /// history, or staged. Nil for `pasbyscan scan`, and for `git` without a work tree.
    public var exposure: Exposure?

    public init(
        ruleID: String, family: String, environment: Environment, severity: Severity,
        location: Location, secret: String, encoding: SecretEncoding,
        evidence: EnvironmentEvidence? = nil, isInBinaryFile: Bool = false,
        gitOrigin: GitOrigin? = nil, exposure: Exposure? = nil
    ) {
        self.ruleID = ruleID
        self.family = family
        self.environment = environment
        self.severity = severity
        self.location = location
        self.secret = secret
        self.encoding = encoding
        self.evidence = evidence
        self.isInBinaryFile = isInBinaryFile
        self.gitOrigin = gitOrigin
        self.exposure = exposure
    }

    /// Stable identity for baselines: see `Fingerprint`.
    public var fingerprint: String {
        Fingerprint.make(family: family, environment: environment, secret: secret)
    }

    /// The secret as reports show it by default.
    public var redactedSecret: String { Redaction.redact(secret) }
}

extension Finding: Comparable {
    public static func < (lhs: Finding, rhs: Finding) -> Bool {
        let left = lhs.location
        let right = rhs.location
        if left.pathBytes != right.pathBytes {
            return left.pathBytes.lexicographicallyPrecedes(right.pathBytes)
        }
        if left.startLine != right.startLine { return left.startLine < right.startLine }
        if left.startColumn != right.startColumn { return left.startColumn < right.startColumn }
        if lhs.ruleID != rhs.ruleID { return lhs.ruleID < rhs.ruleID }
        if left.byteOffset != right.byteOffset { return left.byteOffset < right.byteOffset }
        if left.byteLength != right.byteLength { return left.byteLength < right.byteLength }
        return lhs.secret.utf8.lexicographicallyPrecedes(rhs.secret.utf8)
    }
}
