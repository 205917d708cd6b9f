import ScanModel

/// The command-line interface: `main.swift` hands it the arguments and exits with its status.
public enum CLI {
    /// Runs one command; `arguments` includes the program name first.
    public static func run(_ arguments: [String], console: Console) -> Int32 {
        let words = arguments.dropFirst()
        do {
            return try dispatch(words, console: console).rawValue
        } catch {
            console.error(error.message)
            if error.showsUsage {
                let usage = HelpText.usage(for: words.first)
                console.diagnostic(usage + "\nrun \"pasbyscan --help\" for details")
            }
            return ExitStatus.usage.rawValue
        }
    }

    private static func dispatch(_ words: ArraySlice<String>, console: Console)
        throws(UsageError) -> ExitStatus
    {
        guard let command = words.first else {
            throw UsageError("no command given")
        }
        switch command {
        case "-h", "--help", "help":
            console.output(HelpText.full + "\n")
            return .clean
        case "--version", "version":
            console.output("\(ToolInfo.name) \(ToolInfo.version)\n")
            return .clean
        case "scan":
            let arguments = words.dropFirst()
            if arguments.contains("-h") || arguments.contains("--help") {
                console.output(HelpText.full + "\n")
                return .clean
            }
            let options = try ScanCommand.parse(arguments)
            return try ScanCommand(console: console).run(options)
        case "staged":
            let arguments = words.dropFirst()
            if arguments.contains("-h") || arguments.contains("--help") {
                console.output(HelpText.full + "\n")
                return .clean
            }
            return try StagedCommand(console: console).run(StagedCommand.parse(arguments))
        case "git":
            let arguments = words.dropFirst()
            if arguments.contains("-h") || arguments.contains("--help") {
                console.output(HelpText.full + "\n")
                return .clean
            }
            let (options, scope) = try GitCommand.parse(arguments)
            return try GitCommand(console: console).run(options, scope: scope)
        case "hook":
            return try HookCommand(console: console).run(HookCommand.parse(words.dropFirst()))
        case "rules":
            return try RulesCommand(console: console).run(words.dropFirst())
        default:
            throw UsageError("unknown command \"\(command)\"")
        }
    }
}
