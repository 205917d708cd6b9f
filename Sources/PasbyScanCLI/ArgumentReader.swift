/// Walks the command line by hand: options, their values and operands.
///
/// Accepts `--name value`, `--name=value` and `-x value`; `--` ends options.
struct ArgumentReader {
    private var remaining: ArraySlice<String>
    private var optionsEnded = false

    init(_ arguments: ArraySlice<String>) {
        remaining = arguments
    }

    enum Token: Equatable {
        case option(String, inlineValue: String?)
        case operand(String)
    }

    mutating func next() -> Token? {
        guard let argument = remaining.popFirst() else { return nil }
        if optionsEnded || argument == "-" || !argument.hasPrefix("-") {
            return .operand(argument)
        }
        if argument == "--" {
            optionsEnded = true
            return next()
        }
        if argument.hasPrefix("--"), let equals = argument.firstIndex(of: "=") {
            return .option(
                String(argument[..<equals]),
                inlineValue: String(argument[argument.index(after: equals)...]))
        }
        return .option(argument, inlineValue: nil)
    }

    /// The value of `option`: its inline `=value` or the next argument.
    mutating func value(for option: String, inline: String?) throws(UsageError) -> String {
        if let inline {
            guard !inline.isEmpty else { throw UsageError("option \(option) needs a value") }
            return inline
        }
        guard let value = remaining.popFirst() else {
            throw UsageError("option \(option) needs a value")
        }
        return value
    }
}
