import PCRE2Kit
import ScanModel

/// Reads one rule file (YAML) into compiled rules, checking every field.
///
/// A file holds one credential family:
///
/// ```yaml
/// family: pasby.api-key
/// rules:
///   - id: pasby.api-key.live
///     ...
/// ```
///
/// The fields of a rule are documented in `rules/README.md`.
public struct RuleLoader {
    /// The file name used in messages.
    public let origin: String

    public init(origin: String) {
        self.origin = origin
    }

    /// Parses and compiles every rule in `text`.
    /// - Throws: `RuleError` naming the line, rule and field at fault.
    public func load(_ text: String) throws(RuleError) -> [Rule] {
        let root: YAMLNode
        do {
            root = try YAMLNode.parse(text)
        } catch {
            throw RuleError(
                file: origin, line: error.line, message: "not valid YAML: \(error.message)")
        }
        let fields = try RuleFields(node: root, origin: origin, ruleID: nil)
        try fields.rejectUnknown(["family", "rules"])
        let family = try fields.requiredString("family")
        try checkIdentifier(family, field: "family", line: fields.line("family"), ruleID: nil)
        let ruleNodes = try fields.requiredSequence("rules")
        guard !ruleNodes.isEmpty else {
            throw RuleError(
                file: origin, line: fields.line("rules"), field: "rules",
                message: "the list is empty; add at least one rule")
        }
        var rules: [Rule] = []
        for node in ruleNodes {
            rules.append(try loadRule(node, family: family))
        }
        return rules
    }

    private func loadRule(_ node: YAMLNode, family: String) throws(RuleError) -> Rule {
        let probe = try RuleFields(node: node, origin: origin, ruleID: nil)
        let id = try probe.requiredString("id")
        let fields = try RuleFields(node: node, origin: origin, ruleID: id)
        try checkIdentifier(id, field: "id", line: fields.line("id"), ruleID: id)
        try fields.rejectUnknown([
            "id", "name", "description", "remediation", "pattern", "keywords", "environment",
            "severity", "secret_group", "token_group", "min_entropy", "max_length", "examples",
            "negative_examples",
        ])

        let patternText = try fields.requiredString("pattern")
        let pattern: CompiledPattern
        do {
            pattern = try CompiledPattern(patternText, isAnchored: true)
        } catch {
            throw fields.error("pattern", "does not compile: \(error)")
        }
        let environmentSource = try environment(fields, pattern: pattern)
        let severities = try severity(fields, source: environmentSource)
        let keywords = try fields.requiredStringList("keywords")
        if let short = keywords.first(where: { $0.utf8.count < 3 }) {
            throw fields.error(
                "keywords",
                "\"\(short)\" is shorter than 3 bytes; a keyword is the literal start of every "
                    + "match, and a shorter one would make almost every byte a candidate")
        }

        return Rule(
            id: id, family: family,
            name: try fields.requiredString("name"),
            description: try fields.requiredString("description"),
            remediation: try fields.requiredString("remediation"),
            pattern: pattern, keywords: keywords, environmentSource: environmentSource,
            severities: severities,
            secretGroup: try group(fields, "secret_group", pattern: pattern),
            tokenGroup: try group(fields, "token_group", pattern: pattern),
            minimumEntropy: try fields.optionalNumber("min_entropy", in: 0...8),
            maximumLength: Int(try fields.optionalNumber("max_length", in: 1...1_048_576) ?? 4096),
            examples: try fields.requiredStringList("examples"),
            negativeExamples: try fields.optionalStringList("negative_examples"),
            origin: origin)
    }

    private func environment(_ fields: RuleFields, pattern: CompiledPattern)
        throws(RuleError) -> Rule.EnvironmentSource
    {
        if let mapping = try fields.optionalMapping("environment") {
            let capture = try mapping.requiredString("capture")
            guard pattern.groupNumber(named: capture) != nil else {
                throw fields.error("environment", "the pattern has no group named \"\(capture)\"")
            }
            var values: [String: Environment] = [:]
            for (text, _, node) in try mapping.requiredMapping("values").pairs {
                values[text] = try mapping.environmentValue(node, field: "environment.values")
            }
            return .capture(name: capture, values: values)
        }
        let text = try fields.requiredString("environment")
        if text == "inferred" { return .inferred }
        guard let environment = Environment(rawValue: text), environment != .unknown else {
            throw fields.error(
                "environment",
                "\"\(text)\" is not one of production, sandbox, none, inferred, or a mapping "
                    + "with capture and values")
        }
        return .fixed(environment)
    }

    private func severity(_ fields: RuleFields, source: Rule.EnvironmentSource)
        throws(RuleError) -> [Environment: Severity]
    {
        var severities: [Environment: Severity] = [:]
        if let mapping = try fields.optionalMapping("severity") {
            for (key, _, node) in mapping.pairs {
                guard let environment = Environment(rawValue: key) else {
                    throw fields.error("severity", "\"\(key)\" is not an environment")
                }
                severities[environment] = try mapping.severityValue(node, field: "severity")
            }
        } else {
            let severity = try fields.severityValue(
                fields.requiredNode("severity"), field: "severity")
            for environment in Environment.allCases { severities[environment] = severity }
        }
        let needed: [Environment] =
            switch source {
            case .fixed(let environment): [environment]
            case .inferred: [.production, .sandbox, .unknown]
            case .capture(_, let values): Array(Set(values.values)) + [.unknown]
            }
        for environment in needed where severities[environment] == nil {
            throw fields.error(
                "severity", "no severity for environment \"\(environment.rawValue)\"")
        }
        return severities
    }

    private func group(_ fields: RuleFields, _ field: String, pattern: CompiledPattern)
        throws(RuleError) -> Int
    {
        guard let name = try fields.optionalString(field) else { return 0 }
        guard let number = pattern.groupNumber(named: name) else {
            throw fields.error(field, "the pattern has no group named \"\(name)\"")
        }
        return number
    }

    private func checkIdentifier(_ value: String, field: String, line: Int?, ruleID: String?)
        throws(RuleError)
    {
        guard RuleLoader.isValidIdentifier(value) else {
            throw RuleError(
                file: origin, line: line, ruleID: ruleID, field: field,
                message: "\"\(value)\" must be lowercase letters and digits joined by . or -")
        }
    }

    /// True for stable ids: lowercase letters and digits, joined by single `.` or `-`.
    public static func isValidIdentifier(_ value: String) -> Bool {
        var previousWasSeparator = true
        for byte in value.utf8 {
            let isSeparator = byte == UInt8(ascii: ".") || byte == UInt8(ascii: "-")
            let isWordByte =
                (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte)
                || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
            if isSeparator {
                if previousWasSeparator { return false }
            } else if !isWordByte {
                return false
            }
            previousWasSeparator = isSeparator
        }
        return !value.isEmpty && !previousWasSeparator
    }
}
