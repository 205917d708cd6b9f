import PCRE2Kit

/// The rules a scan runs: loaded, compiled, ids unique.
public struct RuleSet: Sendable {
    public let rules: [Rule]

    /// Loads rule files given as (name for messages, YAML text) pairs.
    /// - Throws: `RuleError` for the first file, rule or field at fault.
    public init(files: [(origin: String, text: String)]) throws(RuleError) {
        var rules: [Rule] = []
        var origins: [String: String] = [:]
        for file in files {
            for rule in try RuleLoader(origin: file.origin).load(file.text) {
                if let first = origins[rule.id] {
                    throw RuleError(
                        file: file.origin, ruleID: rule.id, field: "id",
                        message: "the id is already used in \"\(first)\"; ids must be unique")
                }
                origins[rule.id] = file.origin
                rules.append(rule)
            }
        }
        guard !rules.isEmpty else {
            throw RuleError(file: "(rules)", message: "no rule files were given")
        }
        self.rules = rules
    }

    /// Every rule a report can name: the pattern rules and the engine's built-in checks.
    public var descriptors: [Rule] { rules + [Rule.environmentMix] }

    /// The rules shipped inside the binary, identical to the repository's `rules/`; compiled
    /// once per process, on first use.
    public static func builtin() -> RuleSet { builtinRules }

    private static let builtinRules: RuleSet = {
        do {
            return try RuleSet(files: BuiltinRuleFiles.files)
        } catch {
            fatalError("the built-in rules do not load: \(error)")
        }
    }()

    /// The most capture groups any rule's pattern has; a `Matcher` needs room for these.
    public var maximumCaptureCount: Int {
        rules.map(\.pattern.captureCount).max() ?? 0
    }

    /// Runs every rule's examples the way the engine runs rules, anchored where a keyword
    /// starts: each example must match, and no negative example may match.
    /// - Returns: one error per failing example; empty when all pass.
    public func checkExamples() -> [RuleError] {
        let matcher = Matcher(maximumCaptureCount: maximumCaptureCount)
        var errors: [RuleError] = []
        for rule in rules {
            for (index, example) in rule.examples.enumerated() {
                if let problem = exampleProblem(rule, example, matcher: matcher) {
                    errors.append(
                        RuleError(
                            file: rule.origin, ruleID: rule.id, field: "examples[\(index)]",
                            message: problem))
                }
            }
            for (index, example) in rule.negativeExamples.enumerated() {
                let bytes = Array(example.utf8)
                let match = try? rule.firstMatch(in: bytes.span, using: matcher)
                if match != nil {
                    errors.append(
                        RuleError(
                            file: rule.origin, ruleID: rule.id,
                            field: "negative_examples[\(index)]",
                            message: "matches, but a negative example must not"))
                }
            }
        }
        return errors
    }

    private func exampleProblem(_ rule: Rule, _ example: String, matcher: Matcher) -> String? {
        let bytes = Array(example.utf8)
        let match: RuleMatch?
        do {
            match = try rule.firstMatch(in: bytes.span, using: matcher)
        } catch {
            return "stopped with a PCRE2 error: \(error)"
        }
        guard match != nil else {
            return "does not match the pattern and token checks at any of the keywords"
        }
        return nil
    }
}
