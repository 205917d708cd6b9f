import Rules

/// `pasbyscan rules list|check`.
struct RulesCommand {
    let console: Console

    func run(_ arguments: ArraySlice<String>) throws(UsageError) -> ExitStatus {
        guard let action = arguments.first else {
            throw UsageError("\"rules\" needs an action: list or check")
        }
        var reader = ArgumentReader(arguments.dropFirst())
        var operands: [String] = []
        var rulesPath: String?
        while let token = reader.next() {
            switch token {
            case .operand(let operand): operands.append(operand)
            case .option("--rules", let inline):
                rulesPath = try reader.value(for: "--rules", inline: inline)
            case .option(let name, _): throw UsageError("unknown option \"\(name)\" for rules")
            }
        }
        switch action {
        case "list":
            guard operands.isEmpty else {
                throw UsageError("\"rules list\" takes no operands; use --rules PATH")
            }
            list(try RuleSource.load(rulesPath))
            return .clean
        case "check":
            var files: [String] = []
            for operand in operands { files += try RuleSource.ruleFiles(at: operand) }
            if let rulesPath { files += try RuleSource.ruleFiles(at: rulesPath) }
            return try check(files)
        default:
            throw UsageError("unknown rules action \"\(action)\"; use list or check")
        }
    }

    private func list(_ rules: RuleSet) {
        var text = ""
        for rule in rules.descriptors {
            let environment =
                switch rule.environmentSource {
                case .fixed(let environment): environment.rawValue
                case .inferred: "inferred"
                case .capture(let name, _): "from capture \(name)"
                }
            let severities = rule.severities.sorted { $0.key < $1.key }
            let severity: String =
                if case .fixed(let environment) = rule.environmentSource {
                    rule.severities[environment]?.rawValue ?? "?"
                } else {
                    severities.map { "\($0.key.rawValue)=\($0.value.rawValue)" }
                        .joined(separator: ",")
                }
            text += "\(rule.id)\t\(environment)\t\(severity)\t\(rule.name)\n"
        }
        console.output(text)
    }

    private func check(_ files: [String]) throws(UsageError) -> ExitStatus {
        let rules = files.isEmpty ? RuleSet.builtin() : try RuleSource.load(files: files)
        let problems = rules.checkExamples()
        for problem in problems { console.error("rules: \(problem)") }
        let source = files.isEmpty ? "built-in rules" : "\(files.count) file(s)"
        guard problems.isEmpty else {
            console.diagnostic(
                "pasbyscan: \(problems.count) rule example(s) failed in \(source); fix the "
                    + "pattern or the example")
            return .usage
        }
        let examples = rules.rules.reduce(0) { $0 + $1.examples.count + $1.negativeExamples.count }
        console.diagnostic(
            "pasbyscan: \(rules.rules.count) rules in \(source) are valid; "
                + "\(examples) examples pass"
        )
        return .clean
    }
}
